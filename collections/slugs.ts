import type { CollectionSlug } from 'payload'

/** Collection slugs; the defaults are the contract names (`agencies`, `reports`, `users`). */
export interface XxgkSlugs {
  agencies: CollectionSlug
  reports: CollectionSlug
  users: CollectionSlug
}

export const DEFAULT_SLUGS: XxgkSlugs = {
  agencies: 'agencies' as CollectionSlug,
  reports: 'reports' as CollectionSlug,
  users: 'users' as CollectionSlug,
}
