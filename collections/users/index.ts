import type { CollectionConfig } from 'payload'
import { userAccessFor } from './access.ts'
import { userFields } from './fields.ts'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin.ts'
import type { XxgkSlugs } from '../slugs.ts'

export function usersCollection(slugs: XxgkSlugs): CollectionConfig {
  return {
    slug: slugs.users,
    // API keys (Users → Enable API key) let scripts such as `xxgk import --url … --token …` act as a user
    auth: { depth: 0, useAPIKey: true },
    labels: { singular: { zh: '用户', en: 'User' }, plural: { zh: '用户', en: 'Users' } },
    admin: { useAsTitle: 'email', defaultColumns: ['email', 'role', 'agency'] },
    access: userAccessFor(slugs),
    hooks: { beforeChange: [firstUserIsAdmin(slugs)] },
    fields: userFields(slugs),
  }
}

/**
 * A host project's own users collection gains `role` and `agency` (fields it already has are
 * kept) and the plugin's access rules where it defines none.
 */
export function extendUsersCollection(existing: CollectionConfig, slugs: XxgkSlugs): CollectionConfig {
  const names = new Set(existing.fields.map((f) => ('name' in f ? f.name : undefined)))
  const added = userFields(slugs).filter((f) => !('name' in f) || !names.has(f.name))
  const access = userAccessFor(slugs)
  return {
    ...existing,
    auth: existing.auth ?? { depth: 0, useAPIKey: true },
    access: { ...access, ...existing.access },
    hooks: { ...existing.hooks, beforeChange: [firstUserIsAdmin(slugs), ...(existing.hooks?.beforeChange ?? [])] },
    fields: [...existing.fields, ...added],
  }
}
