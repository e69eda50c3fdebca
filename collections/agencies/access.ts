import type { Access } from 'payload'
import { readableAgencies, roleOf } from '../access.ts'
import type { XxgkSlugs } from '../slugs.ts'

export function agencyAccess(slugs: XxgkSlugs) {
  const adminOnly: Access = ({ req }) => roleOf(req, slugs) === 'admin'
  return {
    read: (async ({ req }) => {
      // agencies are public: the disclosure pages name them
      if (!roleOf(req, slugs)) return true
      const agencies = await readableAgencies(req, slugs)
      if (agencies === true) return true
      return agencies.length ? { id: { in: agencies } } : false
    }) as Access,
    create: adminOnly,
    update: adminOnly,
    delete: adminOnly,
  }
}
