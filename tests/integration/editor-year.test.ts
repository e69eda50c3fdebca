/**
 * The editor's year, over real HTTP on SQLite: what `GET /api/access` promises each role is what
 * its REST calls may do; the next year's draft from last year's (`POST /api/reports/:id/next-year`);
 * computed totals following their parts across saves; publishing stamping 公布日期; a read-only
 * user never taking the edit lock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, buildWorld, clone, http, loadExpected, REPORTS, reportFor, SEED } from './fixtures.ts'
import type { Report, World } from './fixtures.ts'
import { startHarness } from './harness.ts'
import type { Harness } from './harness.ts'

type Json = Record<string, any>

/** A real city report (淮安市 2024): 103 requests carried forward, 11 regulations and 66 normative documents in force. */
const HUAIAN = loadExpected('corpus/real/huaian-city-gov-2024.expected.json').report as Report & Json

let h: Harness
let world: World
let local: ReturnType<typeof api>
let client: ReturnType<typeof http>
const tokens: Record<string, string> = {}
const ROLES = ['admin', 'supervisor', 'editor', 'otherEditor'] as const

beforeAll(async () => {
  h = await startHarness('sqlite', { label: 'editor_year' })
  local = api(h.payload)
  world = await buildWorld(h.payload)
  client = http(h.url)
  for (const name of ROLES) tokens[name] = await client.login(world.users[name].email)
})
afterAll(async () => {
  await h?.close()
})

const township = () => world.agencies.township.id
/** A permission of `GET /api/access`: `true`, `{ permission, where }`, or absent (denied). */
const granted = (p: unknown) => p === true || (typeof p === 'object' && p !== null && (p as Json).permission === true)

describe('GET /api/access matches what each role’s REST calls may do', () => {
  let target: Json
  beforeAll(async () => {
    target = await local.create({ collection: REPORTS, data: reportFor(SEED, township(), 2015) })
  })

  it.each(ROLES.map((r) => [r]))('%s', async (role) => {
    const access = await client.call('GET', '/api/access', { token: tokens[role] })
    expect(access.status).toBe(200)
    const promised = access.json.collections.reports
    // create: a report of the user's own agency (the township's for the editors' agency checks)
    const ownAgency = role === 'otherEditor' ? world.agencies.otherCity.id : township()
    const created = await client.call('POST', '/api/reports', { token: tokens[role], body: reportFor(SEED, ownAgency, 2001) })
    expect(created.status === 201, `${role} create: ${created.status}`).toBe(granted(promised.create))
    // an editor's create permission never extends to another agency
    if (role === 'editor') {
      const foreign = await client.call('POST', '/api/reports', { token: tokens[role], body: reportFor(SEED, world.agencies.otherCity.id, 2002) })
      expect(foreign.status).toBe(403)
    }
    const read = await client.call('GET', '/api/reports?limit=1&depth=0', { token: tokens[role] })
    expect(read.status === 200, `${role} read`).toBe(granted(promised.read))
    // update and delete are scoped (a where): the township's report is in scope for admin and its editor only
    const update = await client.call('PATCH', `/api/reports/${target.id}`, { token: tokens[role], body: { title: `${role} 改` } })
    const mayWriteTownship = role === 'admin' || role === 'editor'
    expect(update.status === 200, `${role} update: ${update.status}`).toBe(mayWriteTownship)
    expect(granted(promised.update), `${role} update promised`).toBe(role !== 'supervisor')
    if (created.status === 201) {
      const removed = await client.call('DELETE', `/api/reports/${created.json.doc.id}`, { token: tokens[role] })
      expect(removed.status === 200, `${role} delete`).toBe(granted(promised.delete))
    }
    expect(granted(promised.delete)).toBe(role !== 'supervisor')
  })

  it('the editor’s new report is its own agency’s without naming it (the admin’s preset)', async () => {
    const { agency: _a, ...body } = reportFor(SEED, township(), 2003)
    const created = await client.call('POST', '/api/reports', { token: tokens.editor, body })
    expect(created.status).toBe(201)
    expect(String(created.json.doc.agency?.id ?? created.json.doc.agency)).toBe(String(township()))
  })
})

describe('POST /api/reports/:id/next-year', () => {
  let last: Json
  beforeAll(async () => {
    const body = reportFor(HUAIAN, township(), 2024, { _status: 'published', publishedAt: '2025-01-20T02:00:00.000Z' })
    body.text = { overview: '去年的总体情况。', problems: '去年的问题。', other: '未收取信息处理费。' }
    last = await local.create({ collection: REPORTS, data: body })
  })

  it('gives the editor a draft for the year after: carried over and in force from last year, no narrative', async () => {
    const response = await client.call('POST', `/api/reports/${last.id}/next-year`, { token: tokens.editor })
    expect(response.status).toBe(201)
    const doc = response.json.doc
    expect(doc).toMatchObject({ year: 2025, edition: '2021', _status: 'draft' })
    expect(String(doc.agency?.id ?? doc.agency)).toBe(String(township()))
    expect(doc.requests.carriedOver).toEqual(HUAIAN.requests.carriedForward)
    expect(doc.proactive.regulations.inForce).toBe(11)
    expect(doc.proactive.normativeDocuments.inForce).toBe(66)
    expect(doc.proactive.regulations.issued ?? null).toBeNull()
    for (const section of ['overview', 'problems', 'other']) expect(doc.text?.[section] ?? null).toBeNull()
    // the carried cells agree with last year: no X.CARRY or X.IN_FORCE warning, no error
    const rules = (doc.issues as Json[]).map((i) => i.rule)
    expect(rules).not.toContain('X.CARRY')
    expect(rules).not.toContain('X.IN_FORCE')
    // 103 carried over and nothing handled yet: the balance is the one thing left to settle
    expect((doc.issues as Json[]).filter((i) => i.severity === 'error').map((i) => `${i.rule} ${i.path}`)).toEqual([
      'T3.BALANCE requests.carriedForward.natural',
      'T3.BALANCE requests.carriedForward.total',
    ])

    // the in-force count then follows X.IN_FORCE as the editor enters 制发 / 废止
    const edited = await client.call('PATCH', `/api/reports/${doc.id}?draft=true`, {
      token: tokens.editor,
      body: { proactive: { regulations: { issued: 3, repealed: 1 } } },
    })
    expect(edited.status).toBe(200)
    expect(edited.json.doc.proactive.regulations.inForce).toBe(13)

    // a second time: that year's report exists, and the answer says which it is
    const again = await client.call('POST', `/api/reports/${last.id}/next-year`, { token: tokens.editor })
    expect(again.status).toBe(409)
    expect(String(again.json.existing)).toBe(String(doc.id))
  })

  it('is refused to a supervisor (403), to another agency’s editor (404) and without login (401)', async () => {
    const source = await local.create({ collection: REPORTS, data: reportFor(HUAIAN, township(), 2020) })
    expect((await client.call('POST', `/api/reports/${source.id}/next-year`, { token: tokens.supervisor })).status).toBe(403)
    expect((await client.call('POST', `/api/reports/${source.id}/next-year`, { token: tokens.otherEditor })).status).toBe(404)
    expect((await client.call('POST', `/api/reports/${source.id}/next-year`)).status).toBe(401)
    expect((await client.call('POST', `/api/reports/999999/next-year`, { token: tokens.editor })).status).toBe(404)
    expect(await local.count({ collection: REPORTS, where: { year: { equals: 2021 } } })).toEqual({ totalDocs: 0 })
  })
})

describe('computed totals stay computed', () => {
  it('a total the editor did not type follows its parts on every save; a typed wrong total stays an error', async () => {
    const body = reportFor(SEED, township(), 2014)
    body.requests.received = { natural: 2, commercial: 1, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: null }
    body.requests.granted = { natural: 2, commercial: 1, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: null }
    body.requests.totalHandled = { natural: null, commercial: null, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: null }
    const created = await client.call('POST', '/api/reports', { token: tokens.editor, body })
    expect(created.status).toBe(201)
    const doc = created.json.doc
    expect(doc.requests.received.total).toBe(3)
    expect(doc.requests.totalHandled).toMatchObject({ natural: 2, commercial: 1, total: 3 })
    expect(doc.computed).toEqual(expect.arrayContaining(['requests.received.total', 'requests.totalHandled.natural', 'requests.totalHandled.total']))
    expect(doc.errorCount).toBe(0)

    // a part changes (as the admin form sends it: the stored totals along): the totals follow
    const changed = clone(doc.requests)
    changed.received.natural = 5
    changed.granted.natural = 5
    const followed = await client.call('PATCH', `/api/reports/${doc.id}`, { token: tokens.editor, body: { requests: changed } })
    expect(followed.status).toBe(200)
    expect(followed.json.doc.requests.received.total).toBe(6)
    expect(followed.json.doc.requests.totalHandled).toMatchObject({ natural: 5, total: 6 })
    expect(followed.json.doc.requests.granted.total).toBe(6)
    expect(followed.json.doc.errorCount).toBe(0)

    // a total typed by the editor is its own: wrong, it stays wrong, and is an error
    const typed = await client.call('PATCH', `/api/reports/${doc.id}`, { token: tokens.editor, body: { requests: { received: { total: 9 } } } })
    expect(typed.status).toBe(200)
    expect(typed.json.doc.requests.received.total).toBe(9)
    expect(typed.json.doc.computed).not.toContain('requests.received.total')
    expect((typed.json.doc.issues as Json[]).filter((i) => i.severity === 'error').map((i) => `${i.rule} ${i.path}`)).toContain(
      'T3.ROW_TOTAL requests.received.total',
    )
    const stillTyped = await client.call('PATCH', `/api/reports/${doc.id}`, { token: tokens.editor, body: { requests: { received: { commercial: 2 } } } })
    expect(stillTyped.json.doc.requests.received.total).toBe(9)
  })

  it('a blank cell computing 0 is no error, and the blank cells are one warning per table, counted apart', async () => {
    const body = reportFor(SEED, township(), 2013)
    body.requests.carriedForward = { natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null }
    const doc = await local.create({ collection: REPORTS, data: body })
    expect(doc.errorCount).toBe(0)
    const blank = (doc.issues as Json[]).filter((i) => i.rule === 'CELL.BLANK')
    expect(blank.map((i) => i.path)).toEqual(['requests'])
    expect(blank[0]!.cells.length).toBeGreaterThanOrEqual(6)
    expect(doc.blankCount).toBe(blank[0]!.cells.length)
    expect(doc.warningCount).toBe((doc.issues as Json[]).filter((i) => i.severity === 'warning' && i.rule !== 'CELL.BLANK').length)
  })
})

describe('publishing', () => {
  it('stamps 公布日期 when none is given, and keeps a given one', async () => {
    // the host app reviews reports: an administrator publishes directly, an editor only after approval
    const before = Date.now()
    const stamped = await client.call('POST', '/api/reports', { token: tokens.admin, body: reportFor(SEED, township(), 2012, { _status: 'published' }) })
    expect(stamped.status).toBe(201)
    const at = Date.parse(stamped.json.doc.publishedAt)
    expect(at).toBeGreaterThanOrEqual(before - 1000)
    expect(at).toBeLessThanOrEqual(Date.now() + 1000)
    // published years after the deadline: DEADLINE says so
    expect((stamped.json.doc.issues as Json[]).map((i) => i.rule)).toContain('DEADLINE')
    const given = await client.call('POST', '/api/reports', {
      token: tokens.admin,
      body: reportFor(SEED, township(), 2011, { _status: 'published', publishedAt: '2012-01-20T02:00:00.000Z' }),
    })
    expect(given.json.doc.publishedAt).toBe('2012-01-20T02:00:00.000Z')
    // a draft is not stamped
    const draft = await client.call('POST', '/api/reports', { token: tokens.editor, body: reportFor(SEED, township(), 2010) })
    expect(draft.json.doc.publishedAt ?? null).toBeNull()
  })
})

describe('document locks', () => {
  it('a supervisor can neither create nor take over the edit lock; an editor can', async () => {
    const doc = await local.create({ collection: REPORTS, data: reportFor(SEED, township(), 2009) })
    const lock = { document: { relationTo: 'reports', value: doc.id }, user: { relationTo: 'users', value: world.users.supervisor.id } }
    const bySupervisor = await client.call('POST', '/api/payload-locked-documents', { token: tokens.supervisor, body: lock })
    expect(bySupervisor.status).toBe(403)
    const byEditor = await client.call('POST', '/api/payload-locked-documents', {
      token: tokens.editor,
      body: { ...lock, user: { relationTo: 'users', value: world.users.editor.id } },
    })
    expect(byEditor.status).toBe(201)
    const takeOver = await client.call('PATCH', `/api/payload-locked-documents/${byEditor.json.doc.id}`, {
      token: tokens.supervisor,
      body: { user: { relationTo: 'users', value: world.users.supervisor.id } },
    })
    expect([403, 404]).toContain(takeOver.status)
  })
})
