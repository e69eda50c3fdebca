/**
 * Issue 10 in a real browser against `npm start` (review on in the host app): the review loop as
 * an editor and a supervisor (submit refused with errors, fix, submit, return with a cell
 * comment, the comment on its cell, resubmit, approve, publish), the 对比上年 view, and the
 * supervisor's dashboard on drafts, reached from the admin home.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { cellBox, cellInput, logIn, openBrowser, openGrid, openTab, typeInCell } from './browser.ts'
import type { Session } from './browser.ts'
import { Api, ARTIFACTS, CHROMIUM, ROOT, startCms } from './cms.ts'
import type { Cms } from './cms.ts'

const SEED = JSON.parse(readFileSync(path.join(ROOT, 'corpus/seed/wangji-township-2023.expected.json'), 'utf8')).report as Record<string, any>
const editorUser = { email: 'editor@review-township.gov.cn', password: 'review-editor-pw-1' }
const supervisorUser = { email: 'supervisor@review-county.gov.cn', password: 'review-supervisor-pw-1' }

const body = (agency: string | number, year: number, extra: Record<string, unknown> = {}): Record<string, any> => {
  const { agency: _name, title: _title, ...rest } = structuredClone(SEED)
  return { ...rest, agency, year, ...extra }
}

describe.skipIf(!existsSync(CHROMIUM))('the review loop in the browser (next start, chromium)', () => {
  let cms: Cms
  let admin: Api
  let editor: Session
  let supervisor: Session
  let reportId: string
  let previousId: string
  let reportUrl: string

  beforeAll(async () => {
    cms = await startCms({ label: 'e2e-review' })
    admin = await Api.login(cms.url, cms.admin.email, cms.admin.password)
    const county = await admin.post('/agencies', { name: '审核测试县人民政府', kind: 'government', level: 'county' })
    const township = await admin.post('/agencies', { name: '审核测试乡人民政府', kind: 'government', level: 'township', parent: county.body.doc.id })
    expect(township.status).toBe(201)
    for (const [user, role, agency] of [
      [editorUser, 'editor', township.body.doc.id],
      [supervisorUser, 'supervisor', county.body.doc.id],
    ] as const) {
      const created = await admin.post('/users', { ...user, role, agency })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
    }
    // last year's report, published by the admin (admins publish directly)
    const previous = await admin.post('/reports', body(township.body.doc.id, 2023, { _status: 'published' }))
    expect(previous.status, JSON.stringify(previous.body)).toBe(201)
    previousId = String(previous.body.doc.id)
    // this year's draft: 3 carried over (last year carried 0 forward: X.CARRY), and a broken total
    const draft = body(township.body.doc.id, 2024, { _status: 'draft' })
    draft.requests.carriedOver = { ...draft.requests.carriedOver, natural: 3, total: 3 }
    draft.requests.carriedForward = { ...draft.requests.carriedForward, natural: 3, total: 3 }
    draft.requests.totalHandled = { ...draft.requests.totalHandled, natural: 5 }
    const created = await admin.post('/reports?draft=true', draft)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    reportId = String(created.body.doc.id)
    reportUrl = `${cms.url}/admin/collections/reports/${reportId}`
    editor = await openBrowser({ locale: 'zh-CN' })
    supervisor = await openBrowser({ locale: 'zh-CN' })
    await logIn(editor.page, cms.url, editorUser.email, editorUser.password)
    await logIn(supervisor.page, cms.url, supervisorUser.email, supervisorUser.password)
  }, 600_000)

  afterAll(async () => {
    await editor?.close()
    await supervisor?.close()
    await cms?.stop()
  })

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true })
  const panel = (page: Page) => page.locator('[data-xxgk-review]')
  const state = (page: Page) => panel(page).getAttribute('data-review-status')
  const open = async (page: Page) => {
    await page.goto(reportUrl)
    await panel(page).waitFor({ timeout: 30_000 })
  }
  const stored = async () => (await admin.get(`/reports/${reportId}?depth=0&draft=true`)).body

  it('the supervisor reaches the dashboard from the admin home; it shows the draft with its errors', async () => {
    const p = supervisor.page
    await p.goto(`${cms.url}/admin`)
    const link = p.locator('[data-xxgk-home-dashboard] a')
    await link.waitFor()
    await link.click()
    await p.waitForURL('**/admin/xxgk-dashboard**')
    await p.goto(`${cms.url}/admin/xxgk-dashboard?year=2024`)
    const row = p.locator('tr[data-agency="审核测试乡人民政府"]')
    await row.waitFor()
    expect(await row.getAttribute('data-state')).toBe('draftWithErrors')
    expect(await row.locator('[data-review-status]').getAttribute('data-review-status')).toBe('draft')
    await expect.poll(() => p.locator('[data-xxgk-queue-empty]').count()).toBe(1)
    await shot(p, 'review-dashboard-draft.png')
  })

  it('the editor cannot submit while errors remain; fixed and saved, it submits', async () => {
    const p = editor.page
    await open(p)
    expect(await state(p)).toBe('draft')
    await p.locator('[data-xxgk-review-step="submit"]').click()
    await expect.poll(() => p.locator('[data-xxgk-review-error]').textContent()).toContain('requests.totalHandled.natural')
    expect((await stored()).reviewStatus).toBe('draft')
    await openGrid(p, 'requests')
    await typeInCell(p, 'requests.totalHandled.natural', '0')
    await p.getByRole('button', { name: '保存草稿' }).click()
    await expect.poll(async () => (await stored()).errorCount, { timeout: 20_000 }).toBe(0)
    await open(p)
    await p.locator('[data-xxgk-review-step="submit"]').click()
    await expect.poll(() => state(p), { timeout: 20_000 }).toBe('submitted')
    expect((await stored()).reviewStatus).toBe('submitted')
  })

  it('the supervisor sees it in the 待审核 queue and returns it with a comment on a cell; it cannot edit figures', async () => {
    const p = supervisor.page
    await p.goto(`${cms.url}/admin/xxgk-dashboard?year=2024`)
    await expect.poll(() => p.locator('[data-xxgk-queue] li[data-agency="审核测试乡人民政府"]').count()).toBe(1)
    await open(p)
    expect(await p.locator('[data-xxgk-review-step="approve"]').count()).toBe(1)
    expect(await p.locator('[data-xxgk-review-step="submit"]').count()).toBe(0)
    await p.locator('[data-xxgk-review-comment]').fill('上年结转数与上年报告不一致，请核实')
    // the comment's cell: clicked in the grid (read-only for a supervisor), picked up by the panel
    await openGrid(p, 'requests')
    await cellInput(p, 'requests.carriedOver.natural').click()
    await expect.poll(() => p.locator('[data-xxgk-review-path]').inputValue()).toBe('requests.carriedOver.natural')
    await p.locator('[data-xxgk-review-step="return"]').click()
    await expect.poll(() => state(p), { timeout: 20_000 }).toBe('returned')
    const api = await Api.login(cms.url, supervisorUser.email, supervisorUser.password)
    expect((await api.request('PATCH', `/reports/${reportId}?draft=true`, { requests: { granted: { natural: 1 } } })).status).toBe(403)
  })

  it('the editor sees the comment on the report and on its cell; resubmits', async () => {
    const p = editor.page
    await open(p)
    expect(await state(p)).toBe('returned')
    await expect.poll(() => p.locator('[data-xxgk-review-comments] li[data-comment-path="requests.carriedOver.natural"]').textContent()).toContain('上年结转数')
    // named as the form names it, not by its path
    expect(await p.locator('[data-xxgk-review-comments] li[data-comment-path="requests.carriedOver.natural"]').textContent()).toContain('自然人')
    await openGrid(p, 'requests')
    await expect.poll(() => cellBox(p, 'requests.carriedOver.natural').getAttribute('data-review-comment')).toBe('')
    expect(await cellBox(p, 'requests.carriedOver.natural').getAttribute('title')).toContain('上年结转数与上年报告不一致')
    await shot(p, 'review-cell-comment.png')
    // the fix: the narrative explains the carried-over applications
    await p.locator('[data-xxgk-review-step="submit"]').click()
    await expect.poll(() => state(p), { timeout: 20_000 }).toBe('submitted')
    expect((await stored()).reviewComments[0].resolvedAt).toBeTruthy()
  })

  it('the comparison view shows both years side by side, the change and the cross-year finding on its cell', async () => {
    const p = editor.page
    await open(p)
    await openTab(p, '对比上年')
    const view = p.locator('[data-xxgk-compare]')
    await view.waitFor()
    expect(await view.getAttribute('data-previous')).toBe(previousId)
    const row = view.locator('[data-compare-cell="requests.carriedOver.natural"]')
    expect(await row.getAttribute('data-changed')).toBe('')
    expect(await row.getAttribute('data-finding')).toContain('X.CARRY')
    expect(await row.textContent()).toContain('+3')
    expect(await view.locator('[data-compare-cell="requests.received.natural"]').getAttribute('data-changed')).toBeNull()
    const [file] = await Promise.all([p.waitForEvent('download'), view.locator('[data-xxgk-compare-xlsx]').click()])
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
    await shot(p, 'review-compare.png')
  })

  it('the supervisor approves; the editor publishes; the public reads it', async () => {
    const s = supervisor.page
    await open(s)
    await s.locator('[data-xxgk-review-step="approve"]').click()
    await expect.poll(() => state(s), { timeout: 20_000 }).toBe('approved')
    const p = editor.page
    await open(p)
    await p.getByRole('button', { name: '发布修改' }).click()
    await expect.poll(() => p.locator('.toast-success').count(), { timeout: 20_000 }).toBeGreaterThan(0)
    const doc = await stored()
    expect(doc._status).toBe('published')
    expect(doc.reviewStatus).toBe('published')
    const page = await fetch(`${cms.url}/disclosure/${doc.agency}/2024`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('审核测试乡人民政府')
    const anonymous = await fetch(`${cms.url}/api/reports/${reportId}/export?format=html`)
    expect(anonymous.status).toBe(200)
  })
})
