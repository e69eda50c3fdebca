import type { CollectionSlug, Endpoint } from 'payload'
import type { ID, XxgkSlugs } from '../../collections/index.ts'
import { counts, resultsKey } from '../jobs/importTask.ts'
import type { StoredResults } from '../jobs/importTask.ts'
import { asImportUser, refuse, startJob } from './import-shared.ts'

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
      const stored = (await req.payload.kv.get<StoredResults>(resultsKey(id)).catch(() => null)) ?? null
      if (stored) {
        if (!owns(stored.user)) return notFound
        return Response.json({
          job: { id, status: 'completed', files: stored.files, finishedAt: stored.finishedAt },
          summary: counts(stored.results),
          results: stored.results,
        })
      }
      const job = /^\d+$|^[0-9a-f]{24}$/i.test(id)
        ? ((await req.payload.findByID({
            collection: 'payload-jobs' as CollectionSlug,
            id,
            depth: 0,
            overrideAccess: true,
            disableErrors: true,
          })) as JobDoc | null)
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
