import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { getEdition, getTable, NARRATIVE_SECTIONS, rowColumns } from '@xxgk/schema'
import type { EditionId, Report, TableKey } from '@xxgk/schema'
import { describeKind, parseReport, ParseRefusal } from '../seed/index.ts'
import type { Ambiguity, ParseResult } from '../seed/index.ts'
import { paint } from './io.ts'
import { formatIssues } from './validate.ts'

const USAGE = `usage: xxgk parse <file> [--json]
  读取已发布的年度报告（PDF、Word、网页、Markdown、文本）/ read a published report (PDF, Word, web page, Markdown, text)
  --json  只输出 { report, issues, ambiguities } / print exactly { report, issues, ambiguities }
  退出码 exit status: 0 已读取 parsed, 1 报告违反规则 the report breaks a rule, 2 无法读取或不是报告 unreadable or not a report`

/**
 * `xxgk parse <file> [--json]`: reads a published report (PDF, Word, web page, Markdown, text)
 * and prints it; with --json exactly `{ report, issues, ambiguities }`. Exit status as
 * `xxgk validate`: 0 parsed and no rule errors, 1 parsed but the report breaks a rule (the
 * source's own arithmetic, shown as issues), 2 the file cannot be read as a report.
 */
export async function parseCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
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
  let result: ParseResult
  try {
    result = await parseReport(bytes, { filename: file })
  } catch (error) {
    if (error instanceof ParseRefusal) {
      process.stderr.write(`xxgk parse: ${file}: ${error.reason.zh}\nxxgk parse: ${file}: ${error.reason.en}\n`)
      return 2
    }
    throw error
  }
  const { report, issues, ambiguities } = result
  if (values.json) process.stdout.write(`${JSON.stringify({ report, issues, ambiguities }, null, 2)}\n`)
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

function formatAmbiguity(a: Ambiguity): string[] {
  const candidates = a.candidates.map((c) => JSON.stringify(c))
  const shown = candidates.length > 6 ? [...candidates.slice(0, 6), `… (${candidates.length})`] : candidates
  return [
    `${paint(33, '? ')}${paint(1, a.path)}  ${JSON.stringify(a.chosen)}`,
    `    ${a.reason.zh}`,
    `    ${a.reason.en}`,
    ...(shown.length ? [`    候选 candidates: ${shown.join(' | ')}`] : []),
  ]
}

export function formatParse(file: string, result: ParseResult): string {
  const { report, issues, ambiguities, source } = result
  const edition = getEdition(report.edition as EditionId).label
  const kind = describeKind(source.kind)
  const lines = [file, `${kind.zh} / ${kind.en} · ${report.agency} ${report.year} · ${edition.zh} / ${edition.en}`, `标题 title: ${report.title ?? '—'}`, '']
  const ambiguous = new Set(ambiguities.map((a) => a.path))
  for (const key of ['proactive', 'requests', 'reviewLitigation'] as const) lines.push(...formatTable(report, key, ambiguous), '')
  for (const key of ['overview', 'problems', 'other'] as const) {
    const text = report.text?.[key]?.replace(/\s+/g, ' ') ?? '—'
    lines.push(`${paint(1, NARRATIVE_SECTIONS[key].zh)}  ${text.length > 70 ? `${text.slice(0, 70)}…` : text}`)
  }
  lines.push('')
  const errors = issues.filter((i) => i.severity === 'error').length
  const summary = `${errors} 个错误 errors, ${issues.length - errors} 个警告 warnings, ${ambiguities.length} 处存疑 ambiguities`
  lines.push(errors ? paint(31, `✗ ${summary}`) : paint(32, `✓ ${summary}`))
  if (issues.length) lines.push(formatIssues(issues))
  for (const a of ambiguities) lines.push(...formatAmbiguity(a))
  return lines.join('\n')
}
