import type { ParseResult } from '../types.ts'
import type { PreviousReport } from '../read/facts.ts'
import { parseSource, readAndParse, storeOrder, withPreviousReport } from './read.ts'
import type { ParsedFile } from './read.ts'
import { refusalFromError } from './refusal.ts'
import type { FailedFile, FileOutcome, ImportedFile, ImportSummary, SkippedFile } from './types.ts'

/** Where parsed files go: the Local API (seed/import/local.ts) or a CMS over REST (seed/import/rest.ts). */
export interface ReportStore {
  /**
   * Stores one file's report; throws (ImportRefusal or any error) when it is not stored, having
   * written nothing. `bytes` reads the file again, for a store that sends the file itself.
   */
  store(item: { file: string; bytes: () => Promise<Uint8Array>; parsed: ParseResult }): Promise<ImportedFile>
  /**
   * The stored report of the parsed report's agency for the year before, if the store can look it
   * up: a file whose table 2 the parser left in doubt is read again with it, after the batch's
   * older years are stored.
   */
  previous?(parsed: ParseResult): Promise<PreviousReport | null>
}

export interface ProgressEvent {
  phase: 'read' | 'store'
  /** Files finished in this phase, and in all. */
  done: number
  total: number
  file: string
  outcome?: FileOutcome
}

export interface RunOptions {
  onProgress?: (event: ProgressEvent) => void
  skipped?: SkippedFile[]
  /** Parse uploads in a worker thread (a server's batch job): seed/parse-isolated.ts. */
  isolated?: boolean
}

/** A source given by path (read from disk) or with its bytes (an upload). */
export type ImportInput = string | { file: string; bytes: Uint8Array }

function failureOf(file: string, error: unknown): FailedFile {
  const refusal = refusalFromError(error)
  if (refusal) return { file, status: 'failed', httpStatus: refusal.status, reason: refusal.reason }
  const detail = error instanceof Error ? error.message : String(error)
  return { file, status: 'failed', httpStatus: 500, reason: { zh: `写入失败：${detail}`, en: `storing failed: ${detail}` } }
}

/**
 * Imports files: reads and parses each (a file the parser refuses fails with the parser's
 * reason), then stores them oldest report year first, one at a time, each on its own: a
 * failure is recorded and the run goes on. Returns the summary: imported, updated, failed,
 * each outcome, and the agencies created.
 */
export async function runImport(inputs: readonly ImportInput[], target: ReportStore, options: RunOptions = {}): Promise<ImportSummary> {
  const total = inputs.length
  const parsed: ParsedFile[] = []
  for (const input of inputs) {
    const item = typeof input === 'string' ? await readAndParse(input) : await parseSource(input.file, input.bytes, undefined, { isolated: options.isolated })
    parsed.push(item)
    options.onProgress?.({ phase: 'read', done: parsed.length, total, file: item.file, ...('failure' in item && { outcome: item.failure }) })
  }

  const results: FileOutcome[] = []
  let done = 0
  for (const item of storeOrder(parsed)) {
    let outcome: FileOutcome
    if ('failure' in item) outcome = item.failure
    else {
      try {
        const reading = target.previous ? await withPreviousReport(item, (p) => target.previous!(p), { isolated: options.isolated }) : item
        outcome = await target.store(reading)
      } catch (error) {
        outcome = failureOf(item.file, error)
      }
    }
    results.push(outcome)
    done += 1
    options.onProgress?.({ phase: 'store', done, total, file: item.file, outcome })
  }
  return summarize(results, options.skipped ?? [])
}

export function summarize(results: FileOutcome[], skipped: SkippedFile[]): ImportSummary {
  const count = (status: FileOutcome['status']) => results.filter((r) => r.status === status).length
  return {
    imported: count('imported'),
    updated: count('updated'),
    failed: count('failed'),
    skipped,
    results,
    agencies: results.flatMap((r) => (r.status !== 'failed' && r.agency.created ? [r.agency] : [])),
  }
}
