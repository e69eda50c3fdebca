import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { Payload } from 'payload'
// the importer (Payload, the parser) is loaded only once it is needed: not by the process that
// merely re-runs the command with the development condition
import type { FailedFile, ImportSummary, ReportStore } from '../seed/import/index.ts'

const USAGE = `usage: xxgk import <files or folders…> [--url <cms> --token <api key>] [--json]
  把已发布的年度报告导入 CMS，存为草稿（含规则检查结果和存疑之处），不会发布
  import published reports into the CMS as drafts (with their issues and ambiguities); never publishes
  文件夹中读取 PDF、Word、Excel、网页、Markdown、文本文件，跳过 *.expected.json、说明文件和其他文件
  folders: PDF, Word, Excel, HTML, Markdown and text files; *.expected.json, README/SOURCES and other files are skipped
  默认经 Local API 写入当前项目的 CMS（其 payload.config.ts 或 PAYLOAD_CONFIG_PATH；先执行数据库迁移）
  default: this project's CMS through the Local API (its payload.config.ts or PAYLOAD_CONFIG_PATH; migrations run first)
  --url <cms>      经 REST 导入到该 CMS（如 http://localhost:3000）/ import over REST into this CMS
  --token <key>    该 CMS 用户的 API 密钥（也可用环境变量 XXGK_API_KEY）/ a user's API key (or XXGK_API_KEY)
  --json           只输出 JSON 汇总 / print the summary as JSON only
  同一机关同一年度再次导入会更新该报告 / the same agency and year again updates that report
  退出码 exit status: 0 全部导入, 1 有文件失败 some file failed, 2 用法错误或无法连接数据库 usage error or no database`

const DEVELOPMENT_CONDITION = /(?:^|\s)(?:--conditions|-C)(?:=|\s+)development(?:\s|$)/

/** Whether Node resolves the `development` export condition (Lexical hangs under tsx without it). */
export const hasDevelopmentCondition = () =>
  DEVELOPMENT_CONDITION.test(process.execArgv.join(' ')) || DEVELOPMENT_CONDITION.test(process.env.NODE_OPTIONS ?? '')

/**
 * Runs `xxgk import` again in a child with NODE_OPTIONS=--conditions=development: loading
 * Payload (Lexical's node entry) under tsx without it exits silently or hangs (PAYLOAD-NOTES).
 */
function rerunWithDevelopmentCondition(argv: string[]): Promise<number> {
  // the package's bin/xxgk.mjs: beside cli/ in the sources, two folders up from dist/cli when installed
  let dir = import.meta.dirname
  while (!existsSync(path.join(dir, 'bin', 'xxgk.mjs')) && path.dirname(dir) !== dir) dir = path.dirname(dir)
  const bin = path.join(dir, 'bin', 'xxgk.mjs')
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --conditions=development`.trim() }
  const child = spawn(process.execPath, [...process.execArgv, bin, 'import', ...argv], { stdio: 'inherit', env })
  return new Promise((resolve) => {
    child.on('error', (error) => {
      process.stderr.write(`xxgk import: ${error.message}\n`)
      resolve(2)
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 2 : 0)))
  })
}

/** The data desk installs xxgk without its peers: parse, validate, export and import --url need no Payload. */
function payloadInstalled(): boolean {
  try {
    import.meta.resolve('payload')
    return true
  } catch {
    return false
  }
}

/**
 * The host project's Payload config: PAYLOAD_CONFIG_PATH, else where Payload's own CLI finds it
 * (the tsconfig's `@payload-config` path, `src/`, the working directory). Never this package's.
 */
async function hostConfigPath(): Promise<string> {
  const { findConfig } = await import('payload/node')
  try {
    return findConfig()
  } catch {
    throw new Error(
      '找不到 Payload 配置文件（payload.config.ts）：请在项目目录中运行，或设置 PAYLOAD_CONFIG_PATH，或用 --url 导入到运行中的 CMS / no Payload config found (payload.config.ts): run in the project folder, set PAYLOAD_CONFIG_PATH, or import over REST with --url',
    )
  }
}

/** Loads a config file as Payload's CLI does: TypeScript through the tsx that Payload itself depends on. */
async function loadConfig(file: string): Promise<unknown> {
  if (/\.[cm]?js$/.test(file)) return ((await import(pathToFileURL(file).href)) as { default: unknown }).default
  const payloadEntry = fileURLToPath(import.meta.resolve('payload'))
  const tsxApi = createRequire(payloadEntry).resolve('tsx/esm/api')
  const { tsImport } = (await import(pathToFileURL(tsxApi).href)) as { tsImport: (file: string, parent: string) => Promise<{ default: unknown }> }
  return (await tsImport(pathToFileURL(file).href, import.meta.url)).default
}

/** Payload on the host project's config and database, migrated first (so an empty database works). */
async function openLocal(quiet: boolean): Promise<Payload> {
  const { getPayload } = await import('payload')
  const resolved = (await loadConfig(await hostConfigPath())) as Parameters<typeof getPayload>[0]['config']
  const config = await resolved
  // Payload logs to stdout (and warns that no email adapter is set): stdout is the import's own output
  // (the import reports its own failures; an unreachable database is said once, below)
  ;(config as { logger?: unknown }).logger = { options: { level: quiet ? 'silent' : 'fatal' }, destination: process.stderr }
  const payload = await getPayload({ config })
  await waitWhenBusy(payload)
  if (payload.db.name !== 'mongoose' && !(await wasPushed(payload))) await withMigrationLock(sqliteFile(payload), () => payload.db.migrate())
  return payload
}

/**
 * A SQLite host left at Payload's default busyTimeout (0) fails a write the moment another
 * process writes, after part of a document is stored; the import waits for the lock instead.
 */
async function waitWhenBusy(payload: Payload): Promise<void> {
  const db = payload.db as unknown as { busyTimeout?: number; client?: { execute?: (sql: string) => Promise<unknown> } }
  if (sqliteFile(payload) !== null && !db.busyTimeout && db.client?.execute) await db.client.execute('PRAGMA busy_timeout = 10000;')
}

/** The database file of a SQLite adapter (`file:` URL), else null. */
function sqliteFile(payload: Payload): string | null {
  const url = (payload.db as unknown as { clientConfig?: { url?: unknown } }).clientConfig?.url
  if (typeof url !== 'string' || !url.startsWith('file:')) return null
  return path.resolve(url.slice('file:'.length).replace(/^\/\/(?=\/)/, ''))
}

/**
 * Two imports into one SQLite file would both find it unmigrated and run the same migration
 * (the second fails on tables the first created). Beside the file, an exclusive lock file makes
 * the second wait; a lock left by a process that died is taken over.
 */
async function withMigrationLock<T>(file: string | null, migrate: () => Promise<T>): Promise<T> {
  if (file === null) return migrate()
  const { open, readFile, rm } = await import('node:fs/promises')
  const lock = `${file}.xxgk-migrate.lock`
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      const handle = await open(lock, 'wx')
      await handle.write(String(process.pid))
      await handle.close()
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(await readFile(lock, 'utf8').catch(() => ''))
      if (holder > 0 && !isAlive(holder)) await rm(lock, { force: true })
      else if (Date.now() > deadline) throw new Error(`the database is being migrated by process ${holder} (${lock})`, { cause: error })
      else await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  try {
    return await migrate()
  } finally {
    await rm(lock, { force: true })
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * A database whose schema Payload pushed in development has a migration record of batch -1;
 * migrating it would ask on the terminal (and exit when nobody answers), so it is used as it is.
 */
async function wasPushed(payload: Payload): Promise<boolean> {
  try {
    const { totalDocs } = await payload.count({ collection: 'payload-migrations', where: { batch: { equals: -1 } } })
    if (totalDocs > 0)
      process.stderr.write('xxgk import: 数据库由开发模式推送建立，跳过迁移 / the database schema was pushed in development mode: not migrating it\n')
    return totalDocs > 0
  } catch {
    return false // no migrations table yet: an empty database
  }
}

const missingFailure = (file: string, reason: { zh: string; en: string }): FailedFile => ({ file, status: 'failed', httpStatus: 400, reason })

/**
 * `xxgk import <files or folders…>`: parses each file and stores it as a draft report through
 * the plugin (Local API, or REST with --url/--token), creating agencies it does not know;
 * prints a line per file (a progress bar on a terminal's stderr) and a summary. Exit 1 when any
 * file failed (each failure named with its reason), 2 on a usage error.
 */
export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const token = values.token ?? process.env.XXGK_API_KEY
  if (positionals.length === 0 || (values.url !== undefined && !token) || (values.token !== undefined && values.url === undefined)) {
    if (values.url !== undefined && !token) process.stderr.write('xxgk import: --url 需要 --token（或 XXGK_API_KEY）/ --url needs --token (or XXGK_API_KEY)\n')
    if (values.token !== undefined && values.url === undefined) process.stderr.write('xxgk import: --token 需要 --url / --token needs --url\n')
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const local = values.url === undefined
  if (local && !payloadInstalled()) {
    process.stderr.write(
      'xxgk import: 未安装 payload：不带 --url 的导入写入本项目的 CMS，请在 Payload 项目中运行，或用 --url 导入到运行中的 CMS / payload is not installed: an import without --url writes to this project’s CMS, so run it in your Payload project, or import over REST with --url\n',
    )
    return 2
  }
  if (local && !hasDevelopmentCondition()) return rerunWithDevelopmentCondition(argv)

  const { collectFiles, localStore, outcomeLine, ProgressBar, restStore, runImport, summarize, summaryText } = await import('../seed/import/index.ts')
  const collected = collectFiles(positionals)
  let payload: Payload | null = null
  let store: ReportStore
  if (local) {
    try {
      payload = await openLocal(values.json)
    } catch (error) {
      // Payload also rejects its own start-up promise, which nobody awaits: already reported here
      process.on('unhandledRejection', () => {})
      process.stderr.write(`xxgk import: 无法打开数据库 / cannot open the database: ${error instanceof Error ? error.message : String(error)}\n`)
      return 2
    }
    // this process owns its connection: on SQLite each file is one transaction (seed/import/local.ts)
    store = localStore(payload, { ownsConnection: true })
  } else {
    store = restStore({ url: values.url!, token: token! })
  }

  try {
    if (!values.json) {
      const target = local ? payload!.db.name : values.url
      process.stdout.write(`导入 importing ${collected.files.length} 个文件 files → ${target}\n`)
    }
    const bar = new ProgressBar(process.stderr)
    const run = await runImport(collected.files, store, {
      skipped: collected.skipped,
      onProgress: (event) => {
        bar.update(event)
        if (event.phase === 'store' && event.outcome && !values.json) {
          bar.clear()
          process.stdout.write(`${outcomeLine(event.outcome)}\n`)
        }
      },
    })
    bar.clear()
    const missing = collected.missing.map((m) => missingFailure(m.file, m.reason))
    const summary: ImportSummary = summarize([...missing, ...run.results], run.skipped)
    if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
    else {
      for (const m of missing) process.stdout.write(`${outcomeLine(m)}\n`)
      process.stdout.write(`${summaryText(summary)}\n`)
    }
    return summary.failed > 0 ? 1 : 0
  } finally {
    if (payload) await closeLocal(payload)
  }
}

/**
 * Closes the database. Payload's destroy() leaves PostgreSQL's pool open, and its adapter keeps
 * one client checked out for good (to reconnect), so the pool cannot be drained: once the
 * output is written (synchronously, on Linux), nothing may hold the finished command up.
 */
async function closeLocal(payload: Payload): Promise<void> {
  const pool = (payload.db as unknown as { pool?: { end: () => Promise<void> } }).pool
  await payload.db.destroy?.()
  void pool?.end().catch(() => undefined)
  setTimeout(() => process.exit(), 200).unref()
}
