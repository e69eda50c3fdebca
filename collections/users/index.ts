import type { CollectionConfig } from 'payload'
import { userAccessFor } from './access.ts'
import { userFields } from './fields.ts'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin.ts'
import type { Role } from '../roles.ts'
import { USERS_WITHOUT_ROLE_KEY } from '../roles.ts'
import type { XxgkSlugs } from '../slugs.ts'

export interface UsersOptions {
  /**
   * The role of users that have none: a host project's existing users, once the migration adds
   * the `role` column (left empty, so the migration needs no default and never fails on
   * existing rows). They act with this role until an administrator gives them one.
   * @default 'admin' (they administered the project before the plugin came)
   */
  usersWithoutRole?: Role
}

const custom = (base: CollectionConfig['custom'], options: UsersOptions) => ({ ...base, [USERS_WITHOUT_ROLE_KEY]: options.usersWithoutRole ?? 'admin' })

export function usersCollection(slugs: XxgkSlugs, options: UsersOptions = {}): CollectionConfig {
  return {
    slug: slugs.users,
    custom: custom(undefined, options),
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
 * kept) and the plugin's access rules where it defines none. Its existing users keep their access:
 * they have no role until an administrator gives them one, and act as `usersWithoutRole` meanwhile.
 */
export function extendUsersCollection(existing: CollectionConfig, slugs: XxgkSlugs, options: UsersOptions = {}): CollectionConfig {
  const names = new Set(existing.fields.map((f) => ('name' in f ? f.name : undefined)))
  const added = userFields(slugs).filter((f) => !('name' in f) || !names.has(f.name))
  const access = userAccessFor(slugs)
  return {
    ...existing,
    custom: custom(existing.custom, options),
    auth: existing.auth ?? { depth: 0, useAPIKey: true },
    access: { ...access, ...existing.access },
    hooks: { ...existing.hooks, beforeChange: [firstUserIsAdmin(slugs), ...(existing.hooks?.beforeChange ?? [])] },
    fields: [...existing.fields, ...added],
  }
}
