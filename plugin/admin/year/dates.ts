/** Dates as the Chinese admin shows them (no React, no Payload: usable anywhere). */

export const DISPLAY_FORMATS = { zh: 'yyyy年M月d日', en: 'MMM d, yyyy' } as const

/** A date as the Chinese calendar day it falls on: 2025年1月20日 / Jan 20, 2025. */
export function formatDay(value: unknown, lang: 'zh' | 'en'): string {
  if (typeof value !== 'string' && !(value instanceof Date)) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  if (lang === 'en') return date.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Shanghai' })
  // the calendar day in China (UTC+8, no daylight saving), written out: the runtime's zh-CN format may be 2025/1/20
  const china = new Date(date.getTime() + 8 * 3600 * 1000)
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日`
}

/** `Dec 1, 2026, 9:40 PM` (Payload's en-US format) as 2026年12月1日 21:40; null when not a date. */
export function chineseDateTime(text: string): string | null {
  // Date.parse is lenient ("用户: 12" reads as December 2001): a date names its year
  if (!/\b\d{4}\b/.test(text)) return null
  const time = Date.parse(text)
  if (Number.isNaN(time)) return null
  const d = new Date(time)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
