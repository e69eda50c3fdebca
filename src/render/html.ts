import { getEdition, getTable, NARRATIVE_SECTIONS, SECTION_ORDER } from '../editions/index.ts'
import type { NarrativeKey, TableKey } from '../editions/index.ts'
import type { Lang } from '../labels.ts'
import type { Report } from '../schema.ts'
import { cellValue, formatCell, interchangeReport, paragraphs, reportTitle } from './cells.ts'
import { labelText, tableGrid } from './layout.ts'
import type { GridCell, LabelRole } from './layout.ts'

export interface HtmlOptions {
  /** Language of the labels; the official form is Chinese (default). */
  lang?: Lang
  /**
   * `document` (default): a complete page with print CSS for A4. `fragment`: only the
   * `<article>` with its scoped styles, to embed in a page of a government website.
   */
  mode?: 'document' | 'fragment'
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text and attribute values made inert: no markup in them can be interpreted. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const SCOPES: Partial<Record<LabelRole, string>> = {
  columnHeader: 'col',
  columnsHeader: 'colgroup',
  group: 'rowgroup',
  row: 'row',
  stubHeader: 'col',
}

const FONTS_SERIF = `"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", "Songti SC", "Noto Sans CJK SC", serif`
const FONTS_HEADING = `"SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif`

/** Styles scoped to the article, so a fragment can sit inside any page. */
export const REPORT_CSS = `
.xxgk-report { font-family: ${FONTS_SERIF}; font-size: 16px; line-height: 1.8; color: #000; background: #fff;
  max-width: 210mm; margin: 0 auto; padding: 0 12mm 12mm; box-sizing: border-box; }
.xxgk-report .xxgk-title { font-size: 22px; font-weight: bold; text-align: center; line-height: 1.5; margin: 24px 0 20px; }
.xxgk-report h2 { font-family: ${FONTS_HEADING}; font-size: 17px; font-weight: bold; margin: 20px 0 8px;
  break-after: avoid; page-break-after: avoid; }
.xxgk-report .xxgk-text p { text-indent: 2em; margin: 0 0 6px; text-align: justify; }
.xxgk-report table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 13px; line-height: 1.4;
  margin: 4px 0 12px; }
.xxgk-report th, .xxgk-report td { border: 1px solid #000; padding: 4px 3px; vertical-align: middle; text-align: center;
  font-weight: normal; word-break: break-all; overflow-wrap: anywhere; }
.xxgk-report tbody th[data-role="row"] { text-align: left; }
.xxgk-report th[data-role="subtable"] { font-weight: bold; }
.xxgk-report th[data-role="note"] { font-size: 12px; }
.xxgk-report td { font-variant-numeric: tabular-nums; }
.xxgk-report tr { break-inside: avoid; page-break-inside: avoid; }
/* A table that fits on a page is not split: it moves to the next page whole. */
.xxgk-report table { break-inside: avoid; page-break-inside: avoid; }
.xxgk-report thead { display: table-header-group; }
@media print {
  .xxgk-report { max-width: none; padding: 0; font-size: 12pt; }
  .xxgk-report table { font-size: 9.5pt; }
  .xxgk-report section { break-inside: auto; }
}
`

const PAGE_CSS = `
@page { size: A4; margin: 22mm 18mm 20mm; }
html, body { margin: 0; padding: 0; background: #fff; }
@media print { body { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`

function spans(cell: GridCell): string {
  return `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`
}

function renderCell(report: Report, cell: GridCell, lang: Lang): string {
  if (cell.kind === 'value') {
    const text = formatCell(cellValue(report, cell.cell))
    return `<td${spans(cell)} data-path="${escapeHtml(cell.cell.path)}">${escapeHtml(text)}</td>`
  }
  const scope = SCOPES[cell.role]
  const attrs = `${spans(cell)}${scope ? ` scope="${scope}"` : ''} data-role="${cell.role}"`
  return `<th${attrs}>${escapeHtml(labelText(cell.label, lang, cell.role))}</th>`
}

function renderTable(report: Report, key: TableKey, lang: Lang): string {
  const grid = tableGrid(report.edition, key)
  const cols = grid.columnWidths.map((w) => `<col style="width:${w.toFixed(3)}%">`).join('')
  const row = (cells: readonly GridCell[]) => `<tr>${cells.map((c) => renderCell(report, c, lang)).join('')}</tr>`
  const head = grid.rows.filter((r) => r.header)
  const body = grid.rows.filter((r) => !r.header)
  return [
    `<table data-table="${key}">`,
    `<colgroup>${cols}</colgroup>`,
    head.length ? `<thead>\n${head.map((r) => row(r.cells)).join('\n')}\n</thead>` : '',
    `<tbody>\n${body.map((r) => row(r.cells)).join('\n')}\n</tbody>`,
    `</table>`,
  ]
    .filter(Boolean)
    .join('\n')
}

function renderNarrative(report: Report, key: NarrativeKey, lang: Lang): string {
  const body = paragraphs(report.text?.[key])
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n')
  return `<section data-section="${key}">\n<h2>${escapeHtml(NARRATIVE_SECTIONS[key][lang])}</h2>\n<div class="xxgk-text" data-text="${key}">${body ? `\n${body}\n` : ''}</div>\n</section>`
}

function renderTableSection(report: Report, key: TableKey, lang: Lang): string {
  const table = getTable(getEdition(report.edition), key)
  return `<section data-section="${key}">\n<h2>${escapeHtml(table.label[lang])}</h2>\n${renderTable(report, key, lang)}\n</section>`
}

/**
 * The report in the official layout of its edition's national format: title, the six
 * sections in order, the three tables with their merged cells as printed on the form. Every
 * value cell carries `data-path` (e.g. `requests.granted.natural`); narrative text is escaped.
 */
export function renderReportHtml(input: Report, options: HtmlOptions = {}): string {
  const lang = options.lang ?? 'zh'
  const report = interchangeReport(input)
  const title = reportTitle(report, lang)
  const edition = getEdition(report.edition)
  const sections = SECTION_ORDER.map((s) => ('text' in s ? renderNarrative(report, s.text, lang) : renderTableSection(report, s.table, lang)))
  const article = [
    `<article class="xxgk-report" lang="${lang === 'zh' ? 'zh-CN' : 'en'}" data-edition="${edition.id}" data-year="${escapeHtml(String(report.year ?? ''))}">`,
    `<h1 class="xxgk-title">${escapeHtml(title)}</h1>`,
    ...sections,
    `</article>`,
  ].join('\n')
  if (options.mode === 'fragment') return `<style>${REPORT_CSS}</style>\n${article}\n`
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="xxgk ${escapeHtml(edition.source)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_CSS}${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    article,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
