import { CN_NUMERALS, cnNumeralValue } from './text.ts'

/**
 * Section headings: a Chinese numeral, 、 and a heading text taken from src/editions
 * (二、主动公开政府信息情况, 五、存在的主要问题及改进情况 …). The numeral is read, not required
 * to be the national one: Shanghai's template renumbers the sections.
 */
export interface HeadingHit {
  /** Offset of the numeral. */
  at: number
  /** Offset just after the heading text. */
  end: number
  numeral: number | null
}

const cache = new Map<string, RegExp>()

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * `core` is compact (no punctuation); the printed heading may have spaces and punctuation
 * between characters. Only the first `required` characters must be there: the rest of the
 * heading is taken as far as it agrees (存在的主要问题和改进情况 still matches).
 */
function headingPattern(core: string, required: number): RegExp {
  const key = `${core}:${required}`
  let re = cache.get(key)
  if (!re) {
    const sep = '[\\s、，,·]*'
    const chars = [...core].map(escape)
    const head = chars.slice(0, required).join(sep)
    const tail = chars.slice(required).reduceRight((inner, c) => `(?:${sep}${c}${inner})?`, '')
    // 五、政府信息公开工作存在的主要问题及改进情况: the heading may name the work first
    const work = '(?:(?:政府信息公开|政务公开)(?:工作)?[\\s、，,·]*)?'
    re = new RegExp(`(?<![${CN_NUMERALS}（(])([${CN_NUMERALS}]{1,3})\\s*[、.．]\\s*${work}${head}${tail}`, 'g')
    cache.set(key, re)
  }
  return re
}

/** Rest of a heading line: a short remainder with no sentence punctuation belongs to the heading. */
const HEADING_REST = /^[^\n。，；,;]{0,12}(?=\n)/

export function findHeading(text: string, core: string, from = 0, required = core.length): HeadingHit | null {
  const re = headingPattern(core, Math.min(required, core.length))
  re.lastIndex = from
  const m = re.exec(text)
  if (!m) return null
  let end = m.index + m[0].length
  const lineStart = text.lastIndexOf('\n', m.index) + 1
  if (/^\s*$/.test(text.slice(lineStart, m.index))) {
    const rest = HEADING_REST.exec(text.slice(end, end + 14))
    if (rest && !/\d/.test(rest[0])) end += rest[0].length
  }
  return { at: m.index, end, numeral: cnNumeralValue(m[1]!) }
}

/** The first occurrence of a plain label (no numeral), spaces allowed between its characters. */
export function findLabel(text: string, core: string, from = 0): { at: number; end: number } | null {
  const key = `label:${core}`
  let re = cache.get(key)
  if (!re) {
    re = new RegExp([...core].map(escape).join('[\\s、，,·（）()]*'), 'g')
    cache.set(key, re)
  }
  re.lastIndex = from
  const m = re.exec(text)
  return m ? { at: m.index, end: m.index + m[0].length } : null
}

/**
 * The next top-level heading numbered `numeral` after `from`: at a line start, or (on pages
 * flattened to one line) after the end of a sentence.
 */
export function findNumberedHeading(text: string, numeral: number, from: number): number | null {
  const n = [...CN_NUMERALS].filter((_, i) => i > 0)
  const word = numeral <= 10 ? n[numeral - 1]! : null
  if (!word) return null
  const re = new RegExp(`(?:^|\\n|[。；;！!？?]\\s*|\\s{2,})\\s*${word}\\s*、`, 'g')
  re.lastIndex = from
  const m = re.exec(text)
  if (!m) return null
  return m.index + m[0].indexOf(word)
}
