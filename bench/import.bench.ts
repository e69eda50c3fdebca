/**
 * `import_corpus_s`: wall time, in seconds, of `xxgk import corpus/seed corpus/real` into an
 * empty SQLite database, as a user runs it (bin/xxgk.mjs in a fresh process: start-up, the
 * migrations on the empty file, parsing and storing every corpus file). Median of three runs,
 * each on a new database file.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const name = 'import'

const ROOT = join(import.meta.dirname, '..')
const RUNS = 3

function importOnce(): number {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-import-'))
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${join(dir, 'xxgk.db')}`, PAYLOAD_SECRET: 'bench-import-secret' }
    delete env.NODE_OPTIONS // the command adds the development condition itself, as for a user
    const started = process.hrtime.bigint()
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'xxgk.mjs'), 'import', 'corpus/seed', 'corpus/real', '--json'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const summary = JSON.parse(run.stdout) as { imported: number; updated: number }
    // every corpus report stored (the excerpt, not a whole report, fails as it should)
    if (summary.imported + summary.updated !== 14) throw new Error(`import stored ${summary.imported + summary.updated} files, expected 14:\n${run.stderr}`)
    return seconds
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function run(): Promise<Record<string, number>> {
  const times = Array.from({ length: RUNS }, importOnce).sort((a, b) => a - b)
  return { import_corpus_s: Number(times[Math.floor(RUNS / 2)]!.toFixed(2)) }
}
