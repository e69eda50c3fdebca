/**
 * Blank counts as 0 in every equation (SPEC.md): a blank cell whose computed value is 0 is not
 * an error, for every equation of every edition; a blank cell computing anything else still is.
 * CELL.BLANK is one warning per table, listing its cells, and counted apart from the warnings.
 */
import { describe, expect, it } from 'vitest'
import { countIssues, editionIndex, EDITION_IDS, equationChecks, fillComputed, validateReport } from '../../src/index.ts'
import type { EditionId } from '../../src/index.ts'
import { expectedFile } from '../helpers/corpus.ts'

type Json = Record<string, any>

/** A real report of the edition with every cell set to 0 (a township's all-zero year, as many are). */
const BASES: Record<EditionId, string> = { '2021': 'wangji-township-2023', '2019': 'pingtan-zone-gov-2019.format2019' }

function zeroReport(edition: EditionId): Json {
  const report = structuredClone(expectedFile(BASES[edition]).report) as Json
  expect(report.edition).toBe(edition)
  for (const cell of editionIndex(edition).cells) setCell(report, cell.path, 0)
  return report
}

function setCell(report: Json, path: string, value: number | null) {
  const keys = path.split('.')
  let node = report
  for (const key of keys.slice(0, -1)) node = node[key] ??= {}
  node[keys[keys.length - 1]!] = value
}

const previousOf = (report: Json): Json => ({ ...structuredClone(report), year: report.year - 1 })

describe.each(EDITION_IDS.map((e) => [e]))('blank counts as 0 in every equation of the %s edition', (edition) => {
  const checks = equationChecks(edition)

  it('has equations of every rule kind to check', () => {
    const rules = new Set(checks.map((c) => c.rule))
    for (const rule of ['T3.BALANCE', 'T3.HANDLED_SUM', 'T3.ROW_TOTAL', 'T4.TOTAL', 'X.CARRY']) expect(rules).toContain(rule)
    if (edition === '2021') expect(rules).toContain('X.IN_FORCE')
  })

  it.each(checks.map((c) => [`${c.rule} ${c.path}`, c]))('%s: blank, computed 0 → no error; blank, computed 1 → still the rule', (_name, check) => {
    const report = zeroReport(edition)
    const cross = check.terms.some((t) => t.from === 'previous')
    const options = cross ? { previous: previousOf(report) } : {}
    setCell(report, check.target, null)
    const quiet = validateReport(report, options)
    expect(quiet.issues.filter((i) => i.rule === check.rule && i.path === check.path)).toEqual([])
    expect(quiet.errors).toBe(0)
    // the blank cell is listed, once, by its table's CELL.BLANK
    const blank = quiet.issues.filter((i) => i.rule === 'CELL.BLANK')
    expect(blank.map((i) => i.path)).toEqual([check.target.split('.')[0]])
    expect(blank[0]!.cells).toEqual([check.target])
    expect(quiet.blanks).toBe(1)
    expect(quiet.warnings).toBe(quiet.issues.filter((i) => i.severity === 'warning' && i.rule !== 'CELL.BLANK').length)

    // a term that makes the computed value 1: the blank cell disagrees, and the rule says so
    const term = check.terms.find((t) => t.sign === 1 && t.cell !== check.target)!
    const loud = cross && term.from === 'previous' ? previousOf(zeroReport(edition)) : null
    if (loud) setCell(loud, term.cell, 1)
    else setCell(report, term.cell, 1)
    const flagged = validateReport(report, loud ? { previous: loud } : options)
    const issue = flagged.issues.find((i) => i.rule === check.rule && i.path === check.path)
    expect(issue).toMatchObject({ reported: null, computed: 1, severity: check.severity })
  })
})

describe('CELL.BLANK: one warning per table, counted apart', () => {
  it('lists every blank cell of the Huai’an report’s tables under its table', () => {
    const report = structuredClone(expectedFile('huaian-city-gov-2024').report) as Json
    report.requests.granted.legal = null
    report.requests.withheld.stateSecret.natural = null
    report.reviewLitigation.review.pending = null
    const result = validateReport(report)
    const blank = result.issues.filter((i) => i.rule === 'CELL.BLANK')
    expect(blank.map((i) => [i.path, i.cells])).toEqual([
      ['requests', ['requests.granted.legal', 'requests.withheld.stateSecret.natural']],
      ['reviewLitigation', ['reviewLitigation.review.pending']],
    ])
    expect(blank[0]!.message.zh).toContain('2 个空白单元格按 0 计算')
    expect(countIssues(result.issues)).toEqual({ errors: result.errors, warnings: result.warnings, blanks: 3 })
    expect(result.warnings).toBe(result.issues.filter((i) => i.severity === 'warning').length - 2)
  })
})

describe('computed cells follow their parts (fillComputed)', () => {
  it('a computed total is recomputed from its parts; an entered wrong total stays an error', () => {
    const report = zeroReport('2021')
    report.requests.received = { natural: 2, commercial: 1, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 3 }
    report.requests.granted = { ...report.requests.received }
    report.requests.totalHandled = { ...report.requests.received }
    report.reviewLitigation.review = { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 }
    // the editor changes parts of stored totals: the computed ones follow, the typed one does not
    report.requests.received.natural = 5
    report.requests.granted.natural = 5
    report.reviewLitigation.review.upheld = 2
    const computed = ['requests.received.total', 'requests.granted.total', 'requests.totalHandled.natural', 'requests.totalHandled.total']
    const { report: filled, filled: list } = fillComputed(report, { computed })
    expect(filled.requests.received.total).toBe(6)
    expect(filled.requests.granted.total).toBe(6)
    expect(filled.requests.totalHandled.natural).toBe(5)
    expect(filled.requests.totalHandled.total).toBe(6)
    expect(list.map((f) => f.path).sort()).toEqual([...computed].sort())
    // the table-4 total was typed (1) and is not listed: it stays, and is an error
    expect(filled.reviewLitigation.review.total).toBe(1)
    const errors = validateReport(filled).issues.filter((i) => i.severity === 'error')
    expect(errors.map((i) => `${i.rule} ${i.path}`)).toEqual(['T4.TOTAL reviewLitigation.review.total'])
    // and without the list, the stored totals are what the rules see: all wrong
    expect(validateReport(fillComputed(report).report).errors).toBeGreaterThan(1)
  })

  it('computed cross-year cells follow last year: carried over, and the in-force count with issued − repealed', () => {
    const previous = zeroReport('2021')
    previous.year = 2023
    previous.requests.carriedForward = { natural: 4, commercial: 1, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 5 }
    previous.proactive.regulations.inForce = 7
    const report = zeroReport('2021')
    report.year = 2024
    report.proactive.regulations.issued = 2
    report.proactive.regulations.repealed = 1
    const computed = ['requests.carriedOver.natural', 'requests.carriedOver.commercial', 'requests.carriedOver.total', 'proactive.regulations.inForce']
    const { report: filled } = fillComputed(report, { computed, previous })
    expect(filled.requests.carriedOver).toMatchObject({ natural: 4, commercial: 1, total: 5 })
    expect(filled.proactive.regulations.inForce).toBe(8)
    // without last year's report nothing is invented: the cells stay blank
    expect(fillComputed(report, { computed }).report.proactive.regulations.inForce).toBeNull()
  })
})
