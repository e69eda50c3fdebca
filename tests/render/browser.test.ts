import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '../../src/index.ts'
import { renderReportHtml } from '../../src/render/html.ts'
import { expectedFile } from '../helpers/corpus.ts'
import { CHROMIUM, chromiumArgs } from '../helpers/chromium.ts'

const executablePath = CHROMIUM

// Needs Debian's chromium (.ci/run installs it); without it there is no browser to run in.
describe.skipIf(!existsSync(executablePath))('HTML in a real browser (chromium)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, args: chromiumArgs() })
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('runs no script from the narrative and shows it as text; prints A4 pages', async () => {
    const overview = '第一段<script>window.__xss = 1</script>\n<img src="x" onerror="window.__xss = 2">'
    const report: Report = {
      ...structuredClone(expectedFile('huaian-city-gov-2024').report as Report),
      agency: '<svg onload="window.__xss = 3">',
      text: { overview, problems: null, other: null },
    }
    const page = await browser.newPage()
    await page.setContent(renderReportHtml(report), { waitUntil: 'load' })
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()
    expect(await page.locator('script, img, svg').count()).toBe(0)
    const lines = await page.locator('[data-text="overview"] p').allTextContents()
    expect(lines).toEqual(['第一段<script>window.__xss = 1</script>', '<img src="x" onerror="window.__xss = 2">'])
    expect(await page.locator('td[data-path="requests.received.total"]').textContent()).toBe(String((report.requests as any).received.total))
    const pdf = await page.pdf({ preferCSSPageSize: true })
    const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))
    expect(mediaBox).not.toBeNull()
    // A4 is 595.28 × 841.89 pt.
    expect(Math.round(Number(mediaBox![1]))).toBe(595)
    expect(Math.round(Number(mediaBox![2]))).toBe(842)
    await page.close()
  })
})
