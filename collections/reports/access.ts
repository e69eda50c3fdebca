import type { Access, PayloadRequest, Where } from 'payload'
import { readableAgencies, roleOf, sameId, userAgency } from '../access.ts'
import type { XxgkSlugs } from '../slugs.ts'

/** What the public reads: the published reports (and, through Payload, their published content). */
export const PUBLISHED_ONLY: Where = { _status: { equals: 'published' } }

/** Fields the public never reads (field-level `read` access): the rules' findings, the importer's notes, the review. */
export const signedInOnly = ({ req }: { req: PayloadRequest }) => Boolean(req.user)

export function reportAccess(slugs: XxgkSlugs) {
  const read: Access = async ({ req }) => {
    // the public (no user, or a user of no role of this plugin): published reports only
    if (!roleOf(req, slugs)) return PUBLISHED_ONLY
    const agencies = await readableAgencies(req, slugs)
    if (agencies === true) return true
    return agencies.length ? { agency: { in: agencies } } : false
  }
  const ownAgencyOnly = (req: PayloadRequest): Where | boolean => {
    const role = roleOf(req, slugs)
    if (role === 'admin') return true
    const agency = userAgency(req)
    if (role !== 'editor' || agency === null) return false
    return { agency: { equals: agency } }
  }
  // the versions of the documents the user may read, by the document's agency now (not the agency
  // each old version had): a report moved to another agency takes its history with it
  const readVersions: Access = async (args) => {
    // versions (drafts, history) are never public
    if (!roleOf(args.req, slugs)) return false
    const where = await read(args)
    if (typeof where !== 'object') return where
    const { docs } = await args.req.payload.db.find<{ id: string | number }>({
      collection: slugs.reports,
      where: where as Where,
      select: { id: true },
      pagination: false,
      req: args.req,
    })
    return docs.length ? ({ parent: { in: docs.map((d) => d.id) } } as Where) : false
  }
  return {
    read,
    readVersions,
    // an editor creates reports of its own agency only; `data.agency` is checked before anything is written.
    // Without data Payload is asking whether the user may create at all (GET /api/access, the admin's
    // 创建新条目 button and create view): an editor with an agency may.
    create: (({ req, data }) => {
      const role = roleOf(req, slugs)
      if (role === 'admin') return true
      if (role !== 'editor' || userAgency(req) === null) return false
      if (data === undefined || data === null) return true
      // no agency given: the field's default is the editor's own (collections/reports/fields.ts)
      if (data.agency === undefined || data.agency === null || data.agency === '') return true
      return sameId(data.agency, userAgency(req))
    }) as Access,
    // an editor may not move a report to another agency
    update: (({ req, data }) => {
      const where = ownAgencyOnly(req)
      if (where === true || where === false) return where
      if (data && 'agency' in data && data.agency !== undefined && !sameId(data.agency, userAgency(req))) return false
      return where
    }) as Access,
    delete: (({ req }) => ownAgencyOnly(req)) as Access,
  }
}
