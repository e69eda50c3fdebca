/**
 * `GET /api/<reports>/:id/review`: the report's review state, history and comments (newest
 * version), and which steps the user may take now — what the admin's review panel shows.
 */
import type { Endpoint } from 'payload'
import type { XxgkSlugs } from '../../collections/index.ts'
import { errorResponse, LOGIN_REQUIRED } from '../errors.ts'
import { loadNewest, notFound, reviewView } from '../review/step.ts'
import { isReportEditor, isReportSupervisor, stateOf, STEP_FROM } from '../review/state.ts'

export function reviewEndpoint(slugs: XxgkSlugs, options: { review: boolean }): Endpoint {
  return {
    path: '/:id/review',
    method: 'get',
    handler: async (req) => {
      if (!req.user) return errorResponse(401, [{ path: '', message: LOGIN_REQUIRED }])
      const id = req.routeParams?.id
      const doc = await loadNewest(req, slugs, id)
      if (!doc) return notFound(id)
      const state = stateOf(doc)
      const editor = isReportEditor(req, slugs, doc)
      const supervisor = await isReportSupervisor(req, slugs, doc)
      return Response.json({
        ...reviewView(doc),
        review: options.review,
        can: {
          submit: options.review && editor && STEP_FROM.submit.includes(state),
          return: options.review && supervisor && STEP_FROM.return.includes(state),
          approve: options.review && supervisor && STEP_FROM.approve.includes(state),
          publish: editor && (!options.review || state === 'approved' || req.user?.role === 'admin'),
        },
      })
    },
  }
}
