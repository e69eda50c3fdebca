/** Browser helpers for the admin tests: a fresh chromium profile per user, log in, grid and tab access. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import type { BrowserContext, Page } from 'playwright-core'
import { getEdition, getTable } from '../../src/index.ts'
import type { TableKey } from '../../src/index.ts'
import { CHROMIUM, chromiumArgs } from './cms.ts'

export interface Session {
  context: BrowserContext
  page: Page
  close: () => Promise<void>
}

/** Debian's chromium with a fresh profile (its own --user-data-dir), in the given UI language. */
export async function openBrowser(options: { locale?: string } = {}): Promise<Session> {
  const profile = mkdtempSync(path.join(tmpdir(), 'xxgk-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(),
    locale: options.locale ?? 'zh-CN',
    viewport: { width: 1440, height: 1000 },
    acceptDownloads: true,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(20_000)
  return {
    context,
    page,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Logs in through the admin's login form, as a person would. */
export async function logIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/admin/login`)
  // a first visit may switch the admin to its default language (a refresh of the page): typing
  // before that settles can be lost, as it would be for a person
  await page.waitForLoadState('networkidle')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('form button[type="submit"]').click()
  await page.waitForURL((u) => !u.pathname.endsWith('/login'), { timeout: 30_000 })
}

/** The label of a table's tab as the edition prints it. */
export function tableTabLabel(table: TableKey, lang: 'zh' | 'en' = 'zh'): string {
  return getTable(getEdition('2021'), table).label[lang]
}

export async function openTab(page: Page, label: string): Promise<void> {
  await page.locator('.tabs-field__tab-button', { hasText: label }).first().click()
}

/** Opens a table's tab and waits for its grid. */
export async function openGrid(page: Page, table: TableKey, lang: 'zh' | 'en' = 'zh') {
  await openTab(page, tableTabLabel(table, lang))
  const grid = page.locator(`[data-xxgk-grid="${table}"]`)
  await grid.waitFor()
  return grid
}

export const cellInput = (page: Page, path: string) => page.locator(`input[data-path="${path}"]`)
export const cellBox = (page: Page, path: string) => page.locator(`td[data-cell="${path}"]`)

/** Types into a cell as an editor does: click (selects the value), type, Tab away. */
export async function typeInCell(page: Page, path: string, text: string): Promise<void> {
  await cellInput(page, path).click()
  if (text === '') await page.keyboard.press('Backspace')
  else await page.keyboard.type(text)
  await page.keyboard.press('Tab')
}

/**
 * Clicks a save button and waits until the admin has taken the server's answer: the PATCH
 * answered 200 and its success toast shows. Typing before that can be overwritten when the
 * form takes the saved document back, as it would be for a person.
 */
export async function saveAndSettle(page: Page, buttonName: string, reportId: number | string): Promise<void> {
  await page.locator('.toast-success').evaluateAll((list) => list.forEach((el) => el.setAttribute('data-seen', '')))
  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(`/api/reports/${reportId}`), { timeout: 20_000 })
  await page.getByRole('button', { name: buttonName }).click()
  const response = await saved
  if (response.status() !== 200) throw new Error(`save answered ${response.status()}: ${await response.text()}`)
  await page.locator('.toast-success:not([data-seen])').first().waitFor({ timeout: 20_000 })
  await page.waitForLoadState('networkidle')
}
