import { describe, expect, it } from 'vitest'
import { validateReport } from '../../src/index.ts'
import { corpusText, expectedFile } from '../helpers/corpus.ts'

/** The text between two headings of a flattened corpus page. */
function between(text: string, start: string, end?: string): string {
  const from = text.indexOf(start)
  if (from < 0) throw new Error(`heading ${start} not found`)
  const to = end ? text.indexOf(end, from + start.length) : text.length
  return text.slice(from + start.length, to < 0 ? undefined : to)
}

function pingtanText(file: string) {
  const page = corpusText(`real/${file}`)
  return {
    overview: between(page, '一、总体情况', '二、主动公开政府信息情况'),
    problems: between(page, '五、存在的主要问题及改进情况', '六、其他需要报告的事项'),
    other: between(page, '六、其他需要报告的事项'),
  }
}

const textIssues = (report: unknown) => validateReport(report).issues.filter((i) => i.rule === 'TEXT.MATCH')

describe('TEXT.MATCH on real narratives', () => {
  const cases = [
    {
      stem: 'pingtan-zone-gov-2025',
      text: pingtanText('pingtan-zone-gov-2025.pdf-text.txt'),
      // 共收到…申请154件，共办结148件，结转至2026年6件 … 行政复议36起，行政诉讼9起
      cells: [
        'requests.received.total',
        'requests.totalHandled.total',
        'requests.carriedForward.total',
        'reviewLitigation.review.total',
        'reviewLitigation.litigationDirect.total',
      ],
    },
    {
      stem: 'pingtan-zone-gov-2021',
      text: pingtanText('pingtan-zone-gov-2021.pdf-text.txt'),
      // 本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理
      cells: ['requests.received.total', 'requests.totalHandled.total', 'requests.carriedForward.total'],
    },
    {
      stem: 'huaian-city-gov-2024',
      // As printed on page 1 of the PDF (pdftotext -layout), line breaks included.
      text: {
        overview:
          '和针对性。2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n继续办理）。全年共办理政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25\n件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。',
        other: '2024 年，市政府严格落实《政府信息公开信息处理费管理\n办法》，全年收取政府信息公开信息处理费 3940 元。',
      },
      cells: [
        'requests.received.total',
        'requests.carriedOver.total',
        'requests.totalHandled.total',
        'requests.carriedForward.total',
        'reviewLitigation.review.total',
        'reviewLitigation.litigationAfterReview.total',
      ],
    },
  ]

  for (const { stem, text, cells } of cases) {
    it(`${stem}: the narrative agrees with the tables`, () => {
      const report = { ...expectedFile(stem).report, text }
      expect(textIssues(report)).toEqual([])
    })

    it.each(cells)(`${stem}: a table that disagrees with the narrative at %s is flagged`, (path) => {
      const report: Record<string, any> = { ...structuredClone(expectedFile(stem).report), text }
      const [table, row, column] = path.split('.') as [string, string, string]
      const before = report[table][row][column] as number
      report[table][row][column] = before + 7
      const issues = textIssues(report)
      expect(issues).toHaveLength(1)
      expect(issues[0]!.severity).toBe('warning')
      // the table's figure (a sum for lawsuits) is now 7 more than the narrative's
      expect(issues[0]!.reported).toBe((issues[0]!.computed as number) + 7)
      expect(issues[0]!.cells).toContain(path)
      expect(issues[0]!.message.zh).toContain('正文所述')
    })
  }

  it('reads the Shanghai narrative (spaces inside figures) and skips the blank carried-forward total', () => {
    const md = corpusText('real/shanghai-stcsm-dept-2024.pdf-markdown.md')
    const overview = between(md, '一、总体情况', '五、政府信息管理')
    const report: Record<string, any> = { ...structuredClone(expectedFile('shanghai-stcsm-dept-2024').report), text: { overview } }
    expect(textIssues(report)).toEqual([])
    report.requests.received.total = 35
    report.requests.carriedOver.total = 3
    expect(textIssues(report).map((i) => [i.path, i.computed])).toEqual([
      ['requests.received.total', 34],
      ['requests.carriedOver.total', 2],
    ])
  })
})

describe('FEE.REPORTED (2021 edition, section 六)', () => {
  const fee = (stem: string, other: string | undefined) =>
    validateReport({ ...expectedFile(stem).report, text: { overview: '…', other } }).issues.filter((i) => i.rule === 'FEE.REPORTED')

  it('warns when section 六 says nothing about 信息处理费 (the seed township report)', () => {
    const issues = fee('wangji-township-2023', '无其他需要报告的事项。')
    expect(issues.map((i) => [i.path, i.severity])).toEqual([['text.other', 'warning']])
    expect(fee('wangji-township-2023', undefined)).toHaveLength(1)
  })

  it('accepts real statements of fees', () => {
    expect(fee('pingtan-zone-gov-2021', '2021年，无收取信息处理费情况。')).toEqual([])
    expect(fee('shanghai-stcsm-dept-2024', '本年度信息公开处理费收费情况 2024 年，市科委未发生政府信息公开信息处理费收费。')).toEqual([])
  })

  it('does not apply to the 2019 edition or to a report without narrative', () => {
    expect(fee('pingtan-zone-gov-2019.format2019', '无其他需要报告的事项')).toEqual([])
    expect(validateReport(expectedFile('wangji-township-2023').report).issues).toEqual([])
  })
})

describe('DEADLINE', () => {
  const late = (stem: string, publishedAt: string, agencyKind: string, agencyLevel: string) =>
    validateReport(expectedFile(stem).report, { context: { publishedAt, agencyKind, agencyLevel } }).issues.filter((i) => i.rule === 'DEADLINE')

  it('gives a county-or-higher government until 31 March', () => {
    expect(late('huaian-city-gov-2024', '2025-03-31', 'government', 'city')).toEqual([])
    expect(late('huaian-city-gov-2024', '2025-04-01', 'government', 'city').map((i) => [i.reported, i.computed])).toEqual([['2025-04-01', '2025-03-31']])
  })

  it('gives departments and township governments until 31 January, in China time', () => {
    expect(late('shanghai-stcsm-dept-2024', '2025-01-31T15:59:00Z', 'department', 'province')).toEqual([])
    expect(late('shanghai-stcsm-dept-2024', '2025-01-31T16:00:00Z', 'department', 'province')).toHaveLength(1)
    expect(late('wangji-township-2023', '2024-02-05', 'government', 'township')[0]).toMatchObject({
      path: 'publishedAt',
      severity: 'warning',
      computed: '2024-01-31',
    })
  })

  it('is silent without a publication date', () => {
    expect(late('wangji-township-2023', '', 'government', 'township')).toEqual([])
  })
})

describe('CELL.BLANK and blank inputs', () => {
  it('warns for each blank cell read as 0, alongside the errors it causes', () => {
    const report = structuredClone(expectedFile('huaian-city-gov-2024').report)
    report.requests.granted.legal = null
    const { issues } = validateReport(report)
    expect(issues.filter((i) => i.rule === 'CELL.BLANK').map((i) => [i.path, i.cells])).toEqual([['requests', ['requests.granted.legal']]])
    expect(issues.filter((i) => i.severity === 'error').map((i) => `${i.rule} ${i.path}`)).toEqual([
      'T3.HANDLED_SUM requests.totalHandled.legal',
      'T3.ROW_TOTAL requests.granted.total',
    ])
  })

  it('skips a rule whose every input is blank', () => {
    const report = structuredClone(expectedFile('pingtan-zone-gov-2021').report)
    report.reviewLitigation.litigationAfterReview = { upheld: null, corrected: null, other: null, pending: null, total: null }
    delete report.reviewLitigation.review
    expect(validateReport(report).issues).toEqual([])
  })
})
