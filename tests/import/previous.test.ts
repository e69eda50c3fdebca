/**
 * Issue 11: the importer looks up the agency's stored report of the year before and reads a
 * file again with it when table 2's run-together digits are in doubt (X.IN_FORCE: last year's
 * 现行有效 + 制发 − 废止 = this year's). The 平潭 2022 text without its narrative figures prints
 * 规范性文件 as 8855698: alone three splits remain; with 2021's 665 in force only 88 | 55 | 698 holds.
 */
import { describe, expect, it } from 'vitest'
import { freshSqlite, jsonSummary, local, openDatabase, REPORTS, runImportCli } from './helpers.ts'

const NO_FIGURES_2022 = 'tests/fixtures/seed/pingtan-2022-no-figures.pdf-text.txt'
const PINGTAN_2021 = 'corpus/real/pingtan-zone-gov-2021.pdf-text.txt'

async function stored2022(url: string, label: string) {
  const { payload, close } = await openDatabase(url, label)
  try {
    const { docs } = await local(payload).find({ collection: REPORTS, where: { year: { equals: 2022 } }, draft: true, depth: 0, limit: 1 })
    return docs[0]!
  } finally {
    await close()
  }
}

const onNormativeDocuments = (ambiguities: { path: string }[]) => ambiguities.filter((a) => a.path.startsWith('proactive.normativeDocuments'))

describe('the importer reads table 2 again with the previous report', () => {
  it('alone, the run-together 规范性文件 stays an ambiguity on its cells', async () => {
    const fresh = freshSqlite('previous_alone')
    try {
      const run = await runImportCli([NO_FIGURES_2022, '--json'], { DATABASE_URL: fresh.url })
      expect(run.code, run.stderr).toBe(0)
      const doc = await stored2022(fresh.url, 'previous_alone')
      expect(onNormativeDocuments(doc.ambiguities)).toHaveLength(1)
    } finally {
      fresh.remove()
    }
  }, 120_000)

  it('with 2021 in the same batch (stored first), X.IN_FORCE settles it: 88 | 55 | 698, no ambiguity', async () => {
    const fresh = freshSqlite('previous_batch')
    try {
      // given newest first: the importer stores older years first, then reads 2022 with 2021
      const run = await runImportCli([NO_FIGURES_2022, PINGTAN_2021, '--json'], { DATABASE_URL: fresh.url })
      expect(run.code, run.stderr).toBe(0)
      expect(jsonSummary(run).imported).toBe(2)
      const doc = await stored2022(fresh.url, 'previous_batch')
      expect(doc.proactive.normativeDocuments).toEqual({ issued: 88, repealed: 55, inForce: 698 })
      expect(onNormativeDocuments(doc.ambiguities)).toEqual([])
      expect(doc.sources['proactive.normativeDocuments.inForce']?.text).toContain('8855698')
    } finally {
      fresh.remove()
    }
  }, 120_000)
})
