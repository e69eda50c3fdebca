import { describe, expect, it } from 'vitest'
import { countStates, dashboardRows, dueDate, outcomeChartData, outcomeSeries, reportState, shortLabel } from '../../plugin/admin/dashboard/model.ts'
import type { DashboardAgency, DashboardReport } from '../../plugin/admin/dashboard/model.ts'
import { expectedFile } from '../helpers/corpus.ts'

const agencies: DashboardAgency[] = [
  { id: 1, name: '淮安市人民政府', parent: null, kind: 'government', level: 'city' },
  { id: 2, name: '淮安市教育局', parent: 1, kind: 'department', level: 'city' },
  { id: 3, name: '清江浦区人民政府', parent: 1, kind: 'government', level: 'county' },
  { id: 4, name: '清江浦区财政局', parent: 3, kind: 'department', level: 'county' },
  { id: 5, name: '王集乡人民政府', parent: 3, kind: 'government', level: 'township' },
  { id: 9, name: '另一个市人民政府', parent: null, kind: 'government', level: 'city' },
]

const report = (id: number, agency: number, status: DashboardReport['status'], extra: Partial<DashboardReport> = {}): DashboardReport => ({
  id,
  agency,
  year: 2024,
  status,
  errorCount: 0,
  warningCount: 0,
  ...extra,
})

describe('supervisor dashboard', () => {
  it('deadlines follow the DEADLINE rule: 31 March for county-level-and-up governments, else 31 January', () => {
    expect(dueDate(2024, { kind: 'government', level: 'city' }).date).toBe('2025-03-31')
    expect(dueDate(2024, { kind: 'government', level: 'county' }).date).toBe('2025-03-31')
    expect(dueDate(2024, { kind: 'government', level: 'township' }).date).toBe('2025-01-31')
    expect(dueDate(2024, { kind: 'department', level: 'province' }).date).toBe('2025-01-31')
    expect(dueDate(2024, {}).date).toBe('2025-01-31')
  })

  it('classifies each report: published on time or late (China time), draft with errors, missing, overdue', () => {
    const due = '2025-01-31'
    expect(reportState(report(1, 1, 'published', { publishedAt: '2025-01-31T15:59:00.000Z' }), due, '2025-06-01')).toBe('published')
    // 16:00 UTC on 31 January is 1 February in Beijing
    expect(reportState(report(1, 1, 'published', { publishedAt: '2025-01-31T16:00:00.000Z' }), due, '2025-06-01')).toBe('publishedLate')
    expect(reportState(report(1, 1, 'draft', { errorCount: 2 }), due, '2025-01-10')).toBe('draftWithErrors')
    expect(reportState(report(1, 1, 'draft'), due, '2025-01-10')).toBe('draft')
    expect(reportState(report(1, 1, 'draft'), due, '2025-02-01')).toBe('overdue')
    expect(reportState(null, due, '2025-01-31')).toBe('missing')
    expect(reportState(null, due, '2025-02-01')).toBe('overdue')
  })

  it('lists the supervisor’s agency and all its descendants in tree order, nothing else', () => {
    const reports = [
      report(11, 2, 'published', { publishedAt: '2025-01-20' }),
      report(12, 4, 'draft', { errorCount: 3 }),
      report(13, 5, 'published', { publishedAt: '2025-02-15' }),
      report(14, 9, 'published', { publishedAt: '2025-01-02' }),
      { ...report(15, 3, 'published', { publishedAt: '2024-03-01' }), year: 2023 },
    ]
    const rows = dashboardRows({ agencies, reports, year: 2024, today: '2025-02-20', roots: [3] })
    expect(rows.map((r) => [r.agency.name, r.depth, r.state])).toEqual([
      ['清江浦区人民政府', 0, 'missing'], // due 31 March: not late yet
      ['清江浦区财政局', 1, 'draftWithErrors'],
      ['王集乡人民政府', 1, 'publishedLate'],
    ])
    const all = dashboardRows({ agencies, reports, year: 2024, today: '2025-04-01' })
    expect(all.map((r) => r.agency.name)).toEqual([
      '淮安市人民政府',
      '淮安市教育局',
      '清江浦区人民政府',
      '清江浦区财政局',
      '王集乡人民政府',
      '另一个市人民政府',
    ])
    expect(countStates(all)).toEqual({ overdue: 2, draftWithErrors: 1, publishedLate: 1, missing: 0, draft: 0, published: 2 })
  })

  it('charts requests by outcome group, labelled from the edition, summing 2019’s single 其他处理 row with 2021’s three', () => {
    expect(outcomeSeries().map((s) => s.label.zh)).toEqual([
      '（一）予以公开',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '（三）不予公开',
      '（四）无法提供',
      '（五）不予处理',
      '（六）其他处理',
    ])
    expect(outcomeSeries().map((s) => shortLabel(s.label.zh))[1]).toBe('（二）部分公开')
    expect(outcomeSeries().map((s) => shortLabel(s.label.en))[1]).toBe('(2) Partially granted')
    const r2024 = expectedFile('huaian-city-gov-2024').report.requests
    const r2019 = expectedFile('pingtan-zone-gov-2019.format2019').report.requests
    const data = outcomeChartData([
      { year: 2024, requests: r2024 },
      { year: 2019, requests: r2019 },
    ])
    expect(data.map((d) => d.year)).toEqual([2019, 2024])
    const [y2019, y2024] = data as [Record<string, number>, Record<string, number>]
    // every outcome of a year adds up to 三（七）总计
    const outcomes = (d: Record<string, number>) => outcomeSeries().reduce((n, s) => n + d[s.key]!, 0)
    expect(outcomes(y2024)).toBe(r2024.totalHandled.total)
    expect(outcomes(y2019)).toBe(r2019.totalHandled.total)
    expect(y2024.received).toBe(r2024.received.total)
    expect(y2019.otherHandling).toBe(r2019.otherHandling.total)
    const w = r2024.withheld
    expect(y2024.withheld).toBe(Object.values(w as Record<string, { total: number }>).reduce((n, row) => n + row.total, 0))
  })
})
