/**
 * The editor's experience in a real browser (Debian's chromium via playwright-core) against
 * `npm start` (next start) of the host app on a fresh SQLite database, as a new user meets it.
 * The steps run in order and build on each other. Screenshots go to test-results/e2e/.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { parseReportXlsx } from '../../seed/xlsx.ts'
import { cellBox, cellInput, logIn, openBrowser, openGrid, openTab, typeInCell } from './browser.ts'
import type { Session } from './browser.ts'
import { Api, ARTIFACTS, CHROMIUM, ROOT, startCms } from './cms.ts'
import type { Cms } from './cms.ts'

const VALIDATION_TAB = '校验'

/** Submits the import form and waits for the draft's edit view (or fails with the form's message). */
async function submitImport(p: Page): Promise<void> {
  await p.locator('[data-xxgk-import] button[type="submit"]').click()
  const outcome = await p.waitForFunction(
    () => (/\/admin\/collections\/reports\/\d+$/.test(location.pathname) ? 'opened' : document.querySelector('[data-xxgk-import] [role="alert"]')?.textContent),
    undefined,
    { timeout: 60_000 },
  )
  expect(await outcome.jsonValue()).toBe('opened')
  await p.waitForLoadState('domcontentloaded')
}
const PUBLISH = '发布修改'

const editorA = { email: 'editor@wangji.gov.cn', password: 'wangji-editor-pw-1' }
const editorB = { email: 'editor@liji.gov.cn', password: 'liji-editor-pw-1' }

// Without Debian's chromium (.ci/run installs it) there is no browser to test in.
describe.skipIf(!existsSync(CHROMIUM))('admin in the browser (next start, chromium)', () => {
  let cms: Cms
  let admin: Api
  let reportId: string
  let reportUrl: string
  let seedStatus: string
  let editor: Session
  let page: Page

  beforeAll(async () => {
    cms = await startCms({ label: 'e2e' })
    admin = await Api.login(cms.url, cms.admin.email, cms.admin.password)
    // npm start seeded the sample corpus; the township report 王集乡人民政府 2023 is the one edited here
    const agencies = await admin.get(`/agencies?where[name][equals]=${encodeURIComponent('王集乡人民政府')}&depth=0`)
    expect(agencies.body.docs).toHaveLength(1)
    const reports = await admin.get(`/reports?where[agency][equals]=${agencies.body.docs[0].id}&depth=0&draft=true`)
    expect(reports.body.docs).toHaveLength(1)
    const seed = reports.body.docs[0]
    seedStatus = seed._status
    reportId = String(seed.id)
    reportUrl = `${cms.url}/admin/collections/reports/${reportId}`
    const other = await admin.post('/agencies', { name: '李集镇人民政府', kind: 'government', level: 'township' })
    expect(other.status).toBe(201)
    for (const [user, agency] of [
      [editorA, seed.agency],
      [editorB, other.body.doc.id],
    ] as const) {
      const created = await admin.post('/users', { ...user, role: 'editor', agency })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
    }
    editor = await openBrowser({ locale: 'zh-CN' })
    page = editor.page
  }, 600_000)

  afterAll(async () => {
    await editor?.close()
    await cms?.stop()
  })

  /** A new administrator's browser that imported a corpus file through the list's upload; its draft is open. */
  async function importAsAdmin(file: string): Promise<{ session: Session; id: string }> {
    const session = await openBrowser({ locale: 'zh-CN' })
    try {
      const p = session.page
      await logIn(p, cms.url, cms.admin.email, cms.admin.password)
      await p.goto(`${cms.url}/admin/collections/reports`)
      await p.locator('[data-xxgk-import] input[type="file"]').setInputFiles(path.join(ROOT, file))
      await submitImport(p)
      return { session, id: p.url().split('/').pop()! }
    } catch (error) {
      await session.close()
      throw error
    }
  }

  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true })

  it('an editor logs in and opens the seed report from the list, in Chinese', async () => {
    await logIn(page, cms.url, editorA.email, editorA.password)
    await page.goto(`${cms.url}/admin/collections/reports`)
    const row = page.locator('table tbody tr').filter({ hasText: '王集乡人民政府' })
    await expect.poll(() => row.count()).toBe(1)
    // the list's error and warning columns
    await expect.poll(() => row.locator('[data-count]').count()).toBe(2)
    // the hydrated list writes its query into the URL (router.replace); a click before that is
    // overtaken by the replace and goes nowhere
    await page.waitForURL(/[?&]limit=/)
    await row.locator('a').first().click()
    await page.waitForURL(`**/admin/collections/reports/${reportId}`)
    await expect.poll(() => page.locator('.tabs-field__tab-button', { hasText: '三、收到和处理政府信息公开申请情况' }).count()).toBe(1)
  })

  it('typing a table 3 cell so a rule breaks marks the cells the rule names, with the Chinese message', async () => {
    const grid = await openGrid(page, 'requests')
    // laid out like the printed form: 法人或其他组织 over five columns, group labels as merged cells
    await expect.poll(() => grid.locator('th[colspan="5"]', { hasText: '法人或其他组织' }).count()).toBe(1)
    await expect.poll(() => grid.locator('th[rowspan="8"]', { hasText: '（三）不予公开' }).count()).toBe(1)
    await expect.poll(() => grid.locator('td[data-mark="error"]').count()).toBe(0)
    await typeInCell(page, 'requests.received.natural', '5')
    const total = cellBox(page, 'requests.received.total')
    await expect.poll(() => total.getAttribute('data-mark')).toBe('error')
    expect(await total.getAttribute('title')).toContain('报告值 0，计算值 5（一、本年新收政府信息公开申请数量：总计应等于各类申请人之和）')
    await expect.poll(() => cellBox(page, 'requests.carriedForward.natural').getAttribute('data-mark')).toBe('error')
    expect(await cellBox(page, 'requests.carriedForward.natural').getAttribute('title')).toContain('第一项加第二项之和应等于第三项加第四项之和')
    // the focused cell's messages in the bar under the grid
    await cellInput(page, 'requests.received.total').focus()
    await expect.poll(() => grid.locator('[data-cell-messages="requests.received.total"]').textContent()).toContain('报告值 0，计算值 5')
    await shot('grid-requests-error.png')
  })

  it('the Validation tab lists every issue, errors first, and leads to its cell', async () => {
    await openTab(page, VALIDATION_TAB)
    const view = page.locator('[data-xxgk-validation]')
    await view.waitFor()
    // 一、本年新收 / 总计 (T3.ROW_TOTAL) and 四、结转下年度 / 自然人 (T3.BALANCE)
    expect(await view.getAttribute('data-errors')).toBe('2')
    const rows = view.locator('tr[data-severity]')
    expect(await view.locator('tr[data-severity="error"]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-path')).sort())).toEqual([
      'requests.carriedForward.natural',
      'requests.received.total',
    ])
    expect(await rows.first().getAttribute('data-severity')).toBe('error')
    const severities = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-severity')))
    expect(severities.indexOf('warning') === -1 || severities.lastIndexOf('error') < severities.indexOf('warning')).toBe(true)
    await expect.poll(() => view.locator('tr[data-path="requests.received.total"]').textContent()).toContain('报告值 0，计算值 5')
    await shot('validation-tab.png')
    await view.locator('tr[data-path="requests.received.total"] button').click()
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.dataset?.path ?? null)).toBe('requests.received.total')
  })

  it('publishing is refused while the report has errors, and nothing is stored', async () => {
    await page.getByRole('button', { name: PUBLISH }).click()
    await expect.poll(() => page.locator('.toast-error').count(), { timeout: 20_000 }).toBeGreaterThan(0)
    const stored = await admin.get(`/reports/${reportId}?depth=0&draft=true`)
    expect(stored.body.requests.received.natural).toBe(0)
    expect(stored.body._status).toBe(seedStatus)
  })

  it('fixed in the grid (blank totals computed live), it publishes', async () => {
    await openGrid(page, 'requests')
    await typeInCell(page, 'requests.granted.natural', '5')
    for (const total of ['requests.received.total', 'requests.granted.total', 'requests.totalHandled.natural', 'requests.totalHandled.total']) {
      await typeInCell(page, total, '')
    }
    // blank totals show their computed value, greyed
    await expect.poll(() => cellInput(page, 'requests.totalHandled.total').getAttribute('placeholder')).toBe('5')
    await expect.poll(() => page.locator('[data-xxgk-grid="requests"] td[data-mark="error"]').count()).toBe(0)
    await shot('grid-requests-fixed.png')
    // review is on in the host app (issue 10): saved, submitted by the editor, approved (an admin may), then published
    await page.getByRole('button', { name: '保存草稿' }).click()
    await expect.poll(async () => (await admin.get(`/reports/${reportId}?depth=0&draft=true`)).body.errorCount, { timeout: 20_000 }).toBe(0)
    const editorApi = await Api.login(cms.url, editorA.email, editorA.password)
    expect((await editorApi.request('POST', `/reports/${reportId}/submit`, {})).status).toBe(200)
    expect((await admin.request('POST', `/reports/${reportId}/approve`, {})).status).toBe(200)
    await page.reload()
    await page.getByRole('button', { name: PUBLISH }).click()
    await expect.poll(() => page.locator('.toast-success').count(), { timeout: 20_000 }).toBeGreaterThan(0)
    const stored = await admin.get(`/reports/${reportId}?depth=0`)
    expect(stored.body._status).toBe('published')
    expect(stored.body.requests.received).toMatchObject({ natural: 5, total: 5 })
    expect(stored.body.requests.totalHandled).toMatchObject({ natural: 5, total: 5 })
    expect(stored.body.errorCount).toBe(0)
  })

  it('exports HTML and XLSX from the edit view with the published figures', async () => {
    await page.reload()
    const download = async (format: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-xxgk-export] a[data-format="${format}"]`).click()])
      const target = path.join(ARTIFACTS, `export.${format}`)
      await file.saveAs(target)
      return readFileSync(target)
    }
    const html = (await download('html')).toString('utf8')
    expect(html).toContain('王集乡人民政府2023年政府信息公开工作年度报告')
    expect(html).toMatch(/data-path="requests\.received\.total"[^>]*>5</)
    expect(html).toMatch(/data-path="requests\.granted\.natural"[^>]*>5</)
    const xlsx = await parseReportXlsx(await download('xlsx'))
    expect(xlsx.report.agency).toBe('王集乡人民政府')
    expect((xlsx.report.requests as any).received).toMatchObject({ natural: 5, total: 5 })
    expect((xlsx.report.requests as any).totalHandled.total).toBe(5)
  })

  it('an editor of another agency cannot see the report (and works in English)', { timeout: 90_000 }, async () => {
    const other = await openBrowser({ locale: 'en-US' })
    try {
      await logIn(other.page, cms.url, editorB.email, editorB.password)
      // Chinese is the admin's default even for an English browser ...
      await other.page.goto(`${cms.url}/admin/collections/reports`)
      await expect.poll(() => other.page.locator('h1', { hasText: '年度报告' }).count()).toBeGreaterThan(0)
      // ... and English is the user's choice (Account → Language sets this cookie)
      await other.context.addCookies([{ name: 'payload-lng', value: 'en', url: cms.url }])
      await other.page.goto(`${cms.url}/admin/collections/reports`)
      await expect.poll(() => other.page.getByText('Annual reports').count()).toBeGreaterThan(0)
      expect(await other.page.locator('table tbody tr', { hasText: '王集乡' }).count()).toBe(0)
      await other.page.goto(reportUrl)
      await other.page.waitForLoadState('networkidle')
      expect(await other.page.locator('[data-xxgk-grid]').count()).toBe(0)
      expect(await other.page.locator('input[data-path]').count()).toBe(0)
      const api = await other.page.request.get(`${cms.url}/api/reports/${reportId}`)
      expect([403, 404]).toContain(api.status())
    } finally {
      await other.close()
    }
  })

  it('keyboard and paste in the grid: arrows, Enter and Tab move; a block from Excel fills from the focused cell; Escape restores', async () => {
    await page.goto(reportUrl)
    const grid = await openGrid(page, 'requests')
    const focusedPath = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.dataset?.path ?? null)
    await cellInput(page, 'requests.received.natural').click()
    await page.keyboard.press('ArrowRight')
    expect(await focusedPath()).toBe('requests.received.commercial')
    await page.keyboard.press('ArrowDown')
    expect(await focusedPath()).toBe('requests.carriedOver.commercial')
    await page.keyboard.press('Enter')
    expect(await focusedPath()).toBe('requests.granted.commercial')
    await page.keyboard.press('Shift+Tab')
    expect(await focusedPath()).toBe('requests.granted.natural')
    // typing replaces the value, Escape restores it
    await page.keyboard.type('42')
    expect(await cellInput(page, 'requests.granted.natural').inputValue()).toBe('42')
    await page.keyboard.press('Escape')
    await expect.poll(() => cellInput(page, 'requests.granted.natural').inputValue()).toBe('5')
    // two rows copied from Excel land on 不予公开 1. and 2.
    await cellInput(page, 'requests.withheld.stateSecret.natural').focus()
    await page.evaluate(() => {
      const data = new DataTransfer()
      data.setData('text/plain', '1\t0\t0\t0\t0\t0\t1\r\n2\t1\t0\t0\t0\t0\t3\r\n')
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    await expect.poll(() => cellInput(page, 'requests.withheld.lawProhibited.commercial').inputValue()).toBe('1')
    expect(await cellInput(page, 'requests.withheld.lawProhibited.total').inputValue()).toBe('3')
    expect(await grid.locator('.xxgk-grid__status').textContent()).toContain('已粘贴 14 个单元格')
    // 三（七）总计 was computed when the report was published: it follows the outcomes (5 + 1 + 2),
    // and the balance, short of them now, is marked at once
    await expect.poll(() => cellInput(page, 'requests.totalHandled.natural').getAttribute('placeholder')).toBe('8')
    expect(await cellBox(page, 'requests.totalHandled.natural').getAttribute('data-mark')).not.toBe('error')
    await expect.poll(() => cellBox(page, 'requests.carriedForward.natural').getAttribute('data-mark')).toBe('error')
  })

  it(
    'in English at 1440 and 1024 px: table 3 headers do not overlap, the tab bar shows Validation, the list shows every column',
    { timeout: 90_000 },
    async () => {
      const session = await openBrowser({ locale: 'en-US' })
      try {
        const p = session.page
        await logIn(p, cms.url, editorA.email, editorA.password)
        await session.context.addCookies([{ name: 'payload-lng', value: 'en', url: cms.url }])
        for (const width of [1440, 1024]) {
          await p.setViewportSize({ width, height: 900 })
          await p.goto(reportUrl)
          await openGrid(p, 'requests', 'en')
          // every header cell holds its text (no overflow) and touches no other header cell
          const headers = await p
            .locator('[data-xxgk-grid="requests"] thead th, [data-xxgk-grid="requests"] th[data-role="columnHeader"]')
            .evaluateAll((cells) =>
              cells.map((cell) => {
                const r = cell.getBoundingClientRect()
                return {
                  text: cell.textContent ?? '',
                  overflow: cell.scrollWidth - cell.clientWidth,
                  left: r.left,
                  right: r.right,
                  top: r.top,
                  bottom: r.bottom,
                }
              }),
            )
          expect(headers.length, `${width}px`).toBeGreaterThan(5)
          for (const h of headers) expect(h.overflow, `${width}px: “${h.text}” overflows its cell`).toBeLessThanOrEqual(1)
          for (const a of headers) {
            for (const b of headers) {
              if (a === b) continue
              const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1
              expect(overlap, `${width}px: “${a.text}” overlaps “${b.text}”`).toBe(false)
            }
          }
          // the Validation tab is on screen and not covered
          const tab = p.locator('.tabs-field__tab-button', { hasText: 'Validation' }).first()
          const box = (await tab.boundingBox())!
          expect(box.x, `${width}px`).toBeGreaterThanOrEqual(0)
          expect(box.x + box.width, `${width}px: the Validation tab is cut off`).toBeLessThanOrEqual(width)
          expect(
            await tab.evaluate((el) => {
              const r = el.getBoundingClientRect()
              const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
              return hit !== null && el.contains(hit)
            }),
          ).toBe(true)
          await p.screenshot({ path: path.join(ARTIFACTS, `english-${width}-table3.png`) })
          // the list: every default column on screen without scrolling
          await p.goto(`${cms.url}/admin/collections/reports`)
          await p.locator('table thead th').first().waitFor()
          const columns = await p
            .locator('table thead th')
            .evaluateAll((cells) => cells.map((c) => ({ text: (c.textContent ?? '').trim(), right: c.getBoundingClientRect().right })))
          for (const name of ['Title', 'Agency', 'Report year', 'Status', 'Errors', 'Warnings']) {
            const column = columns.find((c) => c.text.startsWith(name))
            expect(column, `${width}px: no ${name} column in ${JSON.stringify(columns.map((c) => c.text))}`).toBeDefined()
            expect(column!.right, `${width}px: the ${name} column is cut off`).toBeLessThanOrEqual(width)
          }
          await expect.poll(() => p.locator('table tbody td.cell-agency').first().textContent()).toContain('王集乡人民政府')
          // the count pill in English grammar (1 warning, 2 warnings)
          const warnings = (await admin.get(`/reports/${reportId}?depth=0&draft=true`)).body.warningCount as number
          if (warnings > 0)
            expect((await p.locator('table tbody td.cell-warningCount').first().textContent())?.trim()).toBe(`${warnings} warning${warnings === 1 ? '' : 's'}`)
          await p.screenshot({ path: path.join(ARTIFACTS, `english-${width}-list.png`) })
        }
      } finally {
        await session.close()
      }
    },
  )

  it('a supervisor sees the dashboard: its agencies’ report states for the year and the chart by outcome', async () => {
    const supervisor = { email: 'supervisor@wangji.gov.cn', password: 'wangji-supervisor-pw-1' }
    const agency = (await admin.get(`/reports/${reportId}?depth=0`)).body.agency
    expect((await admin.post('/users', { ...supervisor, role: 'supervisor', agency })).status).toBe(201)
    const session = await openBrowser({ locale: 'zh-CN' })
    try {
      await logIn(session.page, cms.url, supervisor.email, supervisor.password)
      await session.page.goto(`${cms.url}/admin/xxgk-dashboard?year=2023`)
      const row = session.page.locator('[data-xxgk-dashboard-table] tr[data-agency="王集乡人民政府"]')
      await expect.poll(() => row.getAttribute('data-state')).toMatch(/^published/)
      // the published 2023 report: 5 requests, all granted, in the chart's bar for 2023
      await expect.poll(() => session.page.locator('[data-xxgk-chart] .recharts-bar-rectangle').count(), { timeout: 20_000 }).toBeGreaterThan(0)
      expect(await session.page.locator('[data-xxgk-chart]').textContent()).toContain('（一）予以公开')
      await session.page.screenshot({ path: path.join(ARTIFACTS, 'dashboard.png'), fullPage: true })
      // a supervisor reads the report; its grid cells are read-only (the editor may still hold
      // Payload's edit lock: then the supervisor takes the read-only view it offers)
      await session.page.goto(reportUrl)
      await session.page.locator('.tabs-field__tab-button').first().waitFor()
      const locked = session.page.locator('#document-locked')
      const lockShown = await locked.waitFor({ state: 'visible', timeout: 5000 }).then(
        () => true,
        () => false,
      )
      if (lockShown) await locked.getByRole('button', { name: '只读查看' }).click()
      await openGrid(session.page, 'requests')
      expect(await cellInput(session.page, 'requests.received.natural').getAttribute('readonly')).not.toBeNull()
      // an editor is not shown the dashboard
      await page.goto(`${cms.url}/admin/xxgk-dashboard`)
      await expect.poll(() => page.locator('[data-xxgk-dashboard-denied]').count()).toBe(1)
    } finally {
      await session.close()
    }
  })

  it('an administrator imports a corpus PDF through the admin and its draft opens with the report’s figures', { timeout: 90_000 }, async () => {
    const { session, id } = await importAsAdmin('corpus/real/huaian-city-gov-2024.pdf')
    try {
      const p = session.page
      const stored = await admin.get(`/reports/${id}?depth=1&draft=true`)
      expect(stored.body).toMatchObject({ _status: 'draft', year: 2024, agency: { name: '淮安市人民政府' } })
      await openGrid(p, 'requests')
      await expect.poll(() => cellInput(p, 'requests.received.total').inputValue()).toBe('3119')
      expect(await cellInput(p, 'requests.received.natural').inputValue()).toBe('3001')
      expect(await p.locator('[data-xxgk-grid="requests"] td[data-mark="error"]').count()).toBe(0)
      await p.screenshot({ path: path.join(ARTIFACTS, 'import-draft.png'), fullPage: true })
    } finally {
      await session.close()
    }
  })

  it('an imported draft shows its ambiguous cells; a person picks a reading and saves it', { timeout: 90_000 }, async () => {
    // run-together digits in table 2 split several ways: the importer lists the readings
    const { session, id } = await importAsAdmin('corpus/real/pingtan-zone-gov-2021.pdf-text.txt')
    try {
      const p = session.page
      const before = (await admin.get(`/reports/${id}?depth=0&draft=true`)).body
      const ambiguity = before.ambiguities.find((a: any) => a.path === 'proactive.normativeDocuments')
      expect(ambiguity.candidates.length).toBeGreaterThan(1)
      const grid = await openGrid(p, 'proactive')
      await expect.poll(() => grid.locator('td[data-ambiguous]').count()).toBe(3)
      await cellInput(p, 'proactive.normativeDocuments.inForce').click()
      const box = grid.locator('[data-ambiguity="proactive.normativeDocuments"]')
      await expect.poll(() => box.locator('li').count()).toBe(ambiguity.candidates.length)
      // the source line the readings come from, beside them (and on hover)
      expect(await box.locator('[data-cell-source="proactive.normativeDocuments.inForce"]').textContent()).toMatch(/^来源：.*"/)
      expect(await box.locator('[data-cell-source]').textContent()).toContain(before.sources['proactive.normativeDocuments.inForce'].text)
      expect(await cellBox(p, 'proactive.normativeDocuments.inForce').getAttribute('title')).toContain('来源：')
      await p.screenshot({ path: path.join(ARTIFACTS, 'import-ambiguity.png'), fullPage: false })
      // take another reading than the importer's
      const other = ambiguity.candidates.findIndex((c: unknown) => JSON.stringify(c) !== JSON.stringify(ambiguity.chosen))
      await box.locator('li').nth(other).locator('button').click()
      await expect.poll(() => grid.locator('td[data-ambiguous]').count()).toBe(0)
      expect(await cellInput(p, 'proactive.normativeDocuments.inForce').inputValue()).toBe(String(ambiguity.candidates[other].inForce))
      await p.getByRole('button', { name: '保存草稿' }).click()
      await expect.poll(() => p.locator('.toast-success').count(), { timeout: 20_000 }).toBeGreaterThan(0)
      const after = (await admin.get(`/reports/${id}?depth=0&draft=true`)).body
      expect(after.proactive.normativeDocuments).toEqual(ambiguity.candidates[other])
      expect(after.ambiguities.find((a: any) => a.path === 'proactive.normativeDocuments')).toMatchObject({
        confirmed: true,
        chosen: ambiguity.candidates[other],
      })
    } finally {
      await session.close()
    }
  })
})
