/**
 * The failure kinds of issue 11, each on a real corpus source or on a source made from one
 * (tests/fixtures/seed/README.md says how): no wrong cell without an ambiguity, ambiguities on
 * the rows that differ, every constraint before priors, and evidence for the cells.
 */
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../seed/index.ts'
import type { Ambiguity, ParseResult } from '../../seed/index.ts'
import { bytesOf, canonical, corpusSources, measure, previousFor } from './corpus.ts'

const REAL = 'corpus/real'
const parse = (file: string, previous?: Record<string, any>): Promise<ParseResult> =>
  parseReport(bytesOf(file), { filename: file, ...(previous ? { previous: previous as any } : {}) })
const row = (...v: (number | null)[]) => ({ natural: v[0], commercial: v[1], research: v[2], nonprofit: v[3], legal: v[4], otherOrg: v[5], total: v[6] })
const zeros = row(0, 0, 0, 0, 0, 0, 0)
const blank = row(null, null, null, null, null, null, null)
const at = (list: Ambiguity[], path: string) => list.find((a) => a.path === path)

describe('a 2021 table 3 printing the old single （六）其他处理 row (洪泽区 2023, 2024: real PDFs)', () => {
  for (const year of [2023, 2024]) {
    it(`${year}: reads it as one of the three rows, says which reading is whose, and settles the row before it`, async () => {
      const { report, ambiguities } = await parse(`${REAL}/hongze-district-gov-${year}.pdf`)
      const r = report.requests as any
      expect(r.otherHandling).toEqual({ noCorrection: zeros, unpaidFee: blank, other: blank })
      const group = at(ambiguities, 'requests.otherHandling')!
      expect(group.candidates).toEqual([
        { noCorrection: zeros, unpaidFee: blank, other: blank },
        { noCorrection: blank, unpaidFee: zeros, other: blank },
        { noCorrection: blank, unpaidFee: blank, other: zeros },
      ])
      expect(group.reason.zh).toContain('（六）其他处理')
      expect(group.reason.en).toContain('does not say')
      // the value line of 5.要求行政机关确认… (its label wrapped round it) is no longer in doubt
      expect(r.notProcessed.confirmation).toEqual(zeros)
      expect(ambiguities.map((a) => a.path)).toEqual(['requests.otherHandling'])
    })
  }

  it('a table that prints the three rows has no such ambiguity (王集乡 2023)', async () => {
    const { ambiguities } = await parse('corpus/seed/wangji-township-2023.pdf-text.txt')
    expect(ambiguities.filter((a) => a.path.startsWith('requests.otherHandling'))).toEqual([])
  })
})

describe('ambiguities name the rows and cells that differ, never a whole table', () => {
  const FILE = 'tests/fixtures/seed/wangji-unlabelled-rows.pdf-text.txt'

  it('two value lines without a label for three rows in two groups: one ambiguity per row, with its cells', async () => {
    const { ambiguities } = await parse(FILE)
    expect(ambiguities.map((a) => a.path)).toEqual([
      'requests.notProcessed.confirmation',
      'requests.otherHandling.noCorrection',
      'requests.otherHandling.unpaidFee',
    ])
    for (const a of ambiguities) {
      expect(a.cells).toHaveLength(7) // a row blank in one reading and printed in another differs in every cell
      expect(a.cells!.every((c) => c.startsWith(`${a.path}.`))).toBe(true)
      expect(a.reason.zh).toContain('一起读')
    }
    // the source's reading (1.逾期不补正 1, 2.逾期未缴费 2, 5.确认 nothing) is among the candidates of each row
    expect(at(ambiguities, 'requests.notProcessed.confirmation')!.candidates.map(canonical)).toContain(canonical(blank))
    expect(at(ambiguities, 'requests.otherHandling.noCorrection')!.candidates.map(canonical)).toContain(canonical(row(1, 0, 0, 0, 0, 0, 1)))
    expect(at(ambiguities, 'requests.otherHandling.unpaidFee')!.candidates.map(canonical)).toContain(canonical(row(2, 0, 0, 0, 0, 0, 2)))
  })
})

describe('run-together table-2 digits: every constraint before priors', () => {
  it('the narrative settles 8855698 (现行有效…698件, 本年度制发的…88件): no ambiguity (平潭 2022)', async () => {
    const { report, ambiguities } = await parse(`${REAL}/pingtan-zone-gov-2022.pdf-text.txt`)
    expect(report.proactive!.normativeDocuments).toEqual({ issued: 88, repealed: 55, inForce: 698 })
    expect(ambiguities).toEqual([])
  })

  it('without the narrative figures the split is in doubt; the previous report settles it by X.IN_FORCE (665 + 88 − 55 = 698)', async () => {
    const file = 'tests/fixtures/seed/pingtan-2022-no-figures.pdf-text.txt'
    const alone = await parse(file)
    expect(at(alone.ambiguities, 'proactive.normativeDocuments')!.candidates).toContainEqual({ issued: 88, repealed: 55, inForce: 698 })
    const withPrevious = await parse(file, previousFor('pingtan-zone-gov-2022'))
    expect(withPrevious.report.proactive!.normativeDocuments).toEqual({ issued: 88, repealed: 55, inForce: 698 })
    expect(withPrevious.ambiguities).toEqual([])
  })

  it('keeps the ambiguity when narrative and previous report both disagree with every split (平潭 2023)', async () => {
    const { ambiguities } = await parse(`${REAL}/pingtan-zone-gov-2023.pdf-text.txt`, previousFor('pingtan-zone-gov-2023'))
    const a = at(ambiguities, 'proactive.normativeDocuments')!
    // the narrative's 制发…77件 leaves only splits beginning with 77
    expect(a.candidates.every((c: any) => c.issued === 77)).toBe(true)
    expect(a.candidates.length).toBeGreaterThan(1)
    expect(a.reason.zh).toContain('X.IN_FORCE')
    expect(a.cells).toEqual(['proactive.normativeDocuments.repealed', 'proactive.normativeDocuments.inForce'])
  })

  it('2019 edition: the previous report gives 上一年项目数量 (平潭 2020: 其他对外管理服务事项 107105 is 10 | 7 | 105)', async () => {
    const alone = await parse(`${REAL}/pingtan-zone-gov-2020.format2019.pdf-text.txt`)
    // alone the row is misread, but never silently
    expect(alone.report.proactive!.otherServices).not.toEqual({ lastYear: 10, change: 7, decisions: 105 })
    expect(at(alone.ambiguities, 'proactive.otherServices')!.candidates).toContainEqual({ lastYear: 10, change: 7, decisions: 105 })
    const { report, ambiguities } = await parse(`${REAL}/pingtan-zone-gov-2020.format2019.pdf-text.txt`, previousFor('pingtan-zone-gov-2020.format2019'))
    const p = report.proactive as any
    expect(p.otherServices).toEqual({ lastYear: 10, change: 7, decisions: 105 })
    expect([p.licensing.lastYear, p.punishment.lastYear, p.coercion.lastYear, p.fees.lastYear]).toEqual([396, 2648, 126, 35])
    // 7105 may still be 7 | 105 or 710 | 5: the source does not settle it, so it stays ambiguous
    expect(at(ambiguities, 'proactive.otherServices')!.candidates).toEqual([
      { lastYear: 10, change: 7, decisions: 105 },
      { lastYear: 10, change: 710, decisions: 5 },
    ])
  })

  it('reads a minus sign between run-together cells as the next cell’s sign (2648-18538, 35-15)', async () => {
    const { report, ambiguities } = await parse(`${REAL}/pingtan-zone-gov-2020.format2019.pdf-text.txt`)
    expect((report.proactive as any).fees).toEqual({ lastYear: 35, change: -15 })
    expect(at(ambiguities, 'proactive.fees')).toBeUndefined()
    expect(at(ambiguities, 'proactive.punishment')!.candidates).toContainEqual({ lastYear: 2648, change: -18, decisions: 538 })
  })
})

describe('OCR: table 4 in pieces, and shifted columns found by the group totals', () => {
  it('reads table 4 printed as three small tables (沭阳县 2025 OCR)', async () => {
    const { report, ambiguities, issues } = await parse(`${REAL}/shuyang-county-gov-2025.ocr.md`)
    expect(report.reviewLitigation).toEqual({
      review: { upheld: 27, corrected: 10, other: 9, pending: 15, total: 61 },
      litigationDirect: { upheld: 3, corrected: 0, other: 0, pending: 0, total: 3 },
      litigationAfterReview: { upheld: 8, corrected: 0, other: 1, pending: 1, total: 10 },
    })
    expect(ambiguities).toEqual([])
    expect(issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('a row shifted left by a lost empty cell is flagged, with the printed reading and the readings that add up', async () => {
    const { ambiguities } = await parse('tests/fixtures/seed/shuyang-shifted-table4.ocr.md')
    expect(ambiguities.map((a) => a.path)).toEqual(['reviewLitigation.litigationAfterReview'])
    const a = ambiguities[0]!
    expect(a.candidates).toContainEqual({ upheld: 8, corrected: null, other: 1, pending: 1, total: 10 })
    expect(a.candidates).toContainEqual({ upheld: 8, corrected: 1, other: 1, pending: 10, total: null })
    expect(a.reason.en).toContain('OCR')
  })

  it('a PDF text layer is not “corrected”: the agency’s own table-4 totals stay as printed, as errors (洪泽区 2023)', async () => {
    const { report, ambiguities, issues } = await parse(`${REAL}/hongze-district-gov-2023.pdf`)
    expect(report.reviewLitigation!.review).toEqual({ upheld: 10, corrected: 1, other: 0, pending: 0, total: 0 })
    expect(ambiguities.filter((a) => a.path.startsWith('reviewLitigation'))).toEqual([])
    expect(issues.filter((i) => i.rule === 'T4.TOTAL').map((i) => i.path)).toEqual([
      'reviewLitigation.review.total',
      'reviewLitigation.litigationAfterReview.total',
    ])
  })
})

describe('evidence for every number', () => {
  it('PDF: the printed text, its label, the page and the line on it', async () => {
    const { sources } = await parse(`${REAL}/hongze-district-gov-2024.pdf`)
    expect(sources['requests.received.natural']).toEqual({ text: '95', label: '一、本年新收政府信息公开申请数量', page: 3, line: 18 })
    expect(sources['reviewLitigation.litigationAfterReview.total']).toEqual({ text: '3', page: 4, line: 22 })
    // blank cells have no evidence
    expect(sources['requests.otherHandling.unpaidFee.total']).toBeUndefined()
  })

  it('flattened page: the whole run of digits a cell was split from, and the file line', async () => {
    const { sources } = await parse(`${REAL}/pingtan-zone-gov-2020.format2019.pdf-text.txt`)
    expect(sources['proactive.punishment.decisions']).toMatchObject({ text: '-18538', line: 10 })
    expect(sources['proactive.procurement.amount']).toMatchObject({ text: '39573802895.90元' })
    expect(sources['requests.received.total']).toMatchObject({ text: '000121', line: 10 }) // 200 000121: the total is in the second run
  })

  it('OCR Markdown: the table row and file line', async () => {
    const { sources } = await parse(`${REAL}/shuyang-county-gov-2025.ocr.md`)
    expect(sources['requests.received.total']).toMatchObject({ text: '713', row: 2 }) // its small table's row under the header
    expect(sources['requests.received.total']!.line).toBe(99) // | 本年新收政府信息公开申请数量 | 705 | … | 713 |
  })

  it('covers every non-blank cell of these sources', async () => {
    for (const stem of ['hongze-district-gov-2023', 'pingtan-zone-gov-2022', 'shuyang-county-gov-2025']) {
      const { file, expected } = corpusSources().find((s) => s.stem === stem)!
      const m = measure(await parse(file), expected.report)
      expect(m.withEvidence, stem).toBe(m.nonBlank)
    }
  })
})
