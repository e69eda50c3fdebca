/**
 * The editor's year in a real browser (chromium against `npm start`), as the township editor —
 * not the admin: the report for this year from last year's (the list's 新建下一年度报告), typing
 * and pasting with the zero rows left blank, saving, changing a part of a computed total,
 * taking last year's value on a cross-year warning, publishing; then a supervisor opening the
 * report the editor holds: no 接管. Steps run in order and build on each other.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { cellInput, logIn, openBrowser, openGrid, openTab, saveAndSettle, typeInCell } from './browser.ts'
import type { Session } from './browser.ts'
import { Api, ARTIFACTS, CHROMIUM, startCms } from './cms.ts'
import type { Cms } from './cms.ts'

const editorUser = { email: 'editor-year@wangji.gov.cn', password: 'wangji-editor-year-pw-1' }
const supervisorUser = { email: 'supervisor-year@wangji.gov.cn', password: 'wangji-supervisor-year-pw-1' }
const SAVE_DRAFT = '保存草稿'
const PUBLISH = '发布修改'

describe.skipIf(!existsSync(CHROMIUM))('the editor’s year in the browser (next start, chromium)', () => {
  let cms: Cms
  let admin: Api
  let lastYearId: string
  let agencyId: string | number
  let newId: string
  let editor: Session
  let page: Page

  const errorMarks = (table = 'requests') => page.locator(`[data-xxgk-grid="${table}"] td[data-mark="error"]`).count()
  const stored = async () => (await admin.get(`/reports/${newId}?depth=0&draft=true`)).body
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true })

  beforeAll(async () => {
    cms = await startCms({ label: 'e2e-year' })
    admin = await Api.login(cms.url, cms.admin.email, cms.admin.password)
    // npm start seeded 王集乡人民政府 2023 (the corpus's township report); its year is given some
    // requests so that 2024 has something to carry: 3 received, 1 granted, 2 carried forward
    const agencies = await admin.get(`/agencies?where[name][equals]=${encodeURIComponent('王集乡人民政府')}&depth=0`)
    agencyId = agencies.body.docs[0].id
    const reports = await admin.get(`/reports?where[agency][equals]=${agencyId}&depth=0&draft=true`)
    expect(reports.body.docs).toHaveLength(1)
    lastYearId = String(reports.body.docs[0].id)
    const patched = await admin.patch(`/reports/${lastYearId}`, {
      requests: {
        received: { natural: 3, total: 3 },
        granted: { natural: 1, total: 1 },
        totalHandled: { natural: 1, total: 1 },
        carriedForward: { natural: 2, total: 2 },
      },
    })
    expect(patched.status, JSON.stringify(patched.body)).toBe(200)
    expect(patched.body.doc.errorCount).toBe(0)
    for (const [user, role] of [
      [editorUser, 'editor'],
      [supervisorUser, 'supervisor'],
    ] as const) {
      const created = await admin.post('/users', { ...user, role, agency: agencyId })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
    }
    editor = await openBrowser({ locale: 'zh-CN' })
    page = editor.page
  }, 600_000)

  afterAll(async () => {
    await editor?.close()
    await cms?.stop()
  })

  it('the editor may create in the admin: the list offers 创建新条目, the create view its own agency, fixed', async () => {
    await logIn(page, cms.url, editorUser.email, editorUser.password)
    await page.goto(`${cms.url}/admin/collections/reports`)
    await expect.poll(() => page.locator('a[href$="/collections/reports/create"]').count()).toBeGreaterThan(0)
    await page.goto(`${cms.url}/admin/collections/reports/create`)
    await expect.poll(() => page.locator('[data-xxgk-grid]').count(), { timeout: 30_000 }).toBeGreaterThan(0)
    expect(await page.getByText('未经授权').count()).toBe(0)
    const agency = page.locator('#field-agency')
    await expect.poll(() => agency.textContent()).toContain('王集乡人民政府')
    // fixed: Payload's relationship input is disabled when read-only
    await expect.poll(() => agency.getAttribute('class')).toContain('relationship--read-only')
  })

  it('新建下一年度报告 in the list makes this year’s draft from last year’s, carried over and greyed', async () => {
    await page.goto(`${cms.url}/admin/collections/reports`)
    const button = page.locator('.xxgk-next-year-list button')
    await expect.poll(() => button.textContent()).toContain('2024')
    await button.click()
    await page.waitForURL(/\/admin\/collections\/reports\/\d+$/, { timeout: 30_000 })
    newId = page.url().split('/').pop()!
    expect(newId).not.toBe(lastYearId)
    const doc = await stored()
    expect(doc).toMatchObject({ year: 2024, _status: 'draft' })
    expect(doc.requests.carriedOver).toMatchObject({ natural: 2, total: 2 })
    expect(doc.text?.overview ?? null).toBeNull()
    await openGrid(page, 'requests')
    // carried cells are computed: shown greyed (a placeholder) until typed over
    await expect.poll(() => cellInput(page, 'requests.carriedOver.natural').getAttribute('placeholder')).toBe('2')
    expect(await cellInput(page, 'requests.carriedOver.natural').inputValue()).toBe('')
  })

  it('typing and pasting, the zero rows left blank: no error, blank cells one note per table, live counts', async () => {
    await typeInCell(page, 'requests.received.natural', '4')
    // a row copied from Excel into 予以公开, its total left for the grid to compute
    await cellInput(page, 'requests.granted.natural').focus()
    await page.evaluate(() => {
      const data = new DataTransfer()
      data.setData('text/plain', '3\t0\t0\t0\t0\t0\t\r\n')
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    await expect.poll(() => cellInput(page, 'requests.granted.natural').inputValue()).toBe('3')
    // 4 + 2 − 3 = 3 carried forward: typed; every other cell stays blank
    await typeInCell(page, 'requests.carriedForward.natural', '3')
    await expect.poll(() => errorMarks()).toBe(0)
    await expect.poll(() => cellInput(page, 'requests.totalHandled.total').getAttribute('placeholder')).toBe('3')
    // a blank cell computing 0 (四、结转 of an empty column) shows its 0, and is no error
    await expect.poll(() => cellInput(page, 'requests.carriedForward.commercial').getAttribute('placeholder')).toBe('0')
    await expect.poll(() => page.locator('[data-xxgk-live-count="errors"]').getAttribute('data-count')).toBe('0')
    await openTab(page, '校验')
    const view = page.locator('[data-xxgk-validation]')
    await expect.poll(() => view.getAttribute('data-errors')).toBe('0')
    // the blank cells: one entry per table, counted apart from the warnings (table 4, wholly
    // blank, is skipped: a rule whose every input is blank does not run)
    const blankTables = view.locator('[data-section="blanks"] details')
    await expect.poll(() => blankTables.evaluateAll((list) => list.map((d) => d.getAttribute('data-table')))).toEqual(['proactive', 'requests'])
    expect(Number(await view.getAttribute('data-blanks'))).toBeGreaterThan(100)
    expect(Number(await view.getAttribute('data-warnings'))).toBeLessThan(5)
    await shot('year-validation.png')
  })

  it('saves the draft; the totals it computed are stored as computed', async () => {
    await page.getByRole('button', { name: SAVE_DRAFT }).click()
    await expect.poll(async () => (await stored()).requests.received.natural, { timeout: 20_000 }).toBe(4)
    const doc = await stored()
    expect(doc.errorCount).toBe(0)
    expect(doc.requests.received.total).toBe(4)
    expect(doc.computed).toEqual(expect.arrayContaining(['requests.received.total', 'requests.totalHandled.natural', 'requests.carriedOver.natural']))
    expect(doc.warningCount).toBeLessThan(5)
    expect(doc.blankCount).toBeGreaterThan(100)
  })

  it('changing a part of a computed total: the total follows, live and on save', async () => {
    await page.reload()
    await openGrid(page, 'requests')
    await typeInCell(page, 'requests.received.natural', '5')
    await typeInCell(page, 'requests.carriedForward.natural', '4')
    await expect.poll(() => cellInput(page, 'requests.received.total').getAttribute('placeholder')).toBe('5')
    await expect.poll(() => errorMarks()).toBe(0)
    await saveAndSettle(page, SAVE_DRAFT, newId)
    expect((await stored()).requests.received.total).toBe(5)
    expect((await stored()).errorCount).toBe(0)
  })

  it('a cross-year warning takes last year’s value in one click', async () => {
    await typeInCell(page, 'requests.carriedOver.commercial', '1')
    expect(await cellInput(page, 'requests.carriedOver.commercial').inputValue()).toBe('1')
    await openTab(page, '校验')
    const take = page.locator('[data-take-previous="requests.carriedOver.commercial"]')
    await expect.poll(() => take.count()).toBe(1)
    await take.click()
    await openGrid(page, 'requests')
    await expect.poll(() => cellInput(page, 'requests.carriedOver.commercial').getAttribute('placeholder')).toBe('0')
    await expect.poll(() => errorMarks()).toBe(0)
  })

  it('publishes, and publishing stamps 公布日期', async () => {
    // review is on in the host app (issue 10): the editor saves and submits, an admin approves, the editor publishes
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(`/api/reports/${newId}`), { timeout: 20_000 })
    await page.getByRole('button', { name: SAVE_DRAFT }).click()
    expect((await saved).status()).toBe(200)
    const editorApi = await Api.login(cms.url, editorUser.email, editorUser.password)
    const submitted = await editorApi.request('POST', `/reports/${newId}/submit`, {})
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
    expect((await admin.request('POST', `/reports/${newId}/approve`, {})).status).toBe(200)
    await page.reload()
    await page.getByRole('button', { name: PUBLISH }).click()
    await expect.poll(async () => (await admin.get(`/reports/${newId}?depth=0`)).body._status, { timeout: 20_000 }).toBe('published')
    const doc = (await admin.get(`/reports/${newId}?depth=0`)).body
    expect(doc.requests.carriedOver.commercial).toBe(0)
    expect(Date.now() - Date.parse(doc.publishedAt)).toBeLessThan(120_000)
    await page.reload()
    // in the zh admin the date reads 2026年12月1日
    const date = page.locator('#field-publishedAt input')
    await expect.poll(() => date.inputValue()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/)
    await shot('year-published.png')
  })

  it('a supervisor opening the report the editor is editing gets no 接管 / take over', async () => {
    // the editor edits: Payload's edit lock is the editor's
    await openGrid(page, 'requests')
    await typeInCell(page, 'requests.received.commercial', '0')
    const session = await openBrowser({ locale: 'zh-CN' })
    try {
      const p = session.page
      await logIn(p, cms.url, supervisorUser.email, supervisorUser.password)
      await p.goto(`${cms.url}/admin/collections/reports/${newId}`)
      await p.waitForLoadState('networkidle')
      await p.locator('[data-xxgk-grid], .document-locked').first().waitFor({ timeout: 30_000 })
      expect(await p.locator('#document-locked-take-over:visible, #take-over:visible').count()).toBe(0)
      expect(
        await p
          .getByRole('button', { name: '接管' })
          .filter({ visible: true } as never)
          .count(),
      ).toBe(0)
      await p.screenshot({ path: path.join(ARTIFACTS, 'year-supervisor.png'), fullPage: true })
      // and the server would refuse the take-over anyway
      const locks = await p.request.get(`${cms.url}/api/payload-locked-documents?depth=0`)
      const lock = (await locks.json()).docs?.[0]
      if (lock) {
        const taken = await p.request.patch(`${cms.url}/api/payload-locked-documents/${lock.id}`, { data: { user: { relationTo: 'users', value: 1 } } })
        expect([403, 404]).toContain(taken.status())
      }
    } finally {
      await session.close()
    }
  })
})
