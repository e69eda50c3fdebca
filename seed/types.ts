import type { Ambiguity, Issue, Report } from '@xxgk/schema'

export type { Ambiguity } from '@xxgk/schema'

/** The kinds of source the parser reads; each has its own module in seed/kinds/. */
export type SourceKind = 'pdf' | 'pdf-text' | 'flattened' | 'html' | 'markdown' | 'ocr' | 'docx' | 'xlsx'

/** What the parser learned about the source besides the report (the importer may use it). */
export interface SourceInfo {
  kind: SourceKind
  filename?: string
  /** Publication date/time as the source states it (web page metadata), when it does. */
  publishedAt?: string
  /** Publishing body as the source's metadata states it, when it does. */
  publisher?: string
}

/**
 * The evidence for one cell: the exact characters the value was read from (the whole run of
 * digits for run-together cells), the label printed before them on that line, and where they
 * are: PDF page and line on the page, the line of a text file, the row of a table (HTML, Word,
 * Markdown; a workbook's row and cell).
 */
export interface CellSource {
  text: string
  label?: string
  page?: number
  line?: number
  row?: number
  cell?: string
}

export interface ParseResult {
  report: Report
  /** The rules engine's findings on the parsed report (src validateReport). */
  issues: Issue[]
  ambiguities: Ambiguity[]
  /** Per non-blank cell path, where its value was read (see CellSource). */
  sources: Record<string, CellSource>
  source: SourceInfo
}

export interface ParseOptions {
  /** The file name; its extension helps detect the kind (e.g. `.md`, `.ocr.txt`). */
  filename?: string
  /** Force a source kind instead of detecting it. */
  kind?: SourceKind
  /**
   * The same agency's report for the year before, when known: its table 2 constrains this
   * year's (X.IN_FORCE; the 2019 edition's 上一年项目数量) where digits run together.
   */
  previous?: { edition: string; year: number; proactive?: Record<string, Record<string, number | null | undefined> | undefined> } | null
}
