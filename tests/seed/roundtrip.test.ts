/**
 * Round trip: each corpus expected report (with its narrative starts as text) rendered to HTML
 * in the official layout (src/render/html.ts), printed to PDF by Debian's chromium, and parsed
 * back by the PDF reader must give the identical JSON — tables, title, agency, year, edition
 * and the narrative text. Needs /usr/bin/chromium and fonts-noto-cjk (as CI installs them).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { renderReportHtml } from '../../src/render/html.ts'
import type { Report } from '../../src/index.ts'
import { parseReport } from '../../seed/index.ts'
import { corpusSources } from './corpus.ts'
import { CHROMIUM, chromiumArgs } from '../helpers/chromium.ts'

const run = promisify(execFile)
const work = mkdtempSync(join(tmpdir(), 'xxgk-roundtrip-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function printToPdf(html: string, name: string): Promise<Uint8Array> {
  const page = join(work, `${name}.html`)
  const pdf = join(work, `${name}.pdf`)
  writeFileSync(page, html)
  await run(CHROMIUM, [...chromiumArgs(), `--user-data-dir=${mkdtempSync(join(work, 'profile-'))}`, `--print-to-pdf=${pdf}`, `file://${page}`], {
    timeout: 60_000,
  })
  return new Uint8Array(readFileSync(pdf))
}

// One expected file per report (the 2024 平潭 page.txt and page.html share theirs).
const reports = [...new Map(corpusSources().map((s) => [s.stem, s])).values()]

describe('round trip: expected report → HTML → chromium PDF → parser', () => {
  it('has the reports of the corpus to print', () => {
    expect(reports.map((r) => r.stem).sort()).toHaveLength(13)
  })

  for (const { stem, expected } of reports) {
    it(`gives back ${stem} identically`, async () => {
      const report = { ...expected.report, text: { ...expected.textStartsWith } } as Report
      const pdf = await printToPdf(renderReportHtml(report), stem)
      const parsed = await parseReport(pdf, { filename: `${stem}.pdf` })
      expect(parsed.source.kind).toBe('pdf')
      expect(parsed.report).toEqual(report)
      // a row the report leaves wholly blank prints no figures: the parser says so, and nothing else is in doubt
      const blankRow = (path: string) => Object.values(path.split('.').reduce<any>((n, k) => n?.[k], report) ?? {}).every((v) => v === null)
      expect(parsed.ambiguities.filter((a) => !(a.candidates.length === 0 && a.chosen === null && blankRow(a.path)))).toEqual([])
    }, 90_000)
  }
})
