import type { Label, Lang } from '../labels.ts'

export type MessageValue = string | number | null | Label | undefined

function show(value: MessageValue, lang: Lang): string {
  if (value === null || value === undefined) return lang === 'zh' ? '空白' : 'blank'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return value
  return value[lang]
}

/** Fills `{name}` placeholders of a two-language template. */
export function formatMessage(template: Label, vars: Record<string, MessageValue>): Label {
  const render = (lang: Lang) => template[lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? show(vars[name], lang) : whole))
  return { zh: render('zh'), en: render('en') }
}
