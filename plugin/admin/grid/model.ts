import type { CellDef, EditionId, TableKey } from '@xxgk/schema'
import { placeGrid, tableGrid } from '@xxgk/schema/render/layout'
import type { PlacedCell, TableGrid } from '@xxgk/schema/render/layout'

/**
 * The admin grid of one table: the printed form's layout (src/render/layout, the same grid the
 * HTML and XLSX exports draw), plus the value cells arranged for keyboard navigation.
 */

export interface ValueCell {
  path: string
  cell: CellDef
  /** Top-left grid position and spans. */
  row: number
  col: number
  colSpan: number
  rowSpan: number
  /** Position in reading order (Tab order). */
  order: number
}

export interface GridModel {
  edition: EditionId
  table: TableKey
  grid: TableGrid
  /** Every grid cell (labels and values) at its place, in reading order. */
  placed: PlacedCell[]
  /** Placed cells grouped by grid row, for rendering `<tr>`s. */
  rows: PlacedCell[][]
  /** Value cells in reading order. */
  values: ValueCell[]
  byPath: ReadonlyMap<string, ValueCell>
  /** Value cells grouped by grid row (rows without values left out), each sorted by column. */
  valueRows: ValueCell[][]
}

const models = new Map<string, GridModel>()

export function gridModel(edition: EditionId, table: TableKey): GridModel {
  const id = `${edition}:${table}`
  let model = models.get(id)
  if (!model) {
    const grid = tableGrid(edition, table)
    const placed = placeGrid(grid)
    const rows: PlacedCell[][] = grid.rows.map(() => [])
    const values: ValueCell[] = []
    for (const p of placed) {
      rows[p.row]!.push(p)
      if (p.cell.kind !== 'value') continue
      values.push({
        path: p.cell.cell.path,
        cell: p.cell.cell,
        row: p.row,
        col: p.col,
        colSpan: p.cell.colSpan,
        rowSpan: p.cell.rowSpan,
        order: values.length,
      })
    }
    const byRow = new Map<number, ValueCell[]>()
    for (const v of values) {
      let list = byRow.get(v.row)
      if (!list) byRow.set(v.row, (list = []))
      list.push(v)
    }
    const valueRows = [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list.sort((a, b) => a.col - b.col))
    model = { edition, table, grid, placed, rows, values, byPath: new Map(values.map((v) => [v.path, v])), valueRows }
    models.set(id, model)
  }
  return model
}

/** The table a cell path belongs to (its first key), or null for other fields. */
export function tableOfPath(path: string): TableKey | null {
  const head = path.split('.', 1)[0]
  return head === 'proactive' || head === 'requests' || head === 'reviewLitigation' ? head : null
}
