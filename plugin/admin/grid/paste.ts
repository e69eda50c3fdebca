import type { Label } from '@xxgk/schema'
import { parseCellText } from './input.ts'
import type { GridModel } from './model.ts'
import { moveFrom } from './navigation.ts'

/**
 * Paste into the grid: what Excel and Word put on the clipboard, turned into a block of texts,
 * then laid onto the grid from the focused cell (rows go down the form, columns go right).
 */

export interface ClipboardTexts {
  /** `text/plain`: tab-separated cells, one line per row (Excel, Word tables, plain text). */
  text?: string | null
  /** `text/html`: Word (and Excel) also put the table as HTML. */
  html?: string | null
}

/**
 * Tab-separated values as Excel writes them: cells with a tab, newline or quote are quoted
 * ("…", quotes doubled); rows end in CRLF, the last one too.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let atCellStart = true
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
      continue
    }
    if (c === '"' && atCellStart) {
      quoted = true
      atCellStart = false
    } else if (c === '\t') {
      row.push(cell)
      cell = ''
      atCellStart = true
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      atCellStart = true
    } else {
      cell += c
      atCellStart = false
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

/** Text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
function htmlText(fragment: string): string {
  return decodeEntities(
    fragment
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(style|script)[\s\S]*?<\/\1>/gi, '')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The first table of an HTML clipboard (Word, Excel, a web page) as rows of cell texts, or
 * null when there is none. Each `<td>`/`<th>` is one cell; a cell merged over several rows
 * appears only in its first row, as in the source.
 */
export function parseHtmlTable(html: string): string[][] | null {
  const table = /<table[\s>][\s\S]*?<\/table>/i.exec(html)
  if (!table) return null
  const rows: string[][] = []
  for (const tr of table[0].matchAll(/<tr[\s>][\s\S]*?(?=<tr[\s>]|<\/table>)/gi)) {
    const cells = [...tr[0].matchAll(/<t[dh](?:\s[^>]*)?>([\s\S]*?)(?=<t[dh][\s>]|<\/tr>|$)/gi)].map((m) => htmlText(m[1]!))
    if (cells.length > 0) rows.push(cells)
  }
  return rows.length > 0 ? rows : null
}

/** The block on the clipboard: Word's or Excel's HTML table when there is one, else the text as TSV. */
export function parseClipboard({ text, html }: ClipboardTexts): string[][] {
  const fromHtml = html ? parseHtmlTable(html) : null
  const rows = fromHtml ?? parseTsv(text ?? '')
  // a trailing empty line (Word) is not a row
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop()
  return rows
}

const isLabelText = (text: string) => {
  const parsed = parseCellText(text, 'signedCount')
  return !parsed.ok && parseCellText(text, 'amount').ok === false
}

/**
 * Rows copied with their labels (一、本年新收…, 三（三）不予公开 …): the leading text cells of a
 * row are labels, not values, and are dropped so the numbers land in the value cells. Rows of
 * labels and blanks only (the table's header rows) are dropped whole.
 */
export function dropLeadingLabels(rows: readonly string[][]): string[][] {
  const kept: string[][] = []
  for (const row of rows) {
    let start = 0
    while (start < row.length && row[start]!.trim() !== '' && isLabelText(row[start]!)) start++
    const rest = row.slice(start)
    const hasLabel = start > 0 || rest.some((c) => c.trim() !== '' && isLabelText(c))
    const hasNumber = rest.some((c) => c.trim() !== '' && !isLabelText(c))
    if (hasLabel && !hasNumber) continue
    kept.push(rest)
  }
  return kept
}

export interface PasteWrite {
  path: string
  text: string
  value: number | null
}

export interface PastePlan {
  writes: PasteWrite[]
  /** Texts that are not values of their cell: not written. */
  invalid: { path: string; text: string; expected: Label }[]
  /** Values that fell outside the table. */
  outside: number
}

/**
 * Where each pasted text goes from the focused cell: row i of the block on the i-th value row
 * below, column j on the j-th cell to the right (the form's own rows and columns, label rows
 * skipped). Values beyond the table are counted, not wrapped.
 */
export function pastePlan(model: GridModel, origin: string, block: readonly string[][]): PastePlan {
  const plan: PastePlan = { writes: [], invalid: [], outside: 0 }
  let rowStart: string | null = model.byPath.has(origin) ? origin : null
  for (const row of dropLeadingLabels(block)) {
    let path = rowStart
    for (const text of row) {
      if (path === null) {
        if (text.trim() !== '') plan.outside++
        continue
      }
      const cell = model.byPath.get(path)!
      const parsed = parseCellText(text, cell.cell.kind)
      if (parsed.ok) plan.writes.push({ path, text, value: parsed.value })
      else plan.invalid.push({ path, text: parsed.text, expected: parsed.expected })
      path = moveFrom(model, path, 'right')
    }
    rowStart = rowStart === null ? null : moveFrom(model, rowStart, 'down')
  }
  return plan
}
