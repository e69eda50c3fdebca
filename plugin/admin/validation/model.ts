import { editionIndex, RULES } from '@xxgk/schema'
import type { EditionId, Issue, Label } from '@xxgk/schema'

/** The Validation tab's sections, from the live check's issues (errors first, as the engine orders them). */
export interface IssueGroups {
  errors: Issue[]
  /** Warnings about this report alone (blank cells apart). */
  warnings: Issue[]
  /** CELL.BLANK: many on a sparse report, so listed apart and folded. */
  blanks: Issue[]
  /** Cross-report rules against last year's report (X.CARRY, X.IN_FORCE, X.PREVIOUS). */
  crossReport: Issue[]
}

export const CROSS_REPORT_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.id.startsWith('X.')).map((r) => r.id))

export function groupIssues(issues: readonly Issue[]): IssueGroups {
  const groups: IssueGroups = { errors: [], warnings: [], blanks: [], crossReport: [] }
  for (const issue of issues) {
    if (CROSS_REPORT_RULES.has(issue.rule)) groups.crossReport.push(issue)
    else if (issue.severity === 'error') groups.errors.push(issue)
    else if (issue.rule === 'CELL.BLANK') groups.blanks.push(issue)
    else groups.warnings.push(issue)
  }
  return groups
}

const ruleTitles = new Map(RULES.map((r) => [r.id, r.title]))

export function ruleTitle(rule: string): Label {
  return ruleTitles.get(rule) ?? { zh: rule, en: rule }
}

/** Where an issue points: a cell of the edition (with its printed label), or another field. */
export function issuePlace(issue: Issue, edition: EditionId, lang: 'zh' | 'en'): { cell: boolean; label: string } {
  const cell = editionIndex(edition).byPath.get(issue.path)
  if (!cell) return { cell: false, label: issue.path }
  return { cell: true, label: `${cell.row.label[lang]} / ${cell.column.label[lang]}` }
}

/** Cross-year warnings whose last-year value can be taken into the cell with one click. */
const TAKES_PREVIOUS: ReadonlySet<string> = new Set(['X.CARRY', 'X.IN_FORCE'])

export function canTakePrevious(issue: Issue): boolean {
  return TAKES_PREVIOUS.has(issue.rule) && typeof issue.computed === 'number' && issue.computed >= 0
}

/** The blank cells a CELL.BLANK issue lists (one issue per table), as printed. */
export function blankCellLabels(issue: Issue, edition: EditionId, lang: 'zh' | 'en'): { path: string; label: string }[] {
  const { byPath } = editionIndex(edition)
  return issue.cells.map((path) => {
    const cell = byPath.get(path)
    return { path, label: cell ? `${cell.row.label[lang]} / ${cell.column.label[lang]}` : path }
  })
}
