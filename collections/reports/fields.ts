import type { Field, JSONField, PayloadComponent, RichTextField } from 'payload'
import { CURRENT_EDITION, EDITIONS, NARRATIVE_KEYS, reportSchemas } from '@xxgk/schema'
import { EDITIONS_NEWEST_FIRST } from '../report-cells.ts'
import type { Label, NarrativeKey, TableKey } from '@xxgk/schema'
import { staticLabel } from '../labels.ts'
import type { XxgkSlugs } from '../slugs.ts'
import { tableGroupField } from '../table-fields.ts'
import type { TableFieldOptions } from '../table-fields.ts'

export const TEXT_SECTIONS = NARRATIVE_KEYS
export type TextSection = NarrativeKey

/** A label kept as zod metadata in src/schema.ts ({ title: zh, description: en }). */
function schemaLabel(schema: unknown): Label {
  const meta = (schema as { meta: () => { title?: string; description?: string } | undefined }).meta()
  return { zh: meta?.title ?? '', en: meta?.description ?? '' }
}

const SCHEMA = reportSchemas[CURRENT_EDITION].shape
const textShape = (SCHEMA.text as unknown as { unwrap: () => { shape: Record<TextSection, unknown> } }).unwrap().shape

export const REPORT_LABELS = {
  year: schemaLabel(SCHEMA.year),
  agency: schemaLabel(SCHEMA.agency),
  title: schemaLabel(SCHEMA.title),
  text: Object.fromEntries(TEXT_SECTIONS.map((s) => [s, schemaLabel(textShape[s])])) as Record<TextSection, Label>,
}

type JSONFieldComponent = NonNullable<NonNullable<NonNullable<JSONField['admin']>['components']>['Field']>

export interface ReportsCollectionOptions extends TableFieldOptions {
  slugs: XxgkSlugs
  /** Rich-text editor of the narrative sections; Payload's config-wide editor when absent. */
  editor?: RichTextField['editor']
  /** Admin component showing the stored issues (replaces the raw JSON field). */
  issuesField?: PayloadComponent
  /** Admin component showing the importer's ambiguities. */
  ambiguitiesField?: PayloadComponent
}

const tableTab = (table: TableKey, options: ReportsCollectionOptions) => {
  const field = tableGroupField(table, options)
  return { label: field.label as Record<string, string>, fields: [field] }
}

/** The report's fields: names are the interchange keys, plus the CMS's own bookkeeping fields. */
export function reportFields(options: ReportsCollectionOptions): Field[] {
  const { slugs } = options
  const sidebar = { position: 'sidebar' as const }
  return [
    { name: 'title', type: 'text', label: staticLabel(REPORT_LABELS.title) },
    {
      type: 'tabs',
      tabs: [
        {
          label: { zh: '正文', en: 'Narrative' },
          fields: [
            {
              name: 'text',
              type: 'group',
              label: { zh: '正文', en: 'Narrative sections' },
              admin: { hideGutter: true },
              fields: TEXT_SECTIONS.map((section): RichTextField => ({
                name: section,
                type: 'richText',
                label: staticLabel(REPORT_LABELS.text[section]),
                ...(options.editor && { editor: options.editor }),
              })),
            },
          ],
        },
        tableTab('proactive', options),
        tableTab('requests', options),
        tableTab('reviewLitigation', options),
        {
          label: { zh: '校验', en: 'Validation' },
          fields: [
            {
              name: 'issues',
              type: 'json',
              label: { zh: '规则检查结果', en: 'Rule check results' },
              admin: {
                readOnly: true,
                description: {
                  zh: '保存时由规则引擎生成；有错误的报告可保存为草稿，不能发布',
                  en: 'Written by the rules engine on every save; a report with errors can be saved as a draft but not published',
                },
                ...(options.issuesField && { components: { Field: options.issuesField as JSONFieldComponent } }),
              },
            },
            {
              name: 'ambiguities',
              type: 'json',
              label: { zh: '导入时的歧义', en: 'Import ambiguities' },
              admin: {
                readOnly: true,
                description: {
                  zh: '导入程序无法唯一确定的单元格：{ path, candidates, chosen, reason }',
                  en: 'Cells the importer could not read unambiguously: { path, candidates, chosen, reason }',
                },
                ...(options.ambiguitiesField && { components: { Field: options.ambiguitiesField as JSONFieldComponent } }),
              },
            },
            {
              name: 'sources',
              type: 'json',
              label: { zh: '数字来源', en: 'Sources of the figures' },
              admin: {
                readOnly: true,
                hidden: true,
                description: {
                  zh: '导入时每个非空单元格的来源：{ "<单元格>": { text, label?, page?, line?, row? } }',
                  en: 'Where the importer read each non-blank cell: { "<cell path>": { text, label?, page?, line?, row? } }',
                },
              },
            },
          ],
        },
      ],
    },
    {
      name: 'agency',
      type: 'relationship',
      relationTo: slugs.agencies,
      required: true,
      index: true,
      label: staticLabel(REPORT_LABELS.agency),
      maxDepth: 1,
      admin: sidebar,
    },
    {
      name: 'year',
      type: 'number',
      required: true,
      index: true,
      min: 2000,
      max: 2100,
      label: staticLabel(REPORT_LABELS.year),
      admin: { ...sidebar, step: 1 },
    },
    {
      name: 'edition',
      type: 'select',
      required: true,
      defaultValue: CURRENT_EDITION,
      label: { zh: '格式版本', en: 'Edition' },
      options: EDITIONS_NEWEST_FIRST.map((id) => ({
        value: id,
        label: { zh: `${EDITIONS[id].label.zh}（${EDITIONS[id].source}）`, en: EDITIONS[id].label.en },
      })),
      admin: sidebar,
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: { zh: '公布日期', en: 'Publication date' },
      admin: { ...sidebar, date: { pickerAppearance: 'dayOnly' } },
    },
    {
      name: 'errorCount',
      type: 'number',
      index: true,
      label: { zh: '错误数', en: 'Errors' },
      admin: { ...sidebar, readOnly: true },
    },
    {
      name: 'warningCount',
      type: 'number',
      label: { zh: '提示数', en: 'Warnings' },
      admin: { ...sidebar, readOnly: true },
    },
  ]
}
