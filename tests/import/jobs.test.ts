/**
 * Issue 12, item 7: batch import jobs on SQLite. A finished job's id may be handed out again:
 * the new batch is never answered with the old one's results; a job left processing by a
 * crashed server is reported interrupted, not running forever; `/api/payload-jobs/run` is for
 * administrators only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorld, http } from '../integration/fixtures.ts'
import type { World } from '../integration/fixtures.ts'
import { startHarness } from '../integration/harness.ts'
import type { Harness } from '../integration/harness.ts'

const text = (name: string, content: string) => ({ name, bytes: new TextEncoder().encode(content) })
const NOT_A_REPORT = (n: number) => text(`minutes-${n}.txt`, `会议纪要 ${n}\n今天讨论了食堂的菜单。\n`)

describe('import jobs (SQLite)', () => {
  let h: Harness
  let world: World
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    h = await startHarness('sqlite', { label: 'import_jobs' })
    world = await buildWorld(h.payload)
    const client = http(h.url)
    for (const [name, user] of Object.entries(world.users)) tokens[name] = await client.login(user.email)
  })
  afterAll(async () => {
    await h?.close()
  })

  async function upload(token: string, files: { name: string; bytes: Uint8Array }[]) {
    const form = new FormData()
    for (const f of files) form.append('file', new Blob([f.bytes as Uint8Array<ArrayBuffer>]), f.name)
    const response = await fetch(`${h.url}/api/reports/import`, { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form })
    return { status: response.status, body: (await response.json()) as any }
  }
  const get = async (token: string, url: string) => {
    const response = await fetch(`${h.url}${url}`, { headers: { Authorization: `JWT ${token}` } })
    return { status: response.status, body: (await response.json()) as any }
  }
  async function poll(url: string) {
    for (let i = 0; i < 100; i++) {
      const { body } = await get(tokens.admin!, url)
      if (body.job.status !== 'queued' && body.job.status !== 'running') return body
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error('the job never finished')
  }

  it("a reused job id answers the new batch, never the old batch's results", async () => {
    const first = await upload(tokens.admin!, [NOT_A_REPORT(1), NOT_A_REPORT(2)])
    expect(first.status).toBe(202)
    const done = await poll(first.body.poll)
    expect(done.results.map((r: any) => r.file)).toEqual(['minutes-1.txt', 'minutes-2.txt'])
    const second = await upload(tokens.admin!, [NOT_A_REPORT(3), NOT_A_REPORT(4)])
    expect(second.status).toBe(202)
    const answer = await get(tokens.admin!, second.body.poll)
    if (answer.body.results) expect(answer.body.results.map((r: any) => r.file)).toEqual(['minutes-3.txt', 'minutes-4.txt'])
    const finished = await poll(second.body.poll)
    expect(finished.results.map((r: any) => r.file)).toEqual(['minutes-3.txt', 'minutes-4.txt'])
    console.log('[jobs] ids', first.body.job.id, second.body.job.id)
  })

  it('a job left processing by a crashed server is reported interrupted', async () => {
    const old = new Date(Date.now() - 60 * 60 * 1000).toISOString()
    const job = await h.payload.db.create({
      collection: 'payload-jobs',
      data: {
        taskSlug: 'xxgkImport',
        queue: 'xxgk-import',
        input: { user: String(world.users.admin.id), files: [{ name: 'a.txt', data: '' }], batch: 'crashed' },
        processing: true,
        hasError: false,
        createdAt: old,
        updatedAt: old,
      },
    })
    const { body } = await get(tokens.admin!, `/api/reports/import/${job.id}`)
    expect(body.job.status).toBe('interrupted')
    expect(body.job.error.zh).toMatch(/中断/)
    expect(body.job.error.en).toMatch(/interrupted/)
  })

  it('/api/payload-jobs/run is for administrators only', async () => {
    for (const who of ['supervisor', 'editor']) {
      const { status } = await get(tokens[who]!, '/api/payload-jobs/run')
      expect(status, who).toBeGreaterThanOrEqual(401)
      expect(status, who).toBeLessThan(404)
    }
    expect((await get(tokens.admin!, '/api/payload-jobs/run')).status).toBe(200)
  })
})
