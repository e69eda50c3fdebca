import type { Endpoint } from 'payload'
import type { ID, XxgkSlugs } from '../../collections/index.ts'
import { isPlausibleId, normaliseId } from '../agencies.ts'
import { assessReport } from '../assess.ts'
import { errorResponse, LOGIN_REQUIRED } from '../errors.ts'
import type { Json } from './request.ts'

/** GET /:id/issues: the stored report's issues, recomputed against today's stored data. */
export function issuesEndpoint(slugs: XxgkSlugs): Endpoint {
  return {
    path: '/:id/issues',
    method: 'get',
    handler: async (req) => {
      if (!req.user) return errorResponse(401, [{ path: '', message: LOGIN_REQUIRED }])
      const id = req.routeParams?.id
      const notFound = errorResponse(404, [{ path: 'id', message: { zh: `没有这份报告：${String(id)}`, en: `no such report: ${String(id)}` } }])
      if (!isPlausibleId(req.payload, id)) return notFound
      const { docs } = await req.payload.find({
        collection: slugs.reports,
        where: { id: { equals: normaliseId(req.payload, id) } },
        depth: 0,
        draft: true,
        limit: 1,
        overrideAccess: false,
        user: req.user,
        req,
      })
      const doc = docs[0] as Json | undefined
      if (!doc) return notFound
      const { result } = await assessReport(req, slugs, doc, { selfId: doc.id as ID })
      return Response.json({ id: doc.id, issues: result.issues, errors: result.errors, warnings: result.warnings })
    },
  }
}
