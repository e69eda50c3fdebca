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
  /**
   * Sum each report's newest version (draft or published) instead of its published document: what
   * a supervisor checks before publication. Public statistics never set it.
   */
  newest?: boolean
}

/** One row per edition: the number of reports and each cell's sum (cells in the order of `allCells()`). */
interface EditionSums {
  edition: string
  count: number
  published: number
  sums: (number | null)[]
}

export interface Stats {
  count: number
  /** How many of the counted reports are published (all of them unless `newest`). */
  published: number
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

/**
 * SUM() in SQL over the collection's main table (published documents live there), or with
 * `newest` over its versions table's latest rows (`version_*` columns).
 */
function sqlAggregator(req: PayloadRequest, slug: CollectionSlug, newest: boolean): Aggregator {
  const db = req.payload.db as unknown as {
    name: string
    tables: Record<string, Record<string, { name: string }>>
    tableNameMap: Map<string, string>
    versionsSuffix?: string
    schemaName?: string
    client?: { execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Json[] }> }
    pool?: { query: (sql: string, params: unknown[]) => Promise<{ rows: Json[] }> }
  }
  const collection = req.payload.collections[slug]!.config
  const base = toSnakeCase(typeof collection.dbName === 'string' ? collection.dbName : slug)
  const versions = `_${base}${db.versionsSuffix ?? '_v'}`
  const tableName = newest ? (db.tableNameMap.get(versions) ?? versions) : (db.tableNameMap.get(base) ?? base)
  const table = db.tables[tableName]
  if (!table) throw new Error(`xxgk stats: no table ${tableName}`)
  const prefix = newest ? 'version_' : ''
  const column = (key: string) => {
    const name = table[key === 'latest' ? key : prefix + key]?.name
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
    const clauses = [newest ? `${column('latest')} = ${postgres ? 'true' : '1'}` : `${column('_status')} = 'published'`]
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
        `SELECT ${column('edition')} AS edition, COUNT(*) AS n, SUM(CASE WHEN ${column('_status')} = 'published' THEN 1 ELSE 0 END) AS p, ${sumList} FROM ${from} WHERE ${w.sql} GROUP BY ${column('edition')}`,
        w.params,
      )
      return rows.map((row) => ({
        edition: String(row.edition),
        count: Number(row.n),
        published: Number(row.p ?? 0),
        sums: cells.map((_, i) => toNumber(row[`c${i}`])),
      }))
    },
    async issuesWithErrors(filter) {
      const w = where(filter, `${column('errorCount')} > 0`)
      const rows = await run(`SELECT ${column('issues')} AS issues FROM ${from} WHERE ${w.sql}`, w.params)
      return rows.map((row) => (typeof row.issues === 'string' ? JSON.parse(row.issues) : row.issues))
    },
  }
}

/**
 * An aggregation pipeline on MongoDB, over the collection or (`newest`) its versions' latest
 * documents. Relationship ids may be stored as ObjectIds or strings: match both.
 */
function mongoAggregator(req: PayloadRequest, slug: CollectionSlug, newest: boolean): Aggregator {
  type Model = {
    aggregate: (pipeline: Json[]) => Promise<Json[]>
    base: { Types: { ObjectId: (new (id: string) => unknown) & { isValid: (id: string) => boolean } } }
  }
  const db = req.payload.db as unknown as { collections: Record<string, Model>; versions: Record<string, Model> }
  const model = newest ? db.versions[slug]! : db.collections[slug]!
  const ObjectId = model.base.Types.ObjectId
  const field = (key: string) => (newest ? `version.${key}` : key)
  const match = (filter: StatsFilter): Json => {
    const m: Json = newest ? { latest: true } : { _status: 'published' }
    if (filter.year !== undefined) m[field('year')] = filter.year
    if (filter.agencies) {
      const ids = filter.agencies.map(String)
      m[field('agency')] = { $in: [...ids, ...ids.filter((id) => ObjectId.isValid(id)).map((id) => new ObjectId(id))] }
    }
    return m
  }
  const cells = allCells()
  return {
    async sums(filter) {
      const group: Json = {
        _id: `$${field('edition')}`,
        n: { $sum: 1 },
        p: { $sum: { $cond: [{ $eq: [`$${field('_status')}`, 'published'] }, 1, 0] } },
      }
      cells.forEach((cell, i) => {
        group[`c${i}`] = { $sum: `$${field(cell.path)}` }
      })
      const rows = await model.aggregate([{ $match: match(filter) }, { $group: group }])
      return rows.map((row) => ({
        edition: String(row._id),
        count: Number(row.n),
        published: Number(row.p ?? 0),
        sums: cells.map((_, i) => toNumber(row[`c${i}`])),
      }))
    },
    async issuesWithErrors(filter) {
      const rows = await model.aggregate([{ $match: { ...match(filter), [field('errorCount')]: { $gt: 0 } } }, { $project: { issues: `$${field('issues')}` } }])
      return rows.map((row) => row.issues)
    },
  }
}

function aggregatorFor(req: PayloadRequest, slug: CollectionSlug, newest: boolean): Aggregator {
  const name = req.payload.db.name
  if (name === 'sqlite' || name === 'postgres') return sqlAggregator(req, slug, newest)
  if (name === 'mongoose') return mongoAggregator(req, slug, newest)
  throw new Error(`xxgk stats: database adapter ${name} is not supported`)
}

const round = (value: number) => Math.round(value * 1e6) / 1e6

/** Sums of every cell over the matching published reports (or newest versions), by the reports' own editions. */
export async function reportStats(req: PayloadRequest, slugs: XxgkSlugs, filter: StatsFilter): Promise<Stats> {
  const aggregator = aggregatorFor(req, slugs.reports, filter.newest === true)
  const [rows, issueLists] = await Promise.all([aggregator.sums(filter), aggregator.issuesWithErrors(filter)])
  const stats: Stats = { count: 0, published: 0, editions: {}, proactive: {}, requests: {}, reviewLitigation: {}, errors: {} }
  const totals = new Map<UnionCell, number>()
  const cells = allCells()
  for (const row of rows) {
    stats.count += row.count
    stats.published += row.published
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
