import type { Label } from '@xxgk/schema'

/**
 * The file cannot be read as a report at all: not a supported format, damaged, or no report
 * inside. Carries the reason in Chinese and English; `xxgk parse` exits 2 with it.
 */
export class ParseRefusal extends Error {
  readonly reason: Label

  constructor(reason: Label) {
    super(`${reason.zh} / ${reason.en}`)
    this.name = 'ParseRefusal'
    this.reason = reason
  }
}

export const refuse = (zh: string, en: string): never => {
  throw new ParseRefusal({ zh, en })
}
