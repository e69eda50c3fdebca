/**
 * Issue 10 on a real database (review-public.sqlite.test.ts, review-public.postgres.test.ts):
 * what the public and other agencies can read (REST, GraphQL, depth, versions, exports), and the
 * review loop over HTTP (submit, return with a cell comment, fix, resubmit, approve, publish).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editionIndex } from '@xxgk/schema'
import { api, buildWorld, http, REPORTS, reportFor, SEED } from './fixtures.ts'
import type { World } from './fixtures.ts'
import { startHarness } from './harness.ts'
import { agencyIndex, disclosureIndex, reportPage } from '../../dev/cms/public.ts'
import type { DatabaseKind, Harness } from './harness.ts'

type Json = Record<string, any>
const HIDDEN = ['issues', 'ambiguities', 'reviewStatus', 'reviewHistory', 'reviewComments']

export function reviewPublicSuite(kind: DatabaseKind) {
  let h: Harness
  let world: World
  let local: ReturnType<typeof api>
  let client: ReturnType<typeof http>
  const tokens: Record<string, string> = {}
  const ids = {} as Record<'published2022' | 'published' | 'draft' | 'otherCity', string | number>

  beforeAll(async () => {
    h = await startHarness(kind, { label: `review_${kind}` })
    local = api(h.payload)
    world = await buildWorld(h.payload)
    client = http(h.url)
    for (const [name, user] of Object.entries(world.users)) tokens[name] = await client.login(user.email)
    const township = world.agencies.township.id
    // published 2022, published 2023 with a newer draft on top, a draft-only 2024 with an error
    ids.published2022 = (await local.create({ collection: REPORTS, data: reportFor(SEED, township, 2022, { _status: 'published' }) })).id
    ids.published = (await local.create({ collection: REPORTS, data: reportFor(SEED, township, 2023, { _status: 'published', title: 'PUBLISHED TITLE' }) })).id
    await local.update({ collection: REPORTS, id: ids.published, draft: true, data: { title: 'SECRET DRAFT TITLE', _status: 'draft' } })
    const broken = reportFor(SEED, township, 2024, { _status: 'draft', title: 'DRAFT ONLY' })
    broken.requests.totalHandled.natural = 5
    // two rules issued this year, in force since (X.IN_FORCE holds against 2023): figures the roll-up must sum
    broken.proactive.regulations = { issued: 2, repealed: 0, inForce: 2 }
    ids.draft = (await local.create({ collection: REPORTS, data: broken })).id
    ids.otherCity = (
      await local.create({ collection: REPORTS, data: reportFor(SEED, world.agencies.otherCity.id, 2024, { _status: 'draft', title: 'OTHER CITY DRAFT' }) })
    ).id
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  describe('the public (no user)', () => {
    it('lists published reports only, with their published content and no issues or review fields (REST, any depth, draft=true too)', async () => {
      for (const query of ['?depth=0&limit=100', '?depth=2&limit=100', '?draft=true&limit=100', '?where[_status][equals]=draft']) {
        const list = await client.call('GET', `/api/reports${query}`)
        expect(list.status, query).toBe(200)
        const titles = list.json.docs.map((d: Json) => d.title)
        expect(titles, query).not.toContain('SECRET DRAFT TITLE')
        expect(titles, query).not.toContain('DRAFT ONLY')
        expect(titles, query).not.toContain('OTHER CITY DRAFT')
        for (const doc of list.json.docs as Json[]) {
          expect(doc._status).toBe('published')
          for (const key of HIDDEN) expect(doc, `${query} ${key}`).not.toHaveProperty(key)
        }
        if (!query.includes('_status')) expect(titles, query).toContain('PUBLISHED TITLE')
      }
      const deep = await client.call('GET', `/api/reports/${ids.published}?depth=2`)
      expect(deep.status).toBe(200)
      expect(deep.json.title).toBe('PUBLISHED TITLE')
      expect(deep.json.agency.name).toBe(world.agencies.township.name)
      const asDraft = await client.call('GET', `/api/reports/${ids.published}?draft=true`)
      expect(asDraft.json.title).not.toBe('SECRET DRAFT TITLE')
    })

    it('reads no draft, version, user or issue list', async () => {
      expect([403, 404]).toContain((await client.call('GET', `/api/reports/${ids.draft}`)).status)
      expect([403, 404]).toContain((await client.call('GET', `/api/reports/${ids.draft}?draft=true`)).status)
      expect((await client.call('GET', '/api/reports/versions')).status).toBe(403)
      expect((await client.call('GET', '/api/users')).status).toBe(403)
      expect((await client.call('GET', `/api/reports/${ids.published}/issues`)).status).toBe(401)
      expect((await client.call('GET', `/api/reports/${ids.published}/review`)).status).toBe(401)
      const agencies = await client.call('GET', '/api/agencies?limit=100')
      expect(agencies.status).toBe(200)
      expect(agencies.json.totalDocs).toBe(Object.keys(world.agencies).length)
    })

    it('over GraphQL, the same', async () => {
      const gql = async (query: string) => (await client.call('POST', '/api/graphql', { body: { query } })).json
      const reports = await gql('{ Reports(limit: 100, draft: true) { docs { id title _status issues reviewStatus reviewComments agency { name } } } }')
      const docs = reports.data.Reports.docs as Json[]
      expect(docs.map((d) => d.title)).toContain('PUBLISHED TITLE')
      expect(docs.map((d) => d.title)).not.toContain('DRAFT ONLY')
      expect(docs.map((d) => d.title)).not.toContain('SECRET DRAFT TITLE')
      for (const doc of docs) {
        expect(doc._status).toBe('published')
        expect(doc.issues).toBeNull()
        expect(doc.reviewStatus).toBeNull()
        expect(doc.reviewComments).toBeNull()
      }
      const versions = await gql('{ versionsReports(limit: 100) { docs { id version { title } } } }')
      expect(versions.data?.versionsReports ?? null).toBeNull()
      expect(versions.errors?.length).toBeGreaterThan(0)
      const users = await gql('{ Users { docs { email } } }')
      expect(users.data?.Users ?? null).toBeNull()
      const one = await gql(`{ Report(id: ${JSON.stringify(ids.draft)}) { title } }`)
      expect(one.data?.Report ?? null).toBeNull()
    })

    it('exports and compares published reports only', async () => {
      const html = await fetch(`${h.url}/api/reports/${ids.published}/export?format=html&draft=true`)
      expect(html.status).toBe(200)
      const text = await html.text()
      expect(text).toContain('PUBLISHED TITLE')
      expect(text).not.toContain('SECRET DRAFT TITLE')
      expect((await client.call('GET', `/api/reports/${ids.draft}/export?format=html`)).status).toBe(404)
      const compare = await client.call('GET', `/api/reports/${ids.published}/compare`)
      expect(compare.status).toBe(200)
      expect(compare.json.previous).toEqual({ id: ids.published2022, year: 2022, edition: '2021' })
      expect(compare.json.findings).toEqual([])
      expect((await client.call('GET', `/api/reports/${ids.draft}/compare`)).status).toBe(404)
    })
  })

  describe('the public pages of the host app (dev/cms/public.ts)', () => {
    it('index, agency page and report page show published reports only, in the official layout with print CSS', async () => {
      const township = String(world.agencies.township.id)
      const index = await disclosureIndex(h.payload)
      expect(index.status).toBe(200)
      expect(index.html).toContain(`/disclosure/${township}/2023`)
      expect(index.html).toContain(`/disclosure/${township}/2022`)
      expect(index.html).not.toContain(`/disclosure/${township}/2024`)
      expect(index.html).not.toContain(world.agencies.otherCity.name as string)
      const agency = await agencyIndex(h.payload, township)
      expect(agency.html).toContain('PUBLISHED TITLE')
      expect(agency.html).not.toContain('DRAFT ONLY')
      const report = await reportPage(h.payload, township, '2023')
      expect(report.status).toBe(200)
      expect(report.html).toContain('PUBLISHED TITLE')
      expect(report.html).not.toContain('SECRET DRAFT TITLE')
      expect(report.html).toContain('@media print')
      expect(report.html).toContain('收到和处理政府信息公开申请情况')
      expect((await reportPage(h.payload, township, '2024')).status).toBe(404)
      expect((await reportPage(h.payload, String(world.agencies.otherCity.id), '2024')).status).toBe(404)
      expect((await reportPage(h.payload, '../x', '2023')).status).toBe(404)
      expect((await agencyIndex(h.payload, '999999')).status).toBe(404)
    })
  })

  describe('another agency', () => {
    it("never reads the township's drafts or versions (REST and GraphQL)", async () => {
      const token = tokens.otherEditor
      expect([403, 404]).toContain((await client.call('GET', `/api/reports/${ids.draft}?draft=true`, { token })).status)
      const versions = await client.call('GET', '/api/reports/versions?limit=100&depth=0', { token })
      expect(versions.status).toBe(200)
      for (const v of versions.json.docs as Json[]) expect(String(v.version.agency)).toBe(String(world.agencies.otherCity.id))
      const list = await client.call('GET', '/api/reports?draft=true&limit=100&depth=0', { token })
      expect(list.json.docs.map((d: Json) => d.title)).toEqual(['OTHER CITY DRAFT'])
      const gql = await client.call('POST', '/api/graphql', { token, body: { query: `{ Report(id: ${JSON.stringify(ids.draft)}, draft: true) { title } }` } })
      expect(gql.json.data?.Report ?? null).toBeNull()
      expect((await client.call('GET', `/api/reports/${ids.draft}/compare`, { token })).status).toBe(404)
      expect((await client.call('POST', `/api/reports/${ids.draft}/submit`, { token })).status).toBe(404)
    })
  })

  describe('the review loop', () => {
    const review = async (id: string | number, token = tokens.editor) => (await client.call('GET', `/api/reports/${id}/review`, { token })).json

    it('submit, return with a cell comment, fix, resubmit, approve, publish; supervisors edit no figures; edits after approval go back to draft', async () => {
      const id = ids.draft
      const { editor, supervisor, otherEditor, admin } = tokens
      // refused while a rule error remains, naming the cells
      const refused = await client.call('POST', `/api/reports/${id}/submit`, { token: editor })
      expect(refused.status).toBe(400)
      expect(refused.json.errors[0].data.errors.map((e: Json) => e.path)).toContain('requests.totalHandled.natural')
      expect((await review(id)).reviewStatus).toBe('draft')
      // the supervisor's dashboard reads the newest version: a draft with errors shows them
      const row = async () => {
        const res = await client.call('GET', '/api/reports/dashboard?year=2024', { token: supervisor })
        expect(res.status).toBe(200)
        return { data: res.json, row: res.json.rows.find((r: Json) => String(r.agency.id) === String(world.agencies.township.id)) }
      }
      const before = await row()
      expect(before.row.state).toBe('draftWithErrors')
      expect(before.row.report.errorCount).toBeGreaterThan(0)
      expect(before.data.missing.map((a: Json) => a.name)).toContain(world.agencies.department.name)
      expect(before.data.rows.map((r: Json) => r.agency.name)).not.toContain(world.agencies.otherCity.name)
      // the roll-up sums the newest versions too: the township's draft (with its wrong 5) is counted, not yet published
      const { own, descendants } = before.data.rollup
      expect(own.count).toBe(0)
      expect(descendants.count).toBe(1)
      expect(descendants.published).toBe(0)
      expect(descendants.requests.totalHandled.natural).toBe(5)
      expect(descendants.proactive.regulations).toEqual({ issued: 2, repealed: 0, inForce: 2 })
      expect((await client.call('GET', '/api/reports/dashboard?year=2024', { token: editor })).status).toBe(403)
      // fix and submit
      const fixed = await client.call('PATCH', `/api/reports/${id}?draft=true`, { token: editor, body: { requests: { totalHandled: { natural: 0 } } } })
      expect(fixed.status).toBe(200)
      expect((await client.call('POST', `/api/reports/${id}/submit`, { token: supervisor })).status).toBe(403)
      const submitted = await client.call('POST', `/api/reports/${id}/submit`, { token: editor })
      expect(submitted.status).toBe(200)
      expect(submitted.json.reviewStatus).toBe('submitted')
      // not published before approval
      const early = await client.call('PATCH', `/api/reports/${id}`, { token: editor, body: { _status: 'published' } })
      expect(early.status).toBe(400)
      expect(early.json.errors[0].data.errors[0].path).toBe('reviewStatus')
      // only a supervisor above returns or approves
      expect((await client.call('POST', `/api/reports/${id}/return`, { token: editor, body: { comment: 'x' } })).status).toBe(403)
      expect((await client.call('POST', `/api/reports/${id}/approve`, { token: otherEditor })).status).toBe(404)
      expect((await client.call('POST', `/api/reports/${id}/return`, { token: supervisor, body: {} })).status).toBe(400)
      expect((await client.call('POST', `/api/reports/${id}/return`, { token: supervisor, body: { comment: 'x', path: 'requests.nope' } })).status).toBe(400)
      const returned = await client.call('POST', `/api/reports/${id}/return`, {
        token: supervisor,
        body: { comment: '自然人予以公开数请核实', path: 'requests.granted.natural' },
      })
      expect(returned.status).toBe(200)
      expect(returned.json.reviewStatus).toBe('returned')
      const seen = await review(id)
      expect(seen.reviewComments).toHaveLength(1)
      expect(seen.reviewComments[0]).toMatchObject({ path: 'requests.granted.natural', comment: '自然人予以公开数请核实', resolvedAt: null })
      expect(seen.can.submit).toBe(true)
      expect(seen.reviewHistory.map((e: Json) => e.action)).toEqual(['submit', 'return'])
      expect(seen.reviewHistory[1].byEmail).toBe(world.users.supervisor.email)
      const afterReturn = await row()
      expect(afterReturn.row.report).toMatchObject({ reviewStatus: 'returned', openComments: 1, errorCount: 0 })
      expect(afterReturn.data.queue).toEqual([])
      // supervisors still edit no figures
      expect((await client.call('PATCH', `/api/reports/${id}?draft=true`, { token: supervisor, body: { requests: { granted: { natural: 3 } } } })).status).toBe(
        403,
      )
      // the editor fixes and resubmits: the comment is resolved
      const body = { requests: { received: { natural: 1, total: 1 }, granted: { natural: 1, total: 1 }, totalHandled: { natural: 1, total: 1 } } }
      expect((await client.call('PATCH', `/api/reports/${id}?draft=true`, { token: editor, body })).status).toBe(200)
      expect((await client.call('POST', `/api/reports/${id}/submit`, { token: editor })).status).toBe(200)
      const queued = await row()
      expect(queued.data.queue.map((r: Json) => r.agency.name)).toEqual([world.agencies.township.name])
      const followup = await fetch(`${h.url}/api/reports/followup?year=2024`, { headers: { Authorization: `JWT ${supervisor}` } })
      expect(followup.status).toBe(200)
      expect(followup.headers.get('content-type')).toContain('spreadsheetml')
      const resubmitted = await review(id)
      expect(resubmitted.reviewComments[0].resolvedAt).toBeTruthy()
      expect((await client.call('POST', `/api/reports/${id}/approve`, { token: supervisor })).json.reviewStatus).toBe('approved')
      // an edit after approval sends it back to draft
      const edited = await client.call('PATCH', `/api/reports/${id}?draft=true`, {
        token: editor,
        body: { requests: { carriedOver: { natural: 0 } }, title: 'EDITED' },
      })
      expect(edited.status).toBe(200)
      expect((await review(id)).reviewStatus).toBe('draft')
      expect((await client.call('PATCH', `/api/reports/${id}`, { token: editor, body: { _status: 'published' } })).status).toBe(400)
      // again through the loop, then the editor publishes
      expect((await client.call('POST', `/api/reports/${id}/submit`, { token: editor })).status).toBe(200)
      expect((await client.call('POST', `/api/reports/${id}/approve`, { token: supervisor })).status).toBe(200)
      expect((await client.call('POST', `/api/reports/${id}/approve`, { token: supervisor })).status).toBe(409)
      const published = await client.call('PATCH', `/api/reports/${id}`, { token: editor, body: { _status: 'published' } })
      expect(published.status, JSON.stringify(published.json)).toBe(200)
      expect(published.json.doc._status).toBe('published')
      const after = await review(id)
      expect(after.reviewStatus).toBe('published')
      expect(after.reviewHistory.map((e: Json) => e.action)).toEqual(['submit', 'return', 'submit', 'approve', 'edit', 'submit', 'approve', 'publish'])
      // now public
      const pub = await client.call('GET', `/api/reports/${id}`)
      expect(pub.status).toBe(200)
      expect(pub.json.title).toBe('EDITED')
      // admins publish directly
      const other = await client.call('PATCH', `/api/reports/${ids.otherCity}`, { token: admin, body: { _status: 'published' } })
      expect(other.status, JSON.stringify(other.json)).toBe(200)
    })

    it('the review fields cannot be written directly', async () => {
      const res = await client.call('PATCH', `/api/reports/${ids.published}?draft=true`, { token: tokens.editor, body: { reviewStatus: 'approved' } })
      expect(res.status).toBe(200)
      expect((await review(ids.published)).reviewStatus).not.toBe('approved')
    })
  })

  describe('the comparison', () => {
    it('lists every cell of the edition with both years and the change, and the cross-year findings', async () => {
      const res = await client.call('GET', `/api/reports/${ids.published}/compare`, { token: tokens.editor })
      expect(res.status).toBe(200)
      expect(res.json.previous.year).toBe(2022)
      const cell = res.json.cells.find((c: Json) => c.path === 'requests.received.total')
      expect(cell).toEqual({
        path: 'requests.received.total',
        current: SEED.requests && (SEED.requests as Json).received.total,
        previous: (SEED.requests as Json).received.total,
        change: 0,
      })
      expect(res.json.cells.map((c: Json) => c.path)).toEqual(editionIndex('2021').cells.map((c) => c.path))
      const xlsx = await fetch(`${h.url}/api/reports/${ids.published}/compare?format=xlsx`, { headers: { Authorization: `JWT ${tokens.editor}` } })
      expect(xlsx.status).toBe(200)
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
      const first = await client.call('GET', `/api/reports/${ids.published2022}/compare`, { token: tokens.editor })
      expect(first.json.previous).toBeNull()
      expect(first.json.cells.find((c: Json) => c.path === 'requests.received.total').previous).toBeNull()
      // a carried-over figure that last year's report does not carry forward: X.CARRY on its cell
      const body = { requests: { carriedOver: { natural: 7, total: 7 }, carriedForward: { natural: 7, total: 7 } } }
      expect((await client.call('PATCH', `/api/reports/${ids.draft}?draft=true`, { token: tokens.editor, body })).status).toBe(200)
      const carry = await client.call('GET', `/api/reports/${ids.draft}/compare`, { token: tokens.editor })
      expect(carry.json.previous.id).toBe(ids.published)
      expect(carry.json.findings.map((f: Json) => [f.rule, f.path])).toContainEqual(['X.CARRY', 'requests.carriedOver.natural'])
      expect(carry.json.cells.find((c: Json) => c.path === 'requests.carriedOver.natural')).toMatchObject({ current: 7, change: 7 })
    })
  })
}
