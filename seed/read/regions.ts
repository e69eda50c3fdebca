import { getEdition, getTable, NARRATIVE_SECTIONS } from '@xxgk/schema'
import type { EditionId, TableKey } from '@xxgk/schema'
import { findHeading, findLabel } from './headings.ts'
import { rowLabels, splitItemNumber, tableHeadingCore } from './labels.ts'
import { compactLabel } from './text.ts'

/** Where each table sits in the plain text: [start, end) offsets. */
export type Regions = Partial<Record<TableKey, { start: number; end: number }>>

export const TABLE_ORDER: readonly TableKey[] = ['proactive', 'requests', 'reviewLitigation']

/** A narrative heading's core (存在的主要问题及改进情况) and how much of it must be printed. */
export function narrativeCore(key: keyof typeof NARRATIVE_SECTIONS): { core: string; required: number } {
  const core = compactLabel(splitItemNumber(NARRATIVE_SECTIONS[key].zh).rest)
  return { core, required: Math.min(core.length, 6) }
}

/**
 * A table starts at its numbered heading (二、主动公开政府信息情况, renumbered or not); if the
 * heading is missing, at the first of its own header texts (第二十条第（一）项, 申请人情况, the first
 * row label, 行政复议…). It ends where the next table starts; table 4 ends at the next narrative
 * heading.
 */
export function findRegions(text: string, edition: EditionId): Regions {
  const ed = getEdition(edition)
  const starts: Partial<Record<TableKey, number>> = {}
  let from = 0
  for (const key of TABLE_ORDER) {
    const table = getTable(ed, key)
    const heading = findHeading(text, tableHeadingCore(table), from)
    let start = heading?.at ?? null
    if (start === null) start = fallbackStart(text, key, edition, from)
    if (start !== null) {
      starts[key] = start
      from = heading?.end ?? start
    }
  }
  const regions: Regions = {}
  const present = TABLE_ORDER.filter((k) => starts[k] !== undefined)
  present.forEach((key, i) => {
    const start = starts[key]!
    let end = i + 1 < present.length ? starts[present[i + 1]!]! : text.length
    if (i + 1 === present.length) {
      for (const narrative of ['problems', 'other'] as const) {
        const { core, required } = narrativeCore(narrative)
        const hit = findHeading(text, core, start, required)
        if (hit && hit.at < end) end = hit.at
      }
    }
    regions[key] = { start, end }
  })
  return regions
}

function fallbackStart(text: string, key: TableKey, edition: EditionId, from: number): number | null {
  const table = getTable(getEdition(edition), key)
  const markers: string[] = []
  if (key === 'proactive') {
    markers.push(...table.groups.map((g) => compactLabel(g.label.zh)))
    if (table.stubHeader) markers.push(compactLabel(table.stubHeader.zh))
  } else if (key === 'requests') {
    if (table.columnsHeader) markers.push(compactLabel(table.columnsHeader.zh))
    markers.push(rowLabels(edition, key)[0]!.core)
  } else {
    markers.push(...table.rows.slice(0, 1).map((r) => compactLabel(r.label.zh)))
  }
  let best: number | null = null
  for (const marker of markers) {
    const hit = findLabel(text, marker, from)
    if (hit && (best === null || hit.at < best)) best = hit.at
  }
  return best
}
