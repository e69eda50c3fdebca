import { editionIndex } from '@xxgk/schema'
import type { Ambiguity as SchemaAmbiguity, EditionId, Label } from '@xxgk/schema'
import { formatCellValue } from './input.ts'

/**
 * Ambiguities the importer recorded on a draft (`{ path, candidates, chosen, reason }`; see
 * seed/types.ts). `path` names a cell, a row (candidates are objects of its cells), several
 * rows (nested objects) or a field. The grid shows each on the cells under its path until a
 * person confirms the reading or picks another one.
 */
export interface Ambiguity extends Omit<SchemaAmbiguity, 'reason'> {
  /** As stored: older imports kept a plain string. */
  reason?: Label | string | null
  /** Set when a person confirmed the reading in the admin. */
  confirmed?: boolean
}

export interface CellAmbiguity {
  /** Index in the report's `ambiguities` list. */
  index: number
  ambiguity: Ambiguity
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export function isAmbiguity(value: unknown): value is Ambiguity {
  return isObject(value) && typeof value.path === 'string' && Array.isArray(value.candidates)
}

export function reasonText(reason: Ambiguity['reason'], lang: 'zh' | 'en'): string {
  if (!reason) return ''
  return typeof reason === 'string' ? reason : (reason[lang] ?? '')
}

/** The cells of the edition at or under a path (a cell, a row, a group of rows), in form order. */
export function cellsUnder(path: string, edition: EditionId): string[] {
  const prefix = `${path}.`
  return editionIndex(edition)
    .cells.filter((c) => c.path === path || c.path.startsWith(prefix))
    .map((c) => c.path)
}

/** Open (unconfirmed) ambiguities by the cell paths they cover. */
export function ambiguitiesByCell(list: unknown, edition: EditionId): Map<string, CellAmbiguity[]> {
  const byCell = new Map<string, CellAmbiguity[]>()
  if (!Array.isArray(list)) return byCell
  list.forEach((ambiguity, index) => {
    if (!isAmbiguity(ambiguity) || ambiguity.confirmed) return
    for (const path of cellsUnder(ambiguity.path, edition)) {
      const entry = { index, ambiguity }
      const known = byCell.get(path)
      if (known) known.push(entry)
      else byCell.set(path, [entry])
    }
  })
  return byCell
}

/** The cell values a candidate stands for: the candidate itself for a cell, its leaves for a row or rows. */
export function candidateCells(candidate: unknown, path: string, edition: EditionId): { path: string; value: unknown }[] {
  const { byPath } = editionIndex(edition)
  if (!isObject(candidate)) return byPath.has(path) ? [{ path, value: candidate }] : []
  const cells: { path: string; value: unknown }[] = []
  const walk = (node: Record<string, unknown>, base: string) => {
    for (const [key, value] of Object.entries(node)) {
      const child = `${base}.${key}`
      if (isObject(value)) walk(value, child)
      else if (byPath.has(child)) cells.push({ path: child, value })
    }
  }
  walk(candidate, path)
  return cells
}

/** Where the importer read a cell (the draft's `sources`, see seed/types.ts CellSource). */
export interface CellSourceNote {
  text: string
  label?: string
  page?: number
  line?: number
  row?: number
}

/** A cell's source in words: 来源：第 4 页 第 18 行 "一、本年新收政府信息公开申请数量 95". */
export function sourceText(source: unknown, lang: 'zh' | 'en'): string {
  if (!isObject(source) || typeof source.text !== 'string') return ''
  const s = source as unknown as CellSourceNote
  const where =
    lang === 'zh'
      ? [s.page ? `第 ${s.page} 页` : '', s.line ? `第 ${s.line} 行` : '', s.row ? `表格第 ${s.row} 行` : '']
      : [s.page ? `page ${s.page}` : '', s.line ? `line ${s.line}` : '', s.row ? `table row ${s.row}` : '']
  const place = where.filter(Boolean).join(lang === 'zh' ? ' ' : ', ')
  const quoted = `"${s.label ? `${s.label} ` : ''}${s.text}"`
  return lang === 'zh' ? `来源：${place ? `${place} ` : ''}${quoted}` : `Source: ${place ? `${place} ` : ''}${quoted}`
}

/** A candidate in words: a value, or `label value · label value` for a row's cells. */
export function describeCandidate(candidate: unknown, path: string, edition: EditionId, lang: 'zh' | 'en'): string {
  if (!isObject(candidate)) return Array.isArray(candidate) ? candidate.map(formatCellValue).join(' | ') : formatCellValue(candidate) || '—'
  const { byPath } = editionIndex(edition)
  return candidateCells(candidate, path, edition)
    .map(({ path: cellPath, value }) => {
      const cell = byPath.get(cellPath)!
      const rowPart = cellPath.slice(path.length + 1).includes('.') ? `${cell.row.label[lang]} ` : ''
      return `${rowPart}${cell.column.label[lang]} ${formatCellValue(value) || '—'}`
    })
    .join(' · ')
}

/** The list with one entry marked confirmed (the stored list is never shortened: it is the import's record). */
export function confirmAmbiguity(list: unknown, index: number): unknown[] {
  const copy = Array.isArray(list) ? [...list] : []
  const entry = copy[index]
  if (isAmbiguity(entry)) copy[index] = { ...entry, confirmed: true }
  return copy
}

/** The list with a candidate chosen and confirmed. */
export function chooseCandidate(list: unknown, index: number, candidate: unknown): unknown[] {
  const copy = Array.isArray(list) ? [...list] : []
  const entry = copy[index]
  if (isAmbiguity(entry)) copy[index] = { ...entry, chosen: candidate, confirmed: true }
  return copy
}
