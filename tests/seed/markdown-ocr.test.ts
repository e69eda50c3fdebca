/**
 * Markdown from a PDF converter (上海市科委 2024) and OCR text: table fragments, value rows
 * whose label ended up elsewhere, broken labels, misread characters.
 */
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../seed/index.ts'
import { repairNumber } from '../../seed/kinds/ocr.ts'
import { matchRow, rowLabels } from '../../seed/read/labels.ts'
import { bytesOf, textOf } from './corpus.ts'

const SHANGHAI = 'corpus/real/shanghai-stcsm-dept-2024.pdf-markdown.md'
const WANGJI = 'corpus/seed/wangji-township-2023.pdf-text.txt'
const row = (...v: (number | null)[]) => ({ natural: v[0], commercial: v[1], research: v[2], nonprofit: v[3], legal: v[4], otherOrg: v[5], total: v[6] })

describe('Markdown from a PDF converter: 上海市科委 2024', () => {
  it('places value rows without a label on the rows that have none, between the labelled rows, in form order', async () => {
    const { report } = await parseReport(bytesOf(SHANGHAI), { filename: SHANGHAI })
    const r = report.requests as any
    expect(r.withheld.internalAffairs).toEqual(row(1, 0, 0, 0, 0, 0, 1))
    expect(r.unavailable.notHeld).toEqual(row(4, 0, 0, 0, 0, 0, 4))
    expect(r.unavailable.needsCreation).toEqual(row(6, 0, 0, 0, 0, 0, 6))
    expect(r.otherHandling.noCorrection).toEqual(row(8, 2, 0, 0, 0, 0, 10))
    expect(r.otherHandling.unpaidFee).toEqual(row(0, 0, 0, 0, 0, 0, 0))
  })

  it('does not read the lone "1" line above a value row as a cell', async () => {
    expect(textOf(SHANGHAI)).toMatch(/信息公开申请\n1\n\| 0 \| 0 \|/)
    const { report } = await parseReport(bytesOf(SHANGHAI), { filename: SHANGHAI })
    expect((report.requests as any).otherHandling.unpaidFee.natural).toBe(0)
  })

  it('keeps the blank 总计 of 结转下年度 blank, and reports the rule errors that follow', async () => {
    const { report, issues } = await parseReport(bytesOf(SHANGHAI), { filename: SHANGHAI })
    expect(report.requests!.carriedForward).toEqual(row(1, 0, 0, 0, 0, 0, null))
    expect(
      issues
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.rule} ${i.path}`)
        .sort(),
    ).toEqual(['T3.BALANCE requests.carriedForward.total', 'T3.ROW_TOTAL requests.carriedForward.total'])
  })

  it('finds table 2 in two places (text lines and a Markdown table) and reads 规范性文件 as 行政规范性文件', async () => {
    const { report } = await parseReport(bytesOf(SHANGHAI), { filename: SHANGHAI })
    expect(report.proactive).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 13, repealed: 0, inForce: 55 },
      licensing: { decisions: 97 },
      punishment: { decisions: 0 },
      coercion: { decisions: 0 },
      fees: { amount: 0 },
    })
  })

  it('reads Shanghai’s renumbered sections by their headings: 五、其他需要报告的事项 is section 六', async () => {
    const { report } = await parseReport(bytesOf(SHANGHAI), { filename: SHANGHAI })
    expect(report.text!.overview!.startsWith('上海市科委 2024 年深入贯彻')).toBe(true)
    expect(report.text!.overview).not.toContain('工作机制保障')
    // the problems heading is lost in this conversion: its body follows table 4
    expect(report.text!.problems!.startsWith('（一）主要问题')).toBe(true)
    expect(report.text!.other!.startsWith('本年度信息公开处理费收费情况')).toBe(true)
  })
})

/**
 * OCR text made from a real report by the damage OCR does: letters for digits, a misread
 * character in a label, the agency name misread once (沭 as 沐, as OCR does with 沭阳县).
 */
function ocrOf(text: string): string {
  return text
    .replace(/王集乡人民政府2023年政府信息公开工作年度报/, '沐阳县人民政府2023年政府信息公开工作年度报')
    .replace(/王集乡/g, '沭阳县')
    .replace('1.属于国家秘密 0 0 0 0 0 0 0', '1.属于国家秘蜜 O 0 0 0 0 0 O')
    .replace('2.重复申请 0 0 0 0 0 0 0', '2.重夏申请 0 0 0 0 0 0 0')
    .replace('行政许可 0', '行政许可 O')
}

describe('OCR text', () => {
  it('repairs letters read for digits inside numbers only', () => {
    expect(repairNumber('1O')).toBe('10')
    expect(repairNumber('l2')).toBe('12')
    expect(repairNumber('O')).toBe('O')
    expect(repairNumber('O', true)).toBe('0')
    expect(repairNumber('行政')).toBe('行政')
    expect(repairNumber('Ol0')).toBe('010')
  })

  it('matches a label with a misread character', () => {
    const labels = rowLabels('2021', 'requests')
    expect(matchRow('1.属于国家秘蜜', labels, true)?.label.row.key).toBe('withheld.stateSecret')
    expect(matchRow('2.重夏申请', labels, true)?.label.row.key).toBe('notProcessed.repeated')
    expect(matchRow('2.重夏申请', labels, false)).toBeNull()
  })

  it('reads a damaged report, takes the agency name the text repeats, and reports the misreading', async () => {
    const text = ocrOf(textOf(WANGJI))
    expect(text).toContain('沐阳县人民政府2023年')
    const { report, ambiguities, source } = await parseReport(text, { filename: 'report.ocr.txt' })
    expect(source.kind).toBe('ocr')
    expect(report.agency).toBe('沭阳县人民政府')
    expect(report.title).toBe('沭阳县人民政府2023年政府信息公开工作年度报告')
    const agency = ambiguities.find((a) => a.path === 'agency')!
    expect(agency.candidates).toEqual(['沭阳县人民政府', '沐阳县人民政府'])
    expect((report.requests as any).withheld.stateSecret).toEqual(row(0, 0, 0, 0, 0, 0, 0))
    expect((report.requests as any).notProcessed.repeated).toEqual(row(0, 0, 0, 0, 0, 0, 0))
    expect(report.proactive!.licensing).toEqual({ decisions: 0 })
  })

  it('does without the column headers OCR lost or renamed', async () => {
    const text = ocrOf(textOf(WANGJI))
      .replace(/申请人情况[\s\S]*?其他\n/, '申请人 情况\n')
      .replace(/信息内容 本年制发件数 本年废止件数 现行有效件数/, '信息内容 本年制发 本年废止 现行有效')
    expect(text).not.toContain('本年制发件数')
    const { report } = await parseReport(text, { filename: 'report.ocr.txt' })
    // the edition still comes from table headers: the 2021-only rows of table 3
    expect(report.edition).toBe('2021')
    expect(report.requests!.received).toEqual(row(0, 0, 0, 0, 0, 0, 0))
    expect(report.proactive!.regulations).toEqual({ issued: 0, repealed: 0, inForce: 0 })
  })
})
