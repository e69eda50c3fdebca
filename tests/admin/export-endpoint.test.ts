/**
 * GET /api/reports/:id/export over HTTP (the plugin's route handlers on a real server, SQLite):
 * each format's content, read access as for the report itself, clear 4xx for bad requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseReportXlsx } from '../../seed/xlsx.ts'
import { startHarness } from '../integration/harness.ts'
import type { Harness } from '../integration/harness.ts'
import { api, buildWorld, PASSWORD, PINGTAN_2019, REPORTS, reportFor } from '../integration/fixtures.ts'
import type { World } from '../integration/fixtures.ts'

describe('report export endpoint', () => {
  let h: Harness
  let world: World
  let id: string | number
  const tokens: Record<string, string> = {}

  const get = async (route: string, user?: keyof World['users']) => {
    const response = await fetch(`${h.url}/api${route}`, { headers: user ? { Authorization: `JWT ${tokens[user]}` } : {} })
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) }
  }

  beforeAll(async () => {
    h = await startHarness('sqlite', { label: 'export-endpoint' })
    world = await buildWorld(h.payload)
    const doc = await api(h.payload).create({
      collection: REPORTS,
      data: { ...reportFor(PINGTAN_2019 as any, world.agencies.township.id, 2019), _status: 'published' },
    })
    id = doc.id
    for (const [name, user] of Object.entries(world.users)) {
      const response = await fetch(`${h.url}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: PASSWORD }),
      })
      tokens[name] = ((await response.json()) as { token: string }).token
    }
  }, 120_000)

  afterAll(async () => {
    await h?.close()
  })

  it('HTML in the official layout, with the title and the cells as stored, as an attachment named after the agency and year', async () => {
    const { status, headers, bytes } = await get(`/reports/${id}/export?format=html`, 'editor')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = bytes.toString('utf8')
    expect(html).toContain(`<title>${(PINGTAN_2019 as any).title}</title>`)
    const received = (PINGTAN_2019 as any).requests.received.total
    expect(html).toMatch(new RegExp(`data-path="requests\\.received\\.total"[^>]*>${received}<`))
    const disposition = headers.get('content-disposition')!
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.html"; filename\*=UTF-8''/)
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`${world.agencies.township.name}-2019.html`)
  })

  it('XLSX that reads back as the same report; JSON interchange; plain text; English labels on request', async () => {
    const xlsx = await get(`/reports/${id}/export?format=xlsx`, 'supervisor')
    expect(xlsx.status).toBe(200)
    const parsed = await parseReportXlsx(xlsx.bytes)
    expect(parsed.report.requests).toEqual((PINGTAN_2019 as any).requests)
    expect(parsed.report.edition).toBe('2019')
    const json = JSON.parse((await get(`/reports/${id}/export?format=json`, 'admin')).bytes.toString('utf8'))
    expect(json).toMatchObject({ edition: '2019', year: 2019, agency: world.agencies.township.name })
    expect(json.proactive).toEqual((PINGTAN_2019 as any).proactive)
    const txt = (await get(`/reports/${id}/export?format=txt`, 'editor')).bytes.toString('utf8')
    expect(txt).toContain('三、收到和处理政府信息公开申请情况')
    const en = (await get(`/reports/${id}/export?format=txt&lang=en`, 'editor')).bytes.toString('utf8')
    expect(en).toContain('III. Requests received and handled')
  })

  it('is read access: another agency’s editor gets 404, the public the published report, an unknown format or id a clear 4xx', async () => {
    const other = await get(`/reports/${id}/export?format=html`, 'otherEditor')
    expect(other.status).toBe(404)
    expect(other.bytes.toString('utf8')).not.toContain(world.agencies.township.name as string)
    // a published report is public (issue 10): anyone may export it as HTML
    expect((await get(`/reports/${id}/export?format=html`)).status).toBe(200)
    const bad = await get(`/reports/${id}/export?format=pdf`, 'editor')
    expect(bad.status).toBe(400)
    const body = JSON.parse(bad.bytes.toString('utf8'))
    expect(body.errors[0].data.errors[0]).toMatchObject({ path: 'format' })
    expect(body.errors[0].message).toContain('未知的导出格式“pdf”')
    expect((await get(`/reports/999999/export?format=html`, 'admin')).status).toBe(404)
    expect((await get(`/reports/not-an-id/export?format=html`, 'admin')).status).toBe(404)
  })

  it('exports the published version, or with draft=true the newest saved draft', async () => {
    await api(h.payload).update({
      collection: REPORTS,
      id,
      draft: true,
      data: { title: '草稿中的新标题', _status: 'draft' },
    })
    const published = (await get(`/reports/${id}/export?format=json`, 'editor')).bytes.toString('utf8')
    const draft = (await get(`/reports/${id}/export?format=json&draft=true`, 'editor')).bytes.toString('utf8')
    expect(JSON.parse(draft).title).toBe('草稿中的新标题')
    expect(JSON.parse(published).title).not.toBe('草稿中的新标题')
  })
})
