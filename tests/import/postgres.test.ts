/**
 * `xxgk import` on PostgreSQL: a database of its own (created by Payload's adapter, built by the
 * shipped migrations the CLI runs first, dropped afterwards), the corpus twice.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { agencyNames, freshPostgres, jsonSummary, local, openDatabase, REPORTS, runImportCli, storedReports } from './helpers.ts'

describe('xxgk import (Local API, PostgreSQL)', () => {
  const db = freshPostgres('import_cli_pg')
  afterAll(() => db.remove())

  it('imports the corpus into an empty database, then updates every report on a second run', async () => {
    const first = jsonSummary(await runImportCli(['corpus/seed', 'corpus/real', '--json'], { DATABASE_URL: db.url }))
    expect(first).toMatchObject({ imported: 13, updated: 1, failed: 1 })
    const second = await runImportCli(['corpus/seed', 'corpus/real', '--json'], { DATABASE_URL: db.url })
    expect(second.code).toBe(1)
    expect(jsonSummary(second)).toMatchObject({ imported: 0, updated: 14, failed: 1, agencies: [] })
    const { payload, close } = await openDatabase(db.url, 'import_cli_pg')
    try {
      expect(await agencyNames(payload)).toEqual(
        ['上海市科委', '平潭综合实验区', '王集乡人民政府', '淮安市人民政府', '洪泽区人民政府', '淮安市洪泽区人民政府', '沐阳县人民政府'].sort(),
      )
      expect((await local(payload).count({ collection: REPORTS })).totalDocs).toBe(13)
      const reports = await storedReports(payload)
      expect(reports.every((r) => r._status === 'draft')).toBe(true)
      const pingtan2019 = reports.find((r) => r.year === 2019)!
      expect(pingtan2019.edition).toBe('2019')
      expect(pingtan2019.ambiguities).toHaveLength(7)
    } finally {
      await close()
    }
  }, 180_000)
})
