/**
 * Issue 12 on each database (hostile-sqlite.test.ts, hostile-postgres.test.ts): bad input is a
 * 4xx in both languages, never a 500; sizes are bounded; agencies are unique by name and
 * parent; lock records are read only where their report is; a bounded fuzz over every write
 * endpoint answers no 5xx.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AGENCIES, api, buildWorld, http, REPORTS, reportFor, SEED } from './fixtures.ts'
import type { World } from './fixtures.ts'
import { startHarness } from './harness.ts'
import type { DatabaseKind, Harness } from './harness.ts'

type Json = Record<string, any>
const CJK = /[\u4e00-\u9fff]/

/** A 4xx whose message is in Chinese and in English. */
function expectBilingual4xx(status: number, json: Json, label: string) {
  expect(status, `${label}: ${JSON.stringify(json).slice(0, 300)}`).toBeGreaterThanOrEqual(400)
  expect(status, label).toBeLessThan(500)
  const text = JSON.stringify(json.errors ?? json)
  expect(text, label).toMatch(CJK)
  expect(text, label).toMatch(/[a-z]{3,}/)
}

export function hostileSuite(kind: DatabaseKind) {
  let h: Harness
  let world: World
  let client: ReturnType<typeof http>
  const tokens: Record<string, string> = {}
  let reportId: string | number
  let otherReportId: string | number

  const raw = async (method: string, url: string, body?: BodyInit, contentType?: string, token = tokens.admin) => {
    const response = await fetch(h.url + url, {
      method,
      headers: { ...(token && { Authorization: `JWT ${token}` }), ...(contentType && { 'Content-Type': contentType }) },
      body,
    })
    const text = await response.text()
    let json: Json
    try {
      json = JSON.parse(text)
    } catch {
      json = { text }
    }
    return { status: response.status, json }
  }

  beforeAll(async () => {
    h = await startHarness(kind, { label: `hostile_${kind}` })
    world = await buildWorld(h.payload)
    client = http(h.url)
    for (const [name, user] of Object.entries(world.users)) tokens[name] = await client.login(user.email)
    reportId = (await api(h.payload).create({ collection: REPORTS, data: reportFor(SEED, world.agencies.township.id, 2023, { _status: 'draft' }) })).id
    otherReportId = (await api(h.payload).create({ collection: REPORTS, data: reportFor(SEED, world.agencies.otherCity.id, 2023, { _status: 'draft' }) })).id
  })
  afterAll(async () => {
    await h?.close()
  })

  describe('bad bodies are 4xx in both languages (item 5)', () => {
    const J = 'application/json'
    const bodies: [string, string | undefined, string][] = [
      ['a bare JSON string', '"str"', J],
      ['null', 'null', J],
      ['an empty string', '""', J],
      ['a number', '123', J],
      ['an array', '[]', J],
      ['broken JSON', '{bad', J],
      ['text/plain', 'title=x', 'text/plain'],
      ['multipart with a mismatched boundary', '--x\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{}\r\n--x--', 'multipart/form-data; boundary=y'],
      ['multipart garbage', 'garbage', 'multipart/form-data; boundary=y'],
    ]
    for (const [label, body, type] of bodies) {
      it(`${label}: POST and PATCH of reports, agencies and users`, async () => {
        const targets = [
          ['POST', '/api/reports'],
          ['PATCH', `/api/reports/${reportId}`],
          ['PATCH', `/api/reports?where[id][equals]=${reportId}`],
          ['POST', '/api/agencies'],
          ['PATCH', `/api/agencies/${world.agencies.township.id}`],
          ['PATCH', `/api/users/${world.users.editor.id}`],
        ]
        for (const [method, url] of targets) {
          const { status, json } = await raw(method!, url!, body, type)
          expectBilingual4xx(status, json, `${method} ${url} ${label}`)
        }
      })
    }

    it('publishedAt "2019" and "2024-02-30" are refused; 2024-02-29 is stored as sent', async () => {
      for (const value of ['2019', '2024-02-30', '2023-13-01', '31/01/2024']) {
        const { status, json } = await client.call('PATCH', `/api/reports/${reportId}?draft=true`, { token: tokens.admin, body: { publishedAt: value } })
        expectBilingual4xx(status, json, value)
        expect(JSON.stringify(json)).toContain('publishedAt')
      }
      const ok = await client.call('PATCH', `/api/reports/${reportId}?draft=true`, { token: tokens.admin, body: { publishedAt: '2024-02-29T02:00:00.000Z' } })
      expect(ok.status).toBe(200)
      expect(ok.json.doc.publishedAt).toBe('2024-02-29T02:00:00.000Z')
    })

    it('a non-numeric id is a 404, on read, update and delete', async () => {
      for (const method of ['GET', 'DELETE', 'PATCH']) {
        const { status, json } = await raw(method, '/api/reports/abc', method === 'PATCH' ? '{}' : undefined, method === 'PATCH' ? J : undefined)
        expect(status, method).toBe(404)
        expect(JSON.stringify(json)).toMatch(/Not found/)
      }
    })

    it('Lexical nested 5,000 deep is a 400, not a stack overflow', async () => {
      const deep = '{"type":"paragraph","version":1,"children":['.repeat(5000) + '{"type":"text","text":"x","version":1}' + ']}'.repeat(5000)
      const body = `{"text":{"overview":{"root":{"type":"root","version":1,"children":[${deep}]}}}}`
      const { status, json } = await raw('PATCH', `/api/reports/${reportId}?draft=true`, body, J)
      expect(status).toBe(400)
      expectBilingual4xx(status, json, 'deep lexical')
      const after = await client.call('GET', `/api/reports/${reportId}`, { token: tokens.admin })
      expect(after.status).toBe(200)
    })
  })

  describe('sizes, encodings and unknown keys (item 6)', () => {
    it('a 20 MB title is a 413; nothing stored', async () => {
      const { status, json } = await client.call('PATCH', `/api/reports/${reportId}?draft=true`, { token: tokens.admin, body: { title: 'x'.repeat(20 << 20) } })
      expect(status).toBe(413)
      expectBilingual4xx(status, json, 'title')
      const after = await client.call('GET', `/api/reports/${reportId}`, { token: tokens.admin })
      expect(after.json.title.length).toBeLessThan(1000)
    })

    it('invalid UTF-8 is refused, not stored as U+FFFD', async () => {
      const body = Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')])
      const { status, json } = await raw('PATCH', `/api/reports/${reportId}?draft=true`, body, 'application/json')
      expectBilingual4xx(status, json, 'utf-8')
      expect(JSON.stringify(json)).toContain('UTF-8')
    })

    it('unknown top-level keys are a 400 naming them; nothing stored', async () => {
      const { status, json } = await client.call('PATCH', `/api/reports/${reportId}?draft=true`, {
        token: tokens.admin,
        body: { title: '改了', bogus: 1, Year: 2020 },
      })
      expect(status).toBe(400)
      const paths = (json.errors[0].data.errors as Json[]).map((e) => e.path).sort()
      expect(paths).toEqual(['Year', 'bogus'])
      const after = await client.call('GET', `/api/reports/${reportId}`, { token: tokens.admin })
      expect(after.json.title).not.toBe('改了')
    })
  })

  describe('agency identity (item 3)', () => {
    it('a second agency of the same name under the same parent is refused by the database, in both languages', async () => {
      const body = { name: '重复测试局', kind: 'department', parent: world.agencies.county.id }
      const first = await client.call('POST', '/api/agencies', { token: tokens.admin, body })
      expect(first.status).toBe(201)
      const second = await client.call('POST', '/api/agencies', { token: tokens.admin, body: { ...body, name: ' 重复测试局 ' } })
      expectBilingual4xx(second.status, second.json, 'duplicate agency')
      // the same name elsewhere in the tree is another agency
      const elsewhere = await client.call('POST', '/api/agencies', { token: tokens.admin, body: { ...body, parent: world.agencies.city.id } })
      expect(elsewhere.status).toBe(201)
      const top = await Promise.all([0, 1].map(() => client.call('POST', '/api/agencies', { token: tokens.admin, body: { name: '顶层同名机关' } })))
      expect(top.map((r) => r.status).sort()).toEqual([201, 400])
      expect((await api(h.payload).count({ collection: AGENCIES, where: { name: { equals: '顶层同名机关' } } })).totalDocs).toBe(1)
    })
  })

  describe('a draft moved to another agency: access follows the newest version on every path (item 4)', () => {
    it('the old agency loses it everywhere, the new agency has it everywhere', async () => {
      const created = await api(h.payload).create({ collection: REPORTS, data: reportFor(SEED, world.agencies.township.id, 2021, { _status: 'published' }) })
      const id = created.id
      const moved = await client.call('PATCH', `/api/reports/${id}?draft=true`, {
        token: tokens.admin,
        body: { agency: world.agencies.otherCity.id, title: '移交草稿' },
      })
      expect(moved.status).toBe(200)
      const listed = async (token: string) =>
        ((await client.call('GET', `/api/reports?draft=true&limit=100&depth=0`, { token })).json.docs as Json[]).map((d) => String(d.id))
      const versions = async (token: string) => (await client.call('GET', `/api/reports/versions?where[parent][equals]=${id}&depth=0`, { token })).json
      // the old agency's editor
      const old = tokens.editor!
      expect((await client.call('GET', `/api/reports/${id}?draft=true`, { token: old })).status).toBe(404)
      expect((await client.call('GET', `/api/reports/${id}`, { token: old })).status).toBe(404)
      expect(await listed(old)).not.toContain(String(id))
      expect((await versions(old)).docs ?? []).toHaveLength(0)
      const edit = await client.call('PATCH', `/api/reports/${id}?draft=true`, { token: old, body: { title: '拿回来' } })
      expect([403, 404]).toContain(edit.status)
      const publish = await client.call('PATCH', `/api/reports/${id}`, { token: old, body: { _status: 'published' } })
      expect([403, 404]).toContain(publish.status)
      expect((await client.call('GET', `/api/reports/${id}/export?format=json`, { token: old })).status).toBeGreaterThanOrEqual(403)
      // the new agency's editor
      const now = tokens.otherEditor!
      const read = await client.call('GET', `/api/reports/${id}?draft=true`, { token: now })
      expect(read.status).toBe(200)
      expect(read.json.title).toBe('移交草稿')
      expect(await listed(now)).toContain(String(id))
      expect((await versions(now)).docs.length).toBeGreaterThan(0)
      expect((await client.call('GET', `/api/reports/${id}/export?format=json`, { token: now })).status).toBe(200)
      const edited = await client.call('PATCH', `/api/reports/${id}?draft=true`, { token: now, body: { title: '新机关编辑' } })
      expect(edited.status).toBe(200)
      // the host app reviews reports: the new agency's editor reaches the publish gate (review, not access, refuses it)
      const published = await client.call('PATCH', `/api/reports/${id}`, { token: now, body: { _status: 'published' } })
      expect(published.status).toBe(400)
      expect(published.json.errors[0].data.errors.map((e: { rule?: string }) => e.rule)).toContain('REVIEW')
      expect(String(edited.json.doc.agency?.id ?? edited.json.doc.agency)).toBe(String(world.agencies.otherCity.id))
    })
  })

  describe('locks (items 1 and 10)', () => {
    it('a document locked by another user is still refused (423), checked inside the transaction', async () => {
      await (h.payload as any).create({
        collection: 'payload-locked-documents',
        data: { document: { relationTo: 'reports', value: reportId }, user: { relationTo: 'users', value: world.users.admin.id } },
      })
      const refused = await client.call('PATCH', `/api/reports/${reportId}?draft=true`, { token: tokens.editor, body: { title: '锁定中' } })
      expect(refused.status).toBe(423)
      expect(JSON.stringify(refused.json)).toMatch(CJK)
      const overridden = await client.call('PATCH', `/api/reports/${reportId}?draft=true&overrideLock=true`, { token: tokens.editor, body: { title: '接管' } })
      expect(overridden.status).toBe(200)
    })

    it('a supervisor reads lock records only of reports of its agencies', async () => {
      await (h.payload as any).create({
        collection: 'payload-locked-documents',
        data: { document: { relationTo: 'reports', value: otherReportId }, user: { relationTo: 'users', value: world.users.otherEditor.id } },
      })
      await (h.payload as any).create({
        collection: 'payload-locked-documents',
        data: { document: { relationTo: 'reports', value: reportId }, user: { relationTo: 'users', value: world.users.editor.id } },
      })
      const values = (json: Json) => (json.docs as Json[]).map((d) => String(d.document?.value?.id ?? d.document?.value))
      const supervisor = await client.call('GET', '/api/payload-locked-documents?depth=0', { token: tokens.supervisor })
      expect(supervisor.status).toBe(200)
      expect(values(supervisor.json)).toContain(String(reportId))
      expect(values(supervisor.json)).not.toContain(String(otherReportId))
      const admin = await client.call('GET', '/api/payload-locked-documents?depth=0', { token: tokens.admin })
      expect(values(admin.json)).toContain(String(otherReportId))
    })

    it('refusals are logged at info, not error, whatever the bundler named the classes', () => {
      expect(h.payload.config.loggingLevels.ValidationError).toBe('info')
    })
  })

  describe('fuzz: every write endpoint, no 5xx (bounded)', () => {
    it('random bodies to POST/PATCH reports, agencies, users, validate, import and bulk PATCH', async () => {
      const histogram: Record<string, number> = {}
      const endpoints = (): [string, string, string][] => [
        ['POST', '/api/reports', 'json'],
        ['PATCH', `/api/reports/${reportId}?draft=true`, 'json'],
        ['PATCH', `/api/reports/${reportId}`, 'json'],
        ['PATCH', `/api/reports?where[agency][equals]=${world.agencies.township.id}&draft=true`, 'json'],
        ['POST', '/api/agencies', 'json'],
        ['PATCH', `/api/agencies/${world.agencies.department.id}`, 'json'],
        ['PATCH', `/api/users/${world.users.otherEditor.id}`, 'json'],
        ['POST', '/api/reports/validate', 'json'],
        ['POST', '/api/reports/import', 'multipart'],
        ['POST', '/api/graphql', 'graphql'],
      ]
      const cell = fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.boolean(), fc.constant(2 ** 60), fc.constant('1e400'))
      const reportish = fc.record(
        {
          title: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
          year: fc.oneof(fc.integer({ min: -5, max: 3000 }), fc.string(), fc.constant('2023')),
          edition: fc.constantFrom('2021', '2019', '2020', 2021, null, ''),
          agency: fc.oneof(fc.constant(world.agencies.township.id), fc.string(), fc.integer(), fc.constant(null), fc.constant({ id: 'x' })),
          publishedAt: fc.oneof(fc.string(), fc.constantFrom('2019', '2024-02-30', '2024-01-31', ''), fc.integer()),
          _status: fc.constantFrom('draft', 'published', 'x', null),
          requests: fc.oneof(fc.constant(null), fc.string(), fc.record({ received: fc.oneof(fc.record({ natural: cell, total: cell }), cell) })),
          proactive: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.record({ fees: fc.record({ amount: cell }) })),
          text: fc.oneof(fc.string(), fc.constant(null), fc.record({ overview: fc.oneof(fc.string(), fc.jsonValue()) })),
          name: fc.string(),
          parent: fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
          role: fc.constantFrom('admin', 'editor', 'supervisor', 'root', null),
          [fc.string() as unknown as string]: fc.jsonValue(),
        },
        { requiredKeys: [] },
      )
      const body = fc.oneof(
        { weight: 5, arbitrary: reportish.map((v) => JSON.stringify(v)) },
        { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null') },
        { weight: 1, arbitrary: fc.string() },
      )
      const token = fc.constantFrom('admin', 'editor', 'supervisor', 'otherEditor', '')
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: endpoints().length - 1 }), body, token, async (index, text, who) => {
          const [method, url, type] = endpoints()[index]!
          let payload: BodyInit = text
          let contentType: string | undefined = 'application/json'
          if (type === 'multipart') {
            const form = new FormData()
            form.append('file', new Blob([text]), 'x.html')
            payload = form
            contentType = undefined
          } else if (type === 'graphql') {
            payload = JSON.stringify({
              query: `mutation { updateReport(id: ${JSON.stringify(String(reportId))}, data: ${JSON.stringify(text).slice(0, 200)}) { id } }`,
            })
          }
          const { status, json } = await raw(method, url, payload, contentType, who ? tokens[who] : undefined)
          histogram[status] = (histogram[status] ?? 0) + 1
          if (status >= 500) throw new Error(`${method} ${url} → ${status}: ${text.slice(0, 300)} → ${JSON.stringify(json).slice(0, 300)}`)
        }),
        { numRuns: Number(process.env.XXGK_FUZZ_RUNS ?? 150), seed: Number(process.env.XXGK_FUZZ_SEED ?? 12), endOnFailure: true },
      )
      console.log(`[fuzz ${kind}] status histogram:`, JSON.stringify(histogram))
    }, 120_000)
  })
}
