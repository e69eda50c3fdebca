import { writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { NotAReportError, validateReport } from '@xxgk/schema'
import { EXPORT_FORMATS, exportReport, isExportFormat } from '@xxgk/schema/render'
import { readJsonFile, UnusableInputError } from './io.ts'
import { unwrapReport } from './validate.ts'

export const EXPORT_HELP = `usage: xxgk export <report.json> [--format html|xlsx|json|txt] [--out <file>] [--lang zh|en]

  导出报告 / export a report (interchange JSON, or a wrapper { "report": … } like corpus/*.expected.json)
    --format  html (default): official layout with print CSS · xlsx: the three tables as sheets
              json: the interchange JSON · txt: plain text
    --out     file to write; "-" writes to stdout. Without --out, html/json/txt go to stdout and
              xlsx is written to <stem>.xlsx in the current directory (stem: the input's name
              without .expected.json / .json)
    --lang    labels in zh (default, the official form) or en
  exit 0 written · 1 could not write the output · 2 unusable input or arguments
`

function reject(zh: string, en: string): number {
  process.stderr.write(`xxgk export: ${zh}\nxxgk export: ${en}\n`)
  return 2
}

const stemOf = (file: string) => basename(file).replace(/(\.expected)?\.json$/i, '') || 'report'

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'html' },
      out: { type: 'string' },
      lang: { type: 'string', default: 'zh' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(EXPORT_HELP)
    return 0
  }
  if (positionals.length !== 1) {
    process.stderr.write(EXPORT_HELP)
    return 2
  }
  const format = values.format
  if (!isExportFormat(format)) {
    return reject(`未知的导出格式「${format}」，应为 ${EXPORT_FORMATS.join(' | ')}`, `unknown export format "${format}", must be ${EXPORT_FORMATS.join(' | ')}`)
  }
  if (values.lang !== 'zh' && values.lang !== 'en') {
    return reject(`--lang 应为 zh 或 en，实为「${values.lang}」`, `--lang must be zh or en, not "${values.lang}"`)
  }
  const file = positionals[0]!
  let result
  let report: unknown
  try {
    report = unwrapReport(readJsonFile(file)).report
    result = await exportReport(report, format, { lang: values.lang })
  } catch (error) {
    if (error instanceof UnusableInputError) return reject(`${file}: ${error.zh}`, `${file}: ${error.en}`)
    if (error instanceof NotAReportError) {
      const at = error.path ? ` (${error.path})` : ''
      return reject(`${file}${at}: 不是年度报告：${error.reason.zh}`, `${file}${at}: not a report: ${error.reason.en}`)
    }
    throw error
  }

  const errors = validateReport(report).errors
  if (errors > 0) {
    process.stderr.write(
      `xxgk export: 注意：报告有 ${errors} 个规则错误（xxgk validate ${file} 查看）\n` +
        `xxgk export: note: the report breaks ${errors} rules (see xxgk validate ${file})\n`,
    )
  }

  const out = values.out ?? (format === 'xlsx' ? `${stemOf(file)}.xlsx` : '-')
  if (out === '-') {
    process.stdout.write(result.body)
    return 0
  }
  try {
    writeFileSync(out, result.body)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    process.stderr.write(`xxgk export: ${out}: 无法写入（${code}）\nxxgk export: ${out}: cannot write (${code})\n`)
    return 1
  }
  if (values.out === undefined) process.stderr.write(`xxgk export: ${out}\n`)
  return 0
}
