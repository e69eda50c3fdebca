/**
 * Issue 12, item 9: cells above a sane maximum are CELL.TYPE errors, so every sum stays exact in
 * floating point (2⁵³−1 + 2 and 2⁵³−1 + 1 compared equal, and such a report published).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CELL_MAXIMUM, validateReport } from '../../src/index.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SEED = JSON.parse(readFileSync(path.join(ROOT, 'corpus/seed/wangji-township-2023.expected.json'), 'utf8')).report

describe('cells above the maximum', () => {
  it('2⁵³−1 + 2 against 2⁵³−1 + 1 is an error, named on the cells', () => {
    const report = structuredClone(SEED)
    const big = Number.MAX_SAFE_INTEGER
    report.requests.received.natural = big
    report.requests.carriedOver.natural = 2
    report.requests.totalHandled.natural = big
    report.requests.carriedForward.natural = 1
    const { issues, errors } = validateReport(report)
    expect(errors).toBeGreaterThan(0)
    const cellType = issues.filter((i) => i.rule === 'CELL.TYPE').map((i) => i.path)
    expect(cellType).toEqual(expect.arrayContaining(['requests.received.natural', 'requests.totalHandled.natural']))
    const message = issues.find((i) => i.path === 'requests.received.natural')!.message
    expect(message.zh).toContain(String(CELL_MAXIMUM))
    expect(message.en).toContain(String(CELL_MAXIMUM))
  })

  it('the maximum itself is accepted', () => {
    const report = structuredClone(SEED)
    report.requests.received.natural = CELL_MAXIMUM
    const { issues } = validateReport(report)
    expect(issues.filter((i) => i.rule === 'CELL.TYPE')).toEqual([])
  })
})
