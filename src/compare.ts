/**
 * Year over year: every cell of a report beside the same cell of the agency's report of the
 * year before (issue 10). Cells come in form order of the current report's edition; a cell the
 * previous report's edition lacks compares with `null`.
 */
import { editionIndex, isEditionId } from './editions/index.ts'
import type { TableKey } from './editions/index.ts'
import type { Report } from './schema.ts'

export interface ComparedCell {
  path: string
  table: TableKey
  current: number | null
  previous: number | null
  /** current − previous (blank counts as 0 when the other side has a figure); null when both are blank. */
  change: number | null
}

const read = (report: Report | null | undefined, keys: readonly string[]): number | null => {
  let node: unknown = report
  for (const key of keys) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined
  return typeof node === 'number' && Number.isFinite(node) ? node : null
}

/** Rounds away float noise of decimal amounts (万元, 4 places). */
const tidy = (value: number) => Math.round(value * 10000) / 10000

export function compareCells(current: Report, previous: Report | null | undefined): ComparedCell[] {
  if (!isEditionId(current.edition)) return []
  const previousCells = previous && isEditionId(previous.edition) ? editionIndex(previous.edition).byPath : null
  return editionIndex(current.edition).cells.map((cell) => {
    const now = read(current, cell.keys)
    const before = previousCells?.has(cell.path) ? read(previous, cell.keys) : null
    const change = now === null && before === null ? null : tidy((now ?? 0) - (before ?? 0))
    return { path: cell.path, table: cell.table, current: now, previous: before, change }
  })
}
