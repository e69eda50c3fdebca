import type { CollectionConfig } from 'payload'
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
  }
}
