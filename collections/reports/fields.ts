import type { Field, JSONField, PayloadComponent, RichTextField } from 'payload'
import { CURRENT_EDITION, EDITIONS, NARRATIVE_KEYS, reportSchemas } from '@xxgk/schema'
import { EDITIONS_NEWEST_FIRST } from '../report-cells.ts'
import type { Label, NarrativeKey, TableKey } from '@xxgk/schema'
import { relationId } from '../access.ts'
import type { XxgkUser } from '../access.ts'
import { staticLabel } from '../labels.ts'
import type { XxgkSlugs } from '../slugs.ts'
import { tableGroupField } from '../table-fields.ts'
import { reviewFields } from './review.ts'
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
  /** The review panel in the sidebar (the plugin's `review` option). */
  reviewPanel?: PayloadComponent
  /** The 对比上年 tab's component (the comparison with the previous year's report). */
  compareField?: PayloadComponent
}

/** The agency of an editor (its reports' agency is always its own); undefined for other roles. */
export function editorAgency(user: unknown): string | number | undefined {
  const u = user as XxgkUser | null | undefined
  return u?.role === 'editor' ? (relationId(u.agency) ?? undefined) : undefined
}
/** The public (no user) never reads these fields. */
const signedInOnly = { read: ({ req }: { req: { user?: unknown } }) => Boolean(req.user) }

const tableTab = (table: TableKey, options: ReportsCollectionOptions) => {
  const field = tableGroupField(table, options)
  return { label: field.label as Record<string, string>, fields: [field] }
}

/** The report's fields: names are the interchange keys, plus the CMS's own bookkeeping fields. */
export function reportFields(options: ReportsCollectionOptions): Field[] {
  const { slugs } = options
  const sidebar = { position: 'sidebar' as const }
  return [
    // 机关、年度 first: the list's filter offers the fields in this order (the sidebar keeps it too)
    {
      name: 'agency',
      type: 'relationship',
      relationTo: slugs.agencies,
      required: true,
      index: true,
      label: staticLabel(REPORT_LABELS.agency),
      maxDepth: 1,
      // an editor's new report is its own agency's (the create access checks it; the admin shows it fixed)
      defaultValue: ({ user }: { user?: unknown }) => editorAgency(user),
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
    { name: 'title', type: 'text', label: staticLabel(REPORT_LABELS.title) },
    {
      // the tables first: the edit view opens on a grid, and the three rich-text editors of the
      // narrative are rendered only when their tab is chosen (about 0.3 s of the edit view's load)
      type: 'tabs',
      tabs: [
        tableTab('proactive', options),
        tableTab('requests', options),
        tableTab('reviewLitigation', options),
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
        {
          label: { zh: '校验', en: 'Validation' },
          fields: [
            {
              name: 'issues',
              type: 'json',
              access: signedInOnly,
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
              access: signedInOnly,
              label: { zh: '导入时的歧义', en: 'Import ambiguities' },
              admin: {
                readOnly: true,
                description: {
                  zh: '导入程序无法唯一确定的单元格：{ path, candidates, chosen, reason }',
                  en: 'Cells the importer could not read unambiguously: { path, candidates, chosen, reason }',
                },
                ...(options.ambiguitiesField && { components: { Field: options.ambiguitiesField as JSONFieldComponent } }),
                // the live Validation view lists the open ambiguities itself: not a second time
                ...(options.issuesField && { hidden: true }),
              },
            },
            {
              name: 'sources',
              type: 'json',
              access: signedInOnly,
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
        ...(options.compareField
          ? [
              {
                label: { zh: '对比上年', en: 'Compare with last year' },
                fields: [{ name: 'compareView', type: 'ui', admin: { components: { Field: options.compareField } } } as Field],
              },
            ]
          : []),
      ],
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
    {
      // counted apart from the warnings: a sparse report has many, and they are rarely a problem
      name: 'blankCount',
      type: 'number',
      label: { zh: '空白按 0 计', en: 'Blank as 0' },
      admin: { ...sidebar, readOnly: true },
    },
    {
      // cells whose value is computed, not entered (blank totals filled on save, cells carried from last
      // year): every save recomputes them from their parts; typing a value makes it the editor's own
      name: 'computed',
      type: 'json',
      label: { zh: '自动计算的单元格', en: 'Computed cells' },
      admin: { hidden: true },
    },
    ...reviewFields({ panel: options.reviewPanel }),
  ]
}
