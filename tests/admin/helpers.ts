import { editionIndex } from '../../src/index.ts'
import type { EditionId } from '../../src/index.ts'

/** A report's cells as Payload's flat form state holds them: dotted path → value. */
export function flatCells(report: Record<string, any>): Map<string, unknown> {
  const values = new Map<string, unknown>()
  for (const cell of editionIndex(report.edition as EditionId).cells) {
    let node: any = report
    for (const key of cell.keys) node = node?.[key]
    values.set(cell.path, node === undefined ? null : node)
  }
  return values
}

export function cellValue(report: Record<string, any>, path: string): unknown {
  let node: any = report
  for (const key of path.split('.')) node = node?.[key]
  return node
}
