import type { Lang } from '../labels.ts'
import type { Report } from '../schema.ts'
import { interchangeReport } from './cells.ts'
import { renderReportHtml } from './html.ts'
import { renderReportText } from './text.ts'
import { renderReportXlsx, XLSX_CONTENT_TYPE } from './xlsx.ts'

export { interchangeReport, formatCell, formatNumber, reportTitle } from './cells.ts'
export { renderReportHtml, escapeHtml, REPORT_CSS } from './html.ts'
export type { HtmlOptions } from './html.ts'
export { renderReportText, displayWidth } from './text.ts'
export { renderReportXlsx, reportWorkbook, XLSX_LAYOUT, XLSX_CONTENT_TYPE } from './xlsx.ts'
export { tableGrid, placeGrid, labelText } from './layout.ts'
export type { TableGrid, GridCell, GridRow, PlacedCell, LabelRole } from './layout.ts'

export const EXPORT_FORMATS = ['html', 'xlsx', 'json', 'txt'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value)
}

export interface ExportOptions {
  /** Language of the labels in html, txt and xlsx (default zh, the official form). */
  lang?: Lang
}

export interface ExportResult {
  /** Text for html, json and txt; the file's bytes for xlsx. */
  body: string | Buffer<ArrayBuffer>
  contentType: string
  extension: ExportFormat
  /** A file name for Content-Disposition or --out: agency + year + extension, e.g. 王集乡人民政府-2023.html. */
  filename: string
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  html: 'text/html; charset=utf-8',
  xlsx: XLSX_CONTENT_TYPE,
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
}

/** A file name safe on every system, from the report's agency and year. */
export function exportFilename(report: Report, format: ExportFormat): string {
  // control characters are not allowed in file names
  // eslint-disable-next-line no-control-regex
  const stem = `${report.agency ?? ''}-${report.year ?? ''}`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^[-_.\s]+|[-_.\s]+$/g, '')
  return `${stem || 'report'}.${format}`
}

/**
 * One report in one export format: what the plugin's export endpoint sends and the CLI writes.
 * Accepts any report-like object (a Payload document too): only the interchange keys are used.
 * Throws NotAReportError when the input is not a report.
 */
export async function exportReport(input: unknown, format: ExportFormat, options: ExportOptions = {}): Promise<ExportResult> {
  if (!isExportFormat(format)) {
    throw new RangeError(`未知的导出格式 ${JSON.stringify(format)}，应为 ${EXPORT_FORMATS.join(' | ')} / unknown export format`)
  }
  const report = interchangeReport(input)
  const body =
    format === 'html'
      ? renderReportHtml(report, { lang: options.lang })
      : format === 'txt'
        ? renderReportText(report, { lang: options.lang })
        : format === 'xlsx'
          ? await renderReportXlsx(report, { lang: options.lang })
          : `${JSON.stringify(report, null, 2)}\n`
  return { body, contentType: CONTENT_TYPES[format], extension: format, filename: exportFilename(report, format) }
}
export { comparisonWorkbook, listWorkbook } from './sheets.ts'
export type { ListSheet, SheetValue } from './sheets.ts'
