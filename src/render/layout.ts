import { editionIndex, getEdition, getTable, rowColumns } from '../editions/index.ts'
import type { CellDef, ColumnDef, EditionId, GroupDef, RowDef, TableDef, TableKey } from '../editions/index.ts'
import type { Label } from '../labels.ts'

/**
 * The printed form's tables as grids of merged cells, built from the edition data. The HTML
 * and XLSX renderers draw these grids and the XLSX importer reads values back from the same
 * positions, so the three can never disagree about where a cell sits.
 */

/** What a label cell names; renderers style by it, the importer checks label cells by text. */
export type LabelRole = 'note' | 'columnsHeader' | 'columnHeader' | 'stubHeader' | 'subtable' | 'group' | 'row'

export type GridCell =
  { kind: 'label'; role: LabelRole; label: Label; rowSpan: number; colSpan: number } | { kind: 'value'; cell: CellDef; rowSpan: number; colSpan: number }

export interface GridRow {
  /** Header rows repeat on every printed page (HTML thead). */
  header: boolean
  cells: GridCell[]
}

export interface TableGrid {
  table: TableDef
  /** Number of grid columns. */
  width: number
  rows: GridRow[]
  /** Relative widths of the grid columns, summing to 100. */
  columnWidths: number[]
}

/** A grid cell at its place: top-left row and column (0-based) in the table. */
export interface PlacedCell {
  cell: GridCell
  row: number
  col: number
}

/** A label as printed: the 勾稽关系 note in parentheses, like the form. */
export function labelText(text: Label, lang: 'zh' | 'en', role: LabelRole): string {
  const value = text[lang]
  if (role !== 'note' || !value) return value
  return lang === 'zh' ? `（${value}）` : `(${value})`
}

const label = (role: LabelRole, text: Label, rowSpan = 1, colSpan = 1): GridCell => ({
  kind: 'label',
  role,
  label: text,
  rowSpan,
  colSpan,
})

function cellOf(edition: EditionId, table: TableDef, row: RowDef, column: ColumnDef): CellDef {
  const path = `${table.key}.${row.key}.${column.key}`
  const cell = editionIndex(edition).byPath.get(path)
  if (!cell) throw new Error(`edition ${edition} has no cell ${path}`)
  return cell
}

const value = (cell: CellDef, colSpan = 1): GridCell => ({ kind: 'value', cell, rowSpan: 1, colSpan })

/**
 * Table 2: one sub-table per 第二十条 item. Each item has its heading across the table, a
 * header row 信息内容 + column labels, then its rows; the last column spans what is left.
 */
function proactiveGrid(edition: EditionId, table: TableDef): TableGrid {
  const width = 1 + Math.max(...table.rows.map((r) => rowColumns(table, r).length))
  const rows: GridRow[] = []
  const stub = table.stubHeader ?? { zh: '', en: '' }
  const spanOf = (columns: readonly ColumnDef[], i: number) => (i === columns.length - 1 ? width - columns.length : 1)
  for (const group of table.groups) {
    rows.push({ header: false, cells: [label('subtable', group.label, 1, width)] })
    let shownColumns: readonly ColumnDef[] | null = null
    for (const row of table.rows.filter((r) => r.group === group.key)) {
      const columns = rowColumns(table, row)
      if (columns !== shownColumns) {
        rows.push({
          header: false,
          cells: [label('stubHeader', stub), ...columns.map((c, i) => label('columnHeader', c.label, 1, spanOf(columns, i)))],
        })
        shownColumns = columns
      }
      rows.push({
        header: false,
        cells: [label('row', row.label), ...columns.map((c, i) => value(cellOf(edition, table, row, c), spanOf(columns, i)))],
      })
    }
  }
  return { table, width, rows, columnWidths: Array.from({ length: width }, () => 100 / width) }
}

/** The chain of groups around a row, outermost first. */
export function groupChain(table: TableDef, row: RowDef): GroupDef[] {
  const chain: GroupDef[] = []
  for (let key = row.group; key;) {
    const group = table.groups.find((g) => g.key === key)
    if (!group) throw new Error(`table ${table.key} has no group ${key}`)
    chain.unshift(group)
    key = group.parent
  }
  return chain
}

/**
 * Table 3: a header of three rows (the 勾稽关系 note in the corner; 申请人情况 over the seven
 * columns; 法人或其他组织 over its five), then one row per form row. Group labels are cells
 * spanning their rows; a row label spans the label columns its groups leave free.
 */
function requestsGrid(edition: EditionId, table: TableDef): TableGrid {
  const chains = table.rows.map((row) => groupChain(table, row))
  const depth = Math.max(0, ...chains.map((c) => c.length))
  const stubWidth = depth + 1
  const columns = table.columns
  const width = stubWidth + columns.length
  // Header rows: [申请人情况] / applicant columns or their spanning header / the spanned columns.
  const headerTop = table.columnsHeader ? 1 : 0
  const headerRows = headerTop + 2
  const rows: GridRow[] = Array.from({ length: headerRows }, () => ({ header: true, cells: [] as GridCell[] }))
  rows[0]!.cells.push(label('note', table.note ?? { zh: '', en: '' }, headerRows, stubWidth))
  if (table.columnsHeader) rows[0]!.cells.push(label('columnsHeader', table.columnsHeader, 1, columns.length))
  for (let i = 0; i < columns.length;) {
    const header = columns[i]!.header
    if (!header) {
      rows[headerTop]!.cells.push(label('columnHeader', columns[i]!.label, 2, 1))
      i++
      continue
    }
    let end = i
    while (end < columns.length && columns[end]!.header === header) end++
    rows[headerTop]!.cells.push(label('columnsHeader', header, 1, end - i))
    for (; i < end; i++) rows[headerTop + 1]!.cells.push(label('columnHeader', columns[i]!.label))
  }
  table.rows.forEach((row, r) => {
    const chain = chains[r]!
    const cells: GridCell[] = []
    chain.forEach((group, level) => {
      const startsHere = r === 0 || chains[r - 1]![level]?.key !== group.key
      if (!startsHere) return
      let span = 1
      while (r + span < chains.length && chains[r + span]![level]?.key === group.key) span++
      cells.push(label('group', group.label, span, 1))
    })
    cells.push(label('row', row.label, 1, stubWidth - chain.length))
    for (const column of columns) cells.push(value(cellOf(edition, table, row, column)))
    rows.push({ header: false, cells })
  })
  const stubWidths = depth === 2 ? [8, 9, 27] : Array.from({ length: stubWidth }, () => 44 / stubWidth)
  return { table, width, rows, columnWidths: [...stubWidths, ...columns.map(() => 56 / columns.length)] }
}

/**
 * Table 4 as printed: one value row under a header whose top row names 行政复议 and 行政诉讼,
 * the second the two kinds of lawsuit, the third their five columns each.
 */
function reviewLitigationGrid(edition: EditionId, table: TableDef): TableGrid {
  const top: GridCell[] = []
  const middle: GridCell[] = []
  const bottom: GridCell[] = []
  const values: GridCell[] = []
  for (let r = 0; r < table.rows.length;) {
    const row = table.rows[r]!
    const columns = rowColumns(table, row)
    if (!row.group) {
      top.push(label('row', row.label, 1, columns.length))
      for (const column of columns) middle.push(label('columnHeader', column.label, 2, 1))
      for (const column of columns) values.push(value(cellOf(edition, table, row, column)))
      r++
      continue
    }
    const group = table.groups.find((g) => g.key === row.group)!
    let end = r
    while (end < table.rows.length && table.rows[end]!.group === group.key) end++
    const members = table.rows.slice(r, end)
    top.push(
      label(
        'group',
        group.label,
        1,
        members.reduce((n, m) => n + rowColumns(table, m).length, 0),
      ),
    )
    for (const member of members) {
      const memberColumns = rowColumns(table, member)
      middle.push(label('row', member.label, 1, memberColumns.length))
      for (const column of memberColumns) {
        bottom.push(label('columnHeader', column.label))
        values.push(value(cellOf(edition, table, member, column)))
      }
    }
    r += members.length
  }
  const width = values.length
  return {
    table,
    width,
    rows: [
      { header: true, cells: top },
      { header: true, cells: middle },
      { header: true, cells: bottom },
      { header: false, cells: values },
    ],
    columnWidths: Array.from({ length: width }, () => 100 / width),
  }
}

const builders: Record<TableKey, (edition: EditionId, table: TableDef) => TableGrid> = {
  proactive: proactiveGrid,
  requests: requestsGrid,
  reviewLitigation: reviewLitigationGrid,
}

const grids = new Map<string, TableGrid>()

/** The grid of one table of an edition, built once. */
export function tableGrid(edition: EditionId, key: TableKey): TableGrid {
  const id = `${edition}:${key}`
  let grid = grids.get(id)
  if (!grid) {
    grid = builders[key](edition, getTable(getEdition(edition), key))
    grids.set(id, grid)
  }
  return grid
}

/** Every cell of a grid with its top-left position, in reading order (HTML's rowspan placement). */
export function placeGrid(grid: TableGrid): PlacedCell[] {
  const taken: boolean[][] = grid.rows.map(() => new Array<boolean>(grid.width).fill(false))
  const placed: PlacedCell[] = []
  grid.rows.forEach((row, r) => {
    let col = 0
    for (const cell of row.cells) {
      while (col < grid.width && taken[r]![col]) col++
      if (col + cell.colSpan > grid.width || r + cell.rowSpan > grid.rows.length) {
        throw new Error(`table ${grid.table.key}: cell at row ${r} overflows the grid`)
      }
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken[r + dr]![col + dc] = true
      placed.push({ cell, row: r, col })
      col += cell.colSpan
    }
  })
  return placed
}
