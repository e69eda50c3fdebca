import type { CollectionSlug, Endpoint } from 'payload'
import type { ID, XxgkSlugs } from '../../collections/index.ts'
import { counts, PROCESS_STARTED_AT, RESULTS_TTL_MS, resultsKey, RUNNING } from '../jobs/importTask.ts'
import type { StoredResults } from '../jobs/importTask.ts'
import { asImportUser, refuse, startJob } from './import-shared.ts'

interface JobDoc {
  id: ID
  input?: { user?: string; files?: { name: string }[]; batch?: string }
  processing?: boolean
  updatedAt?: string
  completedAt?: string | null
  hasError?: boolean
  error?: unknown
  createdAt?: string
}

/** A job marked processing without a word for this long is reported interrupted, whichever process ran it. */
const STALE_PROCESSING_MS = 30 * 60 * 1000

const INTERRUPTED = {
  zh: '导入任务已中断（服务器在处理期间重启或崩溃），结果未知；已写入的文件各自完整，请重新上传这批文件（已导入的报告会被更新，不会重复）',
  en: 'the import job was interrupted (the server restarted or crashed while it ran); each file already written is complete: upload the batch again (imported reports are updated, never duplicated)',
}

/** Jobs still queued this long after they were created are started again (the server restarted meanwhile). */
const STALE_QUEUED_MS = 10_000

/** `GET /api/<reports>/import/:job`: a batch import's state and, once done, its results. */
export function importStatusEndpoint(slugs: XxgkSlugs): Endpoint {
  return {
    path: '/import/:job',
    method: 'get',
    handler: async (req) => {
      const user = asImportUser(req, slugs)
      if (!user) return refuse(401, { zh: '请先登录', en: 'You must be logged in' })
      const id = String(req.routeParams?.job ?? '')
      const notFound = refuse(404, { zh: `没有这个导入任务：${id}`, en: `no such import job: ${id}` })
      const owns = (owner: unknown) => user.role === 'admin' || String(owner) === String(user.id)
      let stored = (await req.payload.kv.get<StoredResults>(resultsKey(id)).catch(() => null)) ?? null
      if (stored && Date.now() - new Date(stored.finishedAt).getTime() > RESULTS_TTL_MS) {
        await req.payload.kv.delete(resultsKey(id)).catch(() => undefined)
        stored = null
      }
      const live = /^\d+$|^[0-9a-f]{24}$/i.test(id)
        ? ((await req.payload.findByID({
            collection: 'payload-jobs' as CollectionSlug,
            id,
            depth: 0,
            overrideAccess: true,
            disableErrors: true,
          })) as JobDoc | null)
        : null
      // a job of this id still exists and is another batch than the stored results: the job answers
      if (stored && live && live.input?.batch !== stored.batch) stored = null
      if (stored) {
        if (!owns(stored.user)) return notFound
        return Response.json({
          job: { id, status: 'completed', files: stored.files, finishedAt: stored.finishedAt },
          summary: counts(stored.results),
          results: stored.results,
        })
      }
      const job = live
      if (!job || !owns(job.input?.user)) return notFound
      const files = (job.input?.files ?? []).map((f) => f.name)
      let status = job.hasError ? 'failed' : job.processing ? 'running' : job.completedAt ? 'completed' : 'queued'
      if (status === 'queued' && job.createdAt && Date.now() - new Date(job.createdAt).getTime() > STALE_QUEUED_MS) {
        startJob(req.payload, job.id)
        status = 'running'
      }
      if (status === 'running' && job.processing && !RUNNING.has(String(job.id))) {
        const since = new Date(job.updatedAt ?? job.createdAt ?? 0).getTime()
        if (since < PROCESS_STARTED_AT || Date.now() - since > STALE_PROCESSING_MS) {
          return Response.json({ job: { id: job.id, status: 'interrupted', files, error: INTERRUPTED }, summary: null, results: null })
        }
      }
      return Response.json({ job: { id: job.id, status, files, ...(job.hasError && { error: job.error }) }, summary: null, results: null })
    },
  }
}
