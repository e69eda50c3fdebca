/**
 * Flattened web text (平潭 page.txt): every cell of a row run together. Table 3 and table 4 are
 * split by the rules over the whole table; table 2, which has no arithmetic, gives ambiguities
 * with every split that survives.
 */
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../seed/index.ts'
import type { ParseResult } from '../../seed/index.ts'
import { splitCrawlerHeader } from '../../seed/kinds/crawler.ts'
import { bytesOf, textOf } from './corpus.ts'

const file = (year: string) => `corpus/real/pingtan-zone-gov-${year}.pdf-text.txt`
const parse = (year: string): Promise<ParseResult> => parseReport(bytesOf(file(year)), { filename: file(year) })
const row = (...v: number[]) => ({ natural: v[0], commercial: v[1], research: v[2], nonprofit: v[3], legal: v[4], otherOrg: v[5], total: v[6] })

describe('flattened text: digits of a row run together', () => {
  it('is detected from the text, whatever the file is called', async () => {
    const { source } = await parseReport(textOf(file('2024')), { filename: 'page.txt' })
    expect(source.kind).toBe('flattened')
  })

  it('reads the crawler header (标题, 发布时间, 发布机构) as metadata, not as the report', () => {
    const { declared, body } = splitCrawlerHeader(textOf(file('2024')))
    expect(declared).toEqual({
      title: '平潭综合实验区2024年度政府信息公开工作年度报告',
      publishedAt: '2025-03-10 15:35',
      publisher: '平潭综合实验区管委会办公室',
    })
    expect(body.startsWith('\n本报告根据')).toBe(true)
  })

  it('splits 21710000218 into 217|1|0|0|0|0|218 by the row total', async () => {
    expect(textOf(file('2024'))).toContain('申请数量21710000218')
    const { report } = await parse('2024')
    expect(report.requests!.received).toEqual(row(217, 1, 0, 0, 0, 0, 218))
  })

  it('gives the trailing 2 of "2200003252.没有现成…" to the next label and reads 22|0|0|0|0|3|25', async () => {
    const { report } = await parse('2021')
    expect((report.requests!.unavailable as any).notHeld).toEqual(row(22, 0, 0, 0, 0, 3, 25))
  })

  it('chooses between row-total splits by the column balances of the whole table, without an ambiguity', async () => {
    // 270020130: 27|0|0|2|0|1|30 or 2|7|0|0|20|1|30; columns commercial and legal received 0
    const r2021 = await parse('2021')
    expect(r2021.report.requests!.granted).toEqual(row(27, 0, 0, 2, 0, 1, 30))
    // 330000033: 33|0|… or 3|30|…; the commercial column's balance rules out the second
    const r2025 = await parse('2025')
    expect(r2025.report.requests!.granted).toEqual(row(33, 0, 0, 0, 0, 0, 33))
    for (const r of [r2021, r2025]) expect(r.ambiguities.filter((a) => a.path.startsWith('requests'))).toEqual([])
  })

  it('splits the fifteen table-4 cells by the group totals', async () => {
    const { report } = await parse('2024')
    expect(report.reviewLitigation).toEqual({
      review: { upheld: 2, corrected: 1, other: 3, pending: 1, total: 7 },
      litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      litigationAfterReview: { upheld: 13, corrected: 2, other: 4, pending: 0, total: 19 },
    })
  })

  it('does not trust stray spaces as cell boundaries (2019: "230 000023", "23 0 00 0 023")', async () => {
    const { report } = await parse('2019.format2019')
    expect(report.edition).toBe('2019')
    expect(report.requests!.received).toEqual(row(23, 0, 0, 0, 0, 0, 23))
    expect(report.requests!.totalHandled).toEqual(row(23, 0, 0, 0, 0, 0, 23))
    expect(report.requests!.otherHandling).toEqual(row(0, 0, 0, 0, 0, 0, 0))
  })

  it('reports table 2 splits as ambiguities with every candidate and the reason for the choice', async () => {
    const { ambiguities } = await parse('2021')
    const docs = ambiguities.find((a) => a.path === 'proactive.normativeDocuments')!
    // 693665: ten splits, none ruled out by arithmetic (table 2 has none)
    expect(docs.candidates).toHaveLength(10)
    expect(docs.candidates).toContainEqual({ issued: 6, repealed: 93, inForce: 665 })
    expect(docs.candidates).toContainEqual({ issued: 693, repealed: 6, inForce: 65 })
    expect(docs.chosen).toEqual({ issued: 69, repealed: 3, inForce: 665 })
    expect(docs.reason.zh).toContain('没有勾稽关系')
    expect(docs.reason.en).toContain('no arithmetic')
  })

  it('uses a figure the narrative states to narrow a table-2 split, and says so', async () => {
    // 6233440 has 15 splits; the narrative says 制发行政规范性文件62件
    const { ambiguities, report } = await parse('2024')
    const docs = ambiguities.find((a) => a.path === 'proactive.normativeDocuments')!
    expect(docs.candidates).toHaveLength(4)
    expect(docs.candidates.every((c: any) => c.issued === 62)).toBe(true)
    expect(docs.reason.zh).toContain('62件')
    expect(report.proactive!.normativeDocuments).toEqual({ issued: 62, repealed: 33, inForce: 440 })
  })

  it('converts an amount printed in 元 to 万元 (2019 procurement 75394432.52元)', async () => {
    const { report, ambiguities } = await parse('2019.format2019')
    expect(report.proactive!.procurement).toEqual({ projects: 135, amount: 7539.443252 })
    const procurement = ambiguities.find((a) => a.path === 'proactive.procurement')!
    expect(procurement.candidates).toContainEqual({ projects: 1357, amount: 539.443252 })
  })

  it('keeps page chrome and the crawler header out of the narrative', async () => {
    const { report } = await parse('2021')
    expect(report.text!.overview!.startsWith('2021年，我区以习近平新时代中国特色社会主义思想为指导')).toBe(true)
    expect(report.text!.overview).not.toContain('当前位置')
  })
})
