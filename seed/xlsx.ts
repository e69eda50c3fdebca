import ExcelJS from 'exceljs'
import { CURRENT_EDITION, EDITION_IDS, getEdition, NotAReportError, validateReport } from '@xxgk/schema'
import type { Ambiguity, EditionDef, EditionId, Issue, Label, Report } from '@xxgk/schema'
import { labelText, placeGrid, tableGrid } from '@xxgk/schema/render/layout'
import { sheetName, XLSX_LAYOUT } from '@xxgk/schema/render/xlsx'

export interface ImportResult {
  report: Report
  issues: Issue[]
  ambiguities: Ambiguity[]
  /** Per non-blank cell, the workbook cell it was read from (text as stored, `Sheet!B7`, sheet row). */
  sources: Record<string, { text: string; cell: string; row: number }>
}

/** What a source writes in a blank cell (SPEC: "/", "-", "—", "无"). */
const BLANK_MARKS = new Set(['', '/', '／', '-', '－', '—', '–', '——', '无'])
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

const compact = (text: string) => text.replace(/[\s\u3000]+/g, '')

/** The text of a cell value of any kind exceljs returns (rich text, hyperlink, formula result). */
function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString()
  if ('richText' in value) return value.richText.map((run) => run.text).join('')
  if ('text' in value && typeof value.text === 'string') return value.text
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result
    return result === undefined ? null : cellText(result as ExcelJS.CellValue)
  }
  if ('error' in value) return String(value.error)
  return null
}

/**
 * A statistical cell as the interchange JSON holds it: numbers as they are, blank marks as
 * null, numeric text as its number; anything else stays text, so the rules report it
 * (CELL.TYPE) and nothing is lost.
 */
function statisticalValue(value: ExcelJS.CellValue): unknown {
  if (typeof value === 'number') return value
  if (value && typeof value === 'object' && 'formula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result
    if (typeof result === 'number') return result
    if (result === undefined) return `=${(value as ExcelJS.CellFormulaValue).formula}`
  }
  const text = cellText(value)
  if (text === null) return null
  const trimmed = text.trim()
  if (BLANK_MARKS.has(trimmed)) return null
  const plain = trimmed.replace(/,/g, '')
  return NUMBER.test(plain) ? Number(plain) : text
}

const matches = (text: string | null, label: Label) => text !== null && (compact(text) === compact(label.zh) || compact(text) === compact(label.en))

function findSheet(workbook: ExcelJS.Workbook, label: Label): ExcelJS.Worksheet | undefined {
  const names = [sheetName(label, 'zh'), sheetName(label, 'en')].map(compact)
  return workbook.worksheets.find((sheet) => names.includes(compact(sheet.name)))
}

const address = (sheet: ExcelJS.Worksheet, row: number, col: number) => `${sheet.name}!${sheet.getCell(row, col).address}`

/** The first label cell of a table sheet that differs from the edition's layout, or null when all match. */
function layoutMismatch(sheet: ExcelJS.Worksheet, edition: EditionId, key: (typeof XLSX_LAYOUT.tableKeys)[number]) {
  for (const { cell, row, col } of placeGrid(tableGrid(edition, key))) {
    if (cell.kind !== 'label') continue
    const r = XLSX_LAYOUT.gridTop + row
    const text = cellText(sheet.getCell(r, col + 1).value)
    const wanted = { zh: labelText(cell.label, 'zh', cell.role), en: labelText(cell.label, 'en', cell.role) }
    if (!matches(text ?? '', wanted)) return { where: address(sheet, r, col + 1), wanted: wanted.zh, found: text ?? '' }
  }
  return null
}

function readInfo(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.Row> {
  const rows = new Map<string, ExcelJS.Row>()
  sheet.eachRow((row) => {
    const field = XLSX_LAYOUT.infoFields.find((f) => matches(cellText(row.getCell(1).value), f.label))
    if (field && !rows.has(field.key)) rows.set(field.key, row)
  })
  return rows
}

/** The long text of an info row: column B and the continuation cells after it. */
function infoText(row: ExcelJS.Row | undefined): string | null {
  if (!row) return null
  const pieces: string[] = []
  for (let c = 2; c <= Math.max(2, row.cellCount); c++) {
    const text = cellText(row.getCell(c).value)
    if (text === null) break
    pieces.push(text)
  }
  return pieces.length ? pieces.join('') : null
}

function statedEdition(row: ExcelJS.Row | undefined): EditionDef | null {
  const text = row ? cellText(row.getCell(2).value) : null
  if (text === null) return null
  return EDITION_IDS.map(getEdition).find((e) => compact(text) === e.id || matches(text, e.label) || compact(text) === compact(e.source)) ?? null
}

function fail(zh: string, en: string, path = ''): never {
  throw new NotAReportError({ zh, en }, path)
}

/**
 * Reads a workbook in the layout `renderReportXlsx` writes back into the interchange JSON.
 * The edition is the one whose form labels the table sheets carry (the info sheet's 格式版本
 * must agree). Throws NotAReportError, naming the sheet and cell, for any other workbook.
 */
export async function parseReportXlsx(data: Uint8Array | ArrayBuffer): Promise<ImportResult> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load((data instanceof ArrayBuffer ? data : Buffer.from(data)) as ExcelJS.Buffer)
  } catch (error) {
    fail(`不是可读取的 XLSX 文件（${(error as Error).message}）`, `not a readable XLSX file (${(error as Error).message})`)
  }
  // Without the information sheet the report lacks year and agency: the rules say so.
  const info = findSheet(workbook, XLSX_LAYOUT.infoSheet)
  const fields = info ? readInfo(info) : new Map<string, ExcelJS.Row>()
  const sheets = XLSX_LAYOUT.tableKeys.map((key) => {
    // Tables carry the same labels (hence sheet names) in both editions.
    const table = getEdition(CURRENT_EDITION).tables.find((t) => t.key === key)!
    const sheet = findSheet(workbook, table.label)
    if (!sheet) {
      fail(`缺少工作表「${sheetName(table.label, 'zh')}」`, `the sheet "${sheetName(table.label, 'en')}" is missing`)
    }
    return { key, sheet }
  })

  // The edition whose labels every table sheet carries.
  const mismatches = new Map<EditionId, ReturnType<typeof layoutMismatch>>()
  for (const id of EDITION_IDS) {
    mismatches.set(id, sheets.map(({ key, sheet }) => layoutMismatch(sheet, id, key)).find((m) => m !== null) ?? null)
  }
  const fitting = EDITION_IDS.filter((id) => mismatches.get(id) === null)
  const stated = statedEdition(fields.get('edition'))
  if (fitting.length === 0) {
    const m = mismatches.get(stated?.id ?? CURRENT_EDITION)!
    fail(
      `${m.where} 应为「${m.wanted}」，实为「${m.found}」：不是年度报告表格的版式`,
      `${m.where} should read "${m.wanted}" but reads "${m.found}": not the layout of the report's tables`,
    )
  }
  const edition = stated && fitting.includes(stated.id) ? stated.id : fitting[0]!
  if (stated && stated.id !== edition) {
    fail(
      `${address(info!, fields.get('edition')!.number, 2)} 写的是${stated.label.zh}，表格却是${getEdition(edition).label.zh}的表头`,
      `${address(info!, fields.get('edition')!.number, 2)} says ${stated.label.en} but the tables carry the headers of the ${getEdition(edition).label.en}`,
      'edition',
    )
  }

  const report: Record<string, unknown> = { edition }
  const yearText = infoText(fields.get('year'))
  if (yearText !== null) report.year = NUMBER.test(yearText.trim()) ? Number(yearText.trim()) : yearText
  const agency = infoText(fields.get('agency'))
  if (agency !== null) report.agency = agency
  const title = infoText(fields.get('title'))
  if (title !== null) report.title = title
  const text: Record<string, string> = {}
  for (const field of XLSX_LAYOUT.infoFields) {
    if (!field.key.startsWith('text.')) continue
    const value = infoText(fields.get(field.key))
    if (value !== null) text[field.key.slice('text.'.length)] = value
  }
  if (Object.keys(text).length) report.text = text

  const sources: ImportResult['sources'] = {}
  for (const { key, sheet } of sheets) {
    for (const { cell, row, col } of placeGrid(tableGrid(edition, key))) {
      if (cell.kind !== 'value') continue
      let node = report
      const keys = cell.cell.keys
      for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>
      const raw = sheet.getCell(XLSX_LAYOUT.gridTop + row, col + 1).value
      const value = statisticalValue(raw)
      node[keys[keys.length - 1]!] = value
      if (value !== null) {
        sources[keys.join('.')] = {
          text: cellText(raw) ?? String(value),
          cell: address(sheet, XLSX_LAYOUT.gridTop + row, col + 1),
          row: XLSX_LAYOUT.gridTop + row,
        }
      }
    }
  }
  const { issues } = validateReport(report)
  return { report: report as unknown as Report, issues, ambiguities: [], sources }
}
