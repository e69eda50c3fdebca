import type { PayloadRequest } from 'payload'
import { allCells, relationId, TABLE_KEYS, TEXT_SECTIONS } from '../collections/index.ts'
import type { XxgkSlugs } from '../collections/index.ts'
import { EDITION_IDS, isEditionId } from '@xxgk/schema'
import type { Label } from '@xxgk/schema'
import { AMBIGUOUS_AGENCY, findAgenciesByName, isPlausibleId, loadAgency, UNKNOWN_AGENCY } from './agencies.ts'
import type { FieldProblem } from './errors.ts'
import { isLexicalState, plainTextToLexical } from './richtext.ts'

type Json = Record<string, unknown>
/** `true` marks a cell; an object a row or group of the table. */
type Shape = { [key: string]: Shape | true }

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

let shapes: Record<string, Shape> | undefined
function tableShapes(): Record<string, Shape> {
  if (!shapes) {
    shapes = {}
    for (const cell of allCells()) {
      const keys = cell.path.split('.')
      let node = (shapes[keys[0]!] ??= {})
      for (const key of keys.slice(1, -1)) node = (node[key] ??= {}) as Shape
      node[keys[keys.length - 1]!] = true
    }
  }
  return shapes
}

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/
const show = (value: unknown) => (typeof value === 'string' ? `“${value}”` : (JSON.stringify(value) ?? String(value)))

const unknownKey = (path: string): FieldProblem => ({
  path,
  rule: 'SCHEMA',
  message: { zh: `${path}: 未知字段，报告格式中没有这一项`, en: `${path}: unknown key; the report form has no such item` },
})

const notANumber = (path: string, value: unknown): FieldProblem => ({
  path,
  rule: 'CELL.TYPE',
  message: {
    zh: `${path}: 报告值 ${show(value)} 不是数字，应为数字或空白（null）`,
    en: `${path}: reported ${show(value)}, which is not a number; expected a number or blank (null)`,
  },
})

const notAnObject = (path: string, value: unknown): FieldProblem => ({
  path,
  rule: 'SCHEMA',
  message: { zh: `${path}: 应为对象，实际为 ${show(value)}`, en: `${path}: expected an object, got ${show(value)}` },
})

function blankRow(shape: Shape): Json {
  return Object.fromEntries(Object.entries(shape).map(([key, sub]) => [key, sub === true ? null : blankRow(sub)]))
}

/** Cells must be numbers or blank; numeric strings become numbers (Payload would parseFloat "12件" into 12). */
function checkTable(value: Json, shape: Shape, path: string, problems: FieldProblem[]): void {
  for (const key of Object.keys(value)) {
    const sub = shape[key]
    const at = `${path}.${key}`
    const item = value[key]
    if (sub === undefined) problems.push(unknownKey(at))
    else if (sub === true) {
      if (item === null || item === undefined) continue
      if (typeof item === 'number' && Number.isFinite(item)) continue
      if (typeof item === 'string' && NUMERIC.test(item)) value[key] = Number(item)
      else if (typeof item === 'string' && item.trim() === '') value[key] = null
      else problems.push(notANumber(at, item))
    } else if (item === null) value[key] = blankRow(sub)
    else if (item !== undefined) {
      if (isObject(item)) checkTable(item, sub, at, problems)
      else problems.push(notAnObject(at, item))
    }
  }
}

/** Narrative sections may be posted as plain strings (the interchange JSON): they become rich text. */
function checkText(data: Json, problems: FieldProblem[]): void {
  const text = data.text
  if (text === undefined) return
  if (text === null) {
    data.text = Object.fromEntries(TEXT_SECTIONS.map((s) => [s, null]))
    return
  }
  if (!isObject(text)) {
    problems.push(notAnObject('text', text))
    return
  }
  for (const key of Object.keys(text)) {
    const value = text[key]
    const path = `text.${key}`
    if (!(TEXT_SECTIONS as readonly string[]).includes(key)) problems.push(unknownKey(path))
    else if (typeof value === 'string') text[key] = value.trim() ? plainTextToLexical(value) : null
    else if (value !== null && value !== undefined && !isLexicalState(value)) {
      problems.push({
        path,
        rule: 'SCHEMA',
        message: { zh: `${path}: 应为文本或富文本，实际为 ${show(value)}`, en: `${path}: expected text or rich text, got ${show(value)}` },
      })
    }
  }
}

const problem = (path: string, message: Label, rule = 'SCHEMA'): FieldProblem => ({ path, message, rule })

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * A date as ISO 8601 with a day that exists: "2024-01-31" or a full timestamp. "2019" (a year
 * only: a 500 on PostgreSQL) and "2024-02-30" (SQLite silently stored 2024-03-01) are refused.
 */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false
  const m = ISO_DATE.exec(value.trim())
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return false
  return !Number.isNaN(new Date(value).getTime())
}

function checkScalars(data: Json, problems: FieldProblem[]): void {
  if (data.year !== undefined && data.year !== null) {
    const year = typeof data.year === 'string' && /^\s*\d{4}\s*$/.test(data.year) ? Number(data.year) : data.year
    if (typeof year === 'number' && Number.isSafeInteger(year)) data.year = year
    else
      problems.push(problem('year', { zh: `year: 报告年度应为整数，实际为 ${show(data.year)}`, en: `year: expected an integer year, got ${show(data.year)}` }))
  }
  if (data.edition !== undefined && !isEditionId(data.edition)) {
    problems.push(
      problem('edition', {
        zh: `edition: 格式版本应为 ${EDITION_IDS.map((id) => `"${id}"`).join(' 或 ')}，实际为 ${show(data.edition)}`,
        en: `edition: expected ${EDITION_IDS.map((id) => `"${id}"`).join(' or ')}, got ${show(data.edition)}`,
      }),
    )
  }
  if (data._status !== undefined && data._status !== 'draft' && data._status !== 'published') {
    problems.push(
      problem('_status', {
        zh: `_status: 应为 "draft" 或 "published"，实际为 ${show(data._status)}`,
        en: `_status: expected "draft" or "published", got ${show(data._status)}`,
      }),
    )
  }
  const date = data.publishedAt
  if (date !== undefined && date !== null && !isCalendarDate(date)) {
    problems.push(
      problem('publishedAt', {
        zh: `publishedAt: 公布日期应为日期（如 2024-01-31），实际为 ${show(date)}`,
        en: `publishedAt: expected a date such as 2024-01-31, got ${show(date)}`,
      }),
    )
  }
}

/** `agency` may be the agency's id or, as in the interchange JSON, its exact name. */
async function resolveAgency(req: PayloadRequest, slugs: XxgkSlugs, data: Json, problems: FieldProblem[]): Promise<void> {
  if (data.agency === undefined) return
  const given = isObject(data.agency) ? relationId(data.agency) : data.agency
  if (given === null || given === '') {
    problems.push(problem('agency', { zh: 'agency: 缺少机关', en: 'agency: an agency is required' }, 'SCHEMA'))
    return
  }
  if (isPlausibleId(req.payload, given) && (await loadAgency(req, slugs, given))) {
    data.agency = req.payload.db.defaultIDType === 'number' ? Number(given) : given
    return
  }
  if (typeof given === 'string') {
    const found = await findAgenciesByName(req, slugs, given.trim())
    if (found.length === 1) {
      data.agency = found[0]!.id
      return
    }
    if (found.length > 1) {
      problems.push(problem('agency', AMBIGUOUS_AGENCY(given)))
      return
    }
  }
  problems.push(problem('agency', UNKNOWN_AGENCY(given)))
}

/**
 * Checks what a client sent before Payload touches it: values the database cannot hold or
 * that Payload would silently mangle or drop are refused with their paths, even for drafts
 * ("bad input loses nothing"). Rule problems are left to the rules engine.
 */
export async function checkIncoming(req: PayloadRequest, slugs: XxgkSlugs, data: Json): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = []
  const shapes = tableShapes()
  for (const table of TABLE_KEYS) {
    const value = data[table]
    if (value === undefined) continue
    if (value === null) data[table] = blankRow(shapes[table]!)
    else if (isObject(value)) checkTable(value, shapes[table]!, table, problems)
    else problems.push(notAnObject(table, value))
  }
  checkText(data, problems)
  checkScalars(data, problems)
  await resolveAgency(req, slugs, data, problems)
  return problems
}
