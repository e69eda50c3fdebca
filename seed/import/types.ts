import type { ID } from '../../collections/index.ts'
import type { Issue, Label } from '@xxgk/schema'
import type { Ambiguity, SourceInfo } from '../types.ts'

export type ImportStatus = 'imported' | 'updated'

/** The agency a report was filed under; `created` when this import made it. */
export interface ImportedAgency {
  id: ID
  name: string
  created: boolean
  kind: string | null
  level: string | null
  /** How kind and level were set when the agency was created (guessed from the name, or left blank). */
  guess?: Label
}

/** One file stored as a draft report. */
export interface ImportedFile {
  file: string
  status: ImportStatus
  doc: {
    id: ID
    title: string | null
    year: number
    edition: string
    _status: 'draft' | 'published'
    errorCount: number
    warningCount: number
  }
  /** The report already had a published version: it stays as it is, this import is a draft over it. */
  publishedVersionKept: boolean
  agency: ImportedAgency
  /** The rules' findings as stored with the draft (with the agency's context and previous year). */
  issues: Issue[]
  ambiguities: Ambiguity[]
  source: SourceInfo
}

/** One file that was not stored; nothing of it was written. */
export interface FailedFile {
  file: string
  status: 'failed'
  /** The HTTP status the admin endpoint answers for it (400 unreadable, 403 not allowed …). */
  httpStatus: number
  reason: Label
}

export type FileOutcome = ImportedFile | FailedFile

/** A file or folder entry left out of a run, and why. */
export interface SkippedFile {
  file: string
  reason: Label
}

export interface ImportSummary {
  imported: number
  updated: number
  failed: number
  skipped: SkippedFile[]
  results: FileOutcome[]
  /** Agencies this run created. */
  agencies: ImportedAgency[]
}

/**
 * A file the importer will not store, with the HTTP status the admin endpoint answers and the
 * reason in both languages. Thrown before anything is written, or after undoing what was.
 */
export class ImportRefusal extends Error {
  readonly status: number
  readonly reason: Label
  /** Field problems as Payload's validation reported them ({ path, zh, en }). */
  readonly problems: { path: string; zh: string; en: string }[]

  constructor(status: number, reason: Label, problems: { path: string; zh: string; en: string }[] = []) {
    super(`${reason.zh} / ${reason.en}`)
    this.name = 'ImportRefusal'
    this.status = status
    this.reason = reason
    this.problems = problems
  }
}

export const isImportRefusal = (error: unknown): error is ImportRefusal =>
  error instanceof Error && error.name === 'ImportRefusal' && typeof (error as ImportRefusal).status === 'number'
