/**
 * The batch import as a Payload job task (queued by `POST /api/<reports>/import` with several
 * files): the files run through the importer as the user who uploaded them.
 */
import type { TaskConfig } from 'payload'
import { effectiveRole, relationId } from '../../collections/index.ts'
import type { ID, XxgkSlugs } from '../../collections/index.ts'
import { localStore, runImport } from '../../seed/import/index.ts'
import type { FileOutcome, ImportUser } from '../../seed/import/index.ts'

export const IMPORT_TASK = 'xxgkImport'
export const IMPORT_QUEUE = 'xxgk-import'

export const resultsKey = (job: ID) => `xxgk:import:${String(job)}`

/** Stored results are answered for this long after the batch finished, then forgotten. */
export const RESULTS_TTL_MS = 24 * 60 * 60 * 1000

/** When this server process started: a job still marked processing from before was interrupted (a crash, a restart). */
export const PROCESS_STARTED_AT = Date.now()
/** Jobs this process is running now. */
export const RUNNING = new Set<string>()

/** The batch job's input (the uploader's id, each file's name and base64 bytes) and output (counts). */
export interface ImportTaskIO {
  input: { user: string; files: { name: string; data: string }[]; batch?: string }
  output: { imported: number; updated: number; failed: number }
}

export interface StoredResults {
  user: string
  /** The batch the results belong to (a job id may be reused once the job is deleted). */
  batch?: string
  files: string[]
  results: FileOutcome[]
  finishedAt: string
}

export const counts = (results: FileOutcome[]) => ({
  imported: results.filter((r) => r.status === 'imported').length,
  updated: results.filter((r) => r.status === 'updated').length,
  failed: results.filter((r) => r.status === 'failed').length,
})

/**
 * The batch import as a Payload job task: the uploaded files (base64 in the job's input) run
 * through the importer as the user who uploaded them; the results are kept in Payload's
 * key-value store under `xxgk:import:<job id>` (Payload deletes finished jobs).
 */
export function importTask(slugs: XxgkSlugs): TaskConfig<ImportTaskIO> {
  return {
    slug: IMPORT_TASK,
    label: '导入年度报告 / Import annual reports',
    retries: 0,
    inputSchema: [
      { name: 'user', type: 'text', required: true },
      { name: 'files', type: 'json', required: true },
      { name: 'batch', type: 'text' },
    ],
    outputSchema: [
      { name: 'imported', type: 'number' },
      { name: 'updated', type: 'number' },
      { name: 'failed', type: 'number' },
    ],
    handler: async ({ input, job, req }) => {
      const { user: userId, files, batch } = input
      RUNNING.add(String(job.id))
      try {
        const found = await req.payload.findByID({ collection: slugs.users, id: userId, depth: 0, overrideAccess: true, disableErrors: true })
        const user = found
          ? ({
              collection: slugs.users,
              ...found,
              role: effectiveRole(req.payload, slugs, (found as { role?: unknown }).role),
              agency: relationId((found as { agency?: unknown }).agency),
            } as ImportUser)
          : null
        const inputs = files.map((f) => ({ file: f.name, bytes: new Uint8Array(Buffer.from(f.data, 'base64')) }))
        const summary = await runImport(inputs, localStore(req.payload, { user, slugs }), { isolated: true })
        const stored: StoredResults = { user: userId, batch, files: files.map((f) => f.name), results: summary.results, finishedAt: new Date().toISOString() }
        await req.payload.kv.set(resultsKey(job.id as ID), stored)
        return { output: counts(summary.results) }
      } finally {
        RUNNING.delete(String(job.id))
      }
    },
  }
}
