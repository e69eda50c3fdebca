import { z } from 'zod'
import { EDITION_IDS, editionIndex, getEdition, NARRATIVE_SECTIONS, REPORT_FIELDS, REPORT_NAME } from './editions/index.ts'
import type { CellKind, EditionId } from './editions/index.ts'
import type { Label } from './labels.ts'
import { CELL_MAXIMUM } from './rules/definitions.ts'

const meta = (label: Label) => ({ title: label.zh, description: label.en })

const CELL_SCHEMAS: Record<CellKind, () => z.ZodType> = {
  count: () => z.number().int().min(0).max(CELL_MAXIMUM).nullable(),
  signedCount: () => z.number().int().min(-CELL_MAXIMUM).max(CELL_MAXIMUM).nullable(),
  amount: () => z.number().min(0).max(CELL_MAXIMUM).nullable(),
}

type Shape = Record<string, z.ZodType>

/**
 * Builds the strict nested object of one table from the edition's cells. Cells and rows are
 * optional: a missing cell means blank, exactly like `null`.
 */
function tableSchema(id: EditionId, tableKey: string): z.ZodType {
  const edition = getEdition(id)
  const table = edition.tables.find((t) => t.key === tableKey)!
  const root: Record<string, unknown> = {}
  const rowMeta = new Map<string, Label>()
  for (const cell of editionIndex(id).cells) {
    if (cell.table !== tableKey) continue
    let node = root
    const [, ...rest] = cell.keys
    for (const key of rest.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>
    node[rest[rest.length - 1]!] = CELL_SCHEMAS[cell.kind]().optional().meta(meta(cell.column.label))
    rowMeta.set(cell.row.key, cell.row.label)
  }
  for (const group of table.groups) rowMeta.set(group.key, group.label)
  const build = (node: Record<string, unknown>, prefix: string): z.ZodType => {
    const shape: Shape = {}
    for (const [key, child] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key
      shape[key] = child instanceof z.ZodType ? child : build(child as Record<string, unknown>, path)
    }
    const label = rowMeta.get(prefix)
    const object = z.strictObject(shape).optional()
    return label ? object.meta(meta(label)) : object
  }
  return (build(root, '') as z.ZodOptional<z.ZodType>).meta(meta(table.label))
}

function reportSchemaFor(id: EditionId) {
  const edition = getEdition(id)
  return z
    .strictObject({
      edition: z.literal(id).meta(meta(edition.label)),
      year: z.number().int().min(2000).max(2100).meta(meta(REPORT_FIELDS.year)),
      agency: z.string().min(1).meta(meta(REPORT_FIELDS.agency)),
      title: z.string().nullable().optional().meta(meta(REPORT_FIELDS.title)),
      text: z
        .strictObject({
          overview: z.string().nullable().optional().meta(meta(NARRATIVE_SECTIONS.overview)),
          problems: z.string().nullable().optional().meta(meta(NARRATIVE_SECTIONS.problems)),
          other: z.string().nullable().optional().meta(meta(NARRATIVE_SECTIONS.other)),
        })
        .optional(),
      proactive: tableSchema(id, 'proactive'),
      requests: tableSchema(id, 'requests'),
      reviewLitigation: tableSchema(id, 'reviewLitigation'),
    })
    .meta({ title: `${REPORT_NAME.zh}（${edition.label.zh}）`, description: `Annual report, ${edition.label.en}` })
}

type EditionSchema = ReturnType<typeof reportSchemaFor>

const built = new Map<EditionId, EditionSchema>()
function editionSchema(id: EditionId): EditionSchema {
  let schema = built.get(id)
  if (!schema) built.set(id, (schema = reportSchemaFor(id)))
  return schema
}

/**
 * The schema of each edition, built on first use: building both costs tens of milliseconds,
 * which every importer of the package (the admin's live check, the CLI) paid at load time.
 */
export const reportSchemas = Object.defineProperties(
  {},
  Object.fromEntries(EDITION_IDS.map((id) => [id, { enumerable: true, get: () => editionSchema(id) }])),
) as Readonly<Record<EditionId, EditionSchema>>

let union: z.ZodDiscriminatedUnion<[EditionSchema, ...EditionSchema[]], 'edition'> | undefined
/** The interchange JSON of either edition, discriminated by `edition`. */
export function anyEditionSchema() {
  union ??= z.discriminatedUnion('edition', EDITION_IDS.map(editionSchema) as [EditionSchema, ...EditionSchema[]])
  return union
}

export type CellValue = number | null
export interface ReportText {
  overview?: string | null
  problems?: string | null
  other?: string | null
}
type Table = { [key: string]: Table | CellValue | undefined }

/** The interchange JSON. Tables are typed loosely: their shape lives in the edition data. */
export interface Report {
  edition: EditionId
  year: number
  agency: string
  title?: string | null
  text?: ReportText
  proactive?: Table
  requests?: Table
  reviewLitigation?: Table
}

/** JSON Schema (draft 2020-12) of one edition's report, or of both as a `oneOf`. */
export function reportJsonSchema(edition?: EditionId) {
  return z.toJSONSchema(edition ? reportSchemas[edition] : anyEditionSchema(), { target: 'draft-2020-12' })
}
