import { parseArgs } from 'node:util'
import { getEdition, NotAReportError, validateReport } from '@xxgk/schema'
import type { EditionId, Issue } from '@xxgk/schema'
import { paint, readJsonFile, UnusableInputError } from './io.ts'

const USAGE = 'usage: xxgk validate <report.json> [--previous <prev.json>] [--json]'

/**
 * A report file holds the interchange JSON, or a wrapper with it under `report` (the corpus's
 * expected files, the body of POST /api/reports/validate) and maybe `previous`.
 */
export function unwrapReport(value: unknown): { report: unknown; previous?: unknown } {
  if (typeof value === 'object' && value !== null && !('edition' in value) && 'report' in value) {
    const wrapper = value as { report: unknown; previous?: unknown }
    return { report: wrapper.report, previous: wrapper.previous }
  }
  return { report: value }
}

export function formatIssues(issues: readonly Issue[]): string {
  const lines: string[] = []
  for (const item of issues) {
    const tag = item.severity === 'error' ? paint(31, '错误 error  ') : paint(33, '警告 warning')
    lines.push(`${tag} ${item.rule}  ${paint(1, item.path)}`)
    lines.push(`    ${item.message.zh}`)
    lines.push(`    ${item.message.en}`)
  }
  return lines.join('\n')
}

export async function validateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { previous: { type: 'string' }, json: { type: 'boolean', default: false } },
  })
  if (positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const file = positionals[0]!
  let where = file
  try {
    const { report, previous: wrapped } = unwrapReport(readJsonFile(file))
    where = values.previous ?? file
    const previous = values.previous ? unwrapReport(readJsonFile(values.previous)).report : wrapped
    where = file
    const result = validateReport(report, { previous })
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ issues: result.issues }, null, 2)}\n`)
    } else {
      const r = result.report ?? (report as { agency?: string; year?: number; edition: EditionId })
      const edition = getEdition((report as { edition: EditionId }).edition).label
      process.stdout.write(`${file}\n${r.agency ?? '?'} ${r.year ?? '?'} · ${edition.zh} / ${edition.en}\n`)
      const summary = `${result.errors} 个错误 errors, ${result.warnings} 个警告 warnings`
      process.stdout.write(`${result.errors ? paint(31, `✗ ${summary}`) : paint(32, `✓ ${summary}`)}\n`)
      if (result.issues.length) process.stdout.write(`${formatIssues(result.issues)}\n`)
    }
    return result.errors > 0 ? 1 : 0
  } catch (error) {
    if (error instanceof UnusableInputError) {
      process.stderr.write(`xxgk validate: ${error.file}: ${error.zh}\nxxgk validate: ${error.file}: ${error.en}\n`)
      return 2
    }
    if (error instanceof NotAReportError) {
      const at = error.path ? ` (${error.path})` : ''
      process.stderr.write(`xxgk validate: ${where}${at}: 不是年度报告：${error.reason.zh}\nxxgk validate: ${where}${at}: not a report: ${error.reason.en}\n`)
      return 2
    }
    throw error
  }
}
