/**
 * One step of the review loop as an endpoint: load the report's newest version as the user may
 * read it, check who they are and the state, then write only the review fields.
 */
import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'
import type { ID, XxgkSlugs } from '../../collections/index.ts'
import { REVIEW_STATE_LABELS } from '../../collections/reports/review.ts'
import type { ReviewComment, ReviewHistoryEntry, ReviewState } from '../../collections/reports/review.ts'
import type { Label } from '@xxgk/schema'
import { isPlausibleId, normaliseId } from '../agencies.ts'
import { errorResponse, LOGIN_REQUIRED } from '../errors.ts'
import type { FieldProblem } from '../errors.ts'
import { REVIEW_CONTEXT } from './hooks.ts'
import { commentsOf, historyOf, stateOf, STEP_FROM } from './state.ts'

type Json = Record<string, unknown>

export interface StepOutcome {
  status: ReviewState
  history: ReviewHistoryEntry[]
  comments: ReviewComment[]
}

export type StepHandler = (args: { req: PayloadRequest; doc: Json; body: Json; state: ReviewState }) => Promise<StepOutcome | Response>

export const notFound = (id: unknown) =>
  errorResponse(404, [{ path: 'id', message: { zh: `没有这份报告：${String(id)}`, en: `no such report: ${String(id)}` } }])
export const forbidden = (message: Label) => errorResponse(403, [{ path: '', message }])

/** The newest version (draft or published) of a report the user may read, or null. */
export async function loadNewest(req: PayloadRequest, slugs: XxgkSlugs, id: unknown): Promise<Json | null> {
  if (!isPlausibleId(req.payload, id)) return null
  const { docs } = await req.payload.find({
    collection: slugs.reports as CollectionSlug,
    where: { id: { equals: normaliseId(req.payload, id as ID) } },
    depth: 0,
    draft: true,
    limit: 1,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return (docs[0] as unknown as Json | undefined) ?? null
}

export function wrongState(step: keyof typeof STEP_FROM, state: ReviewState): Response {
  const from = STEP_FROM[step]
  return errorResponse(409, [
    {
      path: 'reviewStatus',
      message: {
        zh: `当前审核状态为“${REVIEW_STATE_LABELS[state].zh}”，不能执行此操作（需为：${from.map((s) => REVIEW_STATE_LABELS[s].zh).join('、')}）`,
        en: `the report is ${REVIEW_STATE_LABELS[state].en.toLowerCase()}: this step needs ${from.map((s) => REVIEW_STATE_LABELS[s].en.toLowerCase()).join(' or ')}`,
      },
    },
  ])
}

async function readBody(req: PayloadRequest): Promise<Json | FieldProblem> {
  try {
    const text = req.text ? await req.text() : JSON.stringify(req.data ?? {})
    if (!text.trim()) return {}
    const value = JSON.parse(text) as unknown
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object')
    return value as Json
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { path: '', message: { zh: `请求体不是 JSON 对象：${reason}`, en: `the request body is not a JSON object: ${reason}` } }
  }
}

/** The review fields a client may see (the GET /:id/review answer and every step's answer). */
export function reviewView(doc: Json) {
  return { id: doc.id, reviewStatus: stateOf(doc), reviewHistory: historyOf(doc), reviewComments: commentsOf(doc), _status: doc._status ?? null }
}

export function reviewStepEndpoint(slugs: XxgkSlugs, step: 'submit' | 'return' | 'approve', handler: StepHandler): Endpoint {
  return {
    path: `/:id/${step}`,
    method: 'post',
    handler: async (req) => {
      if (!req.user) return errorResponse(401, [{ path: '', message: LOGIN_REQUIRED }])
      const id = req.routeParams?.id
      const doc = await loadNewest(req, slugs, id)
      if (!doc) return notFound(id)
      const body = await readBody(req)
      if ('message' in body && 'path' in body && typeof body.path === 'string' && typeof body.message === 'object')
        return errorResponse(400, [body as FieldProblem])
      const state = stateOf(doc)
      const outcome = await handler({ req, doc, body: body as Json, state })
      if (outcome instanceof Response) return outcome
      const updated = await req.payload.update({
        collection: slugs.reports as CollectionSlug,
        id: doc.id as ID,
        data: { reviewStatus: outcome.status, reviewHistory: outcome.history, reviewComments: outcome.comments } as never,
        // a draft stays a draft: only the newest version changes
        draft: doc._status !== 'published',
        depth: 0,
        overrideAccess: true,
        context: { [REVIEW_CONTEXT]: true },
        req,
      })
      return Response.json(reviewView(updated as unknown as Json))
    },
  }
}
