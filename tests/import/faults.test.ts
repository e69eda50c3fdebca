/**
 * Issue 12, item 8: two `xxgk import` processes of the corpus at once into one SQLite file:
 * both migrate it one after the other and every summary is true (each report counted imported
 * once, by one of them). kill -9 mid-import is not covered here:
 * SQLite writes run without a transaction (see the closing note of issue 12).
 */
import { describe, expect, it } from 'vitest'
import { AGENCIES, freshSqlite, local, openDatabase, REPORTS, runImportCli } from './helpers.ts'
import type { CliRun } from './helpers.ts'

const SOURCES = ['corpus/seed', 'corpus/real', '--json']

type Summary = { imported: number; updated: number; failed: number }

/** One import of the sources on its own: what the database and the summary should be. */
async function importAlone(): Promise<{ summary: Summary; counts: { reports: number; agencies: number } }> {
  const fresh = freshSqlite('faults_alone')
  try {
    const run = await runImportCli(SOURCES, { DATABASE_URL: fresh.url })
    expect(run.code, run.stderr).toBe(1)
    const { payload, close } = await openDatabase(fresh.url, 'import_faults_alone')
    try {
      const reports = (await local(payload).count({ collection: REPORTS })).totalDocs
      const agencies = (await local(payload).count({ collection: AGENCIES })).totalDocs
      return { summary: JSON.parse(run.stdout) as Summary, counts: { reports, agencies } }
    } finally {
      await close()
    }
  } finally {
    fresh.remove()
  }
}

describe('xxgk import under faults (SQLite)', () => {
  it('two imports at once into one file: both summaries are true', async () => {
    const alone = await importAlone()
    const fresh = freshSqlite('faults_two')
    try {
      const runs = await Promise.all([runImportCli(SOURCES, { DATABASE_URL: fresh.url }), runImportCli(SOURCES, { DATABASE_URL: fresh.url })])
      // both open the file and migrate it one after the other (a lock beside the file), then import side by side
      for (const run of runs) expect(run.code, run.stderr).toBe(1)
      const summaries = runs.map((run: CliRun) => JSON.parse(run.stdout) as Summary)
      console.log(
        '[faults] two at once:',
        JSON.stringify({ codes: runs.map((r) => r.code), summaries: summaries.map((s) => [s.imported, s.updated, s.failed]) }),
      )
      const { payload, close } = await openDatabase(fresh.url, 'import_faults_two')
      try {
        const reports = (await local(payload).count({ collection: REPORTS })).totalDocs
        const agencies = (await local(payload).count({ collection: AGENCIES })).totalDocs
        // the same database as one import alone makes
        expect({ reports, agencies }).toEqual(alone.counts)
        // each report created once, by one of the runs; every other store an update
        expect(summaries.reduce((n, s) => n + s.imported, 0)).toBe(reports)
        for (const s of summaries) {
          expect(s.imported + s.updated + s.failed).toBe(alone.summary.imported + alone.summary.updated + alone.summary.failed)
          expect(s.failed).toBe(alone.summary.failed)
        }
      } finally {
        await close()
      }
    } finally {
      fresh.remove()
    }
  }, 240_000)
})
