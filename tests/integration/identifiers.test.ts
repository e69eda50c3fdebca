/**
 * PostgreSQL truncates identifiers at 63 characters without an error, so two long column names
 * could silently become one. Every table, column, index, constraint and enum name the plugin's
 * schema generates must stay within the limit, and PostgreSQL must hold each one verbatim.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness } from './harness.ts'
import type { Harness } from './harness.ts'

const LIMIT = 63

interface RawTable {
  name: string
  columns: Record<string, { name: string }>
  indexes: Record<string, { name: string }>
}

function generatedIdentifiers(h: Harness): string[] {
  const db = h.payload.db as unknown as { rawTables: Record<string, RawTable>; enums?: Record<string, unknown> }
  const names: string[] = []
  for (const table of Object.values(db.rawTables)) {
    names.push(table.name)
    for (const column of Object.values(table.columns)) names.push(column.name)
    for (const index of Object.values(table.indexes ?? {})) names.push(index.name)
  }
  names.push(...Object.keys(db.enums ?? {}))
  return names
}

const longest = (names: string[]) => names.reduce((a, b) => (b.length > a.length ? b : a), '')

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`generated identifiers (${kind})`, () => {
    let h: Harness
    beforeAll(async () => {
      h = await startHarness(kind, { label: `identifiers_${kind}`, http: false })
    })
    afterAll(async () => {
      await h?.close()
    })

    it(`every generated name has at most ${LIMIT} characters`, () => {
      const names = generatedIdentifiers(h)
      expect(names.length).toBeGreaterThan(500) // the report tables' cells are really there
      expect(names).toContain('version_review_litigation_litigation_after_review_corrected')
      const tooLong = names.filter((n) => n.length > LIMIT)
      expect(tooLong).toEqual([])
      console.log(`[identifiers] ${kind}: ${names.length} names, longest ${longest(names).length}: ${longest(names)}`)
    })

    if (kind === 'postgres') {
      it('PostgreSQL holds every column verbatim, and nothing it stores was truncated', async () => {
        const db = h.payload.db as unknown as {
          rawTables: Record<string, RawTable>
          schemaName: string
          pool: { query: (sql: string, params: unknown[]) => Promise<{ rows: { name: string; owner?: string }[] }> }
        }
        const schema = db.schemaName
        const query = async (sql: string) => (await db.pool.query(sql, [schema])).rows
        const columns = await query('SELECT table_name AS owner, column_name AS name FROM information_schema.columns WHERE table_schema = $1')
        const stored = new Set(columns.map((c) => `${c.owner}.${c.name}`))
        const missing: string[] = []
        for (const table of Object.values(db.rawTables)) {
          for (const column of Object.values(table.columns)) {
            if (!stored.has(`${table.name}.${column.name}`)) missing.push(`${table.name}.${column.name}`)
          }
        }
        expect(missing).toEqual([])

        const catalog = [
          ...columns.map((c) => c.name),
          ...(await query('SELECT tablename AS name FROM pg_tables WHERE schemaname = $1')).map((r) => r.name),
          ...(await query('SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1')).map((r) => r.name),
          ...(await query('SELECT c.conname AS name FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1')).map(
            (r) => r.name,
          ),
          ...(await query('SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1')).map((r) => r.name),
        ]
        // a truncated identifier is exactly 63 characters long
        expect(catalog.filter((n) => n.length >= LIMIT)).toEqual([])
        console.log(`[identifiers] postgres catalog: ${catalog.length} names, longest ${longest(catalog).length}: ${longest(catalog)}`)
      })
    }
  })
}
