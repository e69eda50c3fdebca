import type { Field } from 'payload'
import { AGENCY_KIND_LABELS, AGENCY_KINDS, AGENCY_LEVEL_LABELS, AGENCY_LEVELS } from '../roles.ts'
import { staticLabel } from '../labels.ts'
import type { XxgkSlugs } from '../slugs.ts'

export const DIVISION_CODE = /^\d{6}$/

export function agencyFields(slugs: XxgkSlugs): Field[] {
  return [
    { name: 'name', type: 'text', required: true, index: true, label: { zh: '机关名称', en: 'Name' } },
    {
      name: 'kind',
      type: 'select',
      label: { zh: '机关类型', en: 'Kind' },
      options: AGENCY_KINDS.map((value) => ({ value, label: staticLabel(AGENCY_KIND_LABELS[value]) })),
    },
    {
      name: 'level',
      type: 'select',
      label: { zh: '层级', en: 'Level' },
      options: AGENCY_LEVELS.map((value) => ({ value, label: staticLabel(AGENCY_LEVEL_LABELS[value]) })),
    },
    {
      name: 'code',
      type: 'text',
      label: { zh: '行政区划代码', en: 'Administrative division code' },
      admin: { description: { zh: '6 位数字', en: '6 digits' } },
      validate: (value: unknown) =>
        value === null || value === undefined || value === '' || (typeof value === 'string' && DIVISION_CODE.test(value))
          ? true
          : '行政区划代码应为 6 位数字 / The administrative division code must be 6 digits',
    },
    {
      // the agency's identity, kept by the database: one agency of a name under one parent (or at the top)
      name: 'identity',
      type: 'text',
      unique: true,
      index: true,
      admin: { hidden: true, readOnly: true },
      label: { zh: '机关标识', en: 'Identity' },
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: slugs.agencies,
      index: true,
      label: { zh: '上级机关', en: 'Parent agency' },
      // an agency cannot be its own parent
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
  ]
}
