import { describe, expect, it } from 'vitest'
import { anyEditionSchema, validateReport } from '../../src/index.ts'
import { expectedFiles } from '../helpers/corpus.ts'

const files = expectedFiles()

describe('corpus expected reports', () => {
  it('finds every expected file', () => {
    expect(files.map((f) => f.stem)).toEqual(
      expect.arrayContaining([
        'wangji-township-2023',
        'huaian-city-gov-2024',
        'pingtan-zone-gov-2019.format2019',
        'pingtan-zone-gov-2021',
        'pingtan-zone-gov-2024',
        'pingtan-zone-gov-2025',
        'shanghai-stcsm-dept-2024',
      ]),
    )
  })

  for (const file of files) {
    describe(file.name, () => {
      it('parses with the zod schema', () => {
        const parsed = anyEditionSchema().safeParse(file.report)
        expect(parsed.error?.issues ?? []).toEqual([])
      })

      it('has exactly the source errors the expected file lists', () => {
        const { issues } = validateReport(file.report)
        const errors = issues.filter((i) => i.severity === 'error').map((i) => ({ rule: i.rule, path: i.path }))
        const byKey = (a: { rule: string; path: string }, b: { rule: string; path: string }) => `${a.rule} ${a.path}`.localeCompare(`${b.rule} ${b.path}`)
        expect(errors.sort(byKey)).toEqual([...file.sourceErrors].sort(byKey))
      })
    })
  }

  it('reports the Shanghai blank carried-forward total as read as 0', () => {
    const shanghai = files.find((f) => f.stem === 'shanghai-stcsm-dept-2024')!
    const { issues } = validateReport(shanghai.report)
    // one CELL.BLANK per table, listing its blank cells
    const blank = issues.filter((i) => i.rule === 'CELL.BLANK')
    expect(blank.map((i) => [i.path, i.cells])).toEqual([['requests', ['requests.carriedForward.total']]])
    const balance = issues.find((i) => i.rule === 'T3.BALANCE')!
    expect(balance).toMatchObject({
      severity: 'error',
      path: 'requests.carriedForward.total',
      cells: ['requests.carriedForward.total', 'requests.received.total', 'requests.carriedOver.total', 'requests.totalHandled.total'],
      reported: null,
      computed: 1,
    })
    expect(balance.message.zh).toMatch(/^requests\.carriedForward\.total: 报告值 空白，计算值 1/)
    expect(balance.message.en).toMatch(/^requests\.carriedForward\.total: reported blank, computed 1/)
  })
})
