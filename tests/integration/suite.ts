/**
 * The integration suite, run once per database (sqlite.test.ts, postgres.test.ts,
 * mongodb.test.ts): the write path and its rules, access by role, the JSON endpoints, over
 * the Local API and over HTTP (REST and GraphQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, AGENCIES, buildWorld, clone, http, PINGTAN_2019, REPORTS, reportFor, SEED, SHANGHAI, USERS } from './fixtures.ts'
import type { World } from './fixtures.ts'
import { startHarness } from './harness.ts'
import type { DatabaseKind, Harness } from './harness.ts'

type Json = Record<string, any>

/** The paths of a 400's `errors[0].data.errors` (the contract for clients). */
const errorPaths = (json: Json) => (json.errors?.[0]?.data?.errors ?? []).map((e: Json) => e.path).sort()

async function rejection(promise: Promise<unknown>): Promise<Json> {
  try {
    await promise
  } catch (error) {
    return error as Json
  }
  throw new Error('expected the call to be refused')
}

export function integrationSuite(kind: DatabaseKind) {
  let h: Harness
  let world: World
  let local: ReturnType<typeof api>
  let client: ReturnType<typeof http>
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    h = await startHarness(kind, { label: `suite_${kind}` })
    local = api(h.payload)
    world = await buildWorld(h.payload)
    client = http(h.url)
    for (const [name, user] of Object.entries(world.users)) tokens[name] = await client.login(user.email)
  })
  afterAll(async () => {
    await h?.close()
  })

  const township = () => world.agencies.township.id
  const asUser = (name: keyof World['users']) => ({ overrideAccess: false, user: { ...world.users[name], collection: 'users' } })
  const countReports = async () => (await local.count({ collection: REPORTS })).totalDocs

  describe('writing reports (Local API)', () => {
    it('stores a valid report as published, with its issues and counts', async () => {
      const doc = await local.create({ collection: REPORTS, data: reportFor(SEED, township(), 2023, { _status: 'published' }) })
      expect(doc._status).toBe('published')
      expect(doc.errorCount).toBe(0)
      expect(Array.isArray(doc.issues)).toBe(true)
      expect(doc.title).toBe(SEED.title)
      expect(doc.requests).toEqual(SEED.requests)
    })

    it('refuses to publish a report with rule errors, naming every cell; the same report saves as a draft', async () => {
      const body = reportFor(SEED, township(), 2018)
      ;(body.requests as Json).totalHandled.natural = 5
      const error = await rejection(local.create({ collection: REPORTS, data: { ...body, _status: 'published' } }))
      expect(error.status).toBe(400)
      const paths = (error.data.errors as Json[]).map((e) => e.path).sort()
      // 三（七）总计 natural 5 while every outcome is 0: the column sum, the row total and the balance break
      expect(paths).toEqual(['requests.carriedForward.natural', 'requests.totalHandled.natural', 'requests.totalHandled.total'])
      const message = (error.data.errors as Json[]).find((e) => e.path === 'requests.totalHandled.natural')!
      expect(message.rule).toBe('T3.HANDLED_SUM')
      // the admin's summary names the cell as printed
      expect(message.label).toEqual({ zh: '（七）总计 / 自然人', en: '(7) Total handled / Natural persons' })
      expect(message.zh).toContain('报告值 5，计算值 0')
      expect(message.en).toContain('reported 5, computed 0')
      expect(message.message).toContain('报告值 5')
      expect(message.message).toContain('reported 5')

      const draft = await local.create({ collection: REPORTS, data: { ...body, _status: 'draft' } })
      expect(draft._status).toBe('draft')
      expect(draft.errorCount).toBe(3)
      expect(
        (draft.issues as Json[])
          .filter((i) => i.severity === 'error')
          .map((i) => i.rule)
          .sort(),
      ).toEqual(['T3.BALANCE', 'T3.HANDLED_SUM', 'T3.ROW_TOTAL'])

      const publishing = await rejection(local.update({ collection: REPORTS, id: draft.id, data: { _status: 'published' } }))
      expect(publishing.status).toBe(400)
      const fixed = await local.update({
        collection: REPORTS,
        id: draft.id,
        data: { requests: { totalHandled: { natural: 0 } }, _status: 'published' },
      })
      expect(fixed._status).toBe('published')
      expect(fixed.errorCount).toBe(0)
    })

    it('publishes a real report whose only errors come from a blank total, once the total is filled', async () => {
      // the Shanghai source leaves 四、结转下年度继续办理 / 总计 blank: T3.BALANCE and T3.ROW_TOTAL as printed
      expect(SHANGHAI.sourceErrors.map((e) => e.path)).toEqual(['requests.carriedForward.total', 'requests.carriedForward.total'])
      const doc = await local.create({ collection: REPORTS, data: reportFor(SHANGHAI.report, township(), 2017, { _status: 'published' }) })
      expect((doc.requests as Json).carriedForward.total).toBe(1)
      expect(doc.errorCount).toBe(0)
    })

    it('fills blank totals with their computed values, and keeps a given wrong total as an error', async () => {
      const body = reportFor(SEED, township(), 2016)
      const requests = body.requests as Json
      requests.received = { natural: 2, commercial: 1, research: null, nonprofit: null, legal: null, otherOrg: null, total: null }
      requests.granted = { natural: 2, commercial: 1, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: null }
      requests.totalHandled = { natural: null, commercial: null, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: null }
      ;(body.reviewLitigation as Json).review = { upheld: 1, corrected: 0, other: 0, pending: 0, total: null }
      const doc = await local.create({ collection: REPORTS, data: { ...body, _status: 'published' } })
      const stored = doc.requests as Json
      expect(stored.received.total).toBe(3)
      expect(stored.granted.total).toBe(3)
      expect(stored.totalHandled).toMatchObject({ natural: 2, commercial: 1, total: 3 })
      expect((doc.reviewLitigation as Json).review.total).toBe(1)
      expect(doc.errorCount).toBe(0)

      const wrong = reportFor(SEED, township(), 2015)
      ;(wrong.requests as Json).received = { natural: 2, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 5 }
      ;(wrong.requests as Json).granted = { natural: 2, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 2 }
      ;(wrong.requests as Json).totalHandled = { natural: 2, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 2 }
      const draft = await local.create({ collection: REPORTS, data: { ...wrong, _status: 'draft' } })
      expect((draft.requests as Json).received.total).toBe(5)
      const issue = (draft.issues as Json[]).find((i) => i.path === 'requests.received.total')
      expect(issue).toMatchObject({ rule: 'T3.ROW_TOTAL', severity: 'error', reported: 5, computed: 2 })
    })

    it('stores warnings (previous year, deadline, narrative) without blocking publication', async () => {
      const previous = reportFor(SEED, world.agencies.department.id, 2021)
      ;(previous.requests as Json).received = { natural: 1, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 1 }
      ;(previous.requests as Json).carriedForward = { natural: 1, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 1 }
      ;(previous.proactive as Json).regulations = { issued: 2, repealed: 0, inForce: 2 }
      await local.create({ collection: REPORTS, data: { ...previous, _status: 'published' } })

      const body = reportFor(SEED, world.agencies.department.id, 2022, {
        _status: 'published',
        publishedAt: '2023-02-15T00:00:00.000Z',
        text: { overview: '全年共收到政府信息公开申请5件。', problems: '无。', other: '无其他需要报告的事项。' },
      })
      const doc = await local.create({ collection: REPORTS, data: body })
      expect(doc._status).toBe('published')
      const warnings = (doc.issues as Json[]).filter((i) => i.severity === 'warning')
      const at = (rule: string) => warnings.filter((w) => w.rule === rule).map((w) => w.path)
      expect(at('X.CARRY')).toEqual(['requests.carriedOver.natural', 'requests.carriedOver.total'])
      expect(at('X.IN_FORCE')).toEqual(['proactive.regulations.inForce'])
      expect(at('DEADLINE')).toEqual(['publishedAt']) // a department: due 31 January
      expect(at('FEE.REPORTED')).toEqual(['text.other'])
      expect(at('TEXT.MATCH')).toEqual(['requests.received.total'])
      expect(doc.warningCount).toBe(warnings.length)
      // the narrative, posted as plain text, is stored as rich text
      const overview = (doc.text as Json).overview
      expect(overview.root.children[0].children[0].text).toBe('全年共收到政府信息公开申请5件。')
    })

    it('keeps one report per agency and year: a clear error in both languages, in the database too', async () => {
      const before = await countReports()
      const error = await rejection(local.create({ collection: REPORTS, data: reportFor(SEED, township(), 2023) }))
      expect(error.status).toBe(400)
      expect(error.data.errors[0].path).toBe('year')
      expect(error.data.errors[0].zh).toContain('已存在')
      expect(error.data.errors[0].en).toContain('already has a report for 2023')
      expect(await countReports()).toBe(before)
      // below the hooks, the database's unique index refuses it as well
      const raw = reportFor(SEED, township(), 2023, { _status: 'draft', edition: '2021' })
      await expect(h.payload.db.create({ collection: REPORTS, data: raw })).rejects.toThrow()
      expect(await countReports()).toBe(before)
    })

    it('refuses input it cannot store faithfully, naming the path, even for drafts; writes nothing', async () => {
      const before = await countReports()
      const cases: [Json, string][] = [
        [{ requests: { received: { natural: 'abc' } } }, 'requests.received.natural'],
        [{ requests: { received: { natural: '12件' } } }, 'requests.received.natural'],
        [{ requests: { noSuchRow: { natural: 1 } } }, 'requests.noSuchRow'],
        [{ proactive: { procurement: { projects: 3 } } }, 'proactive.procurement.projects'], // a 2019 cell in a 2021 report
        [{ agency: 987654 }, 'agency'],
        [{ agency: '没有这个机关' }, 'agency'],
        [{ edition: '2030' }, 'edition'],
        [{ year: '二〇二三' }, 'year'],
        [{ publishedAt: 'yesterday' }, 'publishedAt'],
        [{ text: { overview: 42 } }, 'text.overview'],
      ]
      for (const [patch, path] of cases) {
        const body = { ...reportFor(SEED, township(), 2014), _status: 'draft' } as Json
        for (const [key, value] of Object.entries(patch)) {
          body[key] = key === 'requests' || key === 'proactive' ? { ...body[key], ...(value as Json) } : value
        }
        const error = await rejection(local.create({ collection: REPORTS, data: body }))
        expect(error.status, path).toBe(400)
        expect(
          (error.data.errors as Json[]).map((e) => e.path),
          path,
        ).toContain(path)
      }
      expect(await countReports()).toBe(before)
    })

    it('accepts numeric strings and the agency by its exact name, as API clients send them', async () => {
      const body = { ...reportFor(SEED, SEED.agency, 2013), _status: 'published' } as Json
      body.requests.received = { ...body.requests.received, natural: '0' }
      const doc = await local.create({ collection: REPORTS, data: body })
      expect(String(doc.agency && typeof doc.agency === 'object' ? (doc.agency as Json).id : doc.agency)).toBe(String(township()))
      expect((doc.requests as Json).received.natural).toBe(0)
    })

    it('returns the interchange shape for each edition, and clears the old edition’s cells when the edition changes', async () => {
      const doc = await local.create({ collection: REPORTS, data: reportFor(PINGTAN_2019, township(), 2019, { _status: 'published' }) })
      const read = await local.findByID({ collection: REPORTS, id: doc.id, depth: 0 })
      for (const table of ['proactive', 'requests', 'reviewLitigation']) expect(read[table], table).toEqual(PINGTAN_2019[table])
      expect(read.errorCount).toBe(0)

      const changed = await local.update({
        collection: REPORTS,
        id: doc.id,
        draft: true,
        data: { edition: '2021', proactive: { regulations: { issued: 1, repealed: 0, inForce: 1 } } },
      })
      expect(changed.edition).toBe('2021')
      expect((changed.proactive as Json).procurement).toBeUndefined()
      expect((changed.requests as Json).otherHandling.natural).toBeUndefined()
      expect((changed.proactive as Json).regulations).toEqual({ issued: 1, repealed: 0, inForce: 1 })
    })
  })

  describe('access by role', () => {
    let townshipReport: Json
    let otherCityReport: Json
    beforeAll(async () => {
      townshipReport = await local.create({ collection: REPORTS, data: reportFor(SEED, township(), 2012, { _status: 'published' }) })
      otherCityReport = await local.create({
        collection: REPORTS,
        data: reportFor(SEED, world.agencies.otherCity.id, 2012, { _status: 'published' }),
      })
    })

    const agencyOf = (doc: Json) => String(typeof doc.agency === 'object' ? doc.agency.id : doc.agency)

    it('admin reads every report', async () => {
      const { docs } = await local.find({ collection: REPORTS, limit: 0, pagination: false, ...asUser('admin') })
      expect(docs.length).toBe(await countReports())
    })

    it('a supervisor reads its agency and every descendant, and writes nothing', async () => {
      const { docs } = await local.find({ collection: REPORTS, pagination: false, depth: 0, ...asUser('supervisor') })
      const seen = new Set(docs.map(agencyOf))
      const allowed = new Set([world.agencies.county, world.agencies.township, world.agencies.department].map((a) => String(a.id)))
      expect(docs.length).toBeGreaterThan(0)
      for (const agency of seen) expect(allowed.has(agency)).toBe(true)
      expect(seen.has(String(township()))).toBe(true)
      const create = await rejection(local.create({ collection: REPORTS, data: reportFor(SEED, township(), 2011), ...asUser('supervisor') }))
      expect(create.status).toBe(403)
      const update = await rejection(local.update({ collection: REPORTS, id: townshipReport.id, data: { title: 'x' }, ...asUser('supervisor') }))
      expect(update.status).toBe(403)
      const agencies = await local.find({ collection: AGENCIES, pagination: false, ...asUser('supervisor') })
      expect(agencies.docs.map((a) => String(a.id)).sort()).toEqual([...allowed].sort())
    })

    it("an editor reads and writes its own agency's reports only, and cannot create one for another agency", async () => {
      const { docs } = await local.find({ collection: REPORTS, pagination: false, depth: 0, ...asUser('editor') })
      expect(docs.length).toBeGreaterThan(0)
      expect(new Set(docs.map(agencyOf))).toEqual(new Set([String(township())]))

      const own = await local.create({ collection: REPORTS, data: reportFor(SEED, township(), 2011), ...asUser('editor') })
      expect(own._status).toBe('draft')
      const before = await countReports()
      const foreign = await rejection(local.create({ collection: REPORTS, data: reportFor(SEED, world.agencies.otherCity.id, 2011), ...asUser('editor') }))
      expect(foreign.status).toBe(403)
      const byName = await rejection(
        local.create({ collection: REPORTS, data: reportFor(SEED, world.agencies.otherCity.name as string, 2011), ...asUser('editor') }),
      )
      expect(byName.status).toBe(403)
      expect(await countReports()).toBe(before)

      const move = await rejection(local.update({ collection: REPORTS, id: own.id, data: { agency: world.agencies.otherCity.id }, ...asUser('editor') }))
      expect(move.status).toBe(403)
      const others = await rejection(local.update({ collection: REPORTS, id: otherCityReport.id, data: { title: 'x' }, ...asUser('editor') }))
      expect([403, 404]).toContain(others.status)
      const agencies = await local.find({ collection: AGENCIES, pagination: false, ...asUser('editor') })
      expect(agencies.docs.map((a) => String(a.id))).toEqual([String(township())])
    })

    it('over REST, the same: 403 for a foreign create, only own reports listed, role not self-assignable', async () => {
      const foreign = await client.call('POST', '/api/reports', {
        token: tokens.editor,
        body: reportFor(SEED, world.agencies.otherCity.id, 2010),
      })
      expect(foreign.status).toBe(403)
      const list = await client.call('GET', '/api/reports?limit=100&depth=0', { token: tokens.editor })
      expect(list.status).toBe(200)
      expect(new Set(list.json.docs.map(agencyOf))).toEqual(new Set([String(township())]))
      // the public reads published reports only (issue 10; tests/integration/review-public.ts has the rest)
      const anonymous = await client.call('GET', '/api/reports?limit=100')
      expect(anonymous.status).toBe(200)
      for (const doc of anonymous.json.docs) expect(doc._status).toBe('published')

      const me = world.users.editor
      await client.call('PATCH', `/api/users/${me.id}`, { token: tokens.editor, body: { role: 'admin', agency: world.agencies.otherCity.id } })
      const stored = await local.findByID({ collection: USERS, id: me.id, depth: 0 })
      expect(stored.role).toBe('editor')
      expect(String(stored.agency)).toBe(String(township()))
    })

    it('over GraphQL, the same', async () => {
      const query = await client.call('POST', '/api/graphql', {
        token: tokens.editor,
        body: { query: '{ Reports(limit: 100) { docs { id year agency { id name } } } }' },
      })
      expect(query.status).toBe(200)
      const docs = query.json.data.Reports.docs as Json[]
      expect(docs.length).toBeGreaterThan(0)
      expect(new Set(docs.map((d) => String(d.agency.id)))).toEqual(new Set([String(township())]))

      const before = await countReports()
      const mutation = await client.call('POST', '/api/graphql', {
        token: tokens.editor,
        body: {
          query: `mutation ($agency: ${kind === 'mongodb' ? 'String!' : 'Int!'}) { createReport(data: { agency: $agency, year: 2009, edition: _2021 }) { id } }`,
          variables: { agency: kind === 'mongodb' ? String(world.agencies.otherCity.id) : Number(world.agencies.otherCity.id) },
        },
      })
      if (kind !== 'mongodb') {
        expect(mutation.json.errors?.[0]?.message).toMatch(/not allowed|Forbidden|无权/i)
        expect(mutation.json.data?.createReport ?? null).toBeNull()
      }
      expect(await countReports()).toBe(before)
    })
  })

  describe('REST contract', () => {
    it('POST /api/reports: published with a rule error → 400 naming the cells; the same body as a draft → 201', async () => {
      const body = reportFor(SEED, township(), 2008)
      ;(body.reviewLitigation as Json).review = { upheld: 1, corrected: 0, other: 0, pending: 0, total: 3 }
      const published = await client.call('POST', '/api/reports', { token: tokens.editor, body: { ...body, _status: 'published' } })
      expect(published.status).toBe(400)
      expect(errorPaths(published.json)).toEqual(['reviewLitigation.review.total'])
      const entry = published.json.errors[0].data.errors[0]
      expect(entry.message).toContain('报告值 3，计算值 1')
      expect(entry.message).toContain('reported 3, computed 1')

      const draft = await client.call('POST', '/api/reports', { token: tokens.editor, body: { ...body, _status: 'draft' } })
      expect(draft.status).toBe(201)
      expect(draft.json.doc._status).toBe('draft')
      expect(draft.json.doc.errorCount).toBe(1)
    })

    it('GET /api/reports/:id returns the interchange shape of the tables', async () => {
      const created = await client.call('POST', '/api/reports', {
        token: tokens.admin,
        body: reportFor(PINGTAN_2019, world.agencies.county.id, 2019, { _status: 'published' }),
      })
      expect(created.status).toBe(201)
      const { status, json } = await client.call('GET', `/api/reports/${created.json.doc.id}`, { token: tokens.admin })
      expect(status).toBe(200)
      expect(json.edition).toBe('2019')
      expect(json.year).toBe(2019)
      for (const table of ['proactive', 'requests', 'reviewLitigation']) expect(json[table], table).toEqual(PINGTAN_2019[table])
    })

    it('malformed JSON and wrong types → 400 with paths, never 500', async () => {
      const malformed = await client.call('POST', '/api/reports', { token: tokens.admin, raw: '{"edition": "2021", ' })
      expect(malformed.status).toBeGreaterThanOrEqual(400)
      expect(malformed.status).toBeLessThan(500)
      const wrongType = await client.call('POST', '/api/reports', {
        token: tokens.admin,
        body: { ...reportFor(SEED, township(), 2007), requests: { received: { natural: [1] } } },
      })
      expect(wrongType.status).toBe(400)
      expect(errorPaths(wrongType.json)).toEqual(['requests.received.natural'])
      expect(wrongType.json.errors[0].data.errors[0].message).toMatch(/不是数字.*not a number/)
    })
  })

  describe('REST list cache', () => {
    it('answers a repeated list from memory per access scope, and never after a write', async () => {
      const url = '/api/reports?limit=5&depth=0&sort=-updatedAt'
      const headersOf = async (token: string) => {
        const response = await fetch(`${h.url}${url}`, { headers: { Authorization: `JWT ${token}` } })
        return { cache: response.headers.get('x-xxgk-cache'), body: (await response.json()) as Json }
      }
      const first = await headersOf(tokens.editor!)
      const second = await headersOf(tokens.editor!)
      expect([first.cache, second.cache]).toEqual(['miss', 'hit'])
      expect(second.body).toEqual(first.body)
      // another scope never gets the editor's answer
      const admin = await headersOf(tokens.admin!)
      expect(admin.cache).toBe('miss')
      expect(admin.body.totalDocs).toBeGreaterThan(first.body.totalDocs)

      const created = await local.create({ collection: REPORTS, data: reportFor(SEED, township(), 2003) })
      const after = await headersOf(tokens.editor!)
      expect(after.cache).toBe('miss')
      expect(after.body.totalDocs).toBe(first.body.totalDocs + 1)
      expect(after.body.docs[0].id).toBe(created.id)
      await local.update({ collection: AGENCIES, id: township(), data: { code: '350121' } })
      expect((await headersOf(tokens.editor!)).cache).toBe('miss')
    })
  })

  describe('POST /api/reports/validate', () => {
    it('returns the issues of a bare report and of { report, previous }; stores nothing', async () => {
      const before = await countReports()
      const ok = await client.call('POST', '/api/reports/validate', { token: tokens.editor, body: SEED })
      expect(ok.status).toBe(200)
      expect(ok.json.issues).toEqual([])

      const current = clone(SEED)
      ;(current.requests as Json).carriedOver.natural = 0
      const previous: Json = { ...clone(SEED), year: 2022 }
      ;(previous.requests as Json).carriedForward.natural = 4
      const wrapped = await client.call('POST', '/api/reports/validate', { token: tokens.editor, body: { report: current, previous } })
      expect(wrapped.status).toBe(200)
      expect(wrapped.json.issues.map((i: Json) => `${i.rule} ${i.path}`)).toContain('X.CARRY requests.carriedOver.natural')

      // as saving would: the blank total filled first, and said so
      const dryRun = await client.call('POST', '/api/reports/validate', { token: tokens.editor, body: SHANGHAI.report })
      expect(dryRun.status).toBe(200)
      expect(dryRun.json.errors).toBe(0)
      expect(dryRun.json.filled).toEqual([{ path: 'requests.carriedForward.total', value: 1 }])
      // as printed (the CLI's verdict): the corpus's source errors
      const asPrinted = await client.call('POST', '/api/reports/validate?fill=false', { token: tokens.editor, body: SHANGHAI.report })
      expect(
        asPrinted.json.issues
          .filter((i: Json) => i.severity === 'error')
          .map((i: Json) => `${i.rule} ${i.path}`)
          .sort(),
      ).toEqual(SHANGHAI.sourceErrors.map((e) => `${e.rule} ${e.path}`).sort())
      expect(await countReports()).toBe(before)
    })

    it('refuses what is not a report with 4xx and a path', async () => {
      const malformed = await client.call('POST', '/api/reports/validate', { token: tokens.editor, raw: '{"report": ' })
      expect(malformed.status).toBe(400)
      expect(malformed.json.errors[0].message).toMatch(/JSON/)
      const noEdition = await client.call('POST', '/api/reports/validate', { token: tokens.editor, body: { report: { year: 2023 } } })
      expect(noEdition.status).toBe(400)
      expect(errorPaths(noEdition.json)).toEqual(['report.edition'])
      const anonymous = await client.call('POST', '/api/reports/validate', { body: SEED })
      expect(anonymous.status).toBe(401)
    })
  })

  describe('GET /api/reports/:id/issues', () => {
    it('recomputes the issues against the stored data of today', async () => {
      const current = reportFor(SEED, world.agencies.county.id, 2006, { _status: 'published' })
      const doc = await local.create({ collection: REPORTS, data: current })
      expect((doc.issues as Json[]).some((i) => i.rule === 'X.CARRY')).toBe(false)
      // the previous year's report arrives later and disagrees with this year's 上年结转
      const previous = reportFor(SEED, world.agencies.county.id, 2005, { _status: 'published' })
      ;(previous.requests as Json).received = { natural: 2, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 2 }
      ;(previous.requests as Json).carriedForward = { natural: 2, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 2 }
      await local.create({ collection: REPORTS, data: previous })
      const { status, json } = await client.call('GET', `/api/reports/${doc.id}/issues`, { token: tokens.supervisor })
      expect(status).toBe(200)
      expect(json.issues.filter((i: Json) => i.rule === 'X.CARRY').map((i: Json) => i.path)).toEqual([
        'requests.carriedOver.natural',
        'requests.carriedOver.total',
      ])
    })

    it('404 for a report the user may not read, or that does not exist', async () => {
      const doc = await local.create({ collection: REPORTS, data: reportFor(SEED, world.agencies.otherCity.id, 2006) })
      expect((await client.call('GET', `/api/reports/${doc.id}/issues`, { token: tokens.editor })).status).toBe(404)
      expect((await client.call('GET', '/api/reports/999999/issues', { token: tokens.admin })).status).toBe(404)
      expect((await client.call('GET', '/api/reports/not-an-id/issues', { token: tokens.admin })).status).toBe(404)
    })
  })

  describe('GET /api/reports/stats', () => {
    const YEAR = 2004
    const received = (natural: number, legal: number) => ({ natural, commercial: 0, research: 0, nonprofit: 0, legal, otherOrg: 0, total: natural + legal })
    beforeAll(async () => {
      const make = async (agencyId: string | number, natural: number, legal: number, status: string) => {
        const body = reportFor(SEED, agencyId, YEAR, { _status: status })
        const requests = body.requests as Json
        requests.received = received(natural, legal)
        requests.granted = received(natural, legal)
        requests.totalHandled = received(natural, legal)
        ;(body.proactive as Json).fees = { amount: 1.25 }
        return local.create({ collection: REPORTS, data: body })
      }
      await make(township(), 3, 1, 'published')
      await make(world.agencies.department.id, 5, 0, 'published')
      await make(world.agencies.otherCity.id, 7, 2, 'published')
      await make(world.agencies.city.id, 100, 100, 'draft') // drafts are not counted
      await make(world.agencies.province.id, 11, 0, 'published')
      // a report published before a rule existed still carries its stored error
      const stale = await make(world.agencies.county.id, 0, 0, 'published')
      const issue = {
        rule: 'T3.BALANCE',
        severity: 'error',
        path: 'requests.carriedForward.total',
        cells: [],
        reported: 1,
        computed: 0,
        message: { zh: '', en: '' },
      }
      await h.payload.db.updateOne({ collection: REPORTS, id: stale.id, data: { issues: [issue], errorCount: 1 } } as never)
    })

    it('sums the published reports of a year in the database, with errors by rule', async () => {
      const { status, json } = await client.call('GET', `/api/reports/stats?year=${YEAR}`, { token: tokens.admin })
      expect(status).toBe(200)
      expect(json.count).toBe(5)
      expect(json.requests.received).toEqual({ natural: 3 + 5 + 7 + 11, commercial: 0, research: 0, nonprofit: 0, legal: 1 + 2, otherOrg: 0, total: 29 })
      expect(json.requests.granted.total).toBe(29)
      expect(json.proactive.fees.amount).toBe(6.25)
      expect(json.reviewLitigation.review.total).toBe(0)
      expect(json.errors).toEqual({ 'T3.BALANCE': 1 })
    })

    it('limits to an agency and its descendants, and to what the user may read', async () => {
      const county = world.agencies.county.id
      const subtree = await client.call('GET', `/api/reports/stats?year=${YEAR}&agency=${county}&descendants=true`, { token: tokens.admin })
      expect(subtree.status).toBe(200)
      expect(subtree.json.count).toBe(3) // the county, its township and its department
      expect(subtree.json.requests.received.total).toBe(4 + 5 + 0)
      const alone = await client.call('GET', `/api/reports/stats?year=${YEAR}&agency=${county}`, { token: tokens.admin })
      expect(alone.json.count).toBe(1)
      const supervisor = await client.call('GET', `/api/reports/stats?year=${YEAR}`, { token: tokens.supervisor })
      expect(supervisor.json.count).toBe(3)
      const editor = await client.call('GET', `/api/reports/stats?year=${YEAR}`, { token: tokens.editor })
      expect(editor.json.count).toBe(1)
      expect(editor.json.requests.received.total).toBe(4)
    })

    it('bad parameters → 4xx with the parameter named', async () => {
      const badYear = await client.call('GET', '/api/reports/stats?year=abc', { token: tokens.admin })
      expect(badYear.status).toBe(400)
      expect(errorPaths(badYear.json)).toEqual(['year'])
      const unknown = await client.call('GET', '/api/reports/stats?agency=999999', { token: tokens.admin })
      expect(unknown.status).toBe(404)
      expect(errorPaths(unknown.json)).toEqual(['agency'])
      const forbidden = await client.call('GET', `/api/reports/stats?agency=${world.agencies.otherCity.id}`, { token: tokens.supervisor })
      expect(forbidden.status).toBe(403)
      const badFlag = await client.call('GET', '/api/reports/stats?descendants=maybe', { token: tokens.admin })
      expect(badFlag.status).toBe(400)
      expect((await client.call('GET', '/api/reports/stats')).status).toBe(401)
    })
  })
}
