/**
 * The supervisor's side (issue 10), on SQLite and PostgreSQL: a supervisor over 5,000
 * descendant agencies with two years of reports (bench/review/worker.ts builds them).
 * - dashboard_ms_5000_sqlite / _pg: GET /api/reports/dashboard (the dashboard's data, newest
 *   versions), server time, median of 5 after a warm-up. Target ≤ 500.
 * - followup_xlsx_ms_5000_sqlite / _pg: GET /api/reports/followup (the follow-up workbook). Target ≤ 2000.
 * - compare_ms_sqlite / _pg: GET /api/reports/:id/compare by the report's editor, median of 21. Target ≤ 30.
 *   (The supervisor's own comparison is printed beside it: its read access spans the 5,000 agencies.)
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

export const name = 'review'

const ROOT = path.resolve(import.meta.dirname, '..')
const round = (value: number) => Math.round(value * 100) / 100

interface Result {
  agencies: number
  reports: number
  queue: number
  missing: number
  dashboardMs: number
  followupMs: number
  compareMs: number
  compareSupervisorMs: number
}

function worker(kind: 'sqlite' | 'postgres'): Result {
  const result = spawnSync(process.execPath, ['--conditions=development', '--import', 'tsx', path.join(ROOT, 'bench', 'review', 'worker.ts'), kind], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '' },
  })
  const line = result.stdout.split('\n').find((l) => l.startsWith('RESULT '))
  if (result.status !== 0 || !line) throw new Error(`bench review worker ${kind} failed (${result.status}):\n${result.stderr}\n${result.stdout}`)
  return JSON.parse(line.slice('RESULT '.length)) as Result
}

export async function run(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {}
  for (const [kind, suffix] of [
    ['sqlite', 'sqlite'],
    ['postgres', 'pg'],
  ] as const) {
    const r = worker(kind)
    process.stderr.write(
      `[bench review] ${kind}: ${r.agencies} descendant agencies, ${r.reports} reports, queue ${r.queue}, missing ${r.missing}; compare as the supervisor ${round(r.compareSupervisorMs)} ms\n`,
    )
    figures[`dashboard_ms_5000_${suffix}`] = round(r.dashboardMs)
    figures[`followup_xlsx_ms_5000_${suffix}`] = round(r.followupMs)
    figures[`compare_ms_${suffix}`] = round(r.compareMs)
  }
  return figures
}
