/**
 * The admin's import: `POST /api/<reports>/import` (multipart/form-data, the file in `file`)
 * runs the same importer as `xxgk import` (seed/import) with the logged-in user's access. One
 * file answers 201 `{ doc, status: 'imported'|'updated', agency, issues, ambiguities, … }` or a
 * 4xx naming the reason in Chinese and English (nothing written). Several files become one
 * Payload job (task `xxgkImport`, queue `xxgk-import`), answered 202 with the job;
 * `GET /api/<reports>/import/:job` answers its state and, once done, the results.
 */
import type { CollectionSlug, Endpoint, Payload, PayloadRequest, TaskConfig } from 'payload'
import { relationId } from '../collections'
import type { ID, XxgkSlugs } from '../collections'
import type { Label } from '../src'
import { checkImportRole, importFile, isImportRefusal, localStore, runImport } from '../seed/import'
import type { FileOutcome, ImportRefusal, ImportUser } from '../seed/import'
import { bilingual } from './errors'

export const IMPORT_TASK = 'xxgkImport'
export const IMPORT_QUEUE = 'xxgk-import'
/** Largest file accepted (PDF scans of a report stay far below). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024
export const MAX_FILES = 50

const resultsKey = (job: ID) => `xxgk:import:${String(job)}`

const NAMES: Record<number, string> = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
}

type Problem = { path: string; zh: string; en: string }

/** A 4xx in Payload's error shape (`errors[].data.errors[]` with paths), plus the file and the reason. */
function refuse(status: number, reason: Label, problems: Problem[] = [], file?: string): Response {
  const entries = (problems.length ? problems : [{ path: 'file', zh: reason.zh, en: reason.en }]).map((p) => ({
    path: p.path,
    message: bilingual({ zh: p.zh, en: p.en }, p.path),
    zh: p.zh,
    en: p.en,
  }))
  return Response.json(
    {
      errors: [{ name: NAMES[status] ?? 'APIError', message: bilingual(reason), data: { errors: entries } }],
      reason,
      ...(file !== undefined && { file }),
    },
    { status },
  )
}

const fromRefusal = (refusal: ImportRefusal, file?: string) => refuse(refusal.status, refusal.reason, refusal.problems, file)

interface Upload {
  name: string
  bytes: Uint8Array
}

async function readUploads(req: PayloadRequest): Promise<Upload[] | Response> {
  let form: FormData
  try {
    form = await (req as unknown as Request).formData()
  } catch {
    return refuse(400, {
      zh: '请求应为 multipart/form-data，文件放在字段 file 中',
      en: 'the request must be multipart/form-data with the file in the field `file`',
    })
  }
  const files = form.getAll('file').filter((value): value is File => typeof value !== 'string')
  if (files.length === 0) return refuse(400, { zh: '缺少文件：请在字段 file 中上传报告文件', en: 'no file: upload the report in the field `file`' })
  if (files.length > MAX_FILES) {
    return refuse(413, { zh: `一次最多导入 ${MAX_FILES} 个文件`, en: `at most ${MAX_FILES} files per import` })
  }
  const uploads: Upload[] = []
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) {
      return refuse(
        413,
        { zh: `文件过大（${file.size} 字节，上限 ${MAX_FILE_BYTES}）`, en: `the file is too large (${file.size} bytes, limit ${MAX_FILE_BYTES})` },
        [],
        file.name,
      )
    }
    uploads.push({ name: file.name || 'upload', bytes: new Uint8Array(await file.arrayBuffer()) })
  }
  return uploads
}

const asImportUser = (req: PayloadRequest, slugs: XxgkSlugs): ImportUser | null =>
  req.user ? ({ collection: slugs.users, ...(req.user as object) } as ImportUser) : null

/** Starts the job now in this process (no cron needed); a failure to start is logged, the job stays queued. */
function startJob(payload: Payload, id: ID): void {
  payload.jobs.runByID({ id }).catch((error: unknown) => payload.logger.error({ err: error, msg: `xxgk import job ${String(id)} did not run` }))
}

function importPost(slugs: XxgkSlugs): Endpoint {
  return {
    path: '/import',
    method: 'post',
    handler: async (req) => {
      const user = asImportUser(req, slugs)
      try {
        checkImportRole(user, slugs)
      } catch (error) {
        if (isImportRefusal(error)) return fromRefusal(error)
        throw error
      }
      const uploads = await readUploads(req)
      if (uploads instanceof Response) return uploads

      if (uploads.length === 1) {
        const [upload] = uploads as [Upload]
        try {
          const result = await importFile(req.payload, { file: upload.name, bytes: upload.bytes }, { user, slugs })
          return Response.json(result, { status: 201 })
        } catch (error) {
          if (isImportRefusal(error)) return fromRefusal(error, upload.name)
          throw error
        }
      }

      // the generated types know no tasks: queue through a typed view of the same function
      const queue = req.payload.jobs.queue as unknown as (args: { task: string; queue: string; input: ImportTaskIO['input'] }) => Promise<{ id: ID }>
      const job = await queue({
        task: IMPORT_TASK,
        queue: IMPORT_QUEUE,
        input: { user: String(user!.id), files: uploads.map((u) => ({ name: u.name, data: Buffer.from(u.bytes).toString('base64') })) },
      })
      startJob(req.payload, job.id)
      return Response.json(
        {
          job: { id: job.id, status: 'queued', files: uploads.map((u) => u.name) },
          results: null,
          poll: `${req.payload.config.routes.api}/${slugs.reports}/import/${String(job.id)}`,
        },
        { status: 202 },
      )
    },
  }
}

/** The batch job's input (the uploader's id, each file's name and base64 bytes) and output (counts). */
export interface ImportTaskIO {
  input: { user: string; files: { name: string; data: string }[] }
  output: { imported: number; updated: number; failed: number }
}

interface StoredResults {
  user: string
  files: string[]
  results: FileOutcome[]
  finishedAt: string
}

const counts = (results: FileOutcome[]) => ({
  imported: results.filter((r) => r.status === 'imported').length,
  updated: results.filter((r) => r.status === 'updated').length,
  failed: results.filter((r) => r.status === 'failed').length,
})

interface JobDoc {
  id: ID
  input?: { user?: string; files?: { name: string }[] }
  processing?: boolean
  completedAt?: string | null
  hasError?: boolean
  error?: unknown
  createdAt?: string
}

/** Jobs still queued this long after they were created are started again (the server restarted meanwhile). */
const STALE_QUEUED_MS = 10_000

function importStatus(slugs: XxgkSlugs): Endpoint {
  return {
    path: '/import/:job',
    method: 'get',
    handler: async (req) => {
      const user = asImportUser(req, slugs)
      if (!user) return refuse(401, { zh: '请先登录', en: 'You must be logged in' })
      const id = String(req.routeParams?.job ?? '')
      const notFound = refuse(404, { zh: `没有这个导入任务：${id}`, en: `no such import job: ${id}` })
      const owns = (owner: unknown) => user.role === 'admin' || String(owner) === String(user.id)
      const stored = (await req.payload.kv.get<StoredResults>(resultsKey(id)).catch(() => null)) ?? null
      if (stored) {
        if (!owns(stored.user)) return notFound
        return Response.json({ job: { id, status: 'completed', files: stored.files, finishedAt: stored.finishedAt }, summary: counts(stored.results), results: stored.results })
      }
      const job = /^\d+$|^[0-9a-f]{24}$/i.test(id)
        ? ((await req.payload.findByID({ collection: 'payload-jobs' as CollectionSlug, id, depth: 0, overrideAccess: true, disableErrors: true })) as JobDoc | null)
        : null
      if (!job || !owns(job.input?.user)) return notFound
      const files = (job.input?.files ?? []).map((f) => f.name)
      let status = job.hasError ? 'failed' : job.processing ? 'running' : job.completedAt ? 'completed' : 'queued'
      if (status === 'queued' && job.createdAt && Date.now() - new Date(job.createdAt).getTime() > STALE_QUEUED_MS) {
        startJob(req.payload, job.id)
        status = 'running'
      }
      return Response.json({ job: { id: job.id, status, files, ...(job.hasError && { error: job.error }) }, summary: null, results: null })
    },
  }
}

export function importEndpoints(slugs: XxgkSlugs): Endpoint[] {
  return [importPost(slugs), importStatus(slugs)]
}

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
    ],
    outputSchema: [
      { name: 'imported', type: 'number' },
      { name: 'updated', type: 'number' },
      { name: 'failed', type: 'number' },
    ],
    handler: async ({ input, job, req }) => {
      const { user: userId, files } = input
      const found = await req.payload.findByID({ collection: slugs.users, id: userId, depth: 0, overrideAccess: true, disableErrors: true })
      const user = found ? ({ collection: slugs.users, ...found, agency: relationId((found as { agency?: unknown }).agency) } as ImportUser) : null
      const inputs = files.map((f) => ({ file: f.name, bytes: new Uint8Array(Buffer.from(f.data, 'base64')) }))
      const summary = await runImport(inputs, localStore(req.payload, { user, slugs }))
      const stored: StoredResults = { user: userId, files: files.map((f) => f.name), results: summary.results, finishedAt: new Date().toISOString() }
      await req.payload.kv.set(resultsKey(job.id as ID), stored)
      return { output: counts(summary.results) }
    },
  }
}
