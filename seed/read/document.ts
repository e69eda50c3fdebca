import type { SourceKind } from '../types.ts'

/**
 * The common form every kind module produces: lines in reading order, each a list of cells.
 * Text sources give one cell per line (the reader splits it at whitespace); table sources
 * (HTML, Word, Markdown) give a line per table row with one cell per table cell; PDF gives a
 * line per rebuilt text row with one cell per run of text, with its horizontal position.
 */
export interface Cell {
  text: string
  /** Horizontal centre of the cell on the page (PDF only); lets blank cells be placed by column. */
  x?: number
  /** A real table cell (HTML, Word, Markdown): an empty one is a blank cell, not nothing. */
  grid?: boolean
}

export interface Line {
  cells: Cell[]
  /** Where the line is in the source, for evidence: PDF page and line on it, line of a text file, row of a table. */
  source?: { page?: number; line?: number; row?: number }
}

export interface DeclaredFacts {
  /** Title from the file's metadata (web page title, crawler header, document properties). */
  title?: string
  publishedAt?: string
  publisher?: string
}

export interface SourceDocument {
  kind: SourceKind
  lines: Line[]
  declared: DeclaredFacts
}

/** The document as one string (lines joined by newlines, cells by spaces) and where each cell starts. */
export interface PlainText {
  text: string
  /** Offset of each line's first character. */
  lineStart: number[]
  /** Offset of each cell, per line. */
  cellStart: number[][]
}

export function plainText(doc: SourceDocument): PlainText {
  const parts: string[] = []
  const lineStart: number[] = []
  const cellStart: number[][] = []
  let at = 0
  for (const line of doc.lines) {
    lineStart.push(at)
    const starts: number[] = []
    line.cells.forEach((cell, i) => {
      if (i > 0) {
        parts.push(' ')
        at += 1
      }
      starts.push(at)
      parts.push(cell.text)
      at += cell.text.length
    })
    cellStart.push(starts)
    parts.push('\n')
    at += 1
  }
  return { text: parts.join(''), lineStart, cellStart }
}

/** Page numbers and similar furniture that break into tables and text when pages are joined. */
const PAGE_FURNITURE = [/^\s*[-—–－]\s*\d{1,3}\s*[-—–－]\s*$/, /^\s*第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?\s*$/, /^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/]

export function isPageFurniture(text: string): boolean {
  return PAGE_FURNITURE.some((re) => re.test(text))
}

/** Lines of a plain-text source, one cell each, page furniture dropped; `firstLine` is the file's line number of the text's first line. */
export function textLines(text: string, firstLine = 1): Line[] {
  const lines: Line[] = []
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (isPageFurniture(raw)) return
    lines.push({ cells: [{ text: raw }], source: { line: firstLine + i } })
  })
  return lines
}
