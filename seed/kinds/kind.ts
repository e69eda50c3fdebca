import type { Issue, Report } from '@xxgk/schema'
import type { SourceDocument } from '../read/document.ts'
import type { Ambiguity, CellSource, SourceKind } from '../types.ts'

/** The file as given to the parser: its bytes, its name, and its text once decoded. */
export interface SourceInput {
  bytes: Uint8Array
  filename: string
  /** Decoded text for text-like files (null for binary formats). */
  text: string | null
}

/**
 * One module per source kind. `sniff` says how sure the module is that the input is its kind
 * (0: not at all); the highest wins. `read` turns the input into the common document form, or
 * throws ParseRefusal when the file is damaged. A structured source whose every cell has one
 * place (the project's own XLSX export) may instead `parse` straight to a report.
 */
export interface KindModule {
  kind: SourceKind
  sniff(input: SourceInput): number
  read?(input: SourceInput): SourceDocument | Promise<SourceDocument>
  parse?(input: SourceInput): Promise<{ report: Report; issues: Issue[]; ambiguities: Ambiguity[]; sources?: Record<string, CellSource> }>
  /** How the reader should treat a row whose tokens are fewer than its cells. */
  options: { fuzzyLabels: boolean; blankPlacement: boolean; approximateColumns?: boolean }
}

export const hasExtension = (input: SourceInput, ...extensions: string[]) => extensions.some((e) => input.filename.toLowerCase().endsWith(e))

/** Whether a ZIP archive (docx, xlsx) holds an entry of this name (names are stored uncompressed). */
export function zipHasEntry(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name, 0, 'latin1')
}
