import { editionIndex, isEditionId, NARRATIVE_KEYS, REPORT_NAME } from '../editions/index.ts'
import type { CellDef } from '../editions/index.ts'
import { NotAReportError } from '../errors.ts'
import type { Lang } from '../labels.ts'
import type { Report, ReportText } from '../schema.ts'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The raw value of a cell in a report: whatever is stored there, undefined when absent. */
export function cellValue(report: unknown, cell: CellDef): unknown {
  let node: unknown = report
  for (const key of cell.keys) {
    if (!isObject(node)) return undefined
    node = node[key]
  }
  return node
}

/** Decimal notation of a number exactly as stored: no rounding, no exponent (1e-7 → 0.0000001). */
export function formatNumber(n: number): string {
  const plain = String(n)
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(plain)
  if (!match) return plain
  const [, sign, int, frac = '', exp] = match
  const digits = int! + frac
  const point = int!.length + Number(exp)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/** A cell as printed: blank for null or absent, numbers as stored, anything invalid as it is. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return formatNumber(value)
  if (typeof value === 'string') return value
  return JSON.stringify(value) ?? String(value)
}

/** Non-empty lines of a narrative text, each a paragraph. */
export function paragraphs(text: string | null | undefined): string[] {
  if (!text) return []
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
}

/**
 * The interchange JSON of a report-like input (a Payload document, a parsed file): only the
 * interchange keys, every cell of the edition in form order (absent cells as null, values kept
 * as they are, even invalid ones, so nothing is lost). Throws NotAReportError when the input
 * is not a report at all.
 */
export function interchangeReport(input: unknown): Report {
  if (!isObject(input)) {
    throw new NotAReportError({ zh: '不是 JSON 对象，不是年度报告', en: 'not a JSON object, so not a report' })
  }
  const edition = input.edition
  if (!isEditionId(edition)) {
    throw new NotAReportError(
      { zh: `未知的格式版本 ${JSON.stringify(edition) ?? 'undefined'}`, en: `unknown edition ${JSON.stringify(edition) ?? 'undefined'}` },
      'edition',
    )
  }
  const report: Record<string, unknown> = { edition }
  for (const key of ['year', 'agency', 'title'] as const) if (input[key] !== undefined) report[key] = input[key]
  if (isObject(input.text)) {
    const text: ReportText = {}
    for (const key of NARRATIVE_KEYS) if (input.text[key] !== undefined) text[key] = input.text[key] as string | null
    report.text = text
  }
  for (const cell of editionIndex(edition).cells) {
    let node = report
    for (const key of cell.keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>
    node[cell.keys[cell.keys.length - 1]!] = cellValue(input, cell) ?? null
  }
  return report as unknown as Report
}

/** The report's title as printed: its own, or agency + year + the report's name. */
export function reportTitle(report: Report, lang: Lang = 'zh'): string {
  const own = typeof report.title === 'string' ? report.title.trim() : ''
  if (own) return own
  return lang === 'zh' ? `${report.agency ?? ''}${report.year ?? ''}年${REPORT_NAME.zh}` : `${REPORT_NAME.en}, ${report.agency ?? ''} ${report.year ?? ''}`
}
