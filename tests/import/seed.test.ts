/**
 * `npm start` seeds an empty database with the whole sample corpus through the importer
 * (cms/seed.ts), and a file that fails never stops it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sampleFiles, seedDatabase } from '../../dev/cms/seed.ts'
import { startHarness } from '../integration/harness.ts'
import type { Harness } from '../integration/harness.ts'
import { agencyNames, corpusSources, EXCERPT, storedReports } from './helpers.ts'

describe('seeding the sample corpus (npm start)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness('sqlite', { label: 'import_seed', http: false })
  })
  afterAll(async () => {
    await h?.close()
  })

  it('the sample files are every corpus source with an expected reading', () => {
    expect(sampleFiles()).toEqual(corpusSources())
  })

  it('fills an empty database with every sample report as a draft, the township report among them', async () => {
    const lines = await seedDatabase(h.payload)
    expect(lines).toHaveLength(14)
    expect(lines.filter((l) => l.includes('新建 imported'))).toHaveLength(13)
    expect(lines.filter((l) => l.includes('更新 updated'))).toHaveLength(1)
    const reports = await storedReports(h.payload)
    expect(reports.map((r) => `${r.agency.name} ${r.year}`).sort()).toEqual(
      [
        '上海市科委 2024',
        '平潭综合实验区 2019',
        '平潭综合实验区 2020',
        '平潭综合实验区 2021',
        '平潭综合实验区 2022',
        '平潭综合实验区 2023',
        '平潭综合实验区 2024',
        '平潭综合实验区 2025',
        '淮安市人民政府 2024',
        '王集乡人民政府 2023',
        '洪泽区人民政府 2023',
        '淮安市洪泽区人民政府 2024',
        '沐阳县人民政府 2025',
      ].sort(),
    )
    expect(new Set(reports.map((r) => r._status))).toEqual(new Set(['draft']))
    expect(await seedDatabase(h.payload)).toEqual([]) // not empty any more: seeds nothing
  })

  it('a file that fails is logged and the others are seeded; nothing is thrown', async () => {
    // a second instance in this process: Payload pushes a schema once per process, so this one is migrated
    const other = await startHarness('sqlite', { label: 'import_seed_fail', http: false, migrations: true })
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const lines = await seedDatabase(other.payload, [EXCERPT, 'corpus/seed/wangji-township-2023.pdf-text.txt'])
      expect(lines, JSON.stringify(errors.mock.calls)).toHaveLength(1)
      expect(errors.mock.calls.map((c) => String(c[0])).join('\n')).toContain('cannot find the report year')
      expect(await agencyNames(other.payload)).toEqual(['王集乡人民政府'])
      await other.payload.db.destroy?.()
      // a database that cannot be read at all: logged, the server still starts
      await expect(seedDatabase(other.payload)).resolves.toEqual([])
      expect(errors.mock.calls.some((c) => String(c[0]).includes('seeding the sample corpus failed'))).toBe(true)
    } finally {
      errors.mockRestore()
      await other.close().catch(() => {})
    }
  })
})
