import { RULES } from '@xxgk/schema'
import type { CellKind, CellTypeRule, Label } from '@xxgk/schema'
import { formatNumber } from '@xxgk/schema/render/cells'

export type ParsedCell = { ok: true; value: number | null } | { ok: false; text: string; expected: Label }

const cellTypeRule = RULES.find((r): r is CellTypeRule => r.kind === 'cellType')!

/** What a cell of this kind accepts, as the CELL.TYPE rule words it (非负整数 …). */
export function expectedValue(kind: CellKind): Label {
  return cellTypeRule.expected[kind]
}

/** Written in a source or typed for "no figure": read as blank, like the importers do. */
const BLANK_MARKS = new Set(['', '/', '／', '-', '－', '—', '——', '–', '无', '空', 'N/A', 'n/a'])

const FULL_WIDTH = /[０-９．，＋－]/g
const fullWidthToAscii = (s: string) => s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

/**
 * The value of text typed or pasted into a cell: blank marks → null; full-width digits,
 * thousands separators and a trailing 件/个/项 are accepted. Anything else is refused with
 * what the cell expects (it is never guessed into a number).
 */
export function parseCellText(raw: string, kind: CellKind): ParsedCell {
  const trimmed = raw.replace(/[\s\u00a0\u3000]+/g, '')
  if (BLANK_MARKS.has(trimmed)) return { ok: true, value: null }
  let text = fullWidthToAscii(trimmed).replace(/(件|个|项)$/, '')
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '')
  const refuse = (): ParsedCell => ({ ok: false, text: raw.trim(), expected: expectedValue(kind) })
  if (kind === 'amount') {
    if (!/^\+?(\d+(\.\d*)?|\.\d+)$/.test(text)) return refuse()
    return { ok: true, value: Number(text) }
  }
  const match = /^([+-]?)(\d+)(?:\.0*)?$/.exec(text)
  if (!match) return refuse()
  const value = Number(`${match[1]}${match[2]}`)
  if (!Number.isSafeInteger(value)) return refuse()
  if (kind === 'count' && value < 0) return refuse()
  // -0 would show as "0" and save as 0: keep it plain
  return { ok: true, value: value === 0 ? 0 : value }
}

/** A stored cell value as the grid shows it (blank for null; an invalid stored value as it is). */
export function formatCellValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return ''
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : String(value)
  return typeof value === 'string' ? value : JSON.stringify(value)
}
