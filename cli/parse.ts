import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { getEdition, getTable, NARRATIVE_KEYS, NARRATIVE_SECTIONS, rowColumns } from '@xxgk/schema'
import type { EditionId, Report, TableKey } from '@xxgk/schema'
import { describeKind, parseReport, ParseRefusal } from '../seed/index.ts'
import type { Ambiguity, CellSource, ParseOptions, ParseResult } from '../seed/index.ts'
import { paint } from './io.ts'
import { formatIssues } from './validate.ts'

const USAGE = `usage: xxgk parse <file> [--previous <last-year.json>] [--json]
  读取已发布的年度报告（PDF、Word、网页、Markdown、文本）/ read a published report (PDF, Word, web page, Markdown, text)
  --previous  同一机关上一年度的报告（JSON）：连写的表二数字按其核对 / the same agency's report for the year before (JSON): run-together table-2 digits are checked against it
  --json  只输出 { report, issues, ambiguities, sources } / print exactly { report, issues, ambiguities, sources }
  退出码 exit status: 0 已读取 parsed, 1 报告违反规则 the report breaks a rule, 2 无法读取或不是报告 unreadable or not a report`

/**
 * `xxgk parse <file> [--json]`: reads a published report (PDF, Word, web page, Markdown, text)
 * and prints it; with --json exactly `{ report, issues, ambiguities, sources }` (sources: per
 * non-blank cell, the printed text it was read from and where). Exit status as
 * `xxgk validate`: 0 parsed and no rule errors, 1 parsed but the report breaks a rule (the
 * source's own arithmetic, shown as issues), 2 the file cannot be read as a report.
 */
export async function parseCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      previous: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const file = positionals[0]!
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(readFileSync(file))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    process.stderr.write(`xxgk parse: ${file}: 无法读取文件（${code}）\nxxgk parse: ${file}: cannot read the file (${code})\n`)
    return 2
  }
  let previous: ParseOptions['previous'] = null
  if (values.previous) {
    try {
      const json = JSON.parse(readFileSync(values.previous, 'utf8'))
      previous = json && typeof json === 'object' && 'report' in json ? json.report : json
    } catch (error) {
      const detail = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      process.stderr.write(
        `xxgk parse: ${values.previous}: 无法读取上一年度报告（${detail}）\nxxgk parse: ${values.previous}: cannot read the previous report (${detail})\n`,
      )
      return 2
    }
  }
  let result: ParseResult
  try {
    result = await parseReport(bytes, { filename: file, previous })
  } catch (error) {
    if (error instanceof ParseRefusal) {
      process.stderr.write(`xxgk parse: ${file}: ${error.reason.zh}\nxxgk parse: ${file}: ${error.reason.en}\n`)
      return 2
    }
    throw error
  }
  const { report, issues, ambiguities, sources } = result
  if (values.json) process.stdout.write(`${JSON.stringify({ report, issues, ambiguities, sources }, null, 2)}\n`)
  else process.stdout.write(`${formatParse(file, result)}\n`)
  return issues.some((i) => i.severity === 'error') ? 1 : 0
}

/** Terminal width of a string: CJK and full-width characters take two columns. */
const width = (s: string) => [...s].reduce((n, c) => n + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0)
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)))
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s
const show = (v: unknown) => (v === null || v === undefined ? '—' : String(v))

function cell(report: Report, table: TableKey, rowKey: string, column: string): unknown {
  let node: unknown = report[table]
  for (const k of rowKey.split('.')) node = (node as Record<string, unknown> | null | undefined)?.[k]
  return (node as Record<string, unknown> | null | undefined)?.[column]
}

function formatTable(report: Report, key: TableKey, ambiguous: Set<string>): string[] {
  const table = getTable(getEdition(report.edition as EditionId), key)
  const lines = [paint(1, table.label.zh)]
  if (key === 'proactive') {
    for (const row of table.rows) {
      const cells = rowColumns(table, row).map((c) => `${c.label.zh} ${show(cell(report, key, row.key, c.key))}`)
      const mark = ambiguous.has(`${key}.${row.key}`) ? paint(33, ' ?') : ''
      lines.push(`  ${pad(row.label.zh, 24)}${cells.join('  ')}${mark}`)
    }
    return lines
  }
  const labelWidth = key === 'requests' ? 40 : 22
  const columns = table.columns
  const w = Math.max(...columns.map((c) => width(c.label.zh))) + 2
  lines.push(`  ${pad('', labelWidth)}${columns.map((c) => padStart(c.label.zh, w)).join('')}`)
  for (const row of table.rows) {
    const label = row.label.zh.length > 19 ? `${row.label.zh.slice(0, 18)}…` : row.label.zh
    const mark = [...ambiguous].some((p) => `${key}.${row.key}`.startsWith(p)) ? paint(33, ' ?') : ''
    lines.push(`  ${pad(label, labelWidth)}${columns.map((c) => padStart(show(cell(report, key, row.key, c.key)), w)).join('')}${mark}`)
  }
  return lines
}

/** Where a cell was read, in words: 第 4 页 第 12 行 "一、本年新收政府信息公开申请数量 21710000218". */
export function describeSource(source: CellSource): string {
  const where = [source.page ? `第 ${source.page} 页` : '', source.line ? `第 ${source.line} 行` : '', source.row ? `表格第 ${source.row} 行` : '']
    .filter(Boolean)
    .join(' ')
  return `${where ? `${where} ` : ''}"${source.label ? `${source.label} ` : ''}${source.text}"`
}

function formatAmbiguity(a: Ambiguity, sources: ParseResult['sources']): string[] {
  const candidates = a.candidates.map((c) => JSON.stringify(c))
  const shown = candidates.length > 6 ? [...candidates.slice(0, 6), `… (${candidates.length})`] : candidates
  const cell = (a.cells ?? []).find((c) => sources[c]) ?? Object.keys(sources).find((c) => c === a.path || c.startsWith(`${a.path}.`))
  return [
    `${paint(33, '? ')}${paint(1, a.path)}  ${JSON.stringify(a.chosen)}`,
    `    ${a.reason.zh}`,
    `    ${a.reason.en}`,
    ...(shown.length ? [`    候选 candidates: ${shown.join(' | ')}`] : []),
    ...(cell ? [`    来源 source: ${describeSource(sources[cell]!)}`] : []),
  ]
}

export function formatParse(file: string, result: ParseResult): string {
  const { report, issues, ambiguities, source } = result
  const edition = getEdition(report.edition as EditionId).label
  const kind = describeKind(source.kind)
  const lines = [file, `${kind.zh} / ${kind.en} · ${report.agency} ${report.year} · ${edition.zh} / ${edition.en}`, `标题 title: ${report.title ?? '—'}`, '']
  const ambiguous = new Set(ambiguities.map((a) => a.path))
  for (const key of ['proactive', 'requests', 'reviewLitigation'] as const) lines.push(...formatTable(report, key, ambiguous), '')
  for (const key of NARRATIVE_KEYS) {
    const text = report.text?.[key]?.replace(/\s+/g, ' ') ?? '—'
    lines.push(`${paint(1, NARRATIVE_SECTIONS[key].zh)}  ${text.length > 70 ? `${text.slice(0, 70)}…` : text}`)
  }
  lines.push('')
  const errors = issues.filter((i) => i.severity === 'error').length
  const summary = `${errors} 个错误 errors, ${issues.length - errors} 个警告 warnings, ${ambiguities.length} 处存疑 ambiguities`
  lines.push(errors ? paint(31, `✗ ${summary}`) : paint(32, `✓ ${summary}`))
  if (issues.length) lines.push(formatIssues(issues))
  for (const a of ambiguities) lines.push(...formatAmbiguity(a, result.sources ?? {}))
  return lines.join('\n')
}
