import type { CollectionConfig } from 'payload'
import { reportAccess } from './access.ts'
import { reportFields } from './fields.ts'
import type { ReportsCollectionOptions } from './fields.ts'

export function reportsCollection(options: ReportsCollectionOptions): CollectionConfig {
  return {
    slug: options.slugs.reports,
    labels: { singular: { zh: '年度报告', en: 'Annual report' }, plural: { zh: '年度报告', en: 'Annual reports' } },
    admin: {
      useAsTitle: 'title',
      // six columns fit a 1024 px screen (the edition shows in the report itself)
      defaultColumns: ['title', 'agency', 'year', '_status', 'errorCount', 'warningCount'],
      group: { zh: '政府信息公开', en: 'Information disclosure' },
    },
    access: reportAccess(options.slugs),
    versions: { drafts: true, maxPerDoc: 50 },
    // one report per agency and year, enforced by the database
    indexes: [{ fields: ['agency', 'year'], unique: true }],
    fields: reportFields(options),
  }
}
