/**
 * Concurrency on PostgreSQL (issue 12, item 1): 20 parallel writes through real HTTP must all
 * answer, leave no session idle in transaction, and the server must answer a login afterwards.
 * Before the fix, Payload's lock check read outside the request's transaction: with the pool's
 * 10 connections held by 10 open transactions, every one waited for an 11th connection forever.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, buildWorld, http, REPORTS, reportFor, SEED } from './fixtures.ts'
import type { World } from './fixtures.ts'
import { startHarness } from './harness.ts'
import { localStore } from '../../seed/import/index.ts'
import { parseFile } from '../import/helpers.ts'
import type { Harness } from './harness.ts'

type PgPool = { query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }

async function timed(call: Promise<{ status: number }>, ms: number): Promise<{ status: number | 'timeout'; ms: number }> {
  const start = performance.now()
  const result = await Promise.race([call, new Promise<{ status: 'timeout' }>((resolve) => setTimeout(() => resolve({ status: 'timeout' }), ms))])
  return { status: result.status, ms: Math.round(performance.now() - start) }
}

describe('PostgreSQL under concurrent writes', () => {
  let h: Harness
  let world: World
  let client: ReturnType<typeof http>
  let token: string
  let adminToken: string
  const ids: (string | number)[] = []

  beforeAll(async () => {
    h = await startHarness('postgres', { label: 'concurrency' })
    world = await buildWorld(h.payload)
    client = http(h.url)
    token = await client.login(world.users.editor.email)
    adminToken = await client.login(world.users.admin.email)
    for (let i = 0; i < 20; i++) {
      const doc = await api(h.payload).create({ collection: REPORTS, data: reportFor(SEED, world.agencies.township.id, 2000 + i, { _status: 'draft' }) })
      ids.push(doc.id)
    }
  })
  afterAll(async () => {
    await h?.close()
  })

  const idleInTransaction = async () => {
    const pool = (h.payload.db as unknown as { pool: PgPool }).pool
    const { rows } = await pool.query(`select count(*)::int as n from pg_stat_activity where state = 'idle in transaction' and datname = current_database()`)
    return rows[0]!.n as number
  }

  it('20 parallel PATCHes of 20 reports all answer 200', async () => {
    const start = performance.now()
    const results = await Promise.all(
      ids.map((id, i) => timed(client.call('PATCH', `/api/reports/${id}?draft=true`, { token, body: { title: `并发 ${i}` } }), 60_000)),
    )
    const wall = Math.round(performance.now() - start)
    console.log(
      '[concurrency] 20 PATCH of 20 reports:',
      JSON.stringify({ wall, statuses: results.map((r) => r.status), maxMs: Math.max(...results.map((r) => r.ms)) }),
    )
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200))
    expect(await idleInTransaction()).toBe(0)
  }, 90_000)

  it('20 parallel publishes of one report, beside draft saves, all answer (200 or a 4xx), and a login still works', async () => {
    const id = ids[0]!
    const start = performance.now()
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        timed(
          i % 2 === 0
            ? client.call('PATCH', `/api/reports/${id}`, { token: adminToken, body: { _status: 'published' } })
            : client.call('PATCH', `/api/reports/${ids[i]}?draft=true`, { token, body: { title: `草稿 ${i}` } }),
          60_000,
        ),
      ),
    )
    const wall = Math.round(performance.now() - start)
    console.log('[concurrency] 10 publishes of one + 10 draft saves:', JSON.stringify({ wall, statuses: results.map((r) => r.status) }))
    for (const r of results) expect(typeof r.status === 'number' && r.status < 500).toBe(true)
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(11)
    const login = await timed(
      client.call('POST', '/api/users/login', { body: { email: world.users.editor.email, password: 'correct-horse-battery-staple' } }),
      10_000,
    )
    expect(login.status).toBe(200)
    expect(await idleInTransaction()).toBe(0)
  }, 90_000)

  it('two imports of the same 30 files at once: 30 agencies, 30 reports, every file imported or updated (item 3)', async () => {
    const parsed = await parseFile('corpus/seed/wangji-township-2023.pdf-text.txt')
    const files = Array.from({ length: 30 }, (_, i) => {
      const copy = structuredClone(parsed)
      copy.report.agency = `并发测试${i}乡人民政府`
      return { file: `f${i}.txt`, parsed: copy }
    })
    const store = localStore(h.payload)
    const run = async (order: typeof files) => {
      const outcomes: string[] = []
      // five at a time within each run, as a busy server would
      for (let i = 0; i < order.length; i += 5) {
        const settled = await Promise.allSettled(order.slice(i, i + 5).map((f) => store.store(f)))
        for (const s of settled) outcomes.push(s.status === 'fulfilled' ? s.value.status : `failed: ${String((s.reason as Error)?.message ?? s.reason)}`)
      }
      return outcomes
    }
    const start = performance.now()
    const [a, b] = await Promise.all([run(files), run([...files].reverse())])
    const wall = Math.round(performance.now() - start)
    const all = [...a!, ...b!]
    const tally = all.reduce<Record<string, number>>((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {})
    console.log('[concurrency] two imports of 30 files:', JSON.stringify({ wall, tally }))
    const agencies = await api(h.payload).find({ collection: 'agencies', where: { name: { like: '并发测试' } }, limit: 100, depth: 0 })
    expect(agencies.totalDocs).toBe(30)
    const reports = await api(h.payload).count({ collection: REPORTS, where: { agency: { in: agencies.docs.map((d) => d.id) } } })
    expect(reports.totalDocs).toBe(30)
    expect(tally.imported).toBe(30)
    expect(tally.updated).toBe(30)
  }, 120_000)
})
