import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { CORPUS_DIR } from '../helpers/corpus.ts'

/**
 * Test-side readers of tables, written independently of src/render: they turn an HTML table
 * (rowspan/colspan) or a Word table (gridSpan/vMerge) into a matrix of slots, each slot naming
 * the merged region it belongs to, so two tables can be compared slot by slot.
 */

export interface Region {
  /** Top-left slot of the merged region. */
  row: number
  col: number
  rowSpan: number
  colSpan: number
  text: string
  tag: 'th' | 'td' | 'tc'
  attrs: Record<string, string>
}

export type Matrix = Region[][]

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: '\u00a0' }

export function unescapeHtml(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name in ENTITIES) return ENTITIES[name]!
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    return whole
  })
}

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const m of source.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) attrs[m[1]!] = unescapeHtml(m[2]!)
  return attrs
}

/** The HTML of every `<table>` in a document, keyed by its data-table attribute. */
export function htmlTables(html: string): Map<string, string> {
  const tables = new Map<string, string>()
  for (const m of html.matchAll(/<table\b([^>]*)>([\s\S]*?)<\/table>/g)) {
    tables.set(parseAttrs(m[1]!)['data-table'] ?? String(tables.size), m[2]!)
  }
  return tables
}

function place(rows: Omit<Region, 'row' | 'col'>[][]): Matrix {
  const matrix: Matrix = rows.map(() => [])
  rows.forEach((cells, r) => {
    let col = 0
    for (const cell of cells) {
      while (matrix[r]![col]) col++
      const region: Region = { ...cell, row: r, col }
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        matrix[r + dr] ??= []
        for (let dc = 0; dc < cell.colSpan; dc++) matrix[r + dr]![col + dc] = region
      }
      col += cell.colSpan
    }
  })
  return matrix
}

/** Matrix of an HTML table body (the inside of `<table>`). */
export function htmlMatrix(tableHtml: string): Matrix {
  const rows: Omit<Region, 'row' | 'col'>[][] = []
  for (const tr of tableHtml.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)) {
    const cells: Omit<Region, 'row' | 'col'>[] = []
    for (const c of tr[1]!.matchAll(/<(th|td)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
      const attrs = parseAttrs(c[2]!)
      cells.push({
        tag: c[1] as 'th' | 'td',
        attrs,
        text: unescapeHtml(c[3]!.replace(/<[^>]*>/g, '')),
        rowSpan: Number(attrs.rowspan ?? 1),
        colSpan: Number(attrs.colspan ?? 1),
      })
    }
    rows.push(cells)
  }
  return place(rows)
}

/** A row of a Word table: its cells with their grid span and vertical merge. */
export type WordCell = { text: string; span: number; merge: 'restart' | 'continue' | null }

/** The rows of each table of the 2021 format template (corpus/reference), in document order. */
export async function templateRows(): Promise<WordCell[][][]> {
  const zip = await JSZip.loadAsync(readFileSync(join(CORPUS_DIR, 'reference/format-2021-template.govnianbao.docx')))
  const xml = await zip.file('word/document.xml')!.async('string')
  const tables: WordCell[][][] = []
  for (const tbl of xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)) {
    const rows: WordCell[][] = []
    for (const tr of tbl[1]!.matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)) {
      const cells: WordCell[] = []
      for (const tc of tr[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)) {
        const body = tc[1]!
        const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(body)?.[1] ?? 1)
        const vMerge = /<w:vMerge(?: w:val="(\w+)")?\s*\/>/.exec(body)
        const merge = vMerge ? (vMerge[1] === 'restart' ? 'restart' : 'continue') : null
        const text = [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')
        cells.push({ text: unescapeHtml(text).replace(/[\s\u3000]+/g, ''), span, merge })
      }
      rows.push(cells)
    }
    tables.push(rows)
  }
  return tables
}

/** Matrix of Word-style rows: a `continue` cell extends the region above it in the same grid column. */
export function wordMatrix(rows: WordCell[][]): Matrix {
  const matrix: Matrix = rows.map(() => [])
  rows.forEach((cells, r) => {
    let col = 0
    for (const cell of cells) {
      const above = r > 0 ? matrix[r - 1]![col] : undefined
      const region: Region = cell.merge === 'continue' && above ? above : { row: r, col, rowSpan: 1, colSpan: cell.span, text: cell.text, tag: 'tc', attrs: {} }
      if (region === above) region.rowSpan = r - region.row + 1
      for (let dc = 0; dc < cell.span; dc++) matrix[r]![col + dc] = region
      col += cell.span
    }
  })
  return matrix
}

/** A matrix as text lines: each slot shows its region's origin and text, to compare structures. */
export function describeMatrix(matrix: Matrix, text: (region: Region) => string): string[] {
  return matrix.map((row) => row.map((region) => `${region.row},${region.col}:${text(region)}`).join(' | '))
}

/** Column letters to a 1-based number: A → 1, AA → 27. */
function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)
}

/**
 * Matrix of a rectangle of a worksheet, from its merged ranges (as the file lists them) and
 * cell values; a region is a label ('th') when its top-left cell holds text, a value ('td') otherwise.
 */
export function sheetMatrix(
  sheet: { model: { merges?: string[] }; getCell(r: number, c: number): { value: unknown } },
  top: number,
  rows: number,
  columns: number,
): Matrix {
  const matrix: Matrix = Array.from({ length: rows }, () => [])
  const merges = (sheet.model.merges ?? []).map((range) => {
    const [a, b] = range.split(':')
    const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(a!)!
    const [, c2, r2] = /^([A-Z]+)(\d+)$/.exec(b ?? a!)!
    return { r1: Number(r1), c1: columnNumber(c1!), r2: Number(r2), c2: columnNumber(c2!) }
  })
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (matrix[r]![c]) continue
      const merge = merges.find((m) => m.r1 === top + r && m.c1 === c + 1)
      const rowSpan = merge ? merge.r2 - merge.r1 + 1 : 1
      const colSpan = merge ? merge.c2 - merge.c1 + 1 : 1
      const value = sheet.getCell(top + r, c + 1).value
      const region: Region = {
        row: r,
        col: c,
        rowSpan,
        colSpan,
        text: value === null || value === undefined ? '' : String(value),
        tag: typeof value === 'string' ? 'th' : 'td',
        attrs: {},
      }
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) (matrix[r + dr] ??= [])[c + dc] = region
    }
  }
  return matrix
}

/**
 * Reads a table's values by their labels, the way a person reads the form: a value's column
 * label is the nearest label above it; its row label the nearest label to its left, or (in
 * table 4, which has no row labels on the left) the next label above the column label.
 */
export function valuesByLabels(matrix: Matrix): { row: string; column: string; text: string }[] {
  const found: { row: string; column: string; text: string }[] = []
  matrix.forEach((slots, r) =>
    slots.forEach((region, c) => {
      if (region.tag === 'th' || region.row !== r || region.col !== c) return
      const above: string[] = []
      for (let up = r - 1; up >= 0; up--) {
        const slot = matrix[up]![c]!
        if (slot.tag === 'th' && slot.text !== above.at(-1)) above.push(slot.text)
      }
      const left = slots
        .slice(0, c)
        .filter((s) => s.tag === 'th')
        .at(-1)
      found.push({ column: above[0] ?? '', row: left ? left.text : (above[1] ?? ''), text: region.text })
    }),
  )
  return found
}
