/**
 * The review benchmark's measurements (bench/review.bench.ts), in a process of its own (Lexical
 * needs --conditions=development under tsx): a supervisor at a root agency over 5,000 descendant
 * agencies (50 counties × 100 townships and departments), two years of reports each (2023
 * published, 2024 a mix of drafts with and without errors, submitted and published), written in
 * bulk into the reports table and its versions table. Measures, through Payload's endpoint
 * handler (server time, no HTTP):
 *   GET /api/reports/dashboard?year=2024  (dashboard_ms_5000)
 *   GET /api/reports/followup?year=2024   (followup_xlsx_ms_5000)
 *   GET /api/reports/:id/compare          (compare_ms)
 * Prints one line `RESULT {json}`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { getPayload, handleEndpoints } from 'payload'
import type { CollectionSlug, Payload } from 'payload'
import { allCells } from '../../collections/index.ts'
import { xxgkConfig } from '../../dev/cms/config.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const COUNTIES = 50
const PER_COUNTY = 99 // + the county itself: 50 × 100 = 5,000 descendants
const SUPERVISOR = { email: 'review-bench@example.test', password: 'bench-password-not-secret' }
type Kind = 'sqlite' | 'postgres'

function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

type Table = Record<string, unknown>
type Drizzle = {
  drizzle: { insert: (table: unknown) => { values: (rows: Record<string, unknown>[]) => { returning: () => Promise<{ id: number }[]> } & Promise<unknown> } }
  tables: Record<string, Table>
}

async function bulk(db: Drizzle, table: string, rows: Record<string, unknown>[]): Promise<{ id: number }[]> {
  const t = db.tables[table]
  if (!t) throw new Error(`bench: no table ${table} (${Object.keys(db.tables).join(', ')})`)
  for (const key of Object.keys(rows[0] ?? {})) if (!(key in t)) throw new Error(`bench: ${table} has no column ${key}: ${Object.keys(t).join(', ')}`)
  const ids: { id: number }[] = []
  // SQLite takes at most 32,766 variables a statement
  const chunk = Math.max(1, Math.floor(30000 / Math.max(1, Object.keys(rows[0] ?? {}).length)))
  for (let i = 0; i < rows.length; i += chunk)
    ids.push(
      ...(await db.drizzle
        .insert(t)
        .values(rows.slice(i, i + chunk))
        .returning()),
    )
  return ids
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function measure(kind: Kind) {
  const name = `xxgk_bench_review_${process.pid}`
  let dir: string | undefined
  let url = POSTGRES_URL
  if (kind === 'sqlite') {
    dir = mkdtempSync(path.join(tmpdir(), 'xxgk-bench-review-'))
    url = `file:${path.join(dir, 'bench.db')}`
  }
  const config = await xxgkConfig({
    baseDir: path.join(ROOT, 'dev'),
    secret: 'bench-secret',
    database: { url, migrationsDir: path.join(ROOT, 'dev', 'migrations'), push: true, ...(kind === 'postgres' && { schemaName: name }) },
    plugin: { listCache: false },
  })
  const payload: Payload = await getPayload({ config })
  const db = payload.db as unknown as Drizzle
  try {
    const create = (collection: string, data: Record<string, unknown>) =>
      payload.create({ collection: collection as CollectionSlug, data } as Parameters<Payload['create']>[0]) as Promise<{ id: number }>
    const root = await create('agencies', { name: '基准市人民政府', kind: 'government', level: 'city' })
    const now = new Date().toISOString()
    const counties = await bulk(
      db,
      'agencies',
      Array.from({ length: COUNTIES }, (_, c) => ({
        name: `基准县${c}人民政府`,
        kind: 'government',
        level: 'county',
        parent: root.id,
        createdAt: now,
        updatedAt: now,
      })),
    )
    const leaves = await bulk(
      db,
      'agencies',
      counties.flatMap((county, c) =>
        Array.from({ length: PER_COUNTY }, (_, i) => ({
          name: `基准县${c}${i % 2 ? '部门' : '乡'}${i}`,
          kind: i % 2 ? 'department' : 'government',
          level: i % 2 ? 'county' : 'township',
          parent: county.id,
          createdAt: now,
          updatedAt: now,
        })),
      ),
    )
    const agencies = [root.id, ...counties.map((c) => c.id), ...leaves.map((l) => l.id)]
    await create('users', { ...SUPERVISOR, role: 'supervisor', agency: root.id })
    const { token } = await payload.login({ collection: 'users' as CollectionSlug, data: SUPERVISOR })

    const next = random(10)
    const cells = allCells().filter((c) => c.editions.includes('2021'))
    const main: Record<string, unknown>[] = []
    const versions: { agency: number; row: Record<string, unknown> }[] = []
    const STATES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const
    for (const agency of agencies) {
      for (const year of [2023, 2024]) {
        if (year === 2024 && next() < 0.1) continue // one in ten has no 2024 report yet
        const state = year === 2023 ? 'published' : STATES[Math.floor(next() * STATES.length)]!
        const errors = state === 'draft' && next() < 0.3 ? 2 : 0
        const row: Record<string, unknown> = {
          title: `基准报告 ${agency} ${year}`,
          agency,
          year,
          edition: '2021',
          _status: state === 'published' ? 'published' : 'draft',
          errorCount: errors,
          warningCount: Math.floor(next() * 3),
          issues: [],
          reviewStatus: state,
          reviewHistory: [],
          reviewComments: state === 'returned' ? [{ id: 'c1', comment: '请核实', path: 'requests.granted.natural', by: 1, at: now, resolvedAt: null }] : [],
          createdAt: now,
          updatedAt: now,
        }
        for (const cell of cells) row[cell.path.replaceAll('.', '_')] = cell.kind === 'amount' ? Math.round(next() * 10000) / 100 : Math.floor(next() * 20)
        main.push(row)
        versions.push({ agency, row })
      }
    }
    const ids = await bulk(db, 'reports', main)
    const versionTable = db.tables._reports_v!
    const versionRows = versions.map(({ row }, i) => {
      const v: Record<string, unknown> = { parent: ids[i]!.id, latest: true, createdAt: now, updatedAt: now }
      for (const [key, value] of Object.entries(row)) {
        const column = key === 'createdAt' || key === 'updatedAt' ? `version_${key}` : `version_${key}`
        if (column in versionTable) v[column] = value
        else if (key === '_status' && 'version__status' in versionTable) v.version__status = value
      }
      return v
    })
    await bulk(db, '_reports_v', versionRows)

    const call = async (route: string, as = token) => {
      const started = performance.now()
      const response = await handleEndpoints({
        config,
        request: new Request(`http://localhost/api/reports${route}`, { headers: { Authorization: `JWT ${as}` } }),
      })
      const body = await response.arrayBuffer()
      const ms = performance.now() - started
      if (response.status !== 200) throw new Error(`${route}: ${response.status} ${new TextDecoder().decode(body).slice(0, 500)}`)
      return { ms, body }
    }
    const runs = async (route: string, n: number, as = token) => {
      await call(route, as)
      const times: number[] = []
      for (let i = 0; i < n; i++) times.push((await call(route, as)).ms)
      return median(times)
    }
    const first = JSON.parse(new TextDecoder().decode((await call('/dashboard?year=2024')).body)) as { rows: unknown[]; queue: unknown[]; missing: unknown[] }
    if (first.rows.length !== agencies.length) throw new Error(`bench: the dashboard has ${first.rows.length} rows of ${agencies.length}`)
    const dashboardMs = await runs('/dashboard?year=2024', 5)
    const followupMs = await runs('/followup?year=2024', 5)
    const index = versions.findIndex((v) => v.row.year === 2024 && v.agency !== root.id)
    const target = ids[index]!.id
    // its editor's comparison (compare_ms), and the supervisor's, whose access spans the 5,000 agencies
    const editor = { email: 'review-bench-editor@example.test', password: SUPERVISOR.password }
    await create('users', { ...editor, role: 'editor', agency: versions[index]!.agency })
    const editorToken = (await payload.login({ collection: 'users' as CollectionSlug, data: editor })).token!
    const compareMs = await runs(`/${target}/compare`, 21, editorToken)
    const compareSupervisorMs = await runs(`/${target}/compare`, 21)
    return {
      agencies: agencies.length - 1,
      reports: ids.length,
      queue: first.queue.length,
      missing: first.missing.length,
      dashboardMs,
      followupMs,
      compareMs,
      compareSupervisorMs,
    }
  } finally {
    if (kind === 'postgres')
      await (payload.db as unknown as { pool: { query: (s: string) => Promise<unknown> } }).pool.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`)
    await payload.db.destroy?.()
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
}

measure(process.argv[2] as Kind).then(
  (result) => {
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`)
    process.exit(0)
  },
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
