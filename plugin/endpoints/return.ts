/**
 * `POST /api/<reports>/:id/return` `{ comment, path? }`: a supervisor of an agency above the
 * report's sends it back to its editor (submitted or approved → returned) with a comment, pinned
 * to a cell (`requests.granted.natural`), a narrative section (`text.overview`) or the title by `path`.
 */
import { randomUUID } from 'node:crypto'
import type { Endpoint } from 'payload'
import type { XxgkSlugs } from '../../collections/index.ts'
import { errorResponse } from '../errors.ts'
import { forbidden, reviewStepEndpoint, wrongState } from '../review/step.ts'
import { commentsOf, historyEntry, historyOf, isCommentPath, isReportSupervisor, STEP_FROM } from '../review/state.ts'

export const SUPERVISOR_ONLY = { zh: '只有上级机关的审核人员可以退回或通过报告', en: 'Only a supervisor of a parent agency can return or approve the report' }

export function returnEndpoint(slugs: XxgkSlugs): Endpoint {
  return reviewStepEndpoint(slugs, 'return', async ({ req, doc, body, state }) => {
    if (!(await isReportSupervisor(req, slugs, doc))) return forbidden(SUPERVISOR_ONLY)
    if (!STEP_FROM.return.includes(state)) return wrongState('return', state)
    const comment = typeof body.comment === 'string' ? body.comment.trim() : ''
    if (!comment) return errorResponse(400, [{ path: 'comment', message: { zh: '退回时须填写意见', en: 'a comment is required to return a report' } }])
    const path = body.path === undefined || body.path === null || body.path === '' ? undefined : body.path
    if (path !== undefined && (typeof path !== 'string' || !isCommentPath(path))) {
      return errorResponse(400, [
        {
          path: 'path',
          message: {
            zh: `没有这个单元格：${String(path)}`,
            en: `no such cell: ${String(path)} (a cell path such as requests.granted.natural, text.overview or title)`,
          },
        },
      ])
    }
    const user = req.user as { id?: string | number; email?: string }
    const entry = {
      id: randomUUID(),
      comment,
      ...(path && { path }),
      by: user.id ?? null,
      byEmail: user.email ?? null,
      at: new Date().toISOString(),
      resolvedAt: null,
    }
    return {
      status: 'returned',
      history: [...historyOf(doc), historyEntry(req, 'return', state, 'returned', { comment, ...(path && { path }) })],
      comments: [...commentsOf(doc), entry],
    }
  })
}
