/**
 * The newest version (draft or published) of every report of a year, a few columns each, for the
 * supervisor's dashboard: one SQL query on the versions table (`latest = true`). Payload's
 * `queryDrafts` takes about 1 ms a row for these reports (it shapes all 290 fields of each), 4.5 s
 * for 5,000 reports; this query takes a few ms. MongoDB goes through `queryDrafts`.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'
import type { XxgkSlugs } from '../collections/index.ts'
import { allCells } from '../collections/index.ts'
import { setPath } from './interchange.ts'
import { toSnakeCase } from './stats.ts'

type Json = Record<string, unknown>

export interface NewestReport {
  id: string | number
  agency: string | number | null
  year: number
  _status: string | null
  errorCount: number | null
  warningCount: number | null
  publishedAt: string | null
  reviewStatus: string | null
  reviewComments: unknown
}

const FIELDS = ['agency', 'year', '_status', 'errorCount', 'warningCount', 'publishedAt', 'reviewStatus', 'reviewComments'] as const

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))
const json = (v: unknown) => {
  if (typeof v !== 'string') return v ?? null
  try {
    return JSON.parse(v)
  } catch {
    return null
  }
}
const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v))

export async function newestReportsOfYear(req: PayloadRequest, slugs: XxgkSlugs, year: number): Promise<NewestReport[]> {
  const db = req.payload.db as unknown as {
    name: string
    tables?: Record<string, Record<string, { name: string }>>
    tableNameMap?: Map<string, string>
    versionsSuffix?: string
    schemaName?: string
    client?: { execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Json[] }> }
    pool?: { query: (sql: string, params: unknown[]) => Promise<{ rows: Json[] }> }
  }
  const config = req.payload.collections[slugs.reports]!.config
  if (db.name !== 'sqlite' && db.name !== 'postgres') {
    const { docs } = await req.payload.db.queryDrafts({
      collection: slugs.reports as CollectionSlug,
      where: { 'version.year': { equals: year } },
      select: { version: Object.fromEntries(FIELDS.map((f) => [f, true])) } as never,
      pagination: false,
      req,
    })
    return (docs as Json[]).map((d) => ({ ...(d as unknown as NewestReport), agency: (d.agency as string | number | null) ?? null }))
  }
  const base = toSnakeCase(typeof config.dbName === 'string' ? config.dbName : slugs.reports)
  const tableName = db.tableNameMap?.get(`_${base}${db.versionsSuffix ?? '_v'}`) ?? `_${base}_v`
  const table = db.tables?.[tableName]
  if (!table) throw new Error(`xxgk dashboard: no versions table ${tableName}`)
  const column = (key: string) => {
    const name = table[key]?.name
    if (!name) throw new Error(`xxgk dashboard: ${tableName} has no column for ${key}`)
    return `"${name}"`
  }
  const postgres = db.name === 'postgres'
  const from = postgres ? `"${db.schemaName || 'public'}"."${tableName}"` : `"${tableName}"`
  const list = [`${column('parent')} AS id`, ...FIELDS.map((f) => `${column(`version_${f}`)} AS "${f}"`)].join(', ')
  const sql = `SELECT ${list} FROM ${from} WHERE ${column('latest')} = ${postgres ? 'true' : '1'} AND ${column('version_year')} = ${postgres ? '$1' : '?'}`
  const rows = postgres ? (await db.pool!.query(sql, [year])).rows : (await db.client!.execute({ sql, args: [year] })).rows
  return rows.map((r) => ({
    id: r.id as string | number,
    agency: (r.agency as string | number | null) ?? null,
    year: Number(r.year),
    _status: (r._status as string | null) ?? null,
    errorCount: num(r.errorCount),
    warningCount: num(r.warningCount),
    publishedAt: date(r.publishedAt),
    reviewStatus: (r.reviewStatus as string | null) ?? null,
    reviewComments: json(r.reviewComments),
  }))
}

/**
 * One report's cells (no narrative), by id or by agency and year: its newest version
 * (`newest: true`) or its published document. SQL adapters only; null elsewhere (the caller falls back).
 */
export async function readReportCells(
  req: PayloadRequest,
  slugs: XxgkSlugs,
  options: { newest: boolean; id?: string | number; agency?: string | number; year?: number },
): Promise<Json | null | undefined> {
  const db = req.payload.db as unknown as {
    name: string
    tables?: Record<string, Record<string, { name: string }>>
    tableNameMap?: Map<string, string>
    versionsSuffix?: string
    schemaName?: string
    client?: { execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Json[] }> }
    pool?: { query: (sql: string, params: unknown[]) => Promise<{ rows: Json[] }> }
  }
  if (db.name !== 'sqlite' && db.name !== 'postgres') return undefined
  const config = req.payload.collections[slugs.reports]!.config
  const base = toSnakeCase(typeof config.dbName === 'string' ? config.dbName : slugs.reports)
  const tableName = options.newest ? (db.tableNameMap?.get(`_${base}${db.versionsSuffix ?? '_v'}`) ?? `_${base}_v`) : (db.tableNameMap?.get(base) ?? base)
  const table = db.tables?.[tableName]
  if (!table) return undefined
  const prefix = options.newest ? 'version_' : ''
  const column = (key: string) => {
    const name = table[key]?.name
    if (!name) throw new Error(`xxgk: ${tableName} has no column for ${key}`)
    return `"${name}"`
  }
  const postgres = db.name === 'postgres'
  const from = postgres ? `"${db.schemaName || 'public'}"."${tableName}"` : `"${tableName}"`
  const cells = allCells()
  const list = [
    `${column(options.newest ? 'parent' : 'id')} AS "id"`,
    ...['agency', 'year', 'edition', '_status', 'title'].map((f) => `${column(prefix + f)} AS "${f}"`),
    ...cells.map((c, i) => `${column(prefix + c.path.replaceAll('.', '_'))} AS "c${i}"`),
  ].join(', ')
  const clauses: string[] = []
  const params: unknown[] = []
  if (options.newest) clauses.push(`${column('latest')} = ${postgres ? 'true' : '1'}`)
  else clauses.push(`${column('_status')} = 'published'`)
  if (options.id !== undefined) {
    clauses.push(`${column(options.newest ? 'parent' : 'id')} = ?`)
    params.push(options.id)
  } else {
    clauses.push(`${column(prefix + 'agency')} = ?`, `${column(prefix + 'year')} = ?`)
    params.push(options.agency, options.year)
  }
  let n = 0
  const sql = `SELECT ${list} FROM ${from} WHERE ${clauses.join(' AND ')} LIMIT 1`
  const rows = postgres
    ? (
        await db.pool!.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows
    : (await db.client!.execute({ sql, args: params })).rows
  const row = rows[0]
  if (!row) return null
  const doc: Json = { id: row.id, agency: row.agency, year: Number(row.year), edition: row.edition, _status: row._status, title: row.title }
  cells.forEach((cell, i) => {
    const value = row[`c${i}`]
    if (value !== null && value !== undefined) setPath(doc, cell.path.split('.'), Number(value))
  })
  return doc
}
