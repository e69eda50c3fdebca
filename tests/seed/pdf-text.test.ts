/** PDF text (corpus/seed and the Huai'an excerpt): wrapped labels and headings, numbers wrapped onto the next line. */
import { describe, expect, it } from 'vitest'
import { parseReport, ParseRefusal } from '../../seed/index.ts'
import { bytesOf, documentOf, tablesOf, textOf } from './corpus.ts'

const WANGJI = 'corpus/seed/wangji-township-2023.pdf-text.txt'
const EXCERPT = 'corpus/real/huaian-city-gov-2024-excerpt.section3.pdf-text.txt'

describe('PDF text: 王集乡 2023 (corpus/seed)', () => {
  it('joins the title wrapped after 年度报 and reads agency and year from it', async () => {
    const { report } = await parseReport(bytesOf(WANGJI), { filename: WANGJI })
    expect(report.title).toBe('王集乡人民政府2023年政府信息公开工作年度报告')
    expect(report.agency).toBe('王集乡人民政府')
    expect(report.year).toBe(2023)
  })

  it('reads rows whose last number wrapped onto its own line as seven cells', async () => {
    const text = textOf(WANGJI)
    // the source really wraps these rows: six values, then the total alone on the next line
    expect(text).toMatch(/不计其他情形）\n\n0 0 0 0 0 0\n0\n/)
    const { report } = await parseReport(bytesOf(WANGJI), { filename: WANGJI })
    const zeros = { natural: 0, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 0 }
    expect(report.requests!.partiallyGranted).toEqual(zeros)
    expect((report.requests!.otherHandling as any).noCorrection).toEqual(zeros)
    expect((report.requests!.otherHandling as any).unpaidFee).toEqual(zeros)
  })

  it('keeps a wrapped section heading out of the section text', async () => {
    const { report } = await parseReport(bytesOf(WANGJI), { filename: WANGJI })
    expect(report.text!.problems!.startsWith('2023年，我乡政府信息公开工作总体运行较好')).toBe(true)
    expect(report.text!.other).toBe('无其他需要报告的事项。')
  })

  it('parses the same text given as a string', async () => {
    const fromText = await parseReport(textOf(WANGJI), { filename: WANGJI })
    const fromBytes = await parseReport(bytesOf(WANGJI), { filename: WANGJI })
    expect(fromText.report).toEqual(fromBytes.report)
  })
})

describe('PDF text: the 淮安 excerpt (page 4, header cells broken across lines)', () => {
  it('reads the table rows on the page, including a row whose label wraps around its values', async () => {
    const { row } = tablesOf(await documentOf(EXCERPT), '2021')
    expect(row('requests.received')).toEqual({ natural: 3001, commercial: 53, research: 0, nonprofit: 0, legal: 61, otherOrg: 4, total: 3119 })
    expect(row('requests.carriedOver')).toEqual({ natural: 34, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 34 })
    expect(row('requests.partiallyGranted')).toEqual({ natural: 447, commercial: 7, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 454 })
    expect(row('requests.withheld.adminQuery')).toEqual({ natural: 105, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 105 })
    expect(row('requests.unavailable.notHeld')).toEqual({ natural: 746, commercial: 12, research: 0, nonprofit: 0, legal: 10, otherOrg: 1, total: 769 })
    expect(row('proactive.punishment')).toEqual({ decisions: 3985758 })
    expect(row('proactive.fees')).toEqual({ amount: 96171.6 })
  })

  it('leaves the rows that are not on the page blank and says so', async () => {
    const { row, ambiguities } = tablesOf(await documentOf(EXCERPT), '2021')
    expect(row('requests.totalHandled')).toEqual({ natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null })
    expect(ambiguities.map((a) => a.path)).toContain('requests.totalHandled')
    expect(ambiguities.find((a) => a.path === 'requests.totalHandled')).toMatchObject({ candidates: [], chosen: null })
  })

  it('does not read the page number "- 4 -" as a value', async () => {
    expect(textOf(EXCERPT).startsWith('- 4 -')).toBe(true)
    const doc = await documentOf(EXCERPT)
    expect(doc.lines.some((l) => l.cells.some((c) => c.text.trim() === '- 4 -'))).toBe(false)
  })

  it('is refused as a report: no title, agency or year', async () => {
    const attempt = parseReport(bytesOf(EXCERPT), { filename: EXCERPT })
    await expect(attempt).rejects.toBeInstanceOf(ParseRefusal)
    await expect(attempt).rejects.toMatchObject({ reason: { zh: expect.stringContaining('年度'), en: expect.stringContaining('year') } })
  })
})
