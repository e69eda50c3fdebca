/**
 * Where the time of one uncached `GET /api/reports?limit=20` goes: the plugin benchmark's data
 * (10,000 generated reports, SQLite), Payload's REST handler called in this process without Next
 * and without the list cache, a CPU profile of N requests, its self time by part.
 *
 *   node --conditions=development --import tsx bench/plugin/profile-list.ts [--db file] [--query 'limit=20'] [--requests 200] [--profile out.cpuprofile] [--cache]
 *
 * Without --db a fresh database is prepared (bench/plugin/worker.ts prepare-rest, about 20 s).
 * Not a benchmark (no keys): a diagnostic for reading the figures of plugin.bench.ts.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import type { Profiler } from 'node:inspector'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { getPayload, handleEndpoints } from 'payload'
import type { CollectionSlug } from 'payload'

const ROOT = path.resolve(import.meta.dirname, '../..')
const ADMIN = { email: 'bench@example.test', password: 'bench-password-not-secret' }

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    query: { type: 'string', default: 'limit=20' },
    requests: { type: 'string', default: '200' },
    profile: { type: 'string' },
    cache: { type: 'boolean', default: false },
  },
})

/** Parts of the work, by the file a sampled function lives in (first match wins). */
const PARTS: [string, RegExp][] = [
  [
    "Payload's afterRead field traversal",
    /payload\/dist\/(fields\/(hooks\/afterRead|getFieldPaths|config\/types|getDefaultValue)|utilities\/stripUnselectedFields)/,
  ],
  ['rich text (Lexical)', /richtext-lexical/],
  ['rows → documents (@payloadcms/drizzle transform)', /@payloadcms\/drizzle\/dist\/transform\/read/],
  ['query building (@payloadcms/drizzle)', /@payloadcms\/drizzle\/dist/],
  ['SQL building and row mapping (drizzle-orm)', /drizzle-orm/],
  ['SQLite driver (libsql)', /libsql/],
  ['field name case conversion', /to-(no|space|snake)-case/],
  ['authentication (JWT, user lookup)', /jose|payload\/dist\/auth/],
  ['the response (Response, JSON)', /undici/],
  ['access control (collections/access.ts)', /collections\/access/],
  ['the plugin (plugin/)', /\/plugin\//],
  ['other Payload', /payload\/dist/],
]

function byPart(profile: Profiler.Profile, requests: number): [string, number][] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const totals = new Map<string, number>()
  const deltas = profile.timeDeltas ?? []
  profile.samples?.forEach((id, i) => {
    const node = nodes.get(id)!
    let part: string
    if (node.callFrame.functionName === '(garbage collector)') part = 'garbage collection'
    else if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') part = '(idle, program)'
    else {
      // native code counts for the JavaScript that called it
      let at: number | undefined = id
      while (at !== undefined && !nodes.get(at)!.callFrame.url) at = parent.get(at)
      const url = at === undefined ? '' : nodes.get(at)!.callFrame.url
      part = PARTS.find(([, pattern]) => pattern.test(url))?.[0] ?? 'other (Node internals)'
    }
    totals.set(part, (totals.get(part) ?? 0) + (deltas[i] ?? 0) / 1000 / requests)
  })
  return [...totals].sort((a, b) => b[1] - a[1])
}

async function main() {
  let dir: string | undefined
  let file = values.db
  if (!file) {
    dir = mkdtempSync(path.join(tmpdir(), 'xxgk-profile-'))
    file = path.join(dir, 'rest.db')
    process.stderr.write('preparing 10,000 reports…\n')
    const prepared = spawnSync(
      process.execPath,
      ['--conditions=development', '--import', 'tsx', path.join(ROOT, 'bench/plugin/worker.ts'), 'prepare-rest', file],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    )
    if (prepared.status !== 0) throw new Error(`preparing the database failed:\n${prepared.stderr}`)
  }
  try {
    // --cache: answers come from the plugin's list cache, so what is left is Payload's request pipeline
    if (!values.cache) process.env.XXGK_LIST_CACHE = 'off'
    const { xxgkConfig } = await import('../../dev/cms/config.ts')
    const config = await xxgkConfig({
      baseDir: path.join(ROOT, 'dev'),
      secret: 'bench-secret',
      database: { url: `file:${file}`, migrationsDir: path.join(ROOT, 'dev', 'migrations'), push: false },
    })
    const payload = await getPayload({ config })
    const { token } = await payload.login({ collection: 'users' as CollectionSlug, data: ADMIN })
    const url = `http://localhost/api/reports?${values.query}`
    const list = async () => {
      const response = await handleEndpoints({ config, request: new Request(url, { headers: { Authorization: `JWT ${token}` } }) })
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`)
      return response.text()
    }
    const body = await list()
    const page = JSON.parse(body) as { docs: unknown[] }
    for (let i = 0; i < 20; i++) await list()
    const requests = Number(values.requests)
    let started = performance.now()
    for (let i = 0; i < requests; i++) await list()
    const plainMs = (performance.now() - started) / requests

    const session = new Session()
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.setSamplingInterval', { interval: 200 })
    await session.post('Profiler.start')
    started = performance.now()
    for (let i = 0; i < requests; i++) await list()
    const profiledMs = (performance.now() - started) / requests
    const { profile } = await session.post('Profiler.stop')
    if (values.profile) writeFileSync(values.profile, JSON.stringify(profile))

    const bytes = Buffer.byteLength(body)
    console.log(
      `GET /api/reports?${values.query}: ${plainMs.toFixed(1)} ms a request (${profiledMs.toFixed(1)} ms while profiled), ${page.docs.length} documents, ${bytes} bytes (${Math.round(bytes / Math.max(1, page.docs.length))} a document)`,
    )
    for (const [part, ms] of byPart(profile, requests)) console.log(`${ms.toFixed(2).padStart(7)} ms  ${part}`)
    await payload.db.destroy?.()
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
