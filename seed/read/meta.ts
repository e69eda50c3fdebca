import { REPORT_NAME } from '@xxgk/schema'
import type { Ambiguity } from '../types.ts'
import type { DeclaredFacts } from './document.ts'
import { noSpace } from './text.ts'

/**
 * Title, agency and year. The title is the report's own heading: agency, year, then the report
 * name (王集乡人民政府2023年政府信息公开工作年度报告), or year first (2024年上海市科委政府信息公开
 * 工作年度报告), possibly wrapped over two lines. The heading inside the document wins over the
 * file's metadata (web page title, crawler header), which is the fallback.
 */
export interface Meta {
  title: string | null
  agency: string | null
  year: number | null
  ambiguities: Ambiguity[]
}

const spaced = (s: string) => [...s].join('\\s*')
/** 政府信息公开工作年度报告, with 工作 optional (some reports drop it). */
const NAME = spaced(REPORT_NAME.zh).replace(spaced('工作'), `(?:${spaced('工作')})?`)
const NAME_CHAR = /[\u3400-\u9fffA-Za-z0-9（）()]/
const TITLE = new RegExp(`(\\d{4})\\s*年\\s*(?:度\\s*)?((?:[\\u3400-\\u9fffA-Za-z（）()]\\s*){0,30}?)${NAME}`, 'g')
const NOT_AGENCY = /关于|通知|印发|根据|本报告|编制|按照|要求|格式/

interface TitleHit {
  title: string
  agency: string
  year: number
  at: number
}

function insideQuotes(text: string, at: number): boolean {
  for (const [open, close] of [
    ['《', '》'],
    ['〈', '〉'],
    ['“', '”'],
  ] as const) {
    if (text.lastIndexOf(open, at) > text.lastIndexOf(close, at)) return true
  }
  return false
}

/** The agency name printed just before the year: on the same line, or alone on the line above. */
function agencyBefore(text: string, at: number): { agency: string; start: number } {
  let i = at
  while (i > 0 && /[ \t\u3000\u00a0]/.test(text[i - 1]!)) i--
  if (i === 0 || text[i - 1] === '\n') {
    // The year starts its line: the agency may be the whole previous line.
    let j = i - 1
    while (j > 0 && /\s/.test(text[j - 1]!)) j--
    const lineStart = text.lastIndexOf('\n', j - 1) + 1
    const line = text.slice(lineStart, j).trim()
    if (line && line.length <= 30 && [...line.replace(/\s/g, '')].every((c) => NAME_CHAR.test(c))) {
      return { agency: line.replace(/\s/g, ''), start: text.indexOf(line, lineStart) }
    }
    return { agency: '', start: at }
  }
  let start = i
  while (start > 0 && NAME_CHAR.test(text[start - 1]!) && i - start < 40) start--
  return { agency: text.slice(start, i), start }
}

export function findTitles(text: string, limit = text.length): TitleHit[] {
  const hits: TitleHit[] = []
  TITLE.lastIndex = 0
  for (let m = TITLE.exec(text); m && m.index < limit; m = TITLE.exec(text)) {
    if (insideQuotes(text, m.index)) continue
    if (/^\s*格\s*式/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) continue
    const year = Number(m[1])
    if (!plausibleYear(year)) continue
    const between = noSpace(m[2]!)
    if (between) {
      if (NOT_AGENCY.test(between)) continue
      hits.push({ title: noSpace(m[0]), agency: between, year, at: m.index })
      continue
    }
    const { agency, start } = agencyBefore(text, m.index)
    const cleanAgency = agency.replace(/^(?:正文|标题)/, '')
    if (!cleanAgency || cleanAgency.length < 2 || NOT_AGENCY.test(cleanAgency)) continue
    const title = noSpace(text.slice(start, m.index + m[0].length)).slice(agency.length - cleanAgency.length)
    hits.push({ title, agency: cleanAgency, year, at: start })
  }
  return hits
}

/** Characters OCR confuses in names (沭 read as 沐 …): the reading the text repeats most wins. */
const CONFUSABLE: readonly (readonly string[])[] = [
  ['沭', '沐'],
  ['己', '已', '巳'],
  ['未', '末'],
  ['土', '士'],
  ['日', '曰'],
  ['戍', '戌', '戊'],
  ['汆', '氽'],
]

function confusionVariants(name: string): string[] {
  let variants = [name]
  for (const [i, c] of [...name].entries()) {
    const group = CONFUSABLE.find((g) => g.includes(c))
    if (!group) continue
    variants = variants.flatMap((v) => group.map((alt) => v.slice(0, i) + alt + v.slice(i + 1)))
    if (variants.length > 32) break
  }
  return [...new Set(variants)]
}

const OFFICE_SUFFIX = /(?:人民政府办公室|人民政府|管理委员会|管委会|委员会|办公室|局|厅|委)$/

function count(haystack: string, needle: string): number {
  let n = 0
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++
  return n
}

/** The schema's range of report years. */
const plausibleYear = (year: number) => Number.isInteger(year) && year >= 2000 && year <= 2100

const STATISTICS_YEAR = /统计(?:期限|周期|时限|区间)[^0-9]{0,8}(\d{4})\s*年/
const OPENING_YEAR = /^\s*(\d{4})\s*年/

export function extractMeta(text: string, declared: DeclaredFacts, limit: number, overview: string | null): Meta {
  const ambiguities: Ambiguity[] = []
  const inside = findTitles(text, limit)
  const fromDeclared = declared.title ? findTitles(declared.title) : []
  const hit = inside[0] ?? fromDeclared[0] ?? null

  let agency = hit?.agency ?? null
  let title = hit?.title ?? (declared.title ? noSpace(declared.title) : null)
  let year = hit?.year ?? null

  if (year === null) {
    const m = STATISTICS_YEAR.exec(text) ?? (overview ? OPENING_YEAR.exec(overview) : null)
    if (m && plausibleYear(Number(m[1]))) year = Number(m[1])
    else if (declared.publishedAt && /^\d{4}/.test(declared.publishedAt) && plausibleYear(Number(declared.publishedAt.slice(0, 4)) - 1)) {
      year = Number(declared.publishedAt.slice(0, 4)) - 1
      ambiguities.push({
        path: 'year',
        candidates: [year],
        chosen: year,
        reason: {
          zh: '正文未写明报告年度，按发布日期的上一年推定',
          en: 'the text does not state the report year; taken as the year before publication',
        },
      })
    } else {
      const years = yearsByFrequency(text)
      if (years.length) {
        year = years[0]!
        ambiguities.push({
          path: 'year',
          candidates: years.slice(0, 5),
          chosen: year,
          reason: {
            zh: '找不到报告标题，年度取正文中出现最多的年份',
            en: 'no report title found; the year is the one the text mentions most',
          },
        })
      }
    }
  }

  if (agency === null) {
    const found = agencyByFrequency(text)
    const fallback = declared.publisher?.trim() || found[0] || null
    if (fallback) {
      agency = fallback
      ambiguities.push({
        path: 'agency',
        candidates: [...new Set([fallback, ...found])].slice(0, 5),
        chosen: fallback,
        reason: {
          zh: '找不到报告标题，机关名称取自页面信息或正文中最常出现的机关名',
          en: 'no report title found; the agency is taken from the page metadata or the body’s most frequent agency name',
        },
      })
    }
  } else {
    const compact = noSpace(text)
    // Count the name without its office suffix: the text says 沭阳县 more often than 沭阳县人民政府.
    const suffix = OFFICE_SUFFIX.exec(agency)?.[0] ?? ''
    const stem = agency.length - suffix.length >= 2 ? agency.slice(0, agency.length - suffix.length) : agency
    const variants = confusionVariants(stem).map((v) => ({ v: v + suffix, n: count(compact, v) }))
    const seen = variants.filter((x) => x.n > 0)
    if (seen.length > 1) {
      seen.sort((a, b) => b.n - a.n)
      const chosen = seen[0]!.v
      if (chosen !== agency && title) title = title.replace(agency, chosen)
      ambiguities.push({
        path: 'agency',
        candidates: seen.map((x) => x.v),
        chosen,
        reason: {
          zh: `机关名称有形近字的不同写法（${seen.map((x) => `${x.v}×${x.n}`).join('，')}），取正文中出现最多的`,
          en: `the agency name is printed with look-alike characters (${seen.map((x) => `${x.v}×${x.n}`).join(', ')}); the most frequent is chosen`,
        },
      })
      agency = chosen
    }
  }
  if (hit && inside.length && fromDeclared.length && fromDeclared[0]!.year !== hit.year) {
    ambiguities.push({
      path: 'year',
      candidates: [hit.year, fromDeclared[0]!.year],
      chosen: hit.year,
      reason: {
        zh: '正文标题与页面标题的年度不同，取正文标题',
        en: 'the heading and the page title give different years; the heading is used',
      },
    })
  }
  return { title, agency, year, ambiguities }
}

function yearsByFrequency(text: string): number[] {
  const counts = new Map<number, number>()
  for (const m of text.matchAll(/(?<!\d)(\d{4})\s*年/g)) {
    const y = Number(m[1])
    if (plausibleYear(y)) counts.set(y, (counts.get(y) ?? 0) + 1)
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([y]) => y)
}

const AGENCY_NAME = /[\u4e00-\u9fa5]{2,14}?(?:人民政府办公室|人民政府|管理委员会|管委会|委员会|办公室|局|厅|委)/g

function agencyByFrequency(text: string): string[] {
  const counts = new Map<string, number>()
  for (const m of noSpace(text).matchAll(AGENCY_NAME)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k)
}
