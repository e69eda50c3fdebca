import type { CollectionBeforeChangeHook, CollectionConfig, CollectionSlug, Field, PayloadRequest } from 'payload'
import { isAdminField, roleOf, userAccess } from './access'
import { ROLE_LABELS, ROLES } from './roles'
import { staticLabel } from './labels'
import type { XxgkSlugs } from './slugs'

async function noUserYet(req: PayloadRequest, slug: CollectionSlug): Promise<boolean> {
  const { totalDocs } = await req.payload.db.count({ collection: slug, req })
  return totalDocs === 0
}

export function userFields(slugs: XxgkSlugs): Field[] {
  const adminOnly = isAdminField(slugs)
  return [
    {
      name: 'role',
      type: 'select',
      required: true,
      saveToJWT: true,
      label: { zh: '角色', en: 'Role' },
      options: ROLES.map((value) => ({ value, label: staticLabel(ROLE_LABELS[value]) })),
      // the very first user (Payload's create-first-user page) is the administrator
      defaultValue: async ({ req }: { req: PayloadRequest }) => ((await noUserYet(req, slugs.users)) ? 'admin' : 'editor'),
      access: { create: adminOnly, update: adminOnly },
    },
    {
      name: 'agency',
      type: 'relationship',
      relationTo: slugs.agencies,
      saveToJWT: true,
      label: { zh: '所属机关', en: 'Agency' },
      admin: {
        description: {
          zh: '监督员可查看该机关及全部下级机关的报告；填报员只能填报该机关的报告',
          en: "A supervisor reads this agency's reports and those of every agency below it; an editor writes this agency's reports only",
        },
      },
      access: { create: adminOnly, update: adminOnly },
    },
  ]
}

/** The first user is an administrator whatever the form sent, so a fresh install is never locked out. */
function firstUserIsAdmin(slugs: XxgkSlugs): CollectionBeforeChangeHook {
  return async ({ data, operation, req }) => {
    if (operation === 'create' && (await noUserYet(req, slugs.users))) data.role = 'admin'
    return data
  }
}

const userAccessFor = (slugs: XxgkSlugs) => {
  const access = userAccess(slugs)
  return { ...access, admin: ({ req }: { req: PayloadRequest }) => roleOf(req, slugs) !== null }
}

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
