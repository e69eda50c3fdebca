import { describe, expect, it } from 'vitest'
import { blankTotals, editionIndex, equationChecks, fillBlankTotals, validateReport } from '../../src/index.ts'
import { expectedFile, expectedFiles } from '../helpers/corpus.ts'

const TOTAL_RULES = ['T3.ROW_TOTAL', 'T3.HANDLED_SUM', 'T4.TOTAL']

function totalPaths(edition: '2021' | '2019') {
  return [
    ...new Set(
      equationChecks(edition)
        .filter((c) => TOTAL_RULES.includes(c.rule))
        .map((c) => c.target),
    ),
  ]
}
function setPath(report: Record<string, any>, path: string, value: unknown) {
  const keys = path.split('.')
  let node = report
  for (const key of keys.slice(0, -1)) node = node[key]
  node[keys[keys.length - 1]!] = value
}
const getPath = (report: Record<string, any>, path: string) => path.split('.').reduce<any>((n, k) => n?.[k], report)

describe('blank totals', () => {
  for (const file of expectedFiles().filter((f) => f.sourceErrors.length === 0)) {
    it(`${file.stem}: every blanked total is filled back with the printed value`, () => {
      const blanked = structuredClone(file.report)
      const paths = totalPaths(blanked.edition)
      for (const path of paths) setPath(blanked, path, null)
      const { report, filled } = fillBlankTotals(blanked)
      // a total whose every input is blank stays blank (rows the source does not print, e.g. 洪泽区's 其他处理 2 and 3)
      const printed = paths.filter((p) => getPath(file.report, p) !== null)
      expect(filled.map((f) => f.path).sort()).toEqual([...printed].sort())
      for (const path of paths) expect(getPath(report, path), path).toBe(getPath(file.report, path))
      expect(getPath(blanked, paths[0]!)).toBeNull() // the input is not modified
      expect(validateReport(report).errors).toBe(0)
    })
  }

  it('fills 三（七）总计 only after the blank outcome totals it sums', () => {
    const file = expectedFile('huaian-city-gov-2024')
    const report = structuredClone(file.report)
    report.requests.granted.total = null
    report.requests.totalHandled.total = null
    expect(blankTotals(report).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'requests.granted.total', value: file.report.requests.granted.total },
      { path: 'requests.totalHandled.total', value: file.report.requests.totalHandled.total },
    ])
  })

  it('fills the Shanghai blank carried-forward total with its computed value', () => {
    expect(blankTotals(expectedFile('shanghai-stcsm-dept-2024').report)).toEqual([{ path: 'requests.carriedForward.total', value: 1 }])
  })

  it('never replaces a total that is given, even when it is wrong', () => {
    const report = structuredClone(expectedFile('huaian-city-gov-2024').report)
    report.requests.granted.total += 1
    expect(blankTotals(report)).toEqual([])
  })

  it('leaves a total blank when every input is blank, and fills nothing from invalid cells', () => {
    const report = structuredClone(expectedFile('pingtan-zone-gov-2021').report)
    report.reviewLitigation.review = { upheld: null, corrected: null, other: null, pending: null, total: null }
    report.requests.granted.natural = 'x'
    report.requests.granted.total = null
    const paths = blankTotals(report).map((f) => f.path)
    expect(paths).not.toContain('reviewLitigation.review.total')
    expect(paths).not.toContain('requests.granted.total')
    expect(editionIndex('2021').byPath.has('requests.granted.total')).toBe(true)
  })
})
