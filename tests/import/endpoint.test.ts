/**
 * The admin's import, `POST /api/reports/import` (multipart, field `file`), over real HTTP
 * (Payload's REST handlers on a node:http server) on SQLite: one file, refused files, access by
 * role, and several files as a Payload job whose results are polled.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorld, http } from '../integration/fixtures.ts'
import type { World } from '../integration/fixtures.ts'
import { startHarness } from '../integration/harness.ts'
import type { Harness } from '../integration/harness.ts'
import { AGENCIES, local, parseFile, REPORTS, ROOT } from './helpers.ts'

interface Upload {
  name: string
  bytes: Uint8Array
}

const corpus = (file: string): Upload => ({ name: path.basename(file), bytes: new Uint8Array(readFileSync(path.join(ROOT, file))) })
const text = (name: string, content: string): Upload => ({ name, bytes: new TextEncoder().encode(content) })

const WANGJI = 'corpus/seed/wangji-township-2023.pdf-text.txt'
const PINGTAN_2021 = 'corpus/real/pingtan-zone-gov-2021.pdf-text.txt'
const HUAIAN = 'corpus/real/huaian-city-gov-2024.pdf'
const SHANGHAI = 'corpus/real/shanghai-stcsm-dept-2024.pdf-markdown.md'
const NOT_A_REPORT = text('minutes.txt', '会议纪要\n今天讨论了食堂的菜单。\n')

describe('POST /api/reports/import (SQLite, over HTTP)', () => {
  let h: Harness
  let world: World
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    h = await startHarness('sqlite', { label: 'import_endpoint' })
    world = await buildWorld(h.payload)
    const client = http(h.url)
    for (const [name, user] of Object.entries(world.users)) tokens[name] = await client.login(user.email)
  })
  afterAll(async () => {
    await h?.close()
  })

  async function upload(token: string | null, files: Upload[], init: { body?: BodyInit } = {}) {
    const form = new FormData()
    for (const f of files) form.append('file', new Blob([f.bytes as Uint8Array<ArrayBuffer>]), f.name)
    const response = await fetch(`${h.url}/api/reports/import`, {
      method: 'POST',
      headers: token ? { Authorization: `JWT ${token}` } : {},
      body: init.body ?? form,
    })
    return { status: response.status, body: (await response.json()) as any }
  }

  const counts = async () => ({
    agencies: (await local(h.payload).count({ collection: AGENCIES })).totalDocs,
    reports: (await local(h.payload).count({ collection: REPORTS })).totalDocs,
  })

  const draftOf = async (id: unknown) =>
    (await fetch(`${h.url}/api/reports/${String(id)}?draft=true&depth=0`, { headers: { Authorization: `JWT ${tokens.admin}` } })).json() as Promise<any>

  it('one file: 201 with the draft, imported, its issues and the parser’s ambiguities; the agency created', async () => {
    const before = await counts()
    const { status, body } = await upload(tokens.admin!, [corpus(PINGTAN_2021)])
    expect(status).toBe(201)
    expect(body.status).toBe('imported')
    expect(body.doc).toMatchObject({ year: 2021, edition: '2021', _status: 'draft' })
    expect(body.agency).toMatchObject({ name: '平潭综合实验区', created: true })
    const parsed = await parseFile(PINGTAN_2021)
    expect(body.ambiguities).toEqual(JSON.parse(JSON.stringify(parsed.ambiguities)))
    expect(Array.isArray(body.issues)).toBe(true)
    const stored = await draftOf(body.doc.id)
    expect(stored._status).toBe('draft')
    expect(stored.ambiguities).toEqual(body.ambiguities)
    expect(stored.issues).toEqual(body.issues)
    expect(stored.requests.received).toEqual(parsed.report.requests?.received)
    expect(await counts()).toEqual({ agencies: before.agencies + 1, reports: before.reports + 1 })
  })

  it('the same file again updates that report and says so', async () => {
    const first = await upload(tokens.admin!, [corpus(PINGTAN_2021)])
    const again = await upload(tokens.admin!, [corpus(PINGTAN_2021)])
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.body.status).toBe('updated')
    expect(again.body.doc.id).toBe(first.body.doc.id)
    expect(again.body.agency.created).toBe(false)
  })

  it('a file that is not a report: 400 with the reason in Chinese and English, nothing written', async () => {
    const before = await counts()
    const { status, body } = await upload(tokens.admin!, [NOT_A_REPORT])
    expect(status).toBe(400)
    const entry = body.errors[0].data.errors[0]
    expect(entry.path).toBe('file')
    expect(entry.zh).toContain('不是政府信息公开工作年度报告')
    expect(entry.en).toContain('not a government information disclosure annual report')
    expect(body.errors[0].message).toContain(' / ')
    expect(body.file).toBe('minutes.txt')
    const damaged = await upload(tokens.admin!, [text('broken.pdf', '%PDF-1.7\n1 0 obj garbage')])
    expect(damaged.status).toBe(400)
    expect(damaged.body.reason.en.length).toBeGreaterThan(0)
    expect(await counts()).toEqual(before)
  })

  it('a request without a file, or not multipart: 400', async () => {
    const none = await upload(tokens.admin!, [])
    expect(none.status).toBe(400)
    expect(none.body.reason.en).toContain('no file')
    const json = await fetch(`${h.url}/api/reports/import`, {
      method: 'POST',
      headers: { Authorization: `JWT ${tokens.admin}`, 'Content-Type': 'application/json' },
      body: '{"file":"x"}',
    })
    expect(json.status).toBe(400)
    expect(((await json.json()) as any).reason.en).toContain('multipart/form-data')
  })

  it('an editor imports its own agency’s report into that agency (no agency created)', async () => {
    const before = await counts()
    const { status, body } = await upload(tokens.editor!, [corpus(WANGJI)])
    expect(status).toBe(201)
    expect(body.agency).toMatchObject({ id: world.agencies.township.id, created: false })
    expect((await counts()).agencies).toBe(before.agencies)
  })

  it('an editor may not import another agency’s report: 403, nothing written', async () => {
    const before = await counts()
    const other = await upload(tokens.editor!, [corpus(HUAIAN)])
    expect(other.status, JSON.stringify(other.body)).toBe(403)
    expect(other.body.reason.zh).toContain('淮安市人民政府')
    expect(other.body.reason.en).toContain('only its own agency')
    const wrongEditor = await upload(tokens.otherEditor!, [corpus(WANGJI)])
    expect(wrongEditor.status).toBe(403)
    expect(await counts()).toEqual(before)
  })

  it('a supervisor may not import at all, and nobody without logging in', async () => {
    const before = await counts()
    const supervisor = await upload(tokens.supervisor!, [corpus(HUAIAN)])
    expect(supervisor.status).toBe(403)
    expect(supervisor.body.reason.en).toContain('supervisor')
    const anonymous = await upload(null, [corpus(HUAIAN)])
    expect(anonymous.status).toBe(401)
    expect(await counts()).toEqual(before)
  })

  it('a published report imported again gets a new draft; the published version stays', async () => {
    const { docs } = await local(h.payload).find({ collection: REPORTS, where: { agency: { equals: world.agencies.township.id } }, limit: 1 })
    const id = docs[0]!.id
    await (h.payload as any).update({ collection: REPORTS, id, data: { _status: 'published', title: '王集乡（已发布）' } })
    const { status, body } = await upload(tokens.editor!, [corpus(WANGJI)])
    expect(status).toBe(201)
    expect(body).toMatchObject({ status: 'updated', publishedVersionKept: true, doc: { id, _status: 'draft' } })
    const published = (await (await fetch(`${h.url}/api/reports/${String(id)}?depth=0`, { headers: { Authorization: `JWT ${tokens.admin}` } })).json()) as any
    expect(published).toMatchObject({ _status: 'published', title: '王集乡（已发布）' })
    expect((await draftOf(id)).title).toBe('王集乡人民政府2023年政府信息公开工作年度报告')
  })

  async function poll(token: string, url: string): Promise<any> {
    for (let i = 0; i < 120; i++) {
      const response = await fetch(`${h.url}${url}`, { headers: { Authorization: `JWT ${token}` } })
      const body = (await response.json()) as any
      if (response.status !== 200) throw new Error(`poll ${url}: ${response.status} ${JSON.stringify(body)}`)
      if (body.job.status === 'completed' || body.job.status === 'failed') return body
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    throw new Error(`job ${url} did not finish`)
  }

  it('several files run as a Payload job: 202 with the job, then its results (a refused file among them)', async () => {
    const { status, body } = await upload(tokens.admin!, [corpus(SHANGHAI), corpus(HUAIAN), NOT_A_REPORT])
    expect(status).toBe(202)
    expect(body.job).toMatchObject({ status: 'queued', files: ['shanghai-stcsm-dept-2024.pdf-markdown.md', 'huaian-city-gov-2024.pdf', 'minutes.txt'] })
    expect(body.poll).toBe(`/api/reports/import/${String(body.job.id)}`)
    const done = await poll(tokens.admin!, body.poll)
    expect(done.job.status).toBe('completed')
    expect(done.summary).toEqual({ imported: 2, updated: 0, failed: 1 })
    const byFile = Object.fromEntries(done.results.map((r: any) => [r.file, r]))
    expect(byFile['huaian-city-gov-2024.pdf']).toMatchObject({ status: 'imported', agency: { name: '淮安市人民政府', created: true } })
    expect(byFile['minutes.txt']).toMatchObject({ status: 'failed', httpStatus: 400 })
    const stored = await draftOf(byFile['shanghai-stcsm-dept-2024.pdf-markdown.md'].doc.id)
    expect(stored._status).toBe('draft')
    // another user cannot read this job's results
    const other = await fetch(`${h.url}${body.poll}`, { headers: { Authorization: `JWT ${tokens.editor}` } })
    expect(other.status).toBe(404)
  })

  it('a job runs with the uploader’s access: an editor’s batch stores its own agency’s report only', async () => {
    const { status, body } = await upload(tokens.editor!, [corpus(WANGJI), corpus(PINGTAN_2021)])
    expect(status).toBe(202)
    const done = await poll(tokens.editor!, body.poll)
    const byFile = Object.fromEntries(done.results.map((r: any) => [r.file, r]))
    expect(byFile['wangji-township-2023.pdf-text.txt'].status).toBe('updated')
    expect(byFile['pingtan-zone-gov-2021.pdf-text.txt']).toMatchObject({ status: 'failed', httpStatus: 403 })
  })
})
