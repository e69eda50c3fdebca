/**
 * Issue 12, item 8: two `xxgk import` processes of the corpus at once into one SQLite file:
 * both migrate it one after the other and every summary is true (each report counted imported
 * once, by one of them). kill -9 mid-import: kill.test.ts.
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
  let claimed: { imported: number; reports: number } | null = null

  it('two imports at once into one file: both run, the database is what one import alone makes, each summary counts every file', async () => {
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
        claimed = { imported: summaries.reduce((n, s) => n + s.imported, 0), reports }
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

  // each file is one SQLite transaction taken before its lookups (ownsConnection): the two cannot both create a report
  it('two imports at once: each report is claimed imported by exactly one of them', () => {
    expect(claimed).not.toBeNull()
    expect(claimed!.imported).toBe(claimed!.reports)
  })
})
