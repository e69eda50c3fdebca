/**
 * The importer: published reports (any kind the parser reads) into the CMS as drafts with their
 * issues and ambiguities. Used by `xxgk import` (cli/import.ts), the admin's import endpoint
 * (plugin/import-endpoint.ts) and its batch job, and `npm start`'s seeding (cms/seed.ts).
 */
import type { Payload } from 'payload'
import { parseSource } from './read'
import { storeParsed } from './local'
import type { ImportAccess } from './local'
import { ImportRefusal } from './types'
import type { ImportedFile } from './types'

export { collectFiles, SOURCE_EXTENSIONS } from './files'
export type { CollectedFiles } from './files'
export { guessAgency } from './agency'
export type { AgencyGuess } from './agency'
export { checkImportRole, localStore, publicationDate, storeParsed } from './local'
export type { ImportAccess, ImportUser } from './local'
export { apiBase, restStore } from './rest'
export type { RestTarget } from './rest'
export { runImport, summarize } from './run'
export type { ImportInput, ProgressEvent, ReportStore, RunOptions } from './run'
export { refusalFromError } from './refusal'
export { outcomeLine, summaryText } from './summary'
export { ProgressBar } from './progress'
export { sampleCorpusFiles, SAMPLE_CORPUS_DIRS } from './corpus'
export { ImportRefusal, isImportRefusal } from './types'
export type { FailedFile, FileOutcome, ImportedAgency, ImportedFile, ImportStatus, ImportSummary, SkippedFile } from './types'

/** Parses one uploaded file and stores it (the admin endpoint's single-file path); throws ImportRefusal. */
export async function importFile(payload: Payload, input: { file: string; bytes: Uint8Array }, access: ImportAccess = {}): Promise<ImportedFile> {
  const item = await parseSource(input.file, input.bytes)
  if ('failure' in item) throw new ImportRefusal(item.failure.httpStatus, item.failure.reason)
  return storeParsed(payload, input.file, item.parsed, access)
}
