import type { Issue, Label, Report } from '@xxgk/schema'

/** The kinds of source the parser reads; each has its own module in seed/kinds/. */
export type SourceKind = 'pdf' | 'pdf-text' | 'flattened' | 'html' | 'markdown' | 'ocr' | 'docx' | 'xlsx'

/**
 * A reading the parser could not settle from the source alone. `path` is a dotted path in the
 * report: a cell (`requests.received.total`), a row (`proactive.normativeDocuments`, whose
 * candidates are objects of its cells), several rows (`requests.unavailable`) or a field
 * (`agency`, `edition`). `chosen` is the candidate the report carries (null when none could be
 * chosen); `reason` says why there is more than one and why this one.
 */
export interface Ambiguity {
  path: string
  candidates: unknown[]
  chosen: unknown
  reason: Label
}

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
