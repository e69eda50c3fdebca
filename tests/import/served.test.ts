/**
 * The import in the app as shipped: `npm start` (next build, migrations, seeding, next start)
 * on a fresh SQLite file. The seed is the whole sample corpus; the admin endpoint reads a PDF
 * inside the production bundle; `xxgk import --url --token` talks to it with an API key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Api, startCms } from '../e2e/cms.ts'
import type { Cms } from '../e2e/cms.ts'
import { corpusSources, jsonSummary, ROOT, runImportCli } from './helpers.ts'
import { readFileSync } from 'node:fs'
import path from 'node:path'

const API_KEY = 'xxgk-served-import-test-key-0004'

describe('import in the served app (npm start)', () => {
  let cms: Cms
  let admin: Api

  beforeAll(async () => {
    cms = await startCms({ label: 'import-served' })
    admin = await Api.login(cms.url, cms.admin.email, cms.admin.password)
  }, 900_000)
  afterAll(async () => {
    await cms?.stop()
  })

  it('seeded the whole sample corpus as drafts, without a failure', async () => {
    const { status, body } = await admin.get('/reports?limit=50&depth=1&draft=true&sort=year')
    expect(status).toBe(200)
    expect(body.totalDocs).toBe(corpusSources().length - 1) // the two Pingtan 2024 sources are one report
    expect(body.docs.map((d: any) => `${d.agency.name} ${d.year}`)).toContain('王集乡人民政府 2023')
    expect(body.docs.every((d: any) => d._status === 'draft')).toBe(true)
    expect(cms.log()).toContain('[xxgk] seeded ✓ 新建 imported corpus/seed/wangji-township-2023.pdf-text.txt')
    expect(cms.log()).not.toContain('[xxgk] seeding')
  })

  it('the admin endpoint reads a PDF inside the production build and updates the seeded report', async () => {
    const form = new FormData()
    const pdf = readFileSync(path.join(ROOT, 'corpus/real/huaian-city-gov-2024.pdf'))
    form.append('file', new Blob([new Uint8Array(pdf)]), 'huaian-city-gov-2024.pdf')
    const token = (
      (await (
        await fetch(`${cms.url}/api/users/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(cms.admin),
        })
      ).json()) as { token: string }
    ).token
    const response = await fetch(`${cms.url}/api/reports/import`, { method: 'POST', body: form, headers: { Authorization: `JWT ${token}` } })
    const body = (await response.json()) as any
    expect(response.status, JSON.stringify(body)).toBe(201)
    expect(body).toMatchObject({ status: 'updated', agency: { name: '淮安市人民政府', created: false }, doc: { year: 2024, _status: 'draft' } })
    const refused = new FormData()
    refused.append('file', new Blob([new TextEncoder().encode('hello')]), 'hello.txt')
    const answer = await fetch(`${cms.url}/api/reports/import`, { method: 'POST', body: refused, headers: { Authorization: `JWT ${token}` } })
    expect(answer.status).toBe(400)
    expect(((await answer.json()) as any).errors[0].data.errors[0]).toMatchObject({ path: 'file' })
  })

  it('xxgk import --url --token imports over REST with a user’s API key', async () => {
    const me = await admin.get('/users/me')
    const enabled = await admin.patch(`/users/${me.body.user.id}`, { enableAPIKey: true, apiKey: API_KEY })
    expect(enabled.status, JSON.stringify(enabled.body)).toBe(200)
    const run = await runImportCli([
      'corpus/real/pingtan-zone-gov-2024.html',
      'corpus/real/pingtan-zone-gov-2025.pdf-text.txt',
      '--url',
      cms.url,
      '--token',
      API_KEY,
      '--json',
    ])
    expect(run.code, run.stderr).toBe(0)
    expect(jsonSummary(run)).toMatchObject({ imported: 0, updated: 2, failed: 0 })
  }, 120_000)
})
