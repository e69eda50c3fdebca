/**
 * What a report list costs the database, checked where it was made cheaper:
 * - with a table component (the grid) the table groups carry no `row` layout wrappers, which
 *   Payload would walk on every read: the data fields stay exactly the same;
 * - a supervisor's scope (collections/access.ts agencySubtree) walks the agency tree reading
 *   ids only, and still finds every level (SQLite and PostgreSQL);
 * - SQLite's planner statistics (cms/database.ts refreshPlannerStatistics, run before serving)
 *   turn a supervisor's list from "every report of the subtree, sorted" into a walk of the
 *   createdAt index that stops at the page's end.
 */
import { createLocalReq } from 'payload'
import type { Field, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { agencySubtree, allCells, DEFAULT_SLUGS, reportsCollection } from '../../collections/index.ts'
import { refreshPlannerStatistics } from '../../dev/cms/database.ts'
import { AGENCIES, api, PASSWORD, REPORTS, USERS } from './fixtures.ts'
import { startHarness } from './harness.ts'
import type { Harness } from './harness.ts'

type ID = string | number

interface Tree {
  root: ID
  /** Every agency below (and including) each agency. */
  below: Map<string, string[]>
  all: ID[]
}

/** province ─ 3 cities ─ 2 counties each ─ 3 townships each (28 agencies, four levels). */
async function buildTree(payload: Payload, label: string): Promise<Tree> {
  const local = api(payload)
  const below = new Map<string, string[]>()
  const all: ID[] = []
  const add = async (name: string, level: string, parent?: ID) => {
    const doc = await local.create({ collection: AGENCIES, data: { name: `${label}${name}`, kind: 'government', level, ...(parent && { parent }) } })
    all.push(doc.id)
    below.set(String(doc.id), [String(doc.id)])
    return doc.id
  }
  const root = await add('省', 'province')
  for (let c = 0; c < 3; c++) {
    const city = await add(`市${c}`, 'city', root)
    for (let k = 0; k < 2; k++) {
      const county = await add(`市${c}县${k}`, 'county', city)
      for (let t = 0; t < 3; t++) {
        const township = await add(`市${c}县${k}乡${t}`, 'township', county)
        for (const ancestor of [county, city, root]) below.get(String(ancestor))!.push(String(township))
      }
      for (const ancestor of [city, root]) below.get(String(ancestor))!.push(String(county))
    }
    below.get(String(root))!.push(String(city))
  }
  return { root, below, all }
}

describe('table groups with a table component', () => {
  /** Every field that holds data, as a dotted path with its type; and how many `row` wrappers. */
  const shape = (fields: readonly Field[], prefix = ''): { paths: string[]; rows: number } => {
    const paths: string[] = []
    let rows = 0
    for (const field of fields) {
      if (field.type === 'row') rows++
      const path = 'name' in field && field.name ? `${prefix}${field.name}` : prefix.replace(/\.$/, '')
      if ('name' in field && field.name && field.type !== 'group') paths.push(`${path}:${field.type}`)
      const inner = field.type === 'tabs' ? field.tabs.flatMap((tab) => tab.fields) : 'fields' in field ? field.fields : []
      const nested = shape(inner, field.type === 'group' ? `${path}.` : prefix)
      paths.push(...nested.paths)
      rows += nested.rows
    }
    return { paths, rows }
  }

  it('hold the same cells, without the row wrappers Payload lays out number fields with', () => {
    const plain = shape(reportsCollection({ slugs: DEFAULT_SLUGS }).fields)
    const grid = shape(reportsCollection({ slugs: DEFAULT_SLUGS, tableField: 'some-grid#Grid' }).fields)
    expect(plain.rows).toBeGreaterThan(30)
    expect(grid.rows).toBe(0)
    expect(grid.paths).toEqual(plain.paths)
    const cells = grid.paths.filter((p) => /^(proactive|requests|reviewLitigation)\./.test(p))
    expect(cells.sort()).toEqual(
      allCells()
        .map((cell) => `${cell.path}:number`)
        .sort(),
    )
  })
})

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`a supervisor's scope (${kind})`, () => {
    let h: Harness
    let tree: Tree
    beforeAll(async () => {
      h = await startHarness(kind, { label: `scope_${kind}`, http: false })
      tree = await buildTree(h.payload, '范围')
    })
    afterAll(async () => {
      await h?.close()
    })

    it('is the agency and every agency below it, at every level', async () => {
      for (const [agency, expected] of tree.below) {
        const req = await createLocalReq({}, h.payload)
        const ids = await agencySubtree(req, DEFAULT_SLUGS, agency)
        expect(ids.map(String).sort(), `subtree of ${agency}`).toEqual([...expected].sort())
      }
      expect(tree.below.get(String(tree.root))).toHaveLength(28)
    })
  })
}

describe('SQLite planner statistics', () => {
  let h: Harness
  let tree: Tree
  let sql: (statement: string, args?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
  const REPORTS_PER_AGENCY = 20

  beforeAll(async () => {
    h = await startHarness('sqlite', { label: 'planner', http: false })
    tree = await buildTree(h.payload, '统计')
    const db = h.payload.db as unknown as {
      drizzle: { insert: (table: unknown) => { values: (rows: Record<string, unknown>[]) => Promise<unknown> } }
      tables: Record<string, unknown>
      client: { execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> }
    }
    sql = (statement, args = []) => db.client.execute({ sql: statement, args })
    // reports written over time, one agency after another (as an import fills a database)
    const rows: Record<string, unknown>[] = []
    let minute = 0
    for (const agency of tree.all) {
      for (let year = 2001; year < 2001 + REPORTS_PER_AGENCY; year++) {
        const at = new Date(Date.UTC(2025, 0, 1) + minute++ * 60_000).toISOString()
        rows.push({ title: `报告 ${String(agency)} ${year}`, agency, year, edition: '2021', _status: 'published', createdAt: at, updatedAt: at })
      }
    }
    for (let i = 0; i < rows.length; i += 100) await db.drizzle.insert(db.tables.reports).values(rows.slice(i, i + 100))
  })
  afterAll(async () => {
    await h?.close()
  })

  /** SQLite's plan for a supervisor's first page, the query Payload sends for it. */
  const supervisorPlan = async (agencies: ID[]) => {
    const marks = agencies.map(() => '?').join(', ')
    const { rows } = await sql(
      `EXPLAIN QUERY PLAN SELECT * FROM "reports" WHERE "reports"."agency_id" IN (${marks}) ORDER BY "reports"."created_at" DESC LIMIT ?`,
      [...agencies, 20],
    )
    return rows.map((row) => String(row.detail)).join('; ')
  }

  it("without them SQLite sorts every report of a supervisor's subtree; with them it walks createdAt and stops at the page's end", async () => {
    const province = tree.below.get(String(tree.root))!.map(Number)
    expect(await supervisorPlan(province)).toMatch(/TEMP B-TREE FOR ORDER BY/)

    expect(await refreshPlannerStatistics(h.payload, 'file:test.db')).toBe(true)
    const stats = await sql(`SELECT stat FROM sqlite_stat1 WHERE tbl = 'reports' AND idx = 'reports_created_at_idx'`)
    expect(String(stats.rows[0]?.stat)).toMatch(new RegExp(`^${tree.all.length * REPORTS_PER_AGENCY} `))

    // the province (all agencies) and a city (a third of them): no sort of whole rows any more
    const city = tree.below.get(String(tree.all[1]))!.map(Number)
    for (const agencies of [province, city]) {
      const plan = await supervisorPlan(agencies)
      expect(plan).toMatch(/reports_created_at_idx/)
      expect(plan).not.toMatch(/TEMP B-TREE/)
    }
  })

  it('leaves the answers as they were: a supervisor still gets its subtree, newest first', async () => {
    const local = api(h.payload)
    const city = tree.all[1]!
    // the first user of a database becomes its admin (collections/users.ts): make that one first
    await local.create({ collection: USERS, data: { email: 'planner-admin@example.test', password: PASSWORD, role: 'admin' } })
    const supervisor = await local.create({
      collection: USERS,
      data: { email: 'planner-supervisor@example.test', password: PASSWORD, role: 'supervisor', agency: city },
    })
    const { docs, totalDocs } = await local.find({
      collection: REPORTS,
      limit: 20,
      depth: 0,
      overrideAccess: false,
      user: { ...supervisor, collection: 'users' },
    })
    const allowed = new Set(tree.below.get(String(city)))
    expect(totalDocs).toBe(allowed.size * REPORTS_PER_AGENCY)
    expect(docs).toHaveLength(20)
    for (const doc of docs) expect(allowed.has(String(doc.agency))).toBe(true)
    const created = docs.map((doc) => String(doc.createdAt))
    expect(created).toEqual([...created].sort().reverse())
  })

  it('is a no-op for other databases', async () => {
    expect(await refreshPlannerStatistics(h.payload, 'postgres://127.0.0.1/none')).toBe(false)
  })
})
