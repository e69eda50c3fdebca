/**
 * The editor's year, in the admin's models: a published report without a publication date is
 * not on time; dates in Chinese (2025年1月20日); the lock modal's date; the cells a next year's
 * report carries; the sidebar's live counts apart from the blank cells.
 */
import { describe, expect, it } from 'vitest'
import { reportState } from '../../plugin/admin/dashboard/model.ts'
import { chineseDateTime, formatDay } from '../../plugin/admin/year/dates.ts'

import { carriedCells, nextYearData } from '../../plugin/endpoints/next-year.ts'
import { canTakePrevious } from '../../plugin/admin/validation/model.ts'
import { expectedFile } from '../helpers/corpus.ts'

describe('publication dates', () => {
  const report = (publishedAt: string | null) => ({ id: 1, agency: 1, year: 2024, status: 'published' as const, publishedAt, errorCount: 0 })
  it('a published report is on time only with a date on or before the deadline', () => {
    expect(reportState(report('2025-01-20T02:00:00.000Z'), '2025-01-31', '2025-06-01')).toBe('published')
    expect(reportState(report(null), '2025-01-31', '2025-06-01')).toBe('publishedLate')
  })

  it('shows dates in Chinese with their year, as the Chinese calendar day', () => {
    expect(formatDay('2025-01-20T02:00:00.000Z', 'zh')).toBe('2025年1月20日')
    // 16:30 UTC is already the 21st in Beijing
    expect(formatDay('2025-01-20T16:30:00.000Z', 'zh')).toBe('2025年1月21日')
    expect(formatDay('2025-01-20T02:00:00.000Z', 'en')).toBe('Jan 20, 2025')
    expect(formatDay(null, 'zh')).toBe('')
    expect(chineseDateTime('Dec 1, 2026, 9:40 PM')).toBe('2026年12月1日 21:40')
    expect(chineseDateTime('用户: 12')).toBeNull()
  })
})

describe('the next year’s report', () => {
  it('carries 上年结转 from 结转下年度 in every column and the in-force counts, nothing else, never the text', () => {
    expect(carriedCells('2021', '2021').map((c) => `${c.path}←${c.from}`)).toEqual([
      'proactive.regulations.inForce←proactive.regulations.inForce',
      'proactive.normativeDocuments.inForce←proactive.normativeDocuments.inForce',
      ...['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'].map((c) => `requests.carriedOver.${c}←requests.carriedForward.${c}`),
    ])
    // from a 2019-edition report: its table 2 has no in-force count
    expect(carriedCells('2021', '2019').every((c) => c.path.startsWith('requests.carriedOver.'))).toBe(true)
    const huaian: Record<string, any> = { ...expectedFile('huaian-city-gov-2024').report, agency: 7, text: { overview: '去年' } }
    const data = nextYearData(huaian, '2021') as Record<string, any>
    expect(data).toMatchObject({ agency: 7, year: 2025, edition: '2021', _status: 'draft' })
    expect(data.requests.carriedOver).toEqual(huaian.requests.carriedForward)
    expect(data.proactive).toEqual({ regulations: { inForce: 11 }, normativeDocuments: { inForce: 66 } })
    expect(data.text).toBeUndefined()
    expect(data.computed).toHaveLength(9)
  })

  it('offers last year’s value on X.CARRY and X.IN_FORCE only', () => {
    const issue = (rule: string, computed: unknown) => ({ rule, computed }) as never
    expect(canTakePrevious(issue('X.CARRY', 3))).toBe(true)
    expect(canTakePrevious(issue('X.IN_FORCE', 0))).toBe(true)
    expect(canTakePrevious(issue('T3.BALANCE', 3))).toBe(false)
    expect(canTakePrevious(issue('X.CARRY', null))).toBe(false)
  })
})
