/**
 * The shipped migrations (migrations/sqlite, migrations/postgres) build exactly the schema the
 * config describes: `npm start` runs them on a fresh database, as here, and production never
 * pushes the schema. A field change without a new migration (`npm run migrate:create`) fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, REPORTS, reportFor, SEED, AGENCIES } from './fixtures.ts'
import { startHarness } from './harness.ts'
import type { Harness } from './harness.ts'

interface RawTable {
  name: string
  columns: Record<string, { name: string }>
}

async function storedColumns(h: Harness): Promise<Set<string>> {
  const db = h.payload.db as unknown as {
    rawTables: Record<string, RawTable>
    client?: { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
    pool?: { query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
  }
  const found = new Set<string>()
  if (h.kind === 'postgres') {
    const { rows } = await db.pool!.query("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'")
    for (const row of rows) found.add(`${String(row.table_name)}.${String(row.column_name)}`)
  } else {
    for (const table of Object.values(db.rawTables)) {
      const { rows } = await db.client!.execute(`PRAGMA table_info("${table.name}")`)
      for (const row of rows) found.add(`${table.name}.${String(row.name)}`)
    }
  }
  return found
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`shipped migrations (${kind})`, () => {
    let h: Harness
    beforeAll(async () => {
      h = await startHarness(kind, { label: `migrations_${kind}`, http: false, migrations: true })
    })
    afterAll(async () => {
      await h?.close()
    })

    it('create every table and column of the current config, and nothing else', async () => {
      const raw = (h.payload.db as unknown as { rawTables: Record<string, RawTable> }).rawTables
      const expected = new Set<string>()
      for (const table of Object.values(raw)) for (const column of Object.values(table.columns)) expected.add(`${table.name}.${column.name}`)
      const stored = await storedColumns(h)
      const tables = new Set(Object.values(raw).map((t) => t.name))
      const storedOfConfigTables = [...stored].filter((c) => tables.has(c.split('.')[0]!))
      expect([...expected].filter((c) => !stored.has(c))).toEqual([])
      expect(storedOfConfigTables.filter((c) => !expected.has(c))).toEqual([])
    })

    it('create every index of the current config', async () => {
      const db = h.payload.db as unknown as {
        rawTables: Record<string, RawTable & { indexes?: Record<string, { name: string }> }>
        client?: { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
        pool?: { query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
      }
      const expected = Object.values(db.rawTables).flatMap((t) => Object.values(t.indexes ?? {}).map((i) => i.name))
      expect(expected).toContain('agency_year_idx')
      const stored = new Set<string>()
      if (h.kind === 'postgres') {
        for (const row of (await db.pool!.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")).rows) stored.add(String(row.indexname))
      } else {
        for (const table of Object.values(db.rawTables)) {
          for (const row of (await db.client!.execute(`PRAGMA index_list("${table.name}")`)).rows) stored.add(String(row.name))
        }
      }
      expect(expected.filter((name) => !stored.has(name))).toEqual([])
    })

    it('hold a report written through the plugin, unique per agency and year', async () => {
      const local = api(h.payload)
      const agency = await local.create({ collection: AGENCIES, data: { name: SEED.agency, kind: 'government', level: 'township' } })
      const doc = await local.create({ collection: REPORTS, data: reportFor(SEED, agency.id, 2023, { _status: 'published' }) })
      const read = await local.findByID({ collection: REPORTS, id: doc.id, depth: 0 })
      expect(read.requests).toEqual(SEED.requests)
      await expect(h.payload.db.create({ collection: REPORTS, data: reportFor(SEED, agency.id, 2023, { _status: 'draft' }) })).rejects.toThrow()
    })
  })
}
