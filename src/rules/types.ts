import type { EditionId, RowRole, TableKey } from '../editions/types.ts'
import type { NarrativeKey } from '../editions/document.ts'
import type { Label } from '../labels.ts'

export type Severity = 'error' | 'warning'

/** The one shape every part of the project reports a problem in. */
export interface Issue {
  rule: string
  severity: Severity
  /** The cell (or field) the problem is reported on. */
  path: string
  /** Every cell the rule read; cells of the previous-year report are prefixed `previous.`. */
  cells: string[]
  reported: number | string | null
  computed: number | string | null
  message: Label
}

/**
 * One term of a linear equation. `cell` is a template over the iteration variables
 * `{row}` and `{column}`; the other selectors expand to several cells.
 */
export type TermTemplate = { sign?: 1 | -1; from?: 'previous' } & (
  | { cell: string }
  /** `{column}` of every row of the table that has this role. */
  | { rowsWithRole: RowRole }
  /** Every column of `{row}` except its total column. */
  | { rowItems: true }
)

interface RuleBase {
  id: string
  severity: Severity
  title: Label
  /** Editions the rule applies to; all when absent. */
  editions?: readonly EditionId[]
  message: Label
}

/** `target = Σ sign·term`, instantiated for each row or each column of a table. */
export interface EquationRule extends RuleBase {
  kind: 'equation'
  formula: string
  each: { table: TableKey; over: 'rows' | 'columns'; only?: readonly string[] }
  target: string
  terms: readonly TermTemplate[]
  /** The target is a total cell: left blank, it may be filled with its computed value. */
  fillsBlankTarget?: boolean
}

export interface CellTypeRule extends RuleBase {
  kind: 'cellType'
  /** No cell's magnitude may exceed it (keeps every sum exact). */
  maximum: number
  expected: Record<'count' | 'signedCount' | 'amount', Label>
}

export interface BlankRule extends RuleBase {
  kind: 'blank'
}

/** A figure stated in the narrative (matched after whitespace is removed) vs the sum of cells. */
export interface TextFigure {
  key: string
  label: Label
  cells: readonly string[]
  /** Regular expression sources; the first capture group is the figure. */
  patterns: readonly string[]
}

export interface TextMatchRule extends RuleBase {
  kind: 'textMatch'
  sections: readonly NarrativeKey[]
  figures: readonly TextFigure[]
}

export interface TextMentionsRule extends RuleBase {
  kind: 'textMentions'
  section: NarrativeKey
  /** Any one of these words counts as a mention. */
  words: readonly string[]
}

export interface DeadlineRule extends RuleBase {
  kind: 'deadline'
  /** First matching entry wins; month and day are of the year after the report year. */
  deadlines: readonly {
    agencyKinds?: readonly string[]
    agencyLevels?: readonly string[]
    month: number
    day: number
    label: Label
  }[]
}

/** The interchange JSON's structure: unknown keys, missing or mistyped fields. */
export interface SchemaRule extends RuleBase {
  kind: 'schema'
}

/** The report given as previous year's is the same agency's, for the year before. */
export interface PreviousReportRule extends RuleBase {
  kind: 'previousReport'
}

export type Rule = SchemaRule | EquationRule | CellTypeRule | BlankRule | TextMatchRule | TextMentionsRule | DeadlineRule | PreviousReportRule

/** One concrete equation of one edition, ready to evaluate; also the form `xxgk rules` publishes. */
export interface EquationCheck {
  rule: string
  severity: Severity
  path: string
  target: string
  terms: { cell: string; sign: 1 | -1; from?: 'previous' }[]
  /** Values for the message placeholders `{row}` and `{column}`. */
  vars: { row?: Label; column?: Label }
}
