import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { relationId } from '../access.ts'
import { agencyAccess } from './access.ts'
import { agencyFields } from './fields.ts'
import type { XxgkSlugs } from '../slugs.ts'

export function agenciesCollection(slugs: XxgkSlugs): CollectionConfig {
  return {
    slug: slugs.agencies,
    labels: { singular: { zh: '机关', en: 'Agency' }, plural: { zh: '机关', en: 'Agencies' } },
    admin: {
      useAsTitle: 'name',
      defaultColumns: ['name', 'kind', 'level', 'code', 'parent'],
      group: { zh: '政府信息公开', en: 'Information disclosure' },
    },
    access: agencyAccess(slugs),
    fields: agencyFields(slugs),
    hooks: { beforeChange: [agencyIdentity] },
  }
}

/** `<parent id or empty>/<name>`: what makes two agencies the same one. */
export const agencyIdentityOf = (name: unknown, parent: unknown) => `${String(relationId(parent) ?? '')}/${String(name ?? '').trim()}`

/**
 * Keeps `identity` (unique in the database) in step with name and parent on every write, so two
 * agencies of one name under one parent cannot exist, even when two imports create it at once.
 */
const agencyIdentity: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const name = data.name !== undefined ? data.name : originalDoc?.name
  const parent = data.parent !== undefined ? data.parent : originalDoc?.parent
  if (typeof data.name === 'string') data.name = data.name.trim()
  data.identity = agencyIdentityOf(name, parent)
  return data
}
