import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest } from 'payload'
import type { XxgkSlugs } from '../../slugs.ts'

export async function noUserYet(req: PayloadRequest, slug: CollectionSlug): Promise<boolean> {
  const { totalDocs } = await req.payload.db.count({ collection: slug, req })
  return totalDocs === 0
}

/** The first user is an administrator whatever the form sent, so a fresh install is never locked out. */
export function firstUserIsAdmin(slugs: XxgkSlugs): CollectionBeforeChangeHook {
  return async ({ data, operation, req }) => {
    if (operation === 'create' && (await noUserYet(req, slugs.users))) data.role = 'admin'
    return data
  }
}
