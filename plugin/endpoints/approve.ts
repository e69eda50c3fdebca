/** `POST /api/<reports>/:id/approve`: a supervisor of an agency above the report's approves it (submitted → approved); its editor may then publish. */
import type { Endpoint } from 'payload'
import type { XxgkSlugs } from '../../collections/index.ts'
import { forbidden, reviewStepEndpoint, wrongState } from '../review/step.ts'
import { commentsOf, historyEntry, historyOf, isReportSupervisor, STEP_FROM } from '../review/state.ts'
import { SUPERVISOR_ONLY } from './return.ts'

export function approveEndpoint(slugs: XxgkSlugs): Endpoint {
  return reviewStepEndpoint(slugs, 'approve', async ({ req, doc, body, state }) => {
    if (!(await isReportSupervisor(req, slugs, doc))) return forbidden(SUPERVISOR_ONLY)
    if (!STEP_FROM.approve.includes(state)) return wrongState('approve', state)
    const comment = typeof body.comment === 'string' && body.comment.trim() ? body.comment.trim() : undefined
    return {
      status: 'approved',
      history: [...historyOf(doc), historyEntry(req, 'approve', state, 'approved', comment ? { comment } : {})],
      comments: commentsOf(doc),
    }
  })
}
