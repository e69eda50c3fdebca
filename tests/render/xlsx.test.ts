import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { editionIndex, getEdition, NotAReportError } from '../../src/index.ts'
import type { Report } from '../../src/index.ts'
import { renderReportXlsx } from '../../src/render/xlsx.ts'
import { parseReportXlsx } from '../../seed/xlsx.ts'
import { expectedFile, expectedFiles } from '../helpers/corpus.ts'
import { describeMatrix, sheetMatrix, templateRows, valuesByLabels, wordMatrix } from './grid.ts'
import type { Region, WordCell } from './grid.ts'

const files = expectedFiles()
const compact = (text: string) => text.replace(/[\s\u3000]+/g, '')
const shape = (region: Region) => (region.tag === 'td' || (region.tag === 'tc' && region.text === '') ? '□' : compact(region.text))
const SHEETS = ['政府信息公开工作年度报告', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']

async function load(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer)
  return workbook
}

let template: WordCell[][][]
beforeAll(async () => {
  template = await templateRows()
})

describe.each(files.map((f) => [f.name, f] as const))('XLSX of %s', (_name, file) => {
  const report = file.report as Report
  let buffer: Buffer
  let workbook: ExcelJS.Workbook
  beforeAll(async () => {
    buffer = await renderReportXlsx(report)
    workbook = await load(buffer)
  })

  it('round-trips to the identical report', async () => {
    const { report: back, ambiguities, issues } = await parseReportXlsx(buffer)
    expect(back).toStrictEqual(report)
    expect(ambiguities).toEqual([])
    // The rule errors the source really contains come back, and no others.
    const errors = issues.filter((i) => i.severity === 'error').map((i) => ({ rule: i.rule, path: i.path }))
    expect(errors).toEqual(expect.arrayContaining(file.sourceErrors))
    expect(errors).toHaveLength(file.sourceErrors.length)
  })

  it('has an information sheet and the three tables as sheets', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(SHEETS)
    const info = workbook.getWorksheet(SHEETS[0])!
    const fields = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [info.getCell(i + 1, 1).value, info.getCell(i + 1, 2).value]))
    expect(fields).toEqual({
      格式版本: getEdition(report.edition).label.zh,
      报告年度: report.year,
      机关名称: report.agency,
      标题: report.title,
    })
  })

  it('lays table 3 out with the merged cells of the printed form', () => {
    if (report.edition !== '2021') return // the 2021 template is the reference; 2019 is checked by labels below
    const sheet = workbook.getWorksheet(SHEETS[2])!
    expect(sheet.getCell(1, 1).value).toBe('三、收到和处理政府信息公开申请情况')
    const expected = wordMatrix(template[1]!)
    const actual = sheetMatrix(sheet, 2, expected.length, 10)
    expect(describeMatrix(actual, shape)).toEqual(describeMatrix(expected, shape))
  })

  it.each([
    [1, 'proactive', 4],
    [2, 'requests', 10],
    [3, 'reviewLitigation', 15],
  ] as const)('sheet %i (%s) holds every value under its row and column labels', (index, key, width) => {
    const sheet = workbook.getWorksheet(SHEETS[index])!
    const height = sheet.rowCount - 1
    const found = valuesByLabels(sheetMatrix(sheet, 2, height, width))
    const cells = editionIndex(report.edition).cells.filter((c) => c.table === key)
    expect(found).toHaveLength(cells.length)
    for (const cell of cells) {
      const matches = found.filter((f) => f.row === cell.row.label.zh && f.column === cell.column.label.zh)
      expect(matches, cell.path).toHaveLength(1)
      const value = cell.keys.reduce<any>((node, k) => node?.[k], report)
      expect(matches[0]!.text, cell.path).toBe(value === null ? '' : String(value))
    }
  })
})

describe('XLSX round trip beyond the corpus', () => {
  it('keeps narrative text longer than an Excel cell, blanks, negative changes and tiny amounts', async () => {
    const report = structuredClone(expectedFile('pingtan-zone-gov-2019.format2019').report) as any
    const long = `${'第一段，🀄文字'.repeat(5000)}\n第二段 <b>&</b>`
    report.text = { overview: long, problems: '存在问题。\n改进措施。', other: '无其他需要报告的事项。' }
    report.proactive.licensing.change = -12
    report.proactive.procurement.amount = 0.000123
    report.requests.granted.legal = null
    const { report: back } = await parseReportXlsx(await renderReportXlsx(report))
    expect(back.text!.overview!.length).toBeGreaterThan(32767)
    expect(back).toStrictEqual(report)
  })

  it('round-trips an English workbook too', async () => {
    const report = expectedFile('huaian-city-gov-2024').report as Report
    const buffer = await renderReportXlsx(report, { lang: 'en' })
    // Excel limits sheet names to 31 characters.
    expect((await load(buffer)).worksheets.map((s) => s.name)[2]).toBe('III. Requests received and hand')
    expect((await parseReportXlsx(buffer)).report).toStrictEqual(report)
  })
})

describe('XLSX import of an edited workbook', () => {
  const base = expectedFile('wangji-township-2023').report as Report
  async function edited(edit: (workbook: ExcelJS.Workbook) => void) {
    const workbook = await load(await renderReportXlsx(base))
    edit(workbook)
    return Buffer.from(await workbook.xlsx.writeBuffer())
  }
  const requests = (w: ExcelJS.Workbook) => w.getWorksheet(SHEETS[2])!

  it('reads blank marks, numeric text and formula results; keeps other text for the rules to flag', async () => {
    const buffer = await edited((w) => {
      const sheet = requests(w)
      sheet.getCell('D5').value = '/' // received.natural
      sheet.getCell('E5').value = ' 1,234 ' // received.commercial
      sheet.getCell('J5').value = { formula: 'SUM(D5:I5)', result: 1234 } as ExcelJS.CellFormulaValue // received.total
      sheet.getCell('D7').value = '十二' // granted.natural
      sheet.getCell('E7').value = { richText: [{ text: '3' }] } // granted.commercial
    })
    const { report, issues } = await parseReportXlsx(buffer)
    const r = report.requests as any
    expect(r.received.natural).toBeNull()
    expect(r.received.commercial).toBe(1234)
    expect(r.received.total).toBe(1234)
    expect(r.granted.natural).toBe('十二')
    expect(r.granted.commercial).toBe(3)
    expect(issues.some((i) => i.path === 'requests.granted.natural' && i.severity === 'error')).toBe(true)
    expect(issues.some((i) => i.rule === 'T3.BALANCE' && i.path === 'requests.carriedForward.commercial')).toBe(true)
  })

  it('refuses a sheet whose labels are not the form, naming the cell', async () => {
    const buffer = await edited((w) => {
      requests(w).getCell('B7').value = '（一）全部公开'
    })
    const error = await parseReportXlsx(buffer).catch((e) => e)
    expect(error).toBeInstanceOf(NotAReportError)
    expect(error.reason.zh).toContain('三、收到和处理政府信息公开申请情况!B7 应为「（一）予以公开」')
    expect(error.reason.en).toContain('should read "（一）予以公开"')
  })

  it('refuses a workbook whose stated edition contradicts its tables', async () => {
    const buffer = await edited((w) => {
      w.getWorksheet(SHEETS[0])!.getCell('B1').value = '2019年版格式'
    })
    const error = await parseReportXlsx(buffer).catch((e) => e)
    expect(error).toBeInstanceOf(NotAReportError)
    expect(error.reason.zh).toContain('写的是2019年版格式，表格却是2021年版格式的表头')
  })

  it('refuses a missing sheet and a file that is not XLSX', async () => {
    const buffer = await edited((w) => {
      w.removeWorksheet(requests(w).id)
    })
    await expect(parseReportXlsx(buffer)).rejects.toThrow(/缺少工作表「三、收到和处理政府信息公开申请情况」/)
    await expect(parseReportXlsx(Buffer.from('not a zip'))).rejects.toThrow(NotAReportError)
  })
})
