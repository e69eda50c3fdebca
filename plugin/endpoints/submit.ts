/**
 * `POST /api/<reports>/:id/submit`: the report's editor submits it for review (draft or returned
 * → submitted). Refused while any rule error remains; the open comments count as answered.
 */
import type { Endpoint } from 'payload'
import type { ID, XxgkSlugs } from '../../collections/index.ts'
import { assessReport } from '../assess.ts'
import { errorResponse } from '../errors.ts'
import { forbidden, reviewStepEndpoint, wrongState } from '../review/step.ts'
import { commentsOf, historyEntry, historyOf, isReportEditor, STEP_FROM } from '../review/state.ts'

export function submitEndpoint(slugs: XxgkSlugs): Endpoint {
  return reviewStepEndpoint(slugs, 'submit', async ({ req, doc, body, state }) => {
    if (!isReportEditor(req, slugs, doc)) {
      return forbidden({ zh: '只有本机关的填报员可以提交审核', en: "Only the report's own editor can submit it for review" })
    }
    if (!STEP_FROM.submit.includes(state)) return wrongState('submit', state)
    const { result } = await assessReport(req, slugs, doc, { selfId: doc.id as ID, fillTotals: true })
    const errors = result.issues.filter((i) => i.severity === 'error')
    if (errors.length) {
      return errorResponse(
        400,
        errors.map((i) => ({ path: i.path, message: i.message, rule: i.rule })),
        { message: `仍有 ${errors.length} 个错误，不能提交审核 / ${errors.length} rule error(s) remain: the report cannot be submitted` },
      )
    }
    const now = new Date().toISOString()
    const comment = typeof body.comment === 'string' && body.comment.trim() ? body.comment.trim() : undefined
    return {
      status: 'submitted',
      history: [...historyOf(doc), historyEntry(req, 'submit', state, 'submitted', comment ? { comment } : {})],
      comments: commentsOf(doc).map((c) => (c.resolvedAt ? c : { ...c, resolvedAt: now })),
    }
  })
}
