import type { Label } from '../labels.ts'

export type EditionId = '2021' | '2019'

/**
 * How a cell's value is checked:
 * - `count`: integer ≥ 0 (the default of every statistical table)
 * - `signedCount`: integer, may be negative (2019 table 2 本年增/减)
 * - `amount`: decimal ≥ 0, in 万元
 */
export type CellKind = 'count' | 'signedCount' | 'amount'

export interface ColumnDef {
  key: string
  label: Label
  kind?: CellKind
  /** Header cell spanning this column, e.g. 法人或其他组织 over the five organisation columns. */
  header?: Label
  /** The column holding the row's total (T3.ROW_TOTAL, T4.TOTAL target). */
  isTotal?: boolean
}

/** A group label printed as merged cells beside or above its rows, e.g. 三（三）不予公开. */
export interface GroupDef {
  key: string
  label: Label
  /** Outer group, e.g. 三、本年度办理结果 around （三）不予公开. */
  parent?: string
}

/**
 * Row roles let rules select rows by meaning instead of by key, so an edition with a
 * different set of outcome rows (2019's single 其他处理 row) needs no rule change.
 */
export type RowRole = 'received' | 'carriedOver' | 'outcome' | 'totalHandled' | 'carriedForward'

export interface RowDef {
  /** Dotted path inside the table, e.g. `withheld.stateSecret`. */
  key: string
  label: Label
  group?: string
  role?: RowRole
  /** Columns of this row; defaults to the table's columns. */
  columns?: readonly ColumnDef[]
}

export type TableKey = 'proactive' | 'requests' | 'reviewLitigation'

export interface TableDef {
  key: TableKey
  /** Number as printed in the national format (二, 三, 四). */
  number: 2 | 3 | 4
  label: Label
  columns: readonly ColumnDef[]
  groups: readonly GroupDef[]
  rows: readonly RowDef[]
  /** Printed under the heading, e.g. the 勾稽关系 note of table 3. */
  note?: Label
  /** Header of the row-label column, e.g. 信息内容 in table 2. */
  stubHeader?: Label
  /** Header spanning every value column, e.g. 申请人情况 in table 3. */
  columnsHeader?: Label
}

export interface EditionDef {
  id: EditionId
  label: Label
  /** The notice that issued this format. */
  source: string
  /** The first report year the format is prescribed for; an undated reading falls back by year. */
  firstYear: number
  tables: readonly TableDef[]
}

export interface CellDef {
  /** Full dotted path, e.g. `requests.withheld.stateSecret.natural`. */
  path: string
  keys: readonly string[]
  table: TableKey
  row: RowDef
  column: ColumnDef
  kind: CellKind
}
