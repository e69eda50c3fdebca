import { BLANK_RULE_ID, blankComputedValues, editionIndex, fillComputed, isEditionId, NARRATIVE_KEYS, validateReport } from '@xxgk/schema'
import type { EditionId, Issue, NarrativeKey, Label, Report, Severity, ValidationContext, ValidationResult } from '@xxgk/schema'
import { lexicalToPlainText } from '../../richtext.ts'

/**
 * The live check behind the grids and the Validation tab: the form's values as interchange
 * JSON, blank totals filled as a save fills them, then the rules engine, exactly as the save
 * hook runs it, so what the editor sees while typing is what saving will say.
 */

export interface LiveInput {
  edition: unknown
  /** The form's value at a dotted path (`requests.granted.natural`). */
  value: (path: string) => unknown
  year?: unknown
  /** Identifies the agency; the previous-year report must carry the same string. */
  agency?: string | null
  title?: unknown
  /** Narrative sections as the form holds them (Lexical state or plain strings). */
  text?: Partial<Record<NarrativeKey, unknown>>
  previous?: Report | null
  context?: ValidationContext
  /** Cells holding computed values (the report's `computed` field): they follow their parts. */
  computed?: readonly string[]
}

export interface CellMark {
  rule: string
  severity: Severity
  /** The issue's message without its leading `path: `, the cell being the place. */
  message: Label
  /** Every cell the rule read (previous-year cells dropped). */
  cells: string[]
}

export interface LiveCheck {
  edition: EditionId
  /** The report as checked: the form's values with blank totals filled. */
  report: Report
  result: ValidationResult
  /** Computed values of blank total cells (shown greyed in them). */
  totals: ReadonlyMap<string, number>
  /** Marks by cell path: the issues reported on each cell. */
  marks: ReadonlyMap<string, CellMark[]>
}

const plainTextCache = new WeakMap<object, string | null>()

/** Plain text of a narrative section; Lexical states are converted once per state object. */
export function sectionPlainText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value !== 'object') return lexicalToPlainText(value)
  let text = plainTextCache.get(value)
  if (text === undefined) plainTextCache.set(value, (text = lexicalToPlainText(value)))
  return text
}

/** The interchange JSON of the form's values (cells of the edition; blank = null). */
export function formReport(edition: EditionId, input: LiveInput): Record<string, unknown> {
  const report: Record<string, unknown> = { edition, year: input.year ?? null, agency: input.agency ?? '' }
  if (typeof input.title === 'string' && input.title !== '') report.title = input.title
  if (input.text) {
    const text: Record<string, string | null> = {}
    let any = false
    for (const key of NARRATIVE_KEYS) {
      text[key] = sectionPlainText(input.text[key])
      if (text[key] !== null) any = true
    }
    if (any) report.text = text
  }
  for (const cell of editionIndex(edition).cells) {
    let node = report
    const keys = cell.keys
    for (let k = 0; k < keys.length - 1; k++) {
      const key = keys[k]!
      node = (node[key] ??= {}) as Record<string, unknown>
    }
    const value = input.value(cell.path)
    node[keys[keys.length - 1]!] = value === undefined || value === '' ? null : value
  }
  return report
}

/** A message without the `path: ` it starts with. */
export function messageOnCell(message: Label, path: string): Label {
  const prefix = `${path}: `
  const strip = (text: string) => (text.startsWith(prefix) ? text.slice(prefix.length) : text)
  return { zh: strip(message.zh), en: strip(message.en) }
}

export function marksByCell(issues: readonly Issue[]): Map<string, CellMark[]> {
  const marks = new Map<string, CellMark[]>()
  for (const issue of issues) {
    if (issue.rule === BLANK_RULE_ID) {
      // one issue per table: each of its blank cells is marked as read as 0
      const message = { zh: '空白单元格按 0 计算', en: 'blank cell read as 0' }
      for (const cell of issue.cells) {
        const mark: CellMark = { rule: issue.rule, severity: issue.severity, message, cells: [cell] }
        const list = marks.get(cell)
        if (list) list.push(mark)
        else marks.set(cell, [mark])
      }
      continue
    }
    const mark: CellMark = {
      rule: issue.rule,
      severity: issue.severity,
      message: messageOnCell(issue.message, issue.path),
      cells: issue.cells.filter((c) => !c.startsWith('previous.')),
    }
    const list = marks.get(issue.path)
    if (list) list.push(mark)
    else marks.set(issue.path, [mark])
  }
  return marks
}

/** Runs the rules on the form's values; null while the form has no known edition. */
export function liveCheck(input: LiveInput): LiveCheck | null {
  if (!isEditionId(input.edition)) return null
  const edition = input.edition
  const { report, filled } = fillComputed(formReport(edition, input), { computed: input.computed, previous: input.previous })
  let result: ValidationResult
  try {
    result = validateReport(report, { previous: input.previous ?? undefined, context: input.context })
  } catch {
    // an unusable previous-year report: check this one on its own
    result = validateReport(report, { context: input.context })
  }
  return {
    edition,
    report: report as unknown as Report,
    result,
    // blank totals as a save fills them, and what a blank balance cell computes (shown, not stored)
    totals: new Map([...blankComputedValues(report), ...filled].map((f) => [f.path, f.value])),
    marks: marksByCell(result.issues),
  }
}

/** The worst severity among marks, for styling a cell. */
export function worstSeverity(marks: readonly CellMark[] | undefined): Severity | null {
  if (!marks || marks.length === 0) return null
  return marks.some((m) => m.severity === 'error') ? 'error' : 'warning'
}
