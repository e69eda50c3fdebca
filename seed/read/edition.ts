import { EDITION_IDS, getEdition } from '@xxgk/schema'
import type { EditionId } from '@xxgk/schema'
import { rowLabels } from './labels.ts'
import { compactLabel } from './text.ts'

/**
 * The edition is read from the table headers, never from the year (a few later reports still
 * print the 2019 headers). Markers are the column headers of every table and the table-3 row
 * labels of each edition that appear nowhere in the other edition's labels, e.g. 本年制发件数
 * (2021) or 上一年项目数量 (2019); narrative text rarely contains them.
 */
function editionLabels(id: EditionId): string[] {
  const labels: string[] = []
  for (const table of getEdition(id).tables) {
    for (const column of table.columns) labels.push(compactLabel(column.label.zh))
    for (const row of table.rows) for (const column of row.columns ?? []) labels.push(compactLabel(column.label.zh))
    for (const group of table.groups) labels.push(compactLabel(group.label.zh))
  }
  for (const label of rowLabels(id, 'requests')) labels.push(label.core)
  for (const label of rowLabels(id, 'proactive')) labels.push(label.core)
  return [...new Set(labels.filter((l) => l.length >= 4))]
}

let markers: Map<EditionId, string[]> | null = null

export function editionMarkers(): Map<EditionId, string[]> {
  if (!markers) {
    const all = new Map(EDITION_IDS.map((id) => [id, editionLabels(id)]))
    markers = new Map()
    for (const id of EDITION_IDS) {
      const others = EDITION_IDS.filter((o) => o !== id).flatMap((o) => all.get(o)!)
      const own: string[] = []
      for (const table of getEdition(id).tables) {
        const columns = [...table.columns, ...table.rows.flatMap((r) => r.columns ?? [])]
        for (const column of columns) own.push(compactLabel(column.label.zh))
      }
      for (const label of rowLabels(id, 'requests')) own.push(label.core)
      markers.set(
        id,
        [...new Set(own)].filter((m) => m.length >= 4 && !others.some((o) => o.includes(m))),
      )
    }
  }
  return markers
}

export interface EditionReading {
  edition: EditionId | null
  /** Markers found per edition. */
  found: Record<string, string[]>
}

/** Counts each edition's markers in the compact text of the whole document. */
export function detectEdition(compactDocument: string): EditionReading {
  const found: Record<string, string[]> = {}
  let best: EditionId | null = null
  let bestCount = 0
  let tie = false
  for (const [id, list] of editionMarkers()) {
    found[id] = list.filter((m) => compactDocument.includes(m))
    const count = found[id].length
    if (count > bestCount) {
      best = id
      bestCount = count
      tie = false
    } else if (count > 0 && count === bestCount) {
      tie = true
    }
  }
  return { edition: tie ? null : best, found }
}
