/**
 * Generated data for the plugin benchmark: 500 agencies in a tree (1 province, 10 cities,
 * 50 counties, 439 townships and departments) and 20 years of reports each (10,000), written
 * straight into the reports table in bulk (the hooks are what the write benchmark measures,
 * not what filling a database for the stats benchmark should cost).
 */
import type { CollectionSlug, Payload } from 'payload'
import { allCells } from '../../collections/index.ts'
import { EDITIONS_NEWEST_FIRST } from '../../collections/report-cells.ts'

export const AGENCY_COUNT = 500
export const YEARS = Array.from({ length: 20 }, (_, i) => 2005 + i)

/** A small deterministic random generator, so every run measures the same data. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

export interface Generated {
  root: string | number
  agencies: (string | number)[]
  reports: number
}

export async function createAgencies(payload: Payload): Promise<{ root: string | number; ids: (string | number)[] }> {
  const create = (data: Record<string, unknown>) =>
    payload.create({ collection: 'agencies' as CollectionSlug, data } as Parameters<Payload['create']>[0]) as Promise<{ id: string | number }>
  const province = await create({ name: '基准省人民政府', kind: 'government', level: 'province' })
  const ids: (string | number)[] = [province.id]
  const counties: (string | number)[] = []
  for (let c = 0; c < 10; c++) {
    const city = await create({ name: `基准市${c}人民政府`, kind: 'government', level: 'city', parent: province.id })
    ids.push(city.id)
    for (let k = 0; k < 5; k++) {
      const county = await create({ name: `基准市${c}县${k}人民政府`, kind: 'government', level: 'county', parent: city.id })
      ids.push(county.id)
      counties.push(county.id)
    }
  }
  for (let i = 0; ids.length < AGENCY_COUNT; i++) {
    const parent = counties[i % counties.length]!
    const township = i % 2 === 0
    const doc = await create({
      name: `基准${township ? '乡' : '部门'}${i}`,
      kind: township ? 'government' : 'department',
      level: township ? 'township' : 'county',
      parent,
    })
    ids.push(doc.id)
  }
  return { root: province.id, ids }
}

type DrizzleDb = {
  drizzle: { insert: (table: unknown) => { values: (rows: Record<string, unknown>[]) => Promise<unknown> } }
  tables: Record<string, Record<string, unknown>>
}

/** 20 published reports per agency, bulk-inserted into the main table (the edition by year). */
export async function insertReports(payload: Payload, agencies: readonly (string | number)[]): Promise<number> {
  const db = payload.db as unknown as DrizzleDb
  const table = db.tables.reports!
  const next = random(2023)
  const cells = allCells()
  let rows: Record<string, unknown>[] = []
  let count = 0
  const flush = async () => {
    if (rows.length) await db.drizzle.insert(table).values(rows)
    count += rows.length
    rows = []
  }
  for (const agency of agencies) {
    for (const year of YEARS) {
      const edition = year >= 2021 ? EDITIONS_NEWEST_FIRST[0]! : EDITIONS_NEWEST_FIRST[1]!
      const row: Record<string, unknown> = {
        title: `基准报告 ${String(agency)} ${year}`,
        agency,
        year,
        edition,
        _status: 'published',
        errorCount: 0,
        warningCount: 0,
        issues: [],
      }
      for (const cell of cells) {
        if (!cell.editions.includes(edition)) continue
        const value = cell.kind === 'amount' ? Math.round(next() * 10000) / 100 : Math.floor(next() * 20)
        row[cell.path.replaceAll('.', '_')] = value
      }
      // one report in a hundred carries a stored error, as reports published before a rule change do
      if (next() < 0.01) {
        row.errorCount = 1
        row.issues = [
          { rule: 'T3.BALANCE', severity: 'error', path: 'requests.carriedForward.total', cells: [], reported: 1, computed: 0, message: { zh: '', en: '' } },
        ]
      }
      for (const key of Object.keys(row)) if (!(key in table)) throw new Error(`bench data: no column for ${key}`)
      rows.push(row)
      if (rows.length === 100) await flush()
    }
  }
  await flush()
  return count
}
