import type { Cell, DeclaredFacts, Line } from '../read/document.ts'
import { isPageFurniture } from '../read/document.ts'
import { hasExtension } from './kind.ts'
import type { KindModule, SourceInput } from './kind.ts'

/**
 * Web pages: real `<table>` markup with rowspan/colspan and cells full of nested tags, the
 * report's text in paragraphs, and the page's own chrome around it. The page is decoded by
 * its declared charset (GBK and GB2312 pages are common; see read/decode.ts). Each table row
 * becomes a line of cells; a cell covered by a rowspan from above is left out (its label was
 * already read with the row it starts in); each block of text becomes a line.
 */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
  'caption',
])
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'select', 'option', 'iframe', 'svg', 'object'])

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  times: '×',
  divide: '÷',
  lsaquo: '‹',
  rsaquo: '›',
  laquo: '«',
  raquo: '»',
  bull: '•',
  deg: '°',
  yen: '¥',
  copy: '©',
  reg: '®',
  zwnj: '',
  zwj: '',
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs)
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null
}

interface TableState {
  rows: Cell[][]
  row: Cell[] | null
  cell: { text: string } | null
  /** Columns still covered by a rowspan from an earlier row: column → rows left. */
  covered: Map<number, number>
  column: number
  /** Rows of the table read so far (the evidence's table row). */
  count?: number
  /** The table holds another table: a layout table, whose cells are read as text. */
  layout: boolean
}

/**
 * A start or end tag at a position (sticky). Names and unquoted values stop at `<`, so a failed
 * attempt (an unclosed `<a b …`) ends at the next `<` instead of scanning the rest of the page.
 */
const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=>/<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s<>]+))?)*)\s*(\/?)>/y

/** [whole, slash, name, attrs, selfClosing, text]: the shape of one token, as the reader below takes it. */
type Token = [string, string | undefined, string | undefined, string | undefined, string | undefined, string | undefined]

/**
 * The page's tokens in one linear pass: text, tags, comments, CDATA and declarations. Every
 * search for a terminator (`-->`, `]]>`, `>`) remembers its answer, so a page of a million
 * unclosed `<a b ` or `<!--` costs linear time (one regular expression over the page was
 * quadratic: 2.6 s for 10,000 unclosed tags).
 */
function* htmlTokens(html: string): Generator<Token> {
  const found = new Map<string, number>()
  const next = (needle: string, from: number): number => {
    const known = found.get(needle)
    if (known !== undefined && (known === -1 || known >= from)) return known
    const at = html.indexOf(needle, from)
    found.set(needle, at)
    return at
  }
  let pos = 0
  while (pos < html.length) {
    const lt = html.indexOf('<', pos)
    if (lt === -1) {
      yield [html.slice(pos), undefined, undefined, undefined, undefined, html.slice(pos)]
      return
    }
    if (lt > pos) {
      yield [html.slice(pos, lt), undefined, undefined, undefined, undefined, html.slice(pos, lt)]
      pos = lt
      continue
    }
    if (html.startsWith('<!--', pos)) {
      const end = next('-->', pos + 4)
      if (end !== -1) {
        pos = end + 3
        continue
      }
    } else if (html.startsWith('<![CDATA[', pos)) {
      const end = next(']]>', pos + 9)
      if (end !== -1) {
        pos = end + 3
        continue
      }
    } else {
      TAG.lastIndex = pos
      const m = TAG.exec(html)
      if (m) {
        yield [m[0], m[1], m[2], m[3], m[4], undefined]
        pos = TAG.lastIndex
        continue
      }
    }
    const c = html[pos + 1]
    if (c === '!' || c === '?') {
      const end = next('>', pos)
      if (end !== -1) {
        pos = end + 1
        continue
      }
    }
    yield ['<', undefined, undefined, undefined, undefined, '<']
    pos++
  }
}

export function htmlLines(html: string): { lines: Line[]; declared: DeclaredFacts } {
  const lines: Line[] = []
  const declared: DeclaredFacts = {}
  const tables: TableState[] = []
  let paragraph = ''
  let skipping: string | null = null
  let inTitle = false
  let pageTitle = ''

  const flushParagraph = () => {
    const text = paragraph.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim()
    if (text && !isPageFurniture(text)) lines.push({ cells: [{ text }] })
    paragraph = ''
  }
  const append = (text: string) => {
    const table = tables[tables.length - 1]
    if (table?.cell) table.cell.text += text
    else paragraph += text
  }
  const closeCell = (table: TableState) => {
    if (table.cell && table.row) table.row.push({ text: table.cell.text.replace(/\s+/g, ' ').trim(), grid: true })
    table.cell = null
  }
  const closeRow = (table: TableState) => {
    closeCell(table)
    if (table.row) {
      // rowspans covering columns after the last cell still count down
      for (const [col, left] of table.covered) if (col >= table.column) table.covered.set(col, left - 1)
      for (const [col, left] of table.covered) if (left <= 0) table.covered.delete(col)
      if (table.layout) {
        for (const c of table.row) if (c.text) lines.push({ cells: [{ text: c.text }] })
      } else if (table.row.length) lines.push({ cells: table.row, source: { row: (table.count = (table.count ?? 0) + 1) } })
    }
    table.row = null
  }

  for (const m of htmlTokens(html)) {
    const [, slash, rawName, attrs = '', , text] = m
    if (text !== undefined) {
      if (skipping) continue
      const decoded = decodeEntities(text)
      if (inTitle) pageTitle += decoded
      else append(decoded)
      continue
    }
    if (!rawName) continue
    const name = rawName.toLowerCase()
    const closing = slash === '/'
    if (skipping) {
      if (closing && name === skipping) skipping = null
      continue
    }
    if (name === 'title') {
      inTitle = !closing
      continue
    }
    if (name === 'meta' && !closing) {
      const key = (attribute(attrs, 'name') ?? '').toLowerCase()
      const content = attribute(attrs, 'content')
      if (content) {
        if (key === 'articletitle') declared.title = decodeEntities(content).trim()
        else if (key === 'pubdate') declared.publishedAt = content.trim()
        else if (key === 'contentsource') declared.publisher = decodeEntities(content).trim()
      }
      continue
    }
    if (SKIP.has(name) && name !== 'head') {
      if (!closing && !m[4]) skipping = name
      continue
    }
    const table = tables[tables.length - 1]
    if (name === 'table') {
      if (!closing) {
        if (table) {
          // a table inside a cell: the outer one is for layout
          table.layout = true
          if (table.cell) {
            paragraph = table.cell.text
            table.cell.text = ''
          }
        }
        flushParagraph()
        tables.push({ rows: [], row: null, cell: null, covered: new Map(), column: 0, layout: false })
      } else if (table) {
        closeRow(table)
        tables.pop()
        flushParagraph()
      }
      continue
    }
    if (table && name === 'tr') {
      closeRow(table)
      if (!closing) {
        table.row = []
        table.column = 0
      }
      continue
    }
    if (table && (name === 'td' || name === 'th')) {
      closeCell(table)
      if (closing) continue
      if (!table.row) {
        table.row = []
        table.column = 0
      }
      while (table.covered.has(table.column)) {
        table.covered.set(table.column, table.covered.get(table.column)! - 1)
        if (table.covered.get(table.column)! <= 0) table.covered.delete(table.column)
        table.column++
      }
      const colspan = Math.max(1, Math.min(50, Number(attribute(attrs, 'colspan') ?? 1) || 1))
      const rowspan = Math.max(1, Math.min(500, Number(attribute(attrs, 'rowspan') ?? 1) || 1))
      if (rowspan > 1) for (let c = 0; c < colspan; c++) table.covered.set(table.column + c, rowspan - 1)
      table.column += colspan
      table.cell = { text: '' }
      continue
    }
    if (BLOCK.has(name)) {
      if (table?.cell) table.cell.text += ' '
      else flushParagraph()
    }
  }
  while (tables.length) closeRow(tables.pop()!)
  flushParagraph()
  if (!declared.title && pageTitle.trim()) declared.title = pageTitle.trim().split(/\s*[_|｜]\s*|\s+-\s+/)[0]
  return { lines, declared }
}

export const htmlKind: KindModule = {
  kind: 'html',
  options: { fuzzyLabels: true, blankPlacement: true },
  sniff(input: SourceInput) {
    if (input.text === null) return 0
    if (hasExtension(input, '.html', '.htm', '.shtml', '.xhtml')) return 7
    return /^\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(input.text.slice(0, 1000)) ? 6 : 0
  },
  read(input) {
    const { lines, declared } = htmlLines(input.text ?? '')
    return { kind: 'html', lines, declared }
  },
}
