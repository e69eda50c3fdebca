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

export interface ParseResult {
  report: Report
  /** The rules engine's findings on the parsed report (src validateReport). */
  issues: Issue[]
  ambiguities: Ambiguity[]
  source: SourceInfo
}

export interface ParseOptions {
  /** The file name; its extension helps detect the kind (e.g. `.md`, `.ocr.txt`). */
  filename?: string
  /** Force a source kind instead of detecting it. */
  kind?: SourceKind
}
