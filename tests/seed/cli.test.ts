/** `xxgk parse <file> [--json]`, run as users run it (bin/xxgk.mjs). */
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ROOT } from './corpus.ts'

const run = promisify(execFile)
const BIN = join(ROOT, 'bin/xxgk.mjs')

async function xxgk(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('xxgk parse', () => {
  it('--json prints exactly { report, issues, ambiguities, sources }', async () => {
    const { code, stdout } = await xxgk('parse', 'corpus/real/pingtan-zone-gov-2024.pdf-text.txt', '--json')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(Object.keys(out)).toEqual(['report', 'issues', 'ambiguities', 'sources'])
    // evidence: the run of digits a run-together row was split from, its label and line
    expect(out.sources['requests.received.natural']).toEqual({ text: '21710000218', label: '一、本年新收政府信息公开申请数量', line: 10 })
    expect(out.sources['requests.received.total']).toMatchObject({ text: '21710000218' })
    expect(out.report).toMatchObject({ edition: '2021', year: 2024, agency: '平潭综合实验区' })
    expect(out.issues).toEqual([])
    expect(out.ambiguities).toEqual([expect.objectContaining({ path: 'proactive.normativeDocuments', chosen: { issued: 62, repealed: 33, inForce: 440 } })])
    expect(Object.keys(out.ambiguities[0])).toEqual(['path', 'candidates', 'chosen', 'reason', 'cells'])
    // `cells` names exactly the cells whose value differs between the candidates
    const candidates = out.ambiguities[0].candidates as Record<string, number>[]
    const differing = ['issued', 'repealed', 'inForce'].filter((key) => new Set(candidates.map((c) => c[key])).size > 1)
    expect(differing.length).toBeGreaterThan(0)
    expect(out.ambiguities[0].cells).toEqual(differing.map((key) => `proactive.normativeDocuments.${key}`))
  })

  it('prints the report readably: source kind, agency, tables, sections, ambiguities', async () => {
    const { code, stdout } = await xxgk('parse', 'corpus/real/pingtan-zone-gov-2024.pdf-text.txt')
    expect(code).toBe(0)
    expect(stdout).toContain('flattened web text · 平潭综合实验区 2024 · 2021年版格式 / 2021 edition')
    expect(stdout).toMatch(/一、本年新收政府信息公开申请数量\s+217\s+1\s+0\s+0\s+0\s+0\s+218/)
    expect(stdout).toContain('五、存在的主要问题及改进情况  2024年，实验区政府信息公开工作取得了新进展新成果')
    expect(stdout).toContain('? proactive.normativeDocuments')
  })

  it('exits 1, like xxgk validate, when the source breaks a rule, and shows the issue', async () => {
    const { code, stdout } = await xxgk('parse', 'corpus/real/shanghai-stcsm-dept-2024.pdf-markdown.md')
    expect(code).toBe(1)
    expect(stdout).toContain('T3.BALANCE  requests.carriedForward.total')
    expect(stdout).toContain('报告值 空白，计算值 1')
  })

  it('exits 2 with a reason in Chinese and English for a file that is not a report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-parse-'))
    const file = join(dir, 'notes.txt')
    writeFileSync(file, '会议纪要\n今天讨论了预算。\n')
    const { code, stdout, stderr } = await xxgk('parse', file, '--json')
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('不是政府信息公开工作年度报告')
    expect(stderr).toContain('not a government information disclosure annual report')
  })

  it('exits 2 for a file it cannot read, and for a missing argument', async () => {
    const missing = await xxgk('parse', 'no/such/file.pdf')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('ENOENT')
    expect((await xxgk('parse')).code).toBe(2)
  })
})
