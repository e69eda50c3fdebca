import { INVALID, readReport } from '../conforms.ts'
import type { CellRead } from '../conforms.ts'
import { EDITION_IDS, editionIndex, isEditionId } from '../editions/index.ts'
import type { EditionId } from '../editions/index.ts'
import { NotAReportError } from '../errors.ts'
import { reportSchemas } from '../schema.ts'
import type { Report } from '../schema.ts'
import { equationChecks, rulesFor } from './compile.ts'
import { formatMessage } from './messages.ts'
import type { MessageValue } from './messages.ts'
import type { CellTypeRule, DeadlineRule, EquationCheck, Issue, Rule, TextMatchRule, TextMentionsRule } from './types.ts'

/** Facts about the report that are not in the interchange JSON (the CMS knows them). */
export interface ValidationContext {
  /** Publication date, ISO string or Date. */
  publishedAt?: string | Date | null
  /** `government` | `department` | `other` */
  agencyKind?: string | null
  /** `province` | `city` | `county` | `township` */
  agencyLevel?: string | null
}

export interface ValidateOptions {
  /** The same agency's report for the year before, for the cross-report rules. */
  previous?: unknown
  context?: ValidationContext
}

export interface ValidationResult {
  /** The report as the schema accepted it; null when the schema rejected it. */
  report: Report | null
  /** Errors first, then warnings; each in order of evaluation. */
  issues: Issue[]
  errors: number
  /** Warnings other than CELL.BLANK (the blank cells are counted apart, in `blanks`). */
  warnings: number
  /** Blank cells read as 0 (listed by CELL.BLANK, one issue per table). */
  blanks: number
}

/** The rule listing the blank cells read as 0: one issue per table, counted apart from warnings. */
export const BLANK_RULE_ID = 'CELL.BLANK'

type Json = Record<string, unknown>

/** An equation with its cells resolved to positions in the edition's cell list. */
interface CompiledCheck {
  check: EquationCheck
  target: number
  /** Positions in this report's cells, or for previous-year terms, paths to resolve. */
  terms: { at: number; sign: 1 | -1; previous: string | null }[]
  cross: boolean
  /** The issue's `cells`: target first, previous-year cells prefixed `previous.`. */
  read: string[]
}

interface EditionRules {
  rules: Rule[]
  ruleById: Map<string, Rule>
  checks: CompiledCheck[]
}

const editionRulesCache = new Map<EditionId, EditionRules>()

function editionRules(edition: EditionId): EditionRules {
  let entry = editionRulesCache.get(edition)
  if (!entry) {
    const { position } = editionIndex(edition)
    const rules = rulesFor(edition)
    const checks = equationChecks(edition).map((check) => ({
      check,
      target: position.get(check.target)!,
      terms: check.terms.map((t) => ({
        at: t.from === 'previous' ? -1 : position.get(t.cell)!,
        sign: t.sign,
        previous: t.from === 'previous' ? t.cell : null,
      })),
      cross: check.terms.some((t) => t.from === 'previous'),
      read: [check.target, ...check.terms.map((t) => (t.from === 'previous' ? `previous.${t.cell}` : t.cell))],
    }))
    entry = { rules, ruleById: new Map(rules.map((r) => [r.id, r])), checks }
    editionRulesCache.set(edition, entry)
  }
  return entry
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

function walk(root: unknown, keys: readonly (string | number)[]): unknown {
  let node = root
  for (const key of keys) {
    if (!isObject(node) && !Array.isArray(node)) return undefined
    node = (node as Json)[key]
  }
  return node
}

function issue(rule: Rule, path: string, cells: string[], reported: Issue['reported'], computed: Issue['computed'], vars: Record<string, MessageValue>): Issue {
  return {
    rule: rule.id,
    severity: rule.severity,
    path,
    cells,
    reported,
    computed,
    message: formatMessage(rule.message, { path, reported, computed, ...vars }),
  }
}

/** A raw value as it can be shown in an issue: numbers as they are, anything else as JSON. */
function showRaw(value: unknown): string | number | null {
  if (value === undefined) return null
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
  return JSON.stringify(value) ?? String(value)
}

function assertReport(input: unknown, where: string): asserts input is Json & { edition: EditionId } {
  if (!isObject(input)) {
    throw new NotAReportError({ zh: '不是 JSON 对象，不是年度报告', en: 'not a JSON object, so not a report' }, where)
  }
  if (!isEditionId(input.edition)) {
    throw new NotAReportError(
      {
        zh: `缺少或无法识别格式版本 edition（应为 ${EDITION_IDS.map((id) => `"${id}"`).join(' 或 ')}，实际为 ${showRaw(input.edition) ?? '空'}）`,
        en: `missing or unknown edition (expected ${EDITION_IDS.map((id) => `"${id}"`).join(' or ')}, got ${showRaw(input.edition) ?? 'nothing'})`,
      },
      where ? `${where}.edition` : 'edition',
    )
  }
}

const ERRORS_FIRST = (a: Issue, b: Issue) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)

/**
 * Checks a report against its edition's schema and runs every rule of that edition.
 * Throws NotAReportError only when the input is not a report at all (not an object, no
 * known edition); every other problem comes back as an issue.
 */
export function validateReport(input: unknown, options: ValidateOptions = {}): ValidationResult {
  assertReport(input, '')
  const edition = input.edition
  const index = editionIndex(edition)
  const { rules, ruleById, checks } = editionRules(edition)
  const issues: Issue[] = []

  const { conforms, values } = readReport(edition, input)
  const parsed = conforms ? null : reportSchemas[edition].safeParse(input)
  if (parsed && !parsed.success) issues.push(...schemaIssues(parsed.error.issues, input, ruleById, index))

  const previous = previousReport(input, options.previous, ruleById, issues)

  const blanks = new Set<number>()
  for (const compiled of checks) {
    if (compiled.cross && !previous) continue
    const result = evaluateEquation(compiled, values, previous, blanks)
    // blank counts as 0 (SPEC.md): a blank cell whose computed value is 0 agrees with it
    if (!result || (result.reported ?? 0) === result.computed) continue
    const { check } = compiled
    issues.push(
      issue(ruleById.get(check.rule)!, check.path, [...compiled.read], result.reported, result.computed, {
        row: check.vars.row,
        column: check.vars.column,
      }),
    )
  }

  for (const rule of rules) {
    if (rule.kind === 'textMatch') issues.push(...textMatch(rule, input, values))
    else if (rule.kind === 'textMentions') issues.push(...textMentions(rule, input))
    else if (rule.kind === 'deadline') issues.push(...deadline(rule, input, options.context))
  }

  const blankRule = ruleById.get(BLANK_RULE_ID)
  if (blankRule && blanks.size > 0) issues.push(...blankIssues(blankRule, index, blanks))

  if (issues.length > 1) issues.sort(ERRORS_FIRST)
  return summarise(conforms ? (input as unknown as Report) : parsed!.success ? (parsed!.data as Report) : null, issues)
}

/** Errors, warnings (CELL.BLANK apart) and blank cells of a list of issues. */
export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number; blanks: number } {
  let errors = 0
  let warnings = 0
  let blanks = 0
  for (const i of issues) {
    if (i.severity === 'error') errors++
    else if (i.rule === BLANK_RULE_ID) blanks += i.cells.length
    else warnings++
  }
  return { errors, warnings, blanks }
}

function summarise(report: Report | null, issues: Issue[]): ValidationResult {
  return { report, issues, ...countIssues(issues) }
}

/** One CELL.BLANK issue per table: its path is the table's key, its cells the blank cells read as 0. */
function blankIssues(rule: Rule, index: ReturnType<typeof editionIndex>, blanks: ReadonlySet<number>): Issue[] {
  const byTable = new Map<string, { label: Issue['message']; cells: string[] }>()
  index.cells.forEach((cell, i) => {
    if (!blanks.has(i)) return
    const table = cell.path.split('.')[0]!
    let entry = byTable.get(table)
    if (!entry) byTable.set(table, (entry = { label: tableLabel(index, table), cells: [] }))
    entry.cells.push(cell.path)
  })
  return [...byTable].map(([table, { label, cells }]) => issue(rule, table, cells, null, 0, { table: label, count: cells.length }))
}

function tableLabel(index: ReturnType<typeof editionIndex>, table: string): Issue['message'] {
  const def = index.edition.tables.find((t) => t.key === table)
  return def ? def.label : { zh: table, en: table }
}

type ZodIssue = { path: PropertyKey[]; code: string; message: string; keys?: string[] }

function schemaIssues(zodIssues: readonly ZodIssue[], input: Json, ruleById: Map<string, Rule>, index: ReturnType<typeof editionIndex>): Issue[] {
  const cellType = ruleById.get('CELL.TYPE') as CellTypeRule
  const schema = ruleById.get('SCHEMA')!
  const found: Issue[] = []
  const seen = new Set<string>()
  for (const zodIssue of zodIssues) {
    const keys = zodIssue.path.map((k) => (typeof k === 'symbol' ? String(k) : k))
    const path = keys.join('.')
    const cell = index.byPath.get(path)
    if (cell) {
      if (seen.has(path)) continue
      seen.add(path)
      const raw = walk(input, keys)
      const base = cellType.expected[cell.kind]
      const max = cellType.maximum
      // above the rule's maximum: said so, as the value may well be an integer
      const expected =
        typeof raw === 'number' && Math.abs(raw) > max ? { zh: `${base.zh}（绝对值不超过 ${max}）`, en: `${base.en} (at most ${max} in magnitude)` } : base
      found.push(issue(cellType, path, [path], showRaw(raw), null, { expected, row: cell.row.label, column: cell.column.label }))
    } else if (zodIssue.code === 'unrecognized_keys') {
      for (const key of zodIssue.keys ?? []) {
        const keyPath = path ? `${path}.${key}` : key
        found.push(issue(schema, keyPath, [], null, null, { reason: { zh: '未知字段', en: 'unknown key' } }))
      }
    } else {
      const reason = { zh: zodIssue.message, en: zodIssue.message }
      found.push(issue(schema, path || '(root)', [], showRaw(walk(input, keys)), null, { reason }))
    }
  }
  return found
}

interface PreviousCells {
  values: CellRead[]
  position: ReadonlyMap<string, number>
}

/** The previous-year report's cells, when it is the same agency's report for the year before. */
function previousReport(input: Json, given: unknown, ruleById: Map<string, Rule>, issues: Issue[]): PreviousCells | null {
  if (given === undefined || given === null) return null
  assertReport(given, 'previous')
  const expectedYear = typeof input.year === 'number' ? input.year - 1 : null
  if (given.year !== expectedYear || given.agency !== input.agency) {
    const rule = ruleById.get('X.PREVIOUS')
    if (rule) issues.push(issue(rule, 'previous', [], `${String(given.agency)} ${String(given.year)}`, expectedYear, {}))
    return null
  }
  return { values: readReport(given.edition, given).values, position: editionIndex(given.edition).position }
}

function evaluateEquation(
  { target, terms }: CompiledCheck,
  values: readonly CellRead[],
  previous: PreviousCells | null,
  blanks: Set<number>,
): { reported: number | null; computed: number } | null {
  const reported = values[target]!
  if (reported === INVALID) return null
  let allBlank = reported === null
  let computed = 0
  for (const term of terms) {
    let value: CellRead
    if (term.previous !== null) {
      const at = previous!.position.get(term.previous)
      if (at === undefined) return null
      value = previous!.values[at]!
    } else {
      value = values[term.at]!
    }
    if (value === INVALID) return null
    if (value !== null) {
      allBlank = false
      computed += term.sign * value
    }
  }
  if (allBlank) return null
  if (reported === null) blanks.add(target)
  for (const term of terms) if (term.previous === null && values[term.at] === null) blanks.add(term.at)
  return { reported, computed }
}

function sectionText(report: Json, section: string): string | undefined {
  const text = walk(report, ['text', section])
  return typeof text === 'string' ? text : undefined
}

const FULL_WIDTH_DIGIT = /[０-９]/g
/** Whitespace removed and full-width digits made ASCII, so "收到申请 34 件" reads "收到申请34件". */
export function compactText(text: string): string {
  return text.replace(/\s+/g, '').replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
}

const patternCache = new Map<string, RegExp>()
function pattern(source: string): RegExp {
  let re = patternCache.get(source)
  if (!re) patternCache.set(source, (re = new RegExp(source, 'g')))
  return re
}

function textMatch(rule: TextMatchRule, report: Json, values: readonly CellRead[]): Issue[] {
  const texts = rule.sections.map((s) => sectionText(report, s)).filter((t): t is string => !!t)
  if (texts.length === 0) return []
  const compact = texts.map(compactText)
  const { position } = editionIndex(report.edition as EditionId)
  const found: Issue[] = []
  for (const figure of rule.figures) {
    let tableValue: number | null = null
    let usable = true
    for (const path of figure.cells) {
      const at = position.get(path)
      const value = at === undefined ? null : values[at]!
      if (value === INVALID) usable = false
      else if (value !== null) tableValue = (tableValue ?? 0) + value
    }
    if (!usable || tableValue === null) continue
    const seen = new Set<number>()
    for (const text of compact) {
      for (const source of figure.patterns) {
        for (const match of text.matchAll(pattern(source))) {
          const stated = Number(match[1])
          if (stated === tableValue || seen.has(stated)) continue
          seen.add(stated)
          const vars = { figure: figure.label, excerpt: match[0] }
          found.push(issue(rule, figure.cells[0]!, [...figure.cells], tableValue, stated, vars))
        }
      }
    }
  }
  return found
}

function textMentions(rule: TextMentionsRule, report: Json): Issue[] {
  if (!isObject(report.text)) return []
  const text = sectionText(report, rule.section) ?? ''
  if (rule.words.some((word) => text.includes(word))) return []
  return [issue(rule, `text.${rule.section}`, [], null, null, {})]
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000

/** The calendar date (YYYY-MM-DD) of an instant in China Standard Time. */
function chinaDate(value: string | Date): string | null {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const time = new Date(value).getTime()
  if (Number.isNaN(time)) return null
  return new Date(time + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

function deadline(rule: DeadlineRule, report: Json, context: ValidationContext | undefined): Issue[] {
  if (!context?.publishedAt || typeof report.year !== 'number') return []
  const published = chinaDate(context.publishedAt)
  if (!published) return []
  const entry = rule.deadlines.find(
    (d) => (!d.agencyKinds || d.agencyKinds.includes(context.agencyKind ?? '')) && (!d.agencyLevels || d.agencyLevels.includes(context.agencyLevel ?? '')),
  )
  if (!entry) return []
  const due = `${report.year + 1}-${String(entry.month).padStart(2, '0')}-${String(entry.day).padStart(2, '0')}`
  if (published <= due) return []
  return [issue(rule, 'publishedAt', [], published, due, { deadline: entry.label })]
}
