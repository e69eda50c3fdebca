import { EDITION_2019 } from './edition-2019.ts'
import { EDITION_2021 } from './edition-2021.ts'
import type { CellDef, EditionDef, EditionId, RowDef, TableDef, TableKey } from './types.ts'

export * from './types.ts'
export { APPLICANT_COLUMNS, REVIEW_LITIGATION_TABLE } from './shared.ts'
export * from './document.ts'

export const EDITIONS: Readonly<Record<EditionId, EditionDef>> = {
  '2021': EDITION_2021,
  '2019': EDITION_2019,
}

export const EDITION_IDS = Object.keys(EDITIONS) as EditionId[]

/** The edition in force (国办公开办函〔2021〕30号): new reports use it, readers fall back to it. */
export const CURRENT_EDITION: EditionId = '2021'

export function isEditionId(value: unknown): value is EditionId {
  return typeof value === 'string' && Object.hasOwn(EDITIONS, value)
}

/** The edition a stored or sent value names, or the current one when it names none. */
export function editionOr(value: unknown, fallback: EditionId = CURRENT_EDITION): EditionId {
  return isEditionId(value) ? value : fallback
}

/** The edition prescribed for a report year: the newest whose first year is not after it. */
export function editionForYear(year: number): EditionId {
  const prescribed = Object.values(EDITIONS)
    .filter((e) => e.firstYear <= year)
    .sort((a, b) => b.firstYear - a.firstYear)[0]
  return prescribed?.id ?? oldestEdition()
}

function oldestEdition(): EditionId {
  return Object.values(EDITIONS).sort((a, b) => a.firstYear - b.firstYear)[0]!.id
}

export function getEdition(id: EditionId): EditionDef {
  return EDITIONS[id]
}

export function getTable(edition: EditionDef, key: TableKey): TableDef {
  const table = edition.tables.find((t) => t.key === key)
  if (!table) throw new Error(`edition ${edition.id} has no table ${key}`)
  return table
}

export function rowColumns(table: TableDef, row: RowDef) {
  return row.columns ?? table.columns
}

export interface EditionIndex {
  edition: EditionDef
  cells: readonly CellDef[]
  byPath: ReadonlyMap<string, CellDef>
  /** Position of each cell in `cells`. */
  position: ReadonlyMap<string, number>
}

const indexes = new Map<EditionId, EditionIndex>()

/** Every cell of an edition, in form order, and a lookup by dotted path. Built once per edition. */
export function editionIndex(id: EditionId): EditionIndex {
  let index = indexes.get(id)
  if (!index) {
    const edition = getEdition(id)
    const cells: CellDef[] = []
    for (const table of edition.tables) {
      for (const row of table.rows) {
        for (const column of rowColumns(table, row)) {
          const path = `${table.key}.${row.key}.${column.key}`
          cells.push({ path, keys: path.split('.'), table: table.key, row, column, kind: column.kind ?? 'count' })
        }
      }
    }
    index = {
      edition,
      cells,
      byPath: new Map(cells.map((c) => [c.path, c])),
      position: new Map(cells.map((c, i) => [c.path, i])),
    }
    indexes.set(id, index)
  }
  return index
}

/** The label of a cell as printed: row label, then column label, e.g. 三（七）总计 / 自然人. */
export function cellLabel(cell: CellDef, lang: 'zh' | 'en'): string {
  return `${cell.row.label[lang]} / ${cell.column.label[lang]}`
}
