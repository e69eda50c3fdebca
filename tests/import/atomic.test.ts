/**
 * A file whose report cannot be stored writes nothing, not even the agency the import created
 * for it: SQLite (Payload's adapter runs without transactions, the importer undoes its writes)
 * and PostgreSQL (one transaction per file). The failure is provoked where a real one would
 * happen, inside the report's write, by a hook the host adds through the plugin's overrides.
 */
import type { CollectionBeforeChangeHook } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localStore, runImport, storeParsed } from '../../seed/import/index.ts'
import { startHarness } from '../integration/harness.ts'
import type { Harness } from '../integration/harness.ts'
import { agencyNames, AGENCIES, local, parseFile, REPORTS, ROOT } from './helpers.ts'

const HUAIAN = 'corpus/real/huaian-city-gov-2024.pdf'
const WANGJI = 'corpus/seed/wangji-township-2023.pdf-text.txt'

/** The database "fails" while writing any report of 淮安市人民政府, after the agency was created. */
const failingWrite: CollectionBeforeChangeHook = ({ data }) => {
  if (String(data.title ?? '').includes('淮安市')) throw new Error('simulated database failure while writing the report')
  return data
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`a failed file writes nothing (${kind})`, () => {
    let h: Harness
    beforeAll(async () => {
      h = await startHarness(kind, {
        label: `import_atomic_${kind}`,
        http: false,
        plugin: { overrides: { reports: { hooks: { beforeChange: [failingWrite] } } } },
      })
    })
    afterAll(async () => {
      await h?.close()
    })

    it('the report’s write fails: no agency, no report, and the error is the reason', async () => {
      const parsed = await parseFile(HUAIAN)
      await expect(storeParsed(h.payload, HUAIAN, parsed)).rejects.toThrow('simulated database failure')
      expect(await agencyNames(h.payload)).toEqual([])
      expect((await local(h.payload).count({ collection: REPORTS })).totalDocs).toBe(0)
      expect((await local(h.payload).countVersions({ collection: REPORTS })).totalDocs).toBe(0)
    })

    it('in a run, the failing file is reported and the others are stored', async () => {
      const summary = await runImport([`${ROOT}/${HUAIAN}`, `${ROOT}/${WANGJI}`], localStore(h.payload))
      expect(summary).toMatchObject({ imported: 1, failed: 1 })
      const failure = summary.results.find((r) => r.status === 'failed')!
      expect(failure.file.endsWith(HUAIAN)).toBe(true)
      expect(failure).toMatchObject({ httpStatus: 500 })
      expect(failure.status === 'failed' && failure.reason.en).toContain('simulated database failure')
      expect(await agencyNames(h.payload)).toEqual(['王集乡人民政府'])
      expect((await local(h.payload).count({ collection: AGENCIES })).totalDocs).toBe(1)
    })
  })
}
