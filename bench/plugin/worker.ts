/**
 * The plugin benchmark's measurements, each in its own process (bench/plugin.bench.ts starts
 * them with `node --conditions=development --import tsx`, which Lexical needs under tsx):
 *   write <sqlite|postgres>   create + publish of the seed report, plugin vs a bare collection
 *   stats <sqlite|postgres>   GET /api/reports/stats over 10,000 reports of 500 agencies
 *   prepare-rest <file>       a migrated SQLite file with those reports and an admin, for `next start`
 * Prints one line `RESULT {json}`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { getPayload, handleEndpoints } from 'payload'
import type { CollectionSlug, Config, Payload } from 'payload'
import { DEFAULT_SLUGS, reportsCollection } from '../../collections/index.ts'
import { xxgkConfig } from '../../dev/cms/config.ts'
import { createAgencies, insertReports } from './data.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const SEED = JSON.parse(readFileSync(path.join(ROOT, 'corpus/seed/wangji-township-2023.expected.json'), 'utf8')).report as Record<string, unknown>
const ADMIN = { email: 'bench@example.test', password: 'bench-password-not-secret' }

type Kind = 'sqlite' | 'postgres'
type Loose = (args: Record<string, unknown>) => Promise<{ id: string | number } & Record<string, unknown>>

/** The same collection as `reports` (fields, versions, index), without the plugin's hooks and endpoints. */
const bareReports = (config: Config): Config => ({
  ...config,
  collections: [
    ...(config.collections ?? []),
    { ...reportsCollection({ slugs: { ...DEFAULT_SLUGS, reports: 'bareReports' as CollectionSlug } }), hooks: {}, endpoints: [] },
  ],
})

async function open(kind: Kind, label: string, options: { migrations?: boolean; file?: string; bare?: boolean } = {}) {
  const name = `xxgk_bench_${label}_${process.pid}`
  let url: string
  let dir: string | undefined
  if (kind === 'postgres') url = POSTGRES_URL
  else if (options.file) url = `file:${options.file}`
  else {
    dir = mkdtempSync(path.join(tmpdir(), 'xxgk-bench-'))
    url = `file:${path.join(dir, 'bench.db')}`
  }
  const config = await xxgkConfig({
    baseDir: path.join(ROOT, 'dev'),
    secret: 'bench-secret',
    database: {
      url,
      migrationsDir: path.join(ROOT, 'dev', 'migrations'),
      push: !options.migrations,
      ...(kind === 'postgres' && { schemaName: name }),
    },
    plugins: options.bare ? [bareReports] : [],
  })
  const payload = await getPayload({ config })
  if (options.migrations) await payload.db.migrate()
  const close = async () => {
    if (kind === 'postgres')
      await (payload.db as unknown as { pool: { query: (s: string) => Promise<unknown> } }).pool.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`)
    await payload.db.destroy?.()
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
  return { payload, config, close }
}

const loose = (payload: Payload) => payload as unknown as { create: Loose; update: Loose }

/** Create a draft, then publish it: the editor's round trip. Returns the milliseconds it took. */
async function createAndPublish(payload: Payload, collection: string, data: Record<string, unknown>): Promise<number> {
  const started = performance.now()
  const doc = await loose(payload).create({ collection, data: { ...data, _status: 'draft' } })
  await loose(payload).update({ collection, id: doc.id, data: { _status: 'published' } })
  return performance.now() - started
}

async function write(kind: Kind) {
  const { payload, close } = await open(kind, 'write', { bare: true })
  try {
    const WARMUP = 20
    const MEASURED = 200
    const agencies: (string | number)[] = []
    for (let i = 0; i < WARMUP + MEASURED; i++) {
      const doc = await loose(payload).create({ collection: 'agencies', data: { name: `写入基准${i}`, kind: 'government', level: 'township' } })
      agencies.push(doc.id)
    }
    const { agency: _name, ...seed } = SEED
    let plugin = 0
    let bare = 0
    for (let i = 0; i < WARMUP + MEASURED; i++) {
      const data = { ...structuredClone(seed), agency: agencies[i] }
      // alternate which goes first, so neither side always meets a warmer cache
      const order = i % 2 === 0 ? (['reports', 'bareReports'] as const) : (['bareReports', 'reports'] as const)
      for (const collection of order) {
        const ms = await createAndPublish(payload, collection, data)
        if (i < WARMUP) continue
        if (collection === 'reports') plugin += ms
        else bare += ms
      }
    }
    return { ratio: plugin / bare, pluginMs: plugin / MEASURED, bareMs: bare / MEASURED }
  } finally {
    await close()
  }
}

async function adminToken(payload: Payload): Promise<string> {
  await loose(payload).create({ collection: 'users', data: { ...ADMIN, role: 'admin' } })
  const { token } = await payload.login({ collection: 'users' as CollectionSlug, data: ADMIN })
  return token!
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function stats(kind: Kind) {
  const { payload, config, close } = await open(kind, 'stats')
  try {
    const { root, ids } = await createAgencies(payload)
    const reports = await insertReports(payload, ids)
    const token = await adminToken(payload)
    const call = async (query: string) => {
      const started = performance.now()
      const response = await handleEndpoints({
        config,
        request: new Request(`http://localhost/api/reports/stats?${query}`, { headers: { Authorization: `JWT ${token}` } }),
      })
      const body = (await response.json()) as { count?: number }
      const ms = performance.now() - started
      if (response.status !== 200) throw new Error(`stats ${query}: ${response.status} ${JSON.stringify(body)}`)
      return { ms, count: body.count }
    }
    const measure = async (query: string) => {
      for (let i = 0; i < 2; i++) await call(query)
      const runs: number[] = []
      let count = 0
      for (let i = 0; i < 9; i++) {
        const result = await call(query)
        runs.push(result.ms)
        count = result.count ?? 0
      }
      return { ms: median(runs), max: Math.max(...runs), count }
    }
    const all = await measure(`agency=${root}&descendants=true`)
    const year = await measure('year=2023')
    return { reports, agencies: ids.length, statsMs: all.ms, statsMaxMs: all.max, statsCount: all.count, yearMs: year.ms, yearCount: year.count }
  } finally {
    await close()
  }
}

async function prepareRest(file: string) {
  const { payload } = await open('sqlite', 'rest', { migrations: true, file })
  const { ids } = await createAgencies(payload)
  const reports = await insertReports(payload, ids)
  await loose(payload).create({ collection: 'users', data: { ...ADMIN, role: 'admin' } })
  await payload.db.destroy?.()
  return { reports, ...ADMIN }
}

const [task, arg] = process.argv.slice(2)
const tasks: Record<string, () => Promise<unknown>> = {
  write: () => write(arg as Kind),
  stats: () => stats(arg as Kind),
  'prepare-rest': () => prepareRest(arg!),
}
const run = tasks[task ?? '']
if (!run) {
  console.error(`usage: worker.ts ${Object.keys(tasks).join('|')} <arg>`)
  process.exit(2)
}
run().then(
  (result) => {
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`)
    process.exit(0)
  },
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
