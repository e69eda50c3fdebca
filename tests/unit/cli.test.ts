import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { EDITION_IDS } from '../../src/index.ts'
import { CORPUS_DIR, expectedFiles } from '../helpers/corpus.ts'

const run = promisify(execFile)
const BIN = join(import.meta.dirname, '../../bin/xxgk.mjs')

async function xxgk(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'xxgk-cli-'))
const corpus = (name: string) => join(CORPUS_DIR, name)

describe('xxgk validate', () => {
  it('exits 0 on a clean report and lists no issue', async () => {
    const { code, stdout } = await xxgk('validate', corpus('real/huaian-city-gov-2024.expected.json'))
    expect(code).toBe(0)
    expect(stdout).toContain('淮安市人民政府 2024')
    expect(stdout).toContain('0 个错误 errors, 0 个警告 warnings')
  })

  it('exits 1 and names each cell in Chinese and English on a report with errors', async () => {
    const { code, stdout } = await xxgk('validate', corpus('real/shanghai-stcsm-dept-2024.expected.json'))
    expect(code).toBe(1)
    expect(stdout).toContain('requests.carriedForward.total: 报告值 空白，计算值 1')
    expect(stdout).toContain('requests.carriedForward.total: reported blank, computed 1')
    expect(stdout).toMatch(/T3\.BALANCE[\s\S]*T3\.ROW_TOTAL[\s\S]*CELL\.BLANK/)
  })

  it('prints exactly {"issues":[…]} with --json, the same issues for every corpus file as the library', async () => {
    for (const file of expectedFiles()) {
      const { code, stdout } = await xxgk('validate', corpus(file.name), '--json')
      const parsed = JSON.parse(stdout)
      expect(Object.keys(parsed)).toEqual(['issues'])
      const errors = parsed.issues.filter((i: { severity: string }) => i.severity === 'error')
      expect(errors.map((i: { rule: string; path: string }) => ({ rule: i.rule, path: i.path }))).toEqual(file.sourceErrors)
      expect(code).toBe(file.sourceErrors.length ? 1 : 0)
    }
  })

  it('uses --previous for the cross-report rules (warnings keep exit 0)', async () => {
    const { code, stdout } = await xxgk(
      'validate',
      corpus('real/pingtan-zone-gov-2025.expected.json'),
      '--previous',
      corpus('real/pingtan-zone-gov-2024.expected.json'),
      '--json',
    )
    expect(code).toBe(0)
    expect(JSON.parse(stdout).issues.map((i: { rule: string }) => i.rule)).toEqual(['X.IN_FORCE'])
  })

  it('exits 2 with the reason and the path for unreadable files and non-reports', async () => {
    const missing = await xxgk('validate', join(tmp, 'missing.json'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('missing.json')
    expect(missing.stderr).toContain('无法读取文件')

    const broken = join(tmp, 'broken.json')
    writeFileSync(broken, '{"edition": "2021",')
    const notJson = await xxgk('validate', broken)
    expect(notJson.code).toBe(2)
    expect(notJson.stderr).toContain('不是有效的 JSON')
    expect(notJson.stderr).toContain('not valid JSON')

    const list = join(tmp, 'list.json')
    writeFileSync(list, '[1, 2]')
    const notReport = await xxgk('validate', list, '--json')
    expect(notReport.code).toBe(2)
    expect(notReport.stdout).toBe('')
    expect(notReport.stderr).toContain('not a report')

    const noEdition = join(tmp, 'no-edition.json')
    writeFileSync(noEdition, JSON.stringify({ year: 2023, agency: 'x', edition: '2020' }))
    const unknown = await xxgk('validate', noEdition)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('(edition)')
    expect(unknown.stderr).toContain('"2020"')
  })

  it('reports a mistyped cell and an unknown key as errors (exit 1), not as unreadable', async () => {
    const report = structuredClone(expectedFiles()[0]!.report)
    report.requests.granted.natural = '12'
    report.requests.granted.nope = 1
    const file = join(tmp, 'typed.json')
    writeFileSync(file, JSON.stringify(report))
    const { code, stdout } = await xxgk('validate', file, '--json')
    expect(code).toBe(1)
    const issues = JSON.parse(stdout).issues as { rule: string; path: string }[]
    expect(issues.map((i) => `${i.rule} ${i.path}`)).toEqual(expect.arrayContaining(['CELL.TYPE requests.granted.natural', 'SCHEMA requests.granted.nope']))
  })
})

describe('xxgk schema and rules', () => {
  it('prints the JSON Schema of each edition and of both', async () => {
    for (const edition of EDITION_IDS) {
      const { code, stdout } = await xxgk('schema', '--edition', edition)
      expect(code).toBe(0)
      const schema = JSON.parse(stdout)
      expect(schema.properties.edition.const).toBe(edition)
      expect(schema.additionalProperties).toBe(false)
    }
    const both = JSON.parse((await xxgk('schema')).stdout)
    expect(both.oneOf ?? both.anyOf).toHaveLength(2)
    expect((await xxgk('schema', '--edition', '2020')).code).toBe(2)
  })

  it('prints the rules as data with their expanded equations per edition', async () => {
    const { code, stdout } = await xxgk('rules')
    expect(code).toBe(0)
    const { rules, equations } = JSON.parse(stdout)
    const ids = rules.map((r: { id: string }) => r.id)
    for (const id of [
      'T3.BALANCE',
      'T3.HANDLED_SUM',
      'T3.ROW_TOTAL',
      'T4.TOTAL',
      'CELL.TYPE',
      'X.CARRY',
      'X.IN_FORCE',
      'TEXT.MATCH',
      'FEE.REPORTED',
      'CELL.BLANK',
    ]) {
      expect(ids).toContain(id)
    }
    const balance = equations['2021'].find((e: { rule: string; path: string }) => e.rule === 'T3.BALANCE' && e.path === 'requests.carriedForward.natural')
    expect(balance.terms).toEqual([
      { cell: 'requests.received.natural', sign: 1 },
      { cell: 'requests.carriedOver.natural', sign: 1 },
      { cell: 'requests.totalHandled.natural', sign: -1 },
    ])
    const handled2019 = equations['2019'].find((e: { rule: string; path: string }) => e.rule === 'T3.HANDLED_SUM' && e.path === 'requests.totalHandled.total')
    expect(handled2019.terms.map((t: { cell: string }) => t.cell)).toContain('requests.otherHandling.total')
  })

  it('explains itself and rejects unknown commands', async () => {
    expect((await xxgk('--help')).stdout).toContain('xxgk validate')
    expect((await xxgk('frobnicate')).code).toBe(2)
  })
})
