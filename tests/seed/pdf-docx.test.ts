/**
 * PDF (pdfjs text with positions) and Word (.docx): the 淮安 PDF whose table 3 runs over a page
 * break, Word documents filled from the official template (merged cells), and the PDFs
 * LibreOffice printed from them (numbers wrapping inside narrow cells, blank cells).
 */
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { parseReport, ParseRefusal } from '../../seed/index.ts'
import { documentLines } from '../../seed/kinds/docx.ts'
import { pdfLines } from '../../seed/kinds/pdf.ts'
import { bytesOf } from './corpus.ts'

const HUAIAN = 'corpus/real/huaian-city-gov-2024.pdf'
const TEMPLATE = 'corpus/reference/format-2021-template.govnianbao.docx'
const row = (...v: (number | null)[]) => ({ natural: v[0], commercial: v[1], research: v[2], nonprofit: v[3], legal: v[4], otherOrg: v[5], total: v[6] })

describe('PDF: 淮安市人民政府 2024 (6 pages, text layer)', () => {
  it('rebuilds table rows from the coordinates of the text', async () => {
    const { lines } = await pdfLines(bytesOf(HUAIAN))
    const received = lines.find((l) => l.cells[0]?.text === '一、本年新收政府信息公开申请数量')!
    expect(received.cells.map((c) => c.text)).toEqual(['一、本年新收政府信息公开申请数量', '3001', '53', '0', '0', '61', '4', '3119'])
    expect(received.cells.every((c) => typeof c.x === 'number')).toBe(true)
  })

  it('drops page numbers, so they never become cells', async () => {
    const { lines } = await pdfLines(bytesOf(HUAIAN))
    expect(lines.some((l) => l.cells.some((c) => /^-\s*\d\s*-$/.test(c.text)))).toBe(false)
  })

  it('reads table 3 across the page break after 三（四）1.', async () => {
    const { report } = await parseReport(bytesOf(HUAIAN), { filename: HUAIAN })
    const r = report.requests as any
    expect(r.unavailable.notHeld).toEqual(row(746, 12, 0, 0, 10, 1, 769))
    expect(r.unavailable.needsCreation).toEqual(row(11, 0, 0, 0, 0, 0, 11))
    expect(r.carriedForward).toEqual(row(103, 0, 0, 0, 0, 0, 103))
  })

  it('reads rows whose labels wrap above and below their values', async () => {
    const { report } = await parseReport(bytesOf(HUAIAN), { filename: HUAIAN })
    const r = report.requests as any
    expect(r.partiallyGranted).toEqual(row(447, 7, 0, 0, 0, 0, 454))
    expect(r.otherHandling.noCorrection).toEqual(row(67, 3, 0, 0, 1, 0, 71))
    expect(r.otherHandling.unpaidFee).toEqual(row(6, 0, 0, 0, 0, 0, 6))
    expect(r.notProcessed.confirmation).toEqual(row(1, 0, 0, 0, 0, 0, 1))
  })

  it('refuses a damaged PDF with a reason in both languages', async () => {
    const bytes = bytesOf(HUAIAN).slice(0, 2000)
    await expect(parseReport(bytes, { filename: 'cut.pdf' })).rejects.toBeInstanceOf(ParseRefusal)
    await expect(parseReport(bytes, { filename: 'cut.pdf' })).rejects.toMatchObject({
      reason: { zh: expect.stringMatching(/PDF/), en: expect.stringMatching(/PDF/) },
    })
  })
})

describe('PDF printed from Word (tests/fixtures/word/*.word.pdf)', () => {
  it('joins a number that wrapped inside its narrow cell (3001 printed as 300 over 1)', async () => {
    const file = 'tests/fixtures/word/huaian-city-gov-2024.word.pdf'
    const { report } = await parseReport(bytesOf(file), { filename: file })
    expect(report.requests!.received).toEqual(row(3001, 53, 0, 0, 61, 4, 3119))
    expect(report.requests!.granted).toEqual(row(1288, 21, 0, 0, 50, 3, 1362))
  })

  it('places values by column when a blank cell printed nothing', async () => {
    const file = 'tests/fixtures/word/shanghai-stcsm-dept-2024.word.pdf'
    const { report } = await parseReport(bytesOf(file), { filename: file })
    expect(report.requests!.carriedForward).toEqual(row(1, 0, 0, 0, 0, 0, null))
  })

  it('reads a row whose total sits on the label’s first line and the other values on the next', async () => {
    const file = 'tests/fixtures/word/pingtan-zone-gov-2021.word.pdf'
    const { report } = await parseReport(bytesOf(file), { filename: file })
    expect(report.requests!.partiallyGranted).toEqual(row(5, 0, 0, 0, 0, 0, 5))
  })
})

describe('Word (.docx)', () => {
  it('reads table rows, leaving out cells that continue a vertical merge', async () => {
    const zip = await JSZip.loadAsync(bytesOf(TEMPLATE))
    const lines = documentLines(await zip.file('word/document.xml')!.async('string'))
    const texts = (label: string) => lines.find((l) => l.cells.some((c) => c.text === label))!.cells.map((c) => c.text)
    expect(texts('1.属于国家秘密')).toEqual(['（三）不予公开', '1.属于国家秘密', '', '', '', '', '', '', ''])
    expect(texts('2.其他法律行政法规禁止公开')).toEqual(['2.其他法律行政法规禁止公开', '', '', '', '', '', '', ''])
  })

  it('refuses the blank template: it has the tables but no agency and no year', async () => {
    const attempt = parseReport(bytesOf(TEMPLATE), { filename: TEMPLATE })
    await expect(attempt).rejects.toBeInstanceOf(ParseRefusal)
    await expect(attempt).rejects.toMatchObject({ reason: { en: expect.stringContaining('year') } })
  })

  it('reads a cell written as — as blank (null)', async () => {
    const file = 'tests/fixtures/word/wangji-township-2023.docx'
    const zip = await JSZip.loadAsync(bytesOf(file))
    const xml = await zip.file('word/document.xml')!.async('string')
    // in the 行政许可 row, write — for its one value
    const at = xml.indexOf('>行政许可<')
    const value = xml.indexOf('>0</w:t>', at)
    zip.file('word/document.xml', `${xml.slice(0, value)}>—</w:t>${xml.slice(value + 8)}`)
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }))
    const { report, issues } = await parseReport(bytes, { filename: 'edited.docx' })
    expect(report.proactive!.licensing).toEqual({ decisions: null })
    expect(issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('refuses a ZIP that is not a Word document', async () => {
    const zip = new JSZip()
    zip.file('readme.txt', 'hello')
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }))
    const attempt = parseReport(bytes, { filename: 'archive.docx' })
    await expect(attempt).rejects.toMatchObject({ reason: { zh: expect.stringContaining('word/document.xml') } })
  })
})
