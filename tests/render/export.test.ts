import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { NotAReportError } from '../../src/index.ts'
import { exportReport } from '../../src/render/index.ts'
import { parseReportXlsx } from '../../seed/xlsx.ts'
import { CORPUS_DIR, expectedFile, expectedFiles } from '../helpers/corpus.ts'

const run = promisify(execFile)
const BIN = join(import.meta.dirname, '../../bin/xxgk.mjs')
const tmp = mkdtempSync(join(tmpdir(), 'xxgk-export-'))
const corpus = (name: string) => join(CORPUS_DIR, name)

async function xxgk(args: string[], options: { cwd?: string; binary?: boolean } = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: options.binary ? 'buffer' : 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    return { code: 0, stdout, stderr: String(stderr) }
  } catch (error) {
    const e = error as { code: number; stdout: string | Buffer; stderr: string | Buffer }
    return { code: e.code, stdout: e.stdout, stderr: String(e.stderr) }
  }
}

describe('exportReport', () => {
  const file = expectedFile('huaian-city-gov-2024')

  it.each([
    ['html', 'text/html; charset=utf-8'],
    ['txt', 'text/plain; charset=utf-8'],
    ['json', 'application/json; charset=utf-8'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ] as const)('%s: content type, extension and file name', async (format, contentType) => {
    const result = await exportReport(file.report, format)
    expect(result.contentType).toBe(contentType)
    expect(result.extension).toBe(format)
    expect(result.filename).toBe(`淮安市人民政府-2024.${format}`)
    if (format === 'xlsx') expect(Buffer.isBuffer(result.body) && result.body.subarray(0, 2).toString()).toBe('PK')
    else expect(typeof result.body).toBe('string')
  })

  it.each(expectedFiles().map((f) => [f.name, f] as const))('json of %s is the interchange JSON itself', async (_name, f) => {
    const { body } = await exportReport(f.report, 'json')
    expect(JSON.parse(body as string)).toStrictEqual(f.report)
    expect(body).toBe(`${JSON.stringify(f.report, null, 2)}\n`)
  })

  it('exports only the interchange keys of a stored document, blank cells as null', async () => {
    const doc = structuredClone(file.report) as any
    Object.assign(doc, { id: 7, createdAt: '2025-01-01', status: 'published' })
    doc.requests.granted.extra = 5
    delete doc.requests.granted.legal
    const json = JSON.parse((await exportReport(doc, 'json')).body as string)
    expect(json).not.toHaveProperty('id')
    expect(json).not.toHaveProperty('status')
    expect(json.requests.granted).not.toHaveProperty('extra')
    expect(json.requests.granted.legal).toBeNull()
    expect(Object.keys(json)).toEqual(['edition', 'year', 'agency', 'title', 'proactive', 'requests', 'reviewLitigation'])
  })

  it('refuses an unknown format and what is not a report', async () => {
    await expect(exportReport(file.report, 'pdf' as never)).rejects.toThrow(/未知的导出格式/)
    await expect(exportReport({ edition: '2030' }, 'html')).rejects.toThrow(NotAReportError)
    await expect(exportReport('text', 'json')).rejects.toThrow(NotAReportError)
  })

  it('names the file safely', async () => {
    const { filename } = await exportReport({ ...file.report, agency: 'a/b:c*?"<>|' }, 'txt')
    expect(filename).toBe('a_b_c______-2024.txt')
  })
})

describe('xxgk export', () => {
  const wangji = corpus('seed/wangji-township-2023.expected.json')

  it('writes html to stdout by default, from a corpus wrapper file', async () => {
    const { code, stdout } = await xxgk(['export', wangji])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^<!DOCTYPE html>/)
    expect(stdout).toContain('data-path="requests.granted.natural"')
  })

  it('writes json and txt to stdout, and to --out', async () => {
    const json = await xxgk(['export', wangji, '--format', 'json'])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout as string)).toStrictEqual(expectedFile('wangji-township-2023').report)
    const out = join(tmp, 'w.txt')
    const txt = await xxgk(['export', wangji, '--format', 'txt', '--out', out])
    expect(txt.code).toBe(0)
    expect(txt.stdout).toBe('')
    expect(readFileSync(out, 'utf8')).toMatch(/^王集乡人民政府2023年政府信息公开工作年度报告\n/)
  })

  it('accepts a bare interchange JSON file and prints English labels with --lang en', async () => {
    const bare = join(tmp, 'bare.json')
    writeFileSync(bare, JSON.stringify(expectedFile('huaian-city-gov-2024').report))
    const { code, stdout } = await xxgk(['export', bare, '--format', 'txt', '--lang', 'en'])
    expect(code).toBe(0)
    expect(stdout).toContain('III. Requests received and handled')
  })

  it('writes xlsx to --out, or to <stem>.xlsx in the current directory, or to stdout with --out -', async () => {
    const expected = expectedFile('wangji-township-2023').report
    const out = join(tmp, 'w.xlsx')
    expect((await xxgk(['export', wangji, '--format', 'xlsx', '--out', out])).code).toBe(0)
    expect((await parseReportXlsx(readFileSync(out))).report).toStrictEqual(expected)

    const cwd = mkdtempSync(join(tmp, 'cwd-'))
    const implicit = await xxgk(['export', wangji, '--format', 'xlsx'], { cwd })
    expect(implicit.code).toBe(0)
    expect(implicit.stderr).toContain('wangji-township-2023.xlsx')
    expect(existsSync(join(cwd, 'wangji-township-2023.xlsx'))).toBe(true)

    const piped = await xxgk(['export', wangji, '--format', 'xlsx', '--out', '-'], { binary: true })
    expect(piped.code).toBe(0)
    expect((await parseReportXlsx(piped.stdout as Buffer)).report).toStrictEqual(expected)
  })

  it('exports a report that breaks rules, with a note on stderr', async () => {
    const { code, stderr } = await xxgk(['export', corpus('real/shanghai-stcsm-dept-2024.expected.json'), '--format', 'json'])
    expect(code).toBe(0)
    expect(stderr).toContain('报告有 2 个规则错误')
  })

  it.each([
    ['a missing file', () => [join(tmp, 'missing.json')], /无法读取文件[\s\S]*cannot read the file/],
    ['invalid JSON', () => [writeTmp('bad.json', '{')], /不是有效的 JSON[\s\S]*not valid JSON/],
    ['not a report', () => [writeTmp('edition.json', '{"edition":"1999"}')], /不是年度报告[\s\S]*not a report: unknown edition/],
    ['an empty wrapper', () => [writeTmp('wrapper.json', '{"report":null}')], /不是年度报告[\s\S]*not a report/],
    ['an unknown format', () => [wangji, '--format', 'pdf'], /未知的导出格式「pdf」[\s\S]*unknown export format "pdf"/],
    ['an unknown language', () => [wangji, '--lang', 'fr'], /--lang 应为 zh 或 en[\s\S]*--lang must be zh or en/],
    ['no input file', () => [], /usage: xxgk export/],
    ['an unknown flag', () => [wangji, '--bogus'], /bogus/],
  ])('exits 2 on %s with a reason in Chinese and English', async (_what, args, message) => {
    const { code, stderr, stdout } = await xxgk(['export', ...args()])
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
    expect(stdout).toBe('')
  })

  it('exits 1 when the output cannot be written', async () => {
    const { code, stderr } = await xxgk(['export', wangji, '--out', join(tmp, 'no-such-dir', 'x.html')])
    expect(code).toBe(1)
    expect(stderr).toMatch(/无法写入（ENOENT）[\s\S]*cannot write \(ENOENT\)/)
  })

  it('prints its help with --help', async () => {
    const { code, stdout } = await xxgk(['export', '--help'])
    expect(code).toBe(0)
    expect(stdout).toContain('--format  html (default)')
  })
})

function writeTmp(name: string, content: string): string {
  const path = join(tmp, name)
  writeFileSync(path, content)
  return path
}
