import type { Payload, PayloadRequest } from 'payload'
import { roleOf } from '../../collections/index.ts'
import type { ID, XxgkSlugs } from '../../collections/index.ts'
import type { Label } from '@xxgk/schema'
import type { ImportRefusal, ImportUser } from '../../seed/import/index.ts'
import { bilingual, errorResponse } from '../errors.ts'

type Problem = { path: string; zh: string; en: string }

/** The import's 4xx: Payload's error shape, plus the reason and the file at the top level. */
export function refuse(status: number, reason: Label, problems: Problem[] = [], file?: string): Response {
  const entries = (problems.length ? problems : [{ path: 'file', zh: reason.zh, en: reason.en }]).map((p) => ({
    path: p.path,
    message: { zh: p.zh, en: p.en },
  }))
  return errorResponse(status, entries, { message: bilingual(reason), reason, ...(file !== undefined && { file }) })
}

export const fromRefusal = (refusal: ImportRefusal, file?: string) => refuse(refusal.status, refusal.reason, refusal.problems, file)

export const asImportUser = (req: PayloadRequest, slugs: XxgkSlugs): ImportUser | null =>
  req.user ? ({ collection: slugs.users, ...(req.user as object), role: roleOf(req, slugs) } as ImportUser) : null

/** Starts the job now in this process (no cron needed); a failure to start is logged, the job stays queued. */
export function startJob(payload: Payload, id: ID): void {
  payload.jobs.runByID({ id }).catch((error: unknown) => payload.logger.error({ err: error, msg: `xxgk import job ${String(id)} did not run` }))
}
