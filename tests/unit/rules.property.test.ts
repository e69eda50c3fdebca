import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { editionIndex, equationChecks, validateReport } from '../../src/index.ts'
import type { EditionId, Issue } from '../../src/index.ts'
import { expectedFiles } from '../helpers/corpus.ts'

const files = expectedFiles()

function setPath(report: Record<string, any>, path: string, value: unknown) {
  const keys = path.split('.')
  let node = report
  for (const key of keys.slice(0, -1)) node = node[key] ??= {}
  node[keys[keys.length - 1]!] = value
}
function getPath(report: Record<string, any>, path: string): unknown {
  return path.split('.').reduce<any>((node, key) => node?.[key], report)
}
const errorsOf = (issues: Issue[]) => issues.filter((i) => i.severity === 'error')
const key = (i: Issue) => `${i.rule} ${i.path}`

/** Cells read by an error equation of the edition that holds in this report. */
function cellsOfHoldingEquations(report: Record<string, any>): string[] {
  const edition = report.edition as EditionId
  const failing = new Set(errorsOf(validateReport(report).issues).map(key))
  const cells = new Set<string>()
  const blocked = new Set<string>()
  for (const check of equationChecks(edition)) {
    if (check.severity !== 'error') continue
    const all = [check.target, ...check.terms.map((t) => t.cell)]
    if (failing.has(`${check.rule} ${check.path}`)) all.forEach((c) => blocked.add(c))
    else all.forEach((c) => cells.add(c))
  }
  return [...cells].filter((c) => !blocked.has(c))
}

describe.each(files.map((f) => [f.stem, f] as const))('rules on mutations of %s', (_stem, file) => {
  const arithmeticCells = cellsOfHoldingEquations(file.report)

  it('covers the table 3 and 4 cells', () => {
    expect(arithmeticCells.length).toBeGreaterThan(100)
  })

  it('flags any change to one cell covered by an arithmetic rule, naming that cell', () => {
    fc.assert(
      fc.property(fc.constantFrom(...arithmeticCells), fc.integer({ min: 1, max: 5000 }), fc.boolean(), (path, delta, up) => {
        const report = structuredClone(file.report)
        const before = (getPath(report, path) as number | null) ?? 0
        const after = up || before - delta < 0 ? before + delta : before - delta
        setPath(report, path, after)
        const errors = errorsOf(validateReport(report).issues)
        expect(errors.some((e) => e.cells.includes(path))).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('raises no false alarm when the totals follow a changed item', () => {
    const baseline = errorsOf(validateReport(file.report).issues).map(key).sort()
    const table3 = editionIndex(file.report.edition).edition.tables.find((t) => t.key === 'requests')!
    const outcomeRows = table3.rows.filter((r) => r.role === 'outcome').map((r) => r.key)
    const items = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg']
    fc.assert(
      fc.property(
        fc.constantFrom(...outcomeRows),
        fc.constantFrom(...items),
        fc.constantFrom('review', 'litigationDirect', 'litigationAfterReview'),
        fc.constantFrom('upheld', 'corrected', 'other', 'pending'),
        fc.integer({ min: 1, max: 1000 }),
        (row, column, group, result, delta) => {
          const report = structuredClone(file.report)
          const add = (path: string) => setPath(report, path, ((getPath(report, path) as number | null) ?? 0) + delta)
          // One more request of this applicant kind, received this year and handled with this outcome.
          for (const r of [row, 'totalHandled', 'received']) {
            add(`requests.${r}.${column}`)
            add(`requests.${r}.total`)
          }
          add(`reviewLitigation.${group}.${result}`)
          add(`reviewLitigation.${group}.total`)
          const errors = errorsOf(validateReport(report).issues).map(key).sort()
          expect(errors).toEqual(baseline)
        },
      ),
      { numRuns: 200 },
    )
  })
})

const notCount = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ noInteger: true, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53),
  fc.string(),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
)
const notAmount = fc.oneof(fc.double({ max: -Number.MIN_VALUE, noNaN: true }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY), fc.string(), fc.boolean())
const notSigned = fc.oneof(fc.double({ noInteger: true, noNaN: true }), fc.string(), fc.boolean())

describe.each(files.map((f) => [f.stem, f] as const))('CELL.TYPE on %s', (_stem, file) => {
  const cells = editionIndex(file.report.edition).cells

  it('reports any value that is not valid for the cell, on that cell', () => {
    const byKind = { count: notCount, amount: notAmount, signedCount: notSigned }
    fc.assert(
      fc.property(
        fc.constantFrom(...cells).chain((cell) => fc.tuple(fc.constant(cell), byKind[cell.kind])),
        ([cell, value]) => {
          const report = structuredClone(file.report)
          setPath(report, cell.path, value)
          const { issues, report: parsed } = validateReport(report)
          expect(parsed).toBeNull()
          const typeIssues = issues.filter((i) => i.rule === 'CELL.TYPE')
          expect(typeIssues.map((i) => i.path)).toEqual([cell.path])
          expect(typeIssues[0]!.severity).toBe('error')
        },
      ),
      { numRuns: 300 },
    )
  })

  it('accepts a negative 本年增/减 only in the 2019 edition, and decimals only in amounts', () => {
    const report = structuredClone(file.report)
    if (report.edition === '2019') {
      setPath(report, 'proactive.licensing.change', -12)
      setPath(report, 'proactive.procurement.amount', 12.5)
      expect(validateReport(report).issues.filter((i) => i.rule === 'CELL.TYPE')).toEqual([])
    } else {
      setPath(report, 'proactive.fees.amount', 12.345)
      setPath(report, 'proactive.licensing.decisions', 1.5)
      expect(
        validateReport(report)
          .issues.filter((i) => i.rule === 'CELL.TYPE')
          .map((i) => i.path),
      ).toEqual(['proactive.licensing.decisions'])
    }
  })
})
