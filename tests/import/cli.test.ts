/**
 * `xxgk import` on a fresh SQLite file, run as a user runs it (bin/xxgk.mjs in a child process,
 * the Local API on DATABASE_URL, migrations first): the whole corpus, again (idempotent), and
 * files that fail (nothing written, non-zero exit with the reason).
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExpected } from '../integration/fixtures.ts'
import type { ImportedFile, ImportSummary } from '../../seed/import/index.ts'
import {
  agencyNames,
  BIN,
  cleanEnv,
  corpusSources,
  EXCERPT,
  freshSqlite,
  jsonSummary,
  local,
  openDatabase,
  parseFile,
  PINGTAN_2024,
  REPORTS,
  ROOT,
  runImportCli,
  SECRET,
  storedReports,
} from './helpers.ts'
import type { CliRun } from './helpers.ts'

const AGENCIES_OF_CORPUS = [
  '上海市科委',
  '平潭综合实验区',
  '王集乡人民政府',
  '淮安市人民政府',
  '洪泽区人民政府',
  '淮安市洪泽区人民政府',
  '沐阳县人民政府',
].sort()

describe('xxgk import (Local API, SQLite)', () => {
  const db = freshSqlite('cli')
  let first: CliRun
  let summary: ImportSummary

  beforeAll(async () => {
    first = await runImportCli(['corpus/seed', 'corpus/real', '--json'], { DATABASE_URL: db.url })
    summary = jsonSummary(first)
  }, 120_000)

  afterAll(() => db.remove())

  it('imports every corpus source file into an empty database; the excerpt, not a whole report, fails with its reason', () => {
    const sources = corpusSources()
    expect(sources).toHaveLength(14)
    const byFile = new Map(summary.results.map((r) => [r.file, r]))
    for (const file of sources) expect(['imported', 'updated']).toContain(byFile.get(file)?.status)
    expect(summary.imported).toBe(13)
    expect(summary.updated).toBe(1)
    expect(summary.failed).toBe(1)
    const failure = byFile.get(EXCERPT)
    expect(failure).toMatchObject({ status: 'failed', reason: { en: 'cannot find the report year (in the title or the text)' } })
    expect(first.code).toBe(1)
  })

  it('skips expected files and SOURCES.md, saying why', () => {
    const skipped = summary.skipped.map((s) => s.file)
    expect(skipped).toContain('corpus/real/SOURCES.md')
    expect(skipped.filter((f) => f.endsWith('.expected.json'))).toHaveLength(13)
    expect(summary.skipped.find((s) => s.file === 'corpus/real/SOURCES.md')?.reason.en).toContain('documentation')
  })

  it('the two Pingtan 2024 sources are one agency and year: the second updates the first’s report', () => {
    const [html, text] = PINGTAN_2024.map((f) => summary.results.find((r) => r.file === f) as ImportedFile)
    expect(html!.status).toBe('imported')
    expect(text!.status).toBe('updated')
    expect(text!.doc.id).toBe(html!.doc.id)
  })

  it('creates each agency once, with kind and level only where the name settles them', async () => {
    const { payload, close } = await openDatabase(db.url, 'cli_agencies')
    try {
      expect(await agencyNames(payload)).toEqual(AGENCIES_OF_CORPUS)
      const { docs } = await local(payload).find({ collection: 'agencies', depth: 0, limit: 10 })
      const byName = Object.fromEntries(docs.map((d) => [d.name, d]))
      expect(byName['王集乡人民政府']).toMatchObject({ kind: 'government', level: 'township' })
      expect(byName['淮安市人民政府']).toMatchObject({ kind: 'government', level: null })
      expect(byName['平潭综合实验区']).toMatchObject({ kind: null, level: null })
      expect(summary.agencies.map((a) => a.name).sort()).toEqual(AGENCIES_OF_CORPUS)
      expect(summary.agencies.find((a) => a.name === '淮安市人民政府')?.guess?.en).toContain('level cannot be told')
    } finally {
      await close()
    }
  })

  it('stores drafts (never published) with the cells as parsed, the parser’s ambiguities and the rules’ issues', async () => {
    const { payload, close } = await openDatabase(db.url, 'cli_reports')
    try {
      const reports = await storedReports(payload)
      expect(reports).toHaveLength(13)
      for (const doc of reports) expect(doc._status).toBe('draft')
      expect((await local(payload).count({ collection: REPORTS, where: { _status: { equals: 'published' } } })).totalDocs).toBe(0)

      const find = (agency: string, year: number) => reports.find((d) => d.agency.name === agency && d.year === year)!
      // cells: the township report as its expected file has it
      const wangji = find('王集乡人民政府', 2023)
      const expected = loadExpected('corpus/seed/wangji-township-2023.expected.json').report as any
      expect(wangji.requests.received).toEqual(expected.requests.received)
      expect(wangji.reviewLitigation).toEqual(expected.reviewLitigation)
      expect(wangji.title).toBe(expected.title)

      // ambiguities: exactly the parser's (the 2019 flattened page has 7)
      const pingtan2019 = find('平潭综合实验区', 2019)
      const parsed2019 = await parseFile('corpus/real/pingtan-zone-gov-2019.format2019.pdf-text.txt')
      expect(parsed2019.ambiguities.length).toBe(7)
      expect(pingtan2019.ambiguities).toEqual(JSON.parse(JSON.stringify(parsed2019.ambiguities)))
      // publication date from the page's header (Beijing time)
      expect(pingtan2019.publishedAt).toBe('2020-01-20T07:22:00.000Z')

      // issues: every finding of the parser on the report is stored with the draft, counts agree
      const parsed = await parseFile('corpus/seed/wangji-township-2023.pdf-text.txt')
      expect(parsed.issues.length).toBeGreaterThan(0)
      const issueKeys = (doc: Record<string, any>) => (doc.issues as { rule: string; path: string }[]).map((i) => `${i.rule} ${i.path}`)
      for (const issue of parsed.issues) expect(issueKeys(wangji)).toContain(`${issue.rule} ${issue.path}`)
      // and the rules that need the stored context: the year before (stored first) and the publication date
      const pingtan2025 = find('平潭综合实验区', 2025)
      expect((await parseFile('corpus/real/pingtan-zone-gov-2025.pdf-text.txt')).issues).toEqual([])
      expect(issueKeys(pingtan2025)).toEqual(['X.IN_FORCE proactive.normativeDocuments.inForce', 'DEADLINE publishedAt'])
      for (const doc of reports) {
        // the blank cells read as 0 (CELL.BLANK) are counted apart, in blankCount
        expect(doc.warningCount).toBe(doc.issues.filter((i: { severity: string; rule: string }) => i.severity === 'warning' && i.rule !== 'CELL.BLANK').length)
        expect(doc.errorCount).toBe(doc.issues.filter((i: { severity: string }) => i.severity === 'error').length)
      }

      // a total the source leaves blank is filled on save: the draft says so
      const shanghai = find('上海市科委', 2024)
      const note = (shanghai.ambiguities as { path: string; candidates: unknown[]; reason: { en: string } }[]).find(
        (a) => a.path === 'requests.carriedForward.total',
      )
      expect(note?.candidates[0]).toBeNull()
      expect(note?.reason.en).toContain('blank in the source')
    } finally {
      await close()
    }
  })

  it('is idempotent: a second run updates every report, creates no agency and no report', async () => {
    const again = await runImportCli(['corpus/seed', 'corpus/real', '--json'], { DATABASE_URL: db.url })
    const second = jsonSummary(again)
    expect(second.imported).toBe(0)
    expect(second.updated).toBe(14)
    expect(second.failed).toBe(1)
    expect(second.agencies).toEqual([])
    expect(again.code).toBe(1)
    const { payload, close } = await openDatabase(db.url, 'cli_again')
    try {
      expect(await agencyNames(payload)).toEqual(AGENCIES_OF_CORPUS)
      expect((await local(payload).count({ collection: REPORTS })).totalDocs).toBe(13)
    } finally {
      await close()
    }
  }, 120_000)

  it('a file that fails writes nothing and exits non-zero with its file and reason; the other files are imported', async () => {
    const dir = path.dirname(db.url.slice('file:'.length))
    const garbage = path.join(dir, 'not-a-report.txt')
    writeFileSync(garbage, '会议纪要\n今天天气很好。\n')
    const damaged = path.join(dir, 'damaged.pdf')
    writeFileSync(damaged, '%PDF-1.7\nthis is not really a PDF\n')
    const fresh = freshSqlite('cli_fail')
    try {
      const run = await runImportCli([garbage, damaged, 'corpus/real/no-such-file.pdf', 'corpus/seed/wangji-township-2023.pdf-text.txt'], {
        DATABASE_URL: fresh.url,
      })
      expect(run.code).toBe(1)
      // the text summary names each failure with its file and reason, in Chinese and English
      expect(run.stdout).toContain(`${garbage}: 不是政府信息公开工作年度报告`)
      expect(run.stdout).toContain('not a government information disclosure annual report')
      expect(run.stdout).toMatch(/damaged\.pdf: .+ \/ .+/)
      expect(run.stdout).toContain('corpus/real/no-such-file.pdf: 文件或文件夹不存在 / no such file or folder')
      expect(run.stdout).toContain('合计 total: 1 新建 imported · 0 更新 updated · 3 失败 failed')
      // no progress bar when stderr is not a terminal
      expect(run.stderr).not.toContain('█')
      const { payload, close } = await openDatabase(fresh.url, 'cli_fail')
      try {
        expect(await agencyNames(payload)).toEqual(['王集乡人民政府'])
        expect((await local(payload).count({ collection: REPORTS })).totalDocs).toBe(1)
      } finally {
        await close()
      }
    } finally {
      fresh.remove()
    }
  }, 120_000)

  // `script` (util-linux, in every Debian) gives the command a terminal, as a person's shell does
  it.skipIf(!existsSync('/usr/bin/script'))(
    'shows a progress bar on a terminal’s stderr',
    async () => {
      const fresh = freshSqlite('cli_tty')
      try {
        // stdout to a file: what reaches the terminal is stderr alone
        const stdoutFile = path.join(path.dirname(fresh.url.slice('file:'.length)), 'stdout.txt')
        const command = `${process.execPath} ${BIN} import corpus/seed > ${stdoutFile}`
        const run = await new Promise<CliRun>((resolve, reject) => {
          const child = spawn('/usr/bin/script', ['-qec', command, '/dev/null'], {
            cwd: ROOT,
            env: { ...cleanEnv(), PAYLOAD_SECRET: SECRET, DATABASE_URL: fresh.url, COLUMNS: '100' },
            stdio: ['ignore', 'pipe', 'pipe'],
          })
          let stdout = ''
          child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
          child.on('error', reject)
          child.on('close', (code) => resolve({ code, stdout, stderr: '' }))
        })
        expect(run.code).toBe(0)
        expect(run.stdout).toContain('读取 reading [')
        expect(run.stdout).toContain('写入 storing [████████████████████████] 1/1')
        const stdout = readFileSync(stdoutFile, 'utf8')
        expect(stdout).toContain('合计 total: 1 新建 imported')
        expect(stdout).not.toContain('█')
      } finally {
        fresh.remove()
      }
    },
    120_000,
  )

  it('usage errors exit 2', async () => {
    expect((await runImportCli([])).code).toBe(2)
    const run = await runImportCli(['corpus/seed', '--url', 'http://127.0.0.1:9'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--url needs --token')
  })

  it('a database it cannot open exits 2 with the reason', async () => {
    const run = await runImportCli(['corpus/seed'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('cannot open the database: Error: cannot connect to Postgres')
  }, 60_000)
})
