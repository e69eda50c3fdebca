/**
 * Plain list workbooks (issue 10): the year-over-year comparison and the supervisor's follow-up
 * list. One header row, then one row per item; changes and problems marked by fill.
 */
import ExcelJS from 'exceljs'
import { cellLabel, editionIndex, editionOr, getEdition } from '../editions/index.ts'
import type { Lang } from '../labels.ts'
import type { ComparedCell } from '../compare.ts'

export type SheetValue = string | number | null
export interface ListSheet {
  name: string
  columns: { header: string; width: number }[]
  rows: SheetValue[][]
  /** Rows to mark (0-based, within `rows`). */
  marked?: ReadonlySet<number>
}

const FONT = { name: '宋体', size: 11 }
const MARK = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF2CC' } }

export async function listWorkbook(sheets: readonly ListSheet[]): Promise<Uint8Array> {
  // the streaming writer: about three times faster than the document model for long lists
  const chunks: Buffer[] = []
  const { Writable } = await import('node:stream')
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    },
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width, style: { font: FONT } }))
    sheet.getRow(1).font = { ...FONT, bold: true }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } }
    sheet.getRow(1).commit()
    spec.rows.forEach((values, i) => {
      const row = sheet.addRow(values)
      // a style object of its own: a cell shares its column's style object until given one
      if (spec.marked?.has(i)) for (let c = 1; c <= spec.columns.length; c++) row.getCell(c).style = { font: FONT, fill: MARK }
      row.commit()
    })
    sheet.commit()
  }
  await workbook.commit()
  return new Uint8Array(Buffer.concat(chunks))
}

const HEADERS = {
  zh: { cell: '单元格', path: '路径', current: '本年', previous: '上年', change: '增减', finding: '跨年度检查' },
  en: { cell: 'Cell', path: 'Path', current: 'This year', previous: 'Last year', change: 'Change', finding: 'Cross-year check' },
}

/** The comparison as a workbook: a sheet per table, changed cells marked, cross-year findings beside their cells. */
export async function comparisonWorkbook(
  input: { edition: string; year: number; previousYear: number | null; cells: readonly ComparedCell[]; findings?: Record<string, string> },
  lang: Lang = 'zh',
): Promise<Uint8Array> {
  const h = HEADERS[lang]
  const edition = editionOr(input.edition)
  const index = editionIndex(edition)
  const sheets: ListSheet[] = getEdition(edition).tables.map((table) => {
    const cells = input.cells.filter((c) => c.table === table.key)
    const marked = new Set<number>()
    const rows = cells.map((c, i): SheetValue[] => {
      if (c.change !== null && c.change !== 0) marked.add(i)
      const def = index.byPath.get(c.path)
      return [def ? cellLabel(def, lang) : c.path, c.path, c.current, c.previous, c.change, input.findings?.[c.path] ?? null]
    })
    const yearHeader = (label: string, year: number | null) => (year === null ? label : `${label} ${year}`)
    return {
      name: table.label[lang],
      columns: [
        { header: h.cell, width: 60 },
        { header: h.path, width: 40 },
        { header: yearHeader(h.current, input.year), width: 12 },
        { header: yearHeader(h.previous, input.previousYear), width: 12 },
        { header: h.change, width: 10 },
        { header: h.finding, width: 50 },
      ],
      rows,
      marked,
    }
  })
  return listWorkbook(sheets)
}
