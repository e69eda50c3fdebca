/**
 * Issue 12, item 8: `xxgk import` killed with SIGKILL while it stores files into a SQLite
 * file. Each file is stored in one transaction (seed/import/local.ts, `ownsConnection`), so
 * whatever moment the kill lands, the file holds whole reports only: no agency without its
 * report, no report without its version. A re-run completes the batch and its summary is true.
 */
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { BIN, cleanEnv, freshSqlite, openDatabase, ROOT, runImportCli, SECRET } from './helpers.ts'

const SOURCES = ['corpus/seed', 'corpus/real']

type Summary = { imported: number; updated: number; failed: number }
type Sql = { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }

/** Runs an import and kills it with SIGKILL `delayMs` after it printed its `afterLines`-th stored file. */
function importKilled(url: string, afterLines: number, delayMs: number): Promise<{ killed: boolean; stored: number }> {
  const child = spawn(process.execPath, [BIN, 'import', ...SOURCES], {
    cwd: ROOT,
    env: { ...cleanEnv(), PAYLOAD_SECRET: SECRET, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'ignore'],
    // its own process group: bin/xxgk.mjs runs the import in a child node process, and the kill takes both
    detached: true,
  })
  let stored = 0
  let killing = false
  child.stdout.on('data', (chunk: Buffer) => {
    // one line per stored file: `… → 机关 2024 · reports/12 草稿 draft · …`
    stored += chunk
      .toString()
      .split('\n')
      .filter((line) => / · reports\/\d+ /.test(line)).length
    if (!killing && stored >= afterLines) {
      killing = true
      setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), delayMs)
    }
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (_code, signal) => resolve({ killed: signal === 'SIGKILL', stored }))
  })
}

/** What a kill could leave half-written, counted in SQL. */
async function halfWritten(url: string, label: string) {
  const { payload, close } = await openDatabase(url, label)
  try {
    const sql = (payload.db as unknown as { client: Sql }).client
    const count = async (query: string) => Number((await sql.execute(query)).rows[0]!.n)
    return {
      reports: await count('SELECT count(*) AS n FROM reports'),
      agenciesWithoutReport: await count('SELECT count(*) AS n FROM agencies a WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = a.id)'),
      reportsWithoutVersion: await count('SELECT count(*) AS n FROM reports r WHERE NOT EXISTS (SELECT 1 FROM _reports_v v WHERE v.parent_id = r.id)'),
    }
  } finally {
    await close()
  }
}

describe('xxgk import killed with SIGKILL mid-batch (SQLite)', () => {
  it('leaves whole files only, whenever the kill lands; a re-run completes the batch with a true summary', async () => {
    const alone = freshSqlite('kill_alone')
    let full: { summary: Summary; reports: number }
    try {
      const run = await runImportCli([...SOURCES, '--json'], { DATABASE_URL: alone.url })
      expect(run.code, run.stderr).toBe(1) // one corpus file is refused on purpose
      full = { summary: JSON.parse(run.stdout) as Summary, reports: (await halfWritten(alone.url, 'kill_alone')).reports }
    } finally {
      alone.remove()
    }
    const seen: string[] = []
    // kills at several moments after a stored file: between two files and inside the next one's writes
    for (const [i, delayMs] of [0, 10, 25, 50].entries()) {
      const fresh = freshSqlite(`kill_${i}`)
      try {
        const killed = await importKilled(fresh.url, 2 + (i % 3), delayMs)
        expect(killed.killed).toBe(true)
        const after = await halfWritten(fresh.url, `kill_${i}_after`)
        seen.push(`${delayMs} ms: ${after.reports} reports`)
        expect(after.agenciesWithoutReport, `killed ${delayMs} ms after file ${killed.stored}`).toBe(0)
        expect(after.reportsWithoutVersion).toBe(0)
        expect(after.reports).toBeLessThan(full.reports)
        // the re-run stores the rest: new reports imported, the ones already there updated
        const rerun = await runImportCli([...SOURCES, '--json'], { DATABASE_URL: fresh.url })
        expect(rerun.code, rerun.stderr).toBe(1)
        const summary = JSON.parse(rerun.stdout) as Summary
        const done = await halfWritten(fresh.url, `kill_${i}_done`)
        expect(done).toEqual({ reports: full.reports, agenciesWithoutReport: 0, reportsWithoutVersion: 0 })
        expect(summary.imported).toBe(full.reports - after.reports)
        expect(summary.imported + summary.updated).toBe(full.summary.imported + full.summary.updated)
        expect(summary.failed).toBe(full.summary.failed)
      } finally {
        fresh.remove()
      }
    }
    console.log('[kill -9] stored before the kill:', seen.join('; '))
  }, 420_000)
})
