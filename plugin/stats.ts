import type { CollectionSlug, PayloadRequest } from 'payload'
import { allCells } from '../collections/index.ts'
import type { ID, UnionCell, XxgkSlugs } from '../collections/index.ts'
import { isEditionId } from '@xxgk/schema'
import type { EditionId } from '@xxgk/schema'
import { setPath } from './interchange.ts'

export interface StatsFilter {
  year?: number
  /** Agencies to include; all when absent. */
  agencies?: ID[]
}

/** One row per edition: the number of reports and each cell's sum (cells in the order of `allCells()`). */
interface EditionSums {
  edition: string
  count: number
  sums: (number | null)[]
}

export interface Stats {
  count: number
  editions: Record<string, number>
  proactive: Record<string, unknown>
  requests: Record<string, unknown>
  reviewLitigation: Record<string, unknown>
  /** Error issues stored with the matching reports, by rule. */
  errors: Record<string, number>
}

interface Aggregator {
  sums: (filter: StatsFilter) => Promise<EditionSums[]>
  /** `issues` of the matching reports that have errors. */
  issuesWithErrors: (filter: StatsFilter) => Promise<unknown[]>
}

type Json = Record<string, unknown>
const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value))

export function toSnakeCase(value: string): string {
  return value
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toLowerCase()
}

/** SUM() in SQL over the collection's main table (published documents live there). */
function sqlAggregator(req: PayloadRequest, slug: CollectionSlug): Aggregator {
  const db = req.payload.db as unknown as {
    name: string
    tables: Record<string, Record<string, { name: string }>>
    tableNameMap: Map<string, string>
    schemaName?: string
    client?: { execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Json[] }> }
    pool?: { query: (sql: string, params: unknown[]) => Promise<{ rows: Json[] }> }
  }
  const collection = req.payload.collections[slug]!.config
  const tableName = db.tableNameMap.get(toSnakeCase(typeof collection.dbName === 'string' ? collection.dbName : slug)) ?? toSnakeCase(slug)
  const table = db.tables[tableName]
  if (!table) throw new Error(`xxgk stats: no table ${tableName}`)
  const column = (key: string) => {
    const name = table[key]?.name
    if (!name) throw new Error(`xxgk stats: ${tableName} has no column for ${key}`)
    return `"${name}"`
  }
  const postgres = db.name === 'postgres'
  const from = postgres ? `"${db.schemaName || 'public'}"."${tableName}"` : `"${tableName}"`
  const run = async (sql: string, params: unknown[]): Promise<Json[]> => {
    if (postgres) {
      let n = 0
      return (
        await db.pool!.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows
    }
    return (await db.client!.execute({ sql, args: params })).rows
  }
  const where = (filter: StatsFilter, extra?: string) => {
    const clauses = [`${column('_status')} = 'published'`]
    const params: unknown[] = []
    if (filter.year !== undefined) {
      clauses.push(`${column('year')} = ?`)
      params.push(filter.year)
    }
    if (filter.agencies) {
      if (filter.agencies.length === 0) clauses.push('1 = 0')
      else {
        clauses.push(`${column('agency')} IN (${filter.agencies.map(() => '?').join(', ')})`)
        params.push(...filter.agencies)
      }
    }
    if (extra) clauses.push(extra)
    return { sql: clauses.join(' AND '), params }
  }
  const cells = allCells()
  const sumList = cells.map((cell, i) => `SUM(${column(cell.path.replaceAll('.', '_'))}) AS c${i}`).join(', ')
  return {
    async sums(filter) {
      const w = where(filter)
      const rows = await run(
        `SELECT ${column('edition')} AS edition, COUNT(*) AS n, ${sumList} FROM ${from} WHERE ${w.sql} GROUP BY ${column('edition')}`,
        w.params,
      )
      return rows.map((row) => ({ edition: String(row.edition), count: Number(row.n), sums: cells.map((_, i) => toNumber(row[`c${i}`])) }))
    },
    async issuesWithErrors(filter) {
      const w = where(filter, `${column('errorCount')} > 0`)
      const rows = await run(`SELECT ${column('issues')} AS issues FROM ${from} WHERE ${w.sql}`, w.params)
      return rows.map((row) => (typeof row.issues === 'string' ? JSON.parse(row.issues) : row.issues))
    },
  }
}

/** An aggregation pipeline on MongoDB. Relationship ids may be stored as ObjectIds or strings: match both. */
function mongoAggregator(req: PayloadRequest, slug: CollectionSlug): Aggregator {
  const db = req.payload.db as unknown as {
    collections: Record<
      string,
      { aggregate: (pipeline: Json[]) => Promise<Json[]>; base: { Types: { ObjectId: (new (id: string) => unknown) & { isValid: (id: string) => boolean } } } }
    >
  }
  const model = db.collections[slug]!
  const ObjectId = model.base.Types.ObjectId
  const match = (filter: StatsFilter): Json => {
    const m: Json = { _status: 'published' }
    if (filter.year !== undefined) m.year = filter.year
    if (filter.agencies) {
      const ids = filter.agencies.map(String)
      m.agency = { $in: [...ids, ...ids.filter((id) => ObjectId.isValid(id)).map((id) => new ObjectId(id))] }
    }
    return m
  }
  const cells = allCells()
  return {
    async sums(filter) {
      const group: Json = { _id: '$edition', n: { $sum: 1 } }
      cells.forEach((cell, i) => {
        group[`c${i}`] = { $sum: `$${cell.path}` }
      })
      const rows = await model.aggregate([{ $match: match(filter) }, { $group: group }])
      return rows.map((row) => ({ edition: String(row._id), count: Number(row.n), sums: cells.map((_, i) => toNumber(row[`c${i}`])) }))
    },
    async issuesWithErrors(filter) {
      const rows = await model.aggregate([{ $match: { ...match(filter), errorCount: { $gt: 0 } } }, { $project: { issues: 1 } }])
      return rows.map((row) => row.issues)
    },
  }
}

function aggregatorFor(req: PayloadRequest, slug: CollectionSlug): Aggregator {
  const name = req.payload.db.name
  if (name === 'sqlite' || name === 'postgres') return sqlAggregator(req, slug)
  if (name === 'mongoose') return mongoAggregator(req, slug)
  throw new Error(`xxgk stats: database adapter ${name} is not supported`)
}

const round = (value: number) => Math.round(value * 1e6) / 1e6

/** Sums of every cell over the matching published reports, by the reports' own editions. */
export async function reportStats(req: PayloadRequest, slugs: XxgkSlugs, filter: StatsFilter): Promise<Stats> {
  const aggregator = aggregatorFor(req, slugs.reports)
  const [rows, issueLists] = await Promise.all([aggregator.sums(filter), aggregator.issuesWithErrors(filter)])
  const stats: Stats = { count: 0, editions: {}, proactive: {}, requests: {}, reviewLitigation: {}, errors: {} }
  const totals = new Map<UnionCell, number>()
  const cells = allCells()
  for (const row of rows) {
    stats.count += row.count
    stats.editions[row.edition] = (stats.editions[row.edition] ?? 0) + row.count
    if (!isEditionId(row.edition)) continue
    const edition: EditionId = row.edition
    cells.forEach((cell, i) => {
      if (cell.editions.includes(edition)) totals.set(cell, (totals.get(cell) ?? 0) + (row.sums[i] ?? 0))
    })
  }
  for (const cell of cells) {
    const total = totals.get(cell)
    if (total !== undefined) setPath(stats as unknown as Json, cell.path.split('.'), round(total))
  }
  for (const issues of issueLists) {
    if (!Array.isArray(issues)) continue
    for (const issue of issues as { rule?: string; severity?: string }[]) {
      if (issue?.severity === 'error' && issue.rule) stats.errors[issue.rule] = (stats.errors[issue.rule] ?? 0) + 1
    }
  }
  return stats
}
