/**
 * The importer: published reports (any kind the parser reads) into the CMS as drafts with their
 * issues and ambiguities. Used by `xxgk import` (cli/import.ts), the admin's import endpoint
 * (plugin/endpoints/import.ts) and its batch job, and the host app's seeding (dev/cms/seed.ts).
 */
import type { Payload } from 'payload'
import { parseSource, withPreviousReport } from './read.ts'
import { previousReportFor, storeParsed } from './local.ts'
import type { ImportAccess } from './local.ts'
import { ImportRefusal } from './types.ts'
import type { ImportedFile } from './types.ts'

export { collectFiles, isSourceFile, SOURCE_EXTENSIONS } from './files.ts'
export type { CollectedFiles } from './files.ts'
export { guessAgency } from './agency.ts'
export type { AgencyGuess } from './agency.ts'
export { checkImportRole, localStore, previousReportFor, publicationDate, storeParsed } from './local.ts'
export type { ImportAccess, ImportUser } from './local.ts'
export { apiBase, restStore } from './rest.ts'
export type { RestTarget } from './rest.ts'
export { runImport, summarize } from './run.ts'
export type { ImportInput, ProgressEvent, ReportStore, RunOptions } from './run.ts'
export { refusalFromError } from './refusal.ts'
export { outcomeLine, summaryText } from './summary.ts'
export { ProgressBar } from './progress.ts'
export { ImportRefusal, isImportRefusal } from './types.ts'
export type { FailedFile, FileOutcome, ImportedAgency, ImportedFile, ImportStatus, ImportSummary, SkippedFile } from './types.ts'

/**
 * Parses one uploaded file and stores it (the admin endpoint's single-file path); throws
 * ImportRefusal. `isolated` parses in a worker thread (seed/parse-isolated.ts), as a server should.
 */
export async function importFile(
  payload: Payload,
  input: { file: string; bytes: Uint8Array },
  access: ImportAccess = {},
  options: { isolated?: boolean } = {},
): Promise<ImportedFile> {
  const first = await parseSource(input.file, input.bytes, undefined, options)
  if ('failure' in first) throw new ImportRefusal(first.failure.httpStatus, first.failure.reason)
  const item = await withPreviousReport(first, (parsed) => previousReportFor(payload, parsed, access), options)
  return storeParsed(payload, input.file, item.parsed, access)
}
