import { parseArgs } from 'node:util'
import { EDITION_IDS, equationChecks, isEditionId, reportJsonSchema, RULES } from '@xxgk/schema'
import { validateCommand } from './validate.ts'

const HELP = `xxgk — 政府信息公开工作年度报告 / government information disclosure annual reports

  xxgk validate <report.json> [--previous <prev.json>] [--json]
      校验报告 / check a report against every rule; exit 0 ok, 1 errors, 2 unusable input
  xxgk schema [--edition 2021|2019]
      打印 JSON Schema / print the JSON Schema of the interchange JSON
  xxgk rules
      打印规则数据 / print the rules as JSON, templates and expanded per edition
  xxgk parse <file> [--json]
      读取已发布的报告 / read a published report (PDF, Word, HTML, Markdown, text);
      exit 0 ok, 1 rule errors, 2 not readable or not a report
  xxgk export <report.json> [--format html|xlsx|json|txt] [--out <file>] [--lang zh|en]
      导出报告 / export a report (html, xlsx, json, txt); see xxgk export --help
  xxgk import <files or folders…> [--url <cms> --token <api key>] [--json]
      导入 CMS（草稿）/ import reports into the CMS as drafts; exit 1 if any file failed; see xxgk import --help
`

function schemaCommand(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { edition: { type: 'string' } } })
  if (values.edition !== undefined && !isEditionId(values.edition)) {
    process.stderr.write(`xxgk schema: --edition 应为 / must be ${EDITION_IDS.join(' | ')}\n`)
    return 2
  }
  process.stdout.write(`${JSON.stringify(reportJsonSchema(values.edition), null, 2)}\n`)
  return 0
}

function rulesCommand(): number {
  const editions = Object.fromEntries(EDITION_IDS.map((id) => [id, equationChecks(id)]))
  process.stdout.write(`${JSON.stringify({ rules: RULES, equations: editions }, null, 2)}\n`)
  return 0
}

const COMMANDS: Record<string, (argv: string[]) => number | Promise<number>> = {
  validate: validateCommand,
  schema: schemaCommand,
  rules: rulesCommand,
  export: (argv) => import('./export.ts').then((m) => m.exportCommand(argv)),
  parse: (argv) => import('./parse.ts').then((m) => m.parseCommand(argv)),
  import: (argv) => import('./import.ts').then((m) => m.importCommand(argv)),
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(HELP)
    return name ? 0 : 2
  }
  const command = COMMANDS[name]
  if (!command) {
    process.stderr.write(`xxgk: 未知命令 / unknown command "${name}"\n\n${HELP}`)
    return 2
  }
  try {
    return await command(rest)
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`xxgk ${name}: ${(error as Error).message}\n`)
      return 2
    }
    throw error
  }
}
