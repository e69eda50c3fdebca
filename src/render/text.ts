import { editionIndex, getEdition, getTable, NARRATIVE_SECTIONS, REPORT_FIELDS, rowColumns, SECTION_ORDER } from '../editions/index.ts'
import type { ColumnDef, GroupDef, RowDef, TableDef, TableKey } from '../editions/index.ts'
import type { Lang } from '../labels.ts'
import type { Report } from '../schema.ts'
import { cellValue, formatCell, interchangeReport, paragraphs, reportTitle } from './cells.ts'
import { groupChain } from './layout.ts'

export interface TextOptions {
  lang?: Lang
}

/** Longest row label before it wraps onto the next line, in display columns. */
const LABEL_WRAP = 40
const GAP = '  '

/** Display width in a monospaced terminal: East Asian wide and fullwidth characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd)
    width += wide ? 2 : 1
  }
  return width
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)))
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text
const center = (text: string, width: number) => {
  const room = Math.max(0, width - displayWidth(text))
  return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(Math.ceil(room / 2))
}

/** Punctuation that may not begin a line (it stays at the end of the line before). */
const NO_LINE_START = new Set('，。、；：！？）」』”’》〕】,.;:!?)')

/** A label cut into lines of about `width` display columns: between words, else between characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of text) {
    if (line && displayWidth(line + ch) > width && !NO_LINE_START.has(ch)) {
      const space = ch === ' ' ? line.length : line.lastIndexOf(' ')
      if (displayWidth(ch) === 1 && space > 0) {
        lines.push(line.slice(0, space))
        line = (line.slice(space + 1) + ch).trimStart()
        continue
      }
      lines.push(line)
      line = ''
    }
    line += ch
  }
  return [...lines, line]
}

interface TextRow {
  /** Label lines; the values go on the first. */
  label: string[]
  values: string[] | null
}

/**
 * Aligned columns: a label column, then right-aligned value columns under their labels, with a
 * line above for headers that span several columns (法人或其他组织 over five).
 */
function layoutColumns(stubTitle: string, columns: readonly ColumnDef[], rows: TextRow[], lang: Lang): string[] {
  const labels = columns.map((c) => c.label[lang])
  const widths = columns.map((_, i) => Math.max(displayWidth(labels[i]!), ...rows.map((r) => (r.values ? displayWidth(r.values[i] ?? '') : 0))))
  const stubWidth = Math.max(displayWidth(stubTitle), ...rows.flatMap((r) => r.label.map(displayWidth)))
  const lines: string[] = []
  // A spanning header line when some columns share a header (法人或其他组织).
  if (columns.some((c) => c.header)) {
    let line = padEnd('', stubWidth)
    for (let i = 0; i < columns.length;) {
      const header = columns[i]!.header
      let end = i + 1
      while (header && end < columns.length && columns[end]!.header === header) end++
      const span = widths.slice(i, end).reduce((a, b) => a + b, 0) + GAP.length * (end - i - 1)
      line += GAP + (header ? center(header[lang], span) : ' '.repeat(span))
      i = end
    }
    lines.push(line.trimEnd())
  }
  lines.push((padEnd(stubTitle, stubWidth) + labels.map((l, i) => GAP + padStart(l, widths[i]!)).join('')).trimEnd())
  for (const row of rows) {
    row.label.forEach((text, i) => {
      const values = i === 0 && row.values ? row.values.map((v, c) => GAP + padStart(v, widths[c]!)).join('') : ''
      lines.push((padEnd(text, stubWidth) + values).trimEnd())
    })
  }
  return lines
}

const rowValues = (report: Report, table: TableDef, row: RowDef) =>
  rowColumns(table, row).map((column) => formatCell(cellValue(report, editionIndex(report.edition).byPath.get(`${table.key}.${row.key}.${column.key}`)!)))

/** Table 2: one small table per 第二十条 item, each with its own column labels. */
function proactiveText(report: Report, table: TableDef, lang: Lang): string[] {
  const lines: string[] = []
  for (const group of table.groups) {
    const rows = table.rows.filter((r) => r.group === group.key)
    if (rows.length === 0) continue
    lines.push(group.label[lang])
    const textRows = rows.map((row) => ({ label: wrap(row.label[lang], LABEL_WRAP), values: rowValues(report, table, row) }))
    lines.push(...layoutColumns(table.stubHeader?.[lang] ?? '', rowColumns(table, rows[0]!), textRows, lang), '')
  }
  return lines
}

/** Tables 3 and 4: group labels as heading lines, rows indented under them. */
function groupedText(report: Report, table: TableDef, lang: Lang): string[] {
  const rows: TextRow[] = []
  let previous: GroupDef[] = []
  for (const row of table.rows) {
    const chain = groupChain(table, row)
    chain.forEach((group, level) => {
      if (previous[level]?.key !== group.key) rows.push({ label: ['  '.repeat(level) + group.label[lang]], values: null })
    })
    const indent = '  '.repeat(chain.length)
    rows.push({
      label: wrap(row.label[lang], LABEL_WRAP).map((l) => indent + l),
      values: rowValues(report, table, row),
    })
    previous = chain
  }
  const lines: string[] = []
  if (table.note) lines.push(lang === 'zh' ? `（${table.note.zh}）` : `(${table.note.en})`)
  lines.push(...layoutColumns(table.columnsHeader?.[lang] ?? '', table.columns, rows, lang), '')
  return lines
}

function tableText(report: Report, key: TableKey, lang: Lang): string[] {
  const table = getTable(getEdition(report.edition), key)
  const body = key === 'proactive' ? proactiveText(report, table, lang) : groupedText(report, table, lang)
  return [table.label[lang], '', ...body]
}

/**
 * The report as plain text: title, the six sections in order, each table as aligned columns
 * (East Asian wide characters counted as two columns), blank cells left blank.
 */
export function renderReportText(input: Report, options: TextOptions = {}): string {
  const lang = options.lang ?? 'zh'
  const report = interchangeReport(input)
  const edition = getEdition(report.edition)
  const indent = lang === 'zh' ? '\u3000\u3000' : ''
  const lines: string[] = [
    reportTitle(report, lang),
    lang === 'zh'
      ? `${REPORT_FIELDS.edition.zh}：${edition.label.zh}（${edition.source}）`
      : `${REPORT_FIELDS.edition.en}: ${edition.label.en} (${edition.source})`,
    '',
  ]
  for (const section of SECTION_ORDER) {
    if ('table' in section) {
      lines.push(...tableText(report, section.table, lang))
      continue
    }
    lines.push(NARRATIVE_SECTIONS[section.text][lang], '')
    const text = paragraphs(report.text?.[section.text])
    if (text.length) lines.push(...text.map((p) => indent + p), '')
  }
  while (lines.at(-1) === '') lines.pop()
  return `${lines.join('\n')}\n`
}
