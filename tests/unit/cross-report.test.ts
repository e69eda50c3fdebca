import { describe, expect, it } from 'vitest'
import { NotAReportError, validateReport } from '../../src/index.ts'
import { expectedFile } from '../helpers/corpus.ts'

const pingtan2019 = expectedFile('pingtan-zone-gov-2019.format2019').report
const pingtan2021 = expectedFile('pingtan-zone-gov-2021').report
const pingtan2024 = expectedFile('pingtan-zone-gov-2024').report
const pingtan2025 = expectedFile('pingtan-zone-gov-2025').report

const crossIssues = (report: unknown, previous: unknown) => validateReport(report, { previous }).issues.filter((i) => i.rule.startsWith('X.'))

describe('cross-report rules on the same agency', () => {
  it('pingtan 2024 → 2025: the in-force count of normative documents does not follow (a finding of the source)', () => {
    const issues = crossIssues(pingtan2025, pingtan2024)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({
      rule: 'X.IN_FORCE',
      severity: 'warning',
      path: 'proactive.normativeDocuments.inForce',
      reported: 546,
      computed: 440 + 58 - 45,
    })
    expect(issues[0]!.cells).toContain('previous.proactive.normativeDocuments.inForce')
  })

  it('pingtan 2024 → 2025 carries over the 0 requests carried forward', () => {
    expect(crossIssues(pingtan2025, pingtan2024).filter((i) => i.rule === 'X.CARRY')).toEqual([])
  })

  it('warns per column when this year’s carried-over differs from last year’s carried-forward', () => {
    // pingtan 2021 carried 1 request (natural) forward; a 2022 report derived from it.
    const next = structuredClone(pingtan2021)
    next.year = 2022
    next.requests.carriedOver = structuredClone(pingtan2021.requests.carriedForward)
    expect(crossIssues(next, pingtan2021).filter((i) => i.rule === 'X.CARRY')).toEqual([])

    next.requests.carriedOver.natural = 0
    next.requests.carriedOver.total = 0
    const carry = crossIssues(next, pingtan2021).filter((i) => i.rule === 'X.CARRY')
    expect(carry.map((i) => [i.path, i.reported, i.computed])).toEqual([
      ['requests.carriedOver.natural', 0, 1],
      ['requests.carriedOver.total', 0, 1],
    ])
    expect(carry[0]!.cells).toEqual(['requests.carriedOver.natural', 'previous.requests.carriedForward.natural'])
    expect(carry[0]!.message.zh).toContain('报告值 0')
  })

  it('follows in-force counts from issued and repealed documents', () => {
    const next = structuredClone(pingtan2024)
    next.year = 2025
    next.proactive.normativeDocuments = { issued: 10, repealed: 4, inForce: 440 + 10 - 4 }
    expect(crossIssues(next, pingtan2024)).toEqual([])
    next.proactive.regulations = { issued: 2, repealed: 0, inForce: 1 }
    expect(crossIssues(next, pingtan2024).map((i) => [i.rule, i.path, i.computed])).toEqual([['X.IN_FORCE', 'proactive.regulations.inForce', 2]])
  })

  it('carries over across editions (2019 → 2020 in the 2019 format) and skips in-force there', () => {
    const next = structuredClone(pingtan2019)
    next.year = 2020
    next.requests.carriedOver.natural = 3
    next.requests.carriedOver.total = 3
    next.requests.received.natural -= 3
    next.requests.received.total -= 3
    const issues = crossIssues(next, pingtan2019)
    expect(issues.map((i) => i.path)).toEqual(['requests.carriedOver.natural', 'requests.carriedOver.total'])
    const mixed = structuredClone(pingtan2021)
    mixed.year = 2020
    expect(crossIssues(mixed, pingtan2019).map((i) => i.rule)).not.toContain('X.IN_FORCE')
  })

  it('says so, and runs no cross rule, when the previous report is not the agency’s year before', () => {
    const issues = crossIssues(pingtan2024, pingtan2021)
    expect(issues.map((i) => [i.rule, i.path, i.computed])).toEqual([['X.PREVIOUS', 'previous', 2023]])
    const other = structuredClone(pingtan2024)
    other.agency = '王集乡人民政府'
    other.year = 2024
    expect(crossIssues(pingtan2025, other).map((i) => i.rule)).toEqual(['X.PREVIOUS'])
  })

  it('refuses a previous report that is not a report', () => {
    expect(() => validateReport(pingtan2025, { previous: { year: 2024 } })).toThrow(NotAReportError)
    try {
      validateReport(pingtan2025, { previous: [] })
    } catch (error) {
      expect((error as NotAReportError).path).toBe('previous')
    }
  })

  it('skips cross rules when no previous report is given', () => {
    expect(crossIssues(pingtan2025, undefined)).toEqual([])
  })
})
