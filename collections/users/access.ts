import type { Access, PayloadRequest } from 'payload'
import { roleOf } from '../access.ts'
import type { XxgkSlugs } from '../slugs.ts'

export function userAccess(slugs: XxgkSlugs) {
  const adminOnly: Access = ({ req }) => roleOf(req, slugs) === 'admin'
  const adminOrSelf: Access = ({ req }) => {
    if (roleOf(req, slugs) === 'admin') return true
    return req.user ? { id: { equals: req.user.id } } : false
  }
  return { read: adminOrSelf, create: adminOnly, update: adminOrSelf, delete: adminOnly, unlock: adminOnly }
}

/** Users' access; the admin panel is open to users with a role. */
export const userAccessFor = (slugs: XxgkSlugs) => {
  const access = userAccess(slugs)
  return { ...access, admin: ({ req }: { req: PayloadRequest }) => roleOf(req, slugs) !== null }
}
