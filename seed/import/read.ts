import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseReport } from '../parse.ts'
import { parseIsolated } from '../parse-isolated.ts'
import { ParseRefusal } from '../refusal.ts'
import type { PreviousReport } from '../read/facts.ts'
import type { ParseResult } from '../types.ts'
import type { FailedFile } from './types.ts'

/**
 * A file read and parsed, ready to store, or the reason it cannot be. `bytes` gives the file
 * again for a store that sends it on (REST); a file read from disk is not held in memory
 * meanwhile but read again, so a large batch costs the parsed reports only.
 */
export type ParsedFile = { file: string; bytes: () => Promise<Uint8Array>; parsed: ParseResult } | { file: string; failure: FailedFile }

export const failed = (file: string, httpStatus: number, zh: string, en: string): FailedFile => ({
  file,
  status: 'failed',
  httpStatus,
  reason: { zh, en },
})

/**
 * drizzle-kit, which Payload loads to push a schema in development (the default of a Payload
 * project's dev server), adds an enumerable `Array.prototype.random`; pdfjs refuses to open any
 * PDF while Array.prototype has an enumerable property. Such additions are made non-enumerable
 * (they keep working), so an import inside that server reads PDFs.
 */
function hideEnumerableArrayExtensions(): void {
  for (const key in Array.prototype) {
    const descriptor = Object.getOwnPropertyDescriptor(Array.prototype, key)
    if (descriptor?.enumerable && descriptor.configurable) Object.defineProperty(Array.prototype, key, { ...descriptor, enumerable: false })
  }
}

export interface ParseSourceOptions {
  /**
   * Parse in a worker thread, bounded in time and memory (seed/parse-isolated.ts): what a server
   * does with an upload, so it keeps answering meanwhile.
   */
  isolated?: boolean
  /** The same agency's report of the year before: constraints for run-together table 2 digits. */
  previous?: PreviousReport | null
}

/** Parses a file's bytes; a refusal (or a parser fault) becomes a failure with its reason, never an exception. */
export async function parseSource(
  file: string,
  bytes: Uint8Array,
  again: () => Promise<Uint8Array> = async () => bytes,
  options: ParseSourceOptions = {},
): Promise<ParsedFile> {
  hideEnumerableArrayExtensions()
  try {
    const parse = options.isolated ? parseIsolated : parseReport
    const parsed = await parse(bytes, { filename: path.basename(file), ...(options.previous && { previous: options.previous }) })
    return { file, bytes: again, parsed }
  } catch (error) {
    if (error instanceof ParseRefusal) {
      // 413 for a file refused by the limits of seed/limits.ts
      const status = (error as { status?: unknown }).status
      return { file, failure: failed(file, typeof status === 'number' ? status : 400, error.reason.zh, error.reason.en) }
    }
    const detail = error instanceof Error ? error.message : String(error)
    return { file, failure: failed(file, 400, `文件无法读取：${detail}`, `the file cannot be read: ${detail}`) }
  }
}

/**
 * Whether the same agency's previous report could settle what the parser left open: table 2
 * readings constrained by X.IN_FORCE and the 2019 edition's 上一年项目数量.
 */
export function wantsPrevious(parsed: ParseResult): boolean {
  return parsed.ambiguities.some((a) => a.path === 'proactive' || a.path.startsWith('proactive.'))
}

/**
 * Reads a parsed file again with its agency's previous report (found by `lookup`) when that could
 * settle an ambiguity; the first reading when there is none or the second fails.
 */
export async function withPreviousReport(
  item: Extract<ParsedFile, { parsed: ParseResult }>,
  lookup: (parsed: ParseResult) => Promise<PreviousReport | null>,
  options: ParseSourceOptions = {},
): Promise<Extract<ParsedFile, { parsed: ParseResult }>> {
  if (!wantsPrevious(item.parsed)) return item
  const previous = await lookup(item.parsed)
  if (!previous) return item
  const again = await parseSource(item.file, await item.bytes(), item.bytes, { ...options, previous })
  return 'parsed' in again ? again : item
}

export async function readAndParse(file: string): Promise<ParsedFile> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(file))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    return { file, failure: failed(file, 400, `无法读取文件（${code}）`, `cannot read the file (${code})`) }
  }
  return parseSource(file, bytes, async () => new Uint8Array(await readFile(file)))
}

/**
 * The order to store parsed files in: by report year, then as given. A report's cross-year
 * checks (X.CARRY, X.IN_FORCE) read the agency's stored report of the year before, so storing
 * older years first gives every draft its full set of issues. Failures keep their place.
 */
export function storeOrder<T extends ParsedFile>(items: readonly T[]): T[] {
  const year = (item: T) => ('parsed' in item ? item.parsed.report.year : -Infinity)
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => year(a.item) - year(b.item) || a.index - b.index)
    .map(({ item }) => item)
}
