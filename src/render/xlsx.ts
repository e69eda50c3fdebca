import ExcelJS from 'exceljs'
import { getEdition, NARRATIVE_KEYS, NARRATIVE_SECTIONS, REPORT_FIELDS, REPORT_NAME } from '../editions/index.ts'
import type { EditionDef, TableDef, TableKey } from '../editions/index.ts'
import type { Label, Lang } from '../labels.ts'
import type { Report } from '../schema.ts'
import { cellValue, interchangeReport, reportTitle } from './cells.ts'
import { labelText, placeGrid, tableGrid } from './layout.ts'
import type { TableGrid } from './layout.ts'
import { displayWidth } from './text.ts'

/**
 * The workbook layout, shared with the importer (seed/xlsx.ts): an information sheet with the
 * report's fields and narrative sections, then one sheet per table named by the table's label,
 * its heading in row 1 and the form's grid from row 2 (column A).
 */
export const XLSX_LAYOUT = {
  infoSheet: REPORT_NAME,
  /** Fields of the information sheet, label in column A, value from column B on. */
  infoFields: [
    { key: 'edition', label: REPORT_FIELDS.edition },
    { key: 'year', label: REPORT_FIELDS.year },
    { key: 'agency', label: REPORT_FIELDS.agency },
    { key: 'title', label: REPORT_FIELDS.title },
    ...NARRATIVE_KEYS.map((key) => ({ key: `text.${key}`, label: NARRATIVE_SECTIONS[key] })),
  ] as readonly { key: string; label: Label }[],
  tableKeys: ['proactive', 'requests', 'reviewLitigation'] as readonly TableKey[],
  /** 1-based row of the grid's first row on a table sheet (row 1 holds the table's heading). */
  gridTop: 2,
  /** Excel's limit on the characters of one cell: longer texts continue in the next columns. */
  cellLimit: 32767,
} as const

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export interface XlsxOptions {
  lang?: Lang
}

/** Sheet names may not exceed 31 characters nor contain []:*?/\ . */
export function sheetName(label: Label, lang: Lang): string {
  return label[lang].replace(/[[\]:*?/\\]/g, '_').slice(0, 31)
}

/** Total width in characters of each table's sheet, shared out by the grid's column widths. */
const SHEET_WIDTH: Record<TableKey, number> = { proactive: 100, requests: 132, reviewLitigation: 142 }

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } }
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }
const FONT = { name: '宋体', size: 11 }

/** Pieces of at most `limit` UTF-16 units, never splitting a surrogate pair. */
export function splitForCells(text: string, limit: number): string[] {
  const pieces: string[] = []
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + limit)
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--
    pieces.push(text.slice(start, end))
    start = end
  }
  return pieces
}

/** What a report's cell holds in the workbook: numbers as numbers, blank as nothing, anything else as text. */
function sheetValue(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'number' || typeof value === 'string') return value
  return JSON.stringify(value) ?? String(value)
}

function addInfoSheet(workbook: ExcelJS.Workbook, report: Report, edition: EditionDef, lang: Lang) {
  const sheet = workbook.addWorksheet(sheetName(XLSX_LAYOUT.infoSheet, lang))
  sheet.columns = [{ width: 30 }, { width: 100 }, { width: 30 }]
  const values: Record<string, unknown> = {
    edition: edition.label[lang],
    year: report.year,
    agency: report.agency,
    title: report.title,
  }
  for (const key of NARRATIVE_KEYS) values[`text.${key}`] = report.text?.[key]
  XLSX_LAYOUT.infoFields.forEach((field, i) => {
    const row = sheet.getRow(i + 1)
    row.getCell(1).value = field.label[lang]
    row.getCell(1).font = { ...FONT, bold: true }
    row.getCell(1).alignment = { vertical: 'top' }
    const value = values[field.key]
    const pieces = typeof value === 'string' ? splitForCells(value, XLSX_LAYOUT.cellLimit) : [sheetValue(value)]
    pieces.forEach((piece, p) => {
      const cell = row.getCell(2 + p)
      cell.value = piece
      cell.font = FONT
      cell.alignment = { vertical: 'top', horizontal: 'left', wrapText: true }
    })
    if (field.key === 'edition') row.getCell(3).value = edition.source
  })
}

/** Rows tall enough for wrapped labels (Excel does not fit merged cells by itself). */
function lineCount(text: string, widthChars: number): number {
  return Math.max(1, Math.ceil(displayWidth(text) / Math.max(1, widthChars - 1)))
}

function addTableSheet(workbook: ExcelJS.Workbook, report: Report, table: TableDef, grid: TableGrid, lang: Lang) {
  const sheet = workbook.addWorksheet(sheetName(table.label, lang), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: table.key === 'reviewLitigation' ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    },
  })
  // Printed pages carry the report's title ('&' is a control character in Excel headers).
  sheet.headerFooter.oddHeader = `&C${reportTitle(report, lang).replace(/&/g, '&&')}`
  const widths = grid.columnWidths.map((w) => Math.max(6, Math.round((w / 100) * SHEET_WIDTH[table.key] * 10) / 10))
  sheet.columns = widths.map((width) => ({ width }))
  const top = XLSX_LAYOUT.gridTop
  sheet.mergeCells(1, 1, 1, grid.width)
  const heading = sheet.getCell(1, 1)
  heading.value = table.label[lang]
  heading.font = { ...FONT, size: 14, bold: true }
  heading.alignment = { vertical: 'middle', horizontal: 'left' }
  sheet.getRow(1).height = 24
  const headerRows = grid.rows.filter((r) => r.header).length
  if (headerRows) sheet.pageSetup.printTitlesRow = `${top}:${top + headerRows - 1}`

  const lines = new Map<number, number>()
  for (const { cell, row, col } of placeGrid(grid)) {
    const r = top + row
    const c = col + 1
    if (cell.rowSpan > 1 || cell.colSpan > 1) sheet.mergeCells(r, c, r + cell.rowSpan - 1, c + cell.colSpan - 1)
    for (let dr = 0; dr < cell.rowSpan; dr++) {
      for (let dc = 0; dc < cell.colSpan; dc++) sheet.getCell(r + dr, c + dc).border = BORDER
    }
    const target = sheet.getCell(r, c)
    target.font = FONT
    if (cell.kind === 'value') {
      target.value = sheetValue(cellValue(report, cell.cell))
      target.alignment = { vertical: 'middle', horizontal: 'center' }
      continue
    }
    const text = labelText(cell.label, lang, cell.role)
    target.value = text
    target.alignment = {
      vertical: 'middle',
      horizontal: cell.role === 'row' && !grid.rows[row]!.header ? 'left' : 'center',
      wrapText: true,
    }
    if (cell.role === 'subtable') target.font = { ...FONT, bold: true }
    const width = widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0)
    const perRow = Math.ceil(lineCount(text, width) / cell.rowSpan)
    lines.set(r, Math.max(lines.get(r) ?? 1, perRow))
  }
  for (const [r, count] of lines) if (count > 1) sheet.getRow(r).height = 15 * count + 3
}

/** The report as an exceljs workbook (see XLSX_LAYOUT). */
export function reportWorkbook(input: Report, options: XlsxOptions = {}): ExcelJS.Workbook {
  const lang = options.lang ?? 'zh'
  const report = interchangeReport(input)
  const edition = getEdition(report.edition)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'xxgk'
  workbook.title = typeof report.title === 'string' ? report.title : ''
  addInfoSheet(workbook, report, edition, lang)
  for (const key of XLSX_LAYOUT.tableKeys) {
    const grid = tableGrid(report.edition, key)
    addTableSheet(workbook, report, grid.table, grid, lang)
  }
  return workbook
}

/** The report as an XLSX file. */
export async function renderReportXlsx(report: Report, options: XlsxOptions = {}): Promise<Buffer<ArrayBuffer>> {
  const data = await reportWorkbook(report, options).xlsx.writeBuffer()
  return Buffer.from(data as ArrayBuffer)
}
