/** A text in the two languages of the project: Chinese first, English second. */
export interface Label {
  zh: string
  en: string
}

export type Lang = keyof Label
