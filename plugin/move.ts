import type { CollectionAfterChangeHook } from 'payload'
import { relationId, sameId } from '../collections/index.ts'
import type { XxgkSlugs } from '../collections/index.ts'

/**
 * A report's agency decides who may read and write it, on every path. Saving a draft writes only
 * a new version, so a draft moved to another agency would leave the document itself (which
 * `findByID`, updates and publishes check) with the old agency while lists of drafts read the new
 * one: the old agency's editor kept the report and the new one got 404. When a draft's agency
 * differs from the document's, the document follows it, in the same transaction: access then
 * follows the newest version everywhere (versions are scoped by their document: collections/reports/access.ts).
 */
export function followDraftAgency(slugs: XxgkSlugs): CollectionAfterChangeHook {
  return async ({ doc, operation, req }) => {
    if (operation !== 'update' || doc?._status !== 'draft') return doc
    const agency = relationId(doc.agency)
    if (agency === null) return doc
    const main = await req.payload.db.findOne<{ id: string | number; agency?: unknown }>({
      collection: slugs.reports,
      where: { id: { equals: doc.id } },
      select: { agency: true },
      req,
    })
    if (main && !sameId(main.agency, agency)) {
      await req.payload.db.updateOne({ collection: slugs.reports, id: doc.id, data: { agency }, req, returning: false })
    }
    return doc
  }
}
