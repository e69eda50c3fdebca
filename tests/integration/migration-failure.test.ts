/**
 * A migration that fails half-way leaves nothing behind on PostgreSQL: Payload runs each
 * migration in a transaction, and PostgreSQL's DDL is transactional. The shipped initial
 * migration creates every table of the plugin, then this test's step fails; afterwards none of
 * those tables exists and the migration is not recorded, so a fixed migration runs cleanly.
 */
import path from 'node:path'
import { getPayload } from 'payload'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { xxgkConfig } from '../../dev/cms/config.ts'
import { POSTGRES_URL, ROOT, uniqueName } from './harness.ts'

interface Migration {
  name: string
  up: (args: unknown) => Promise<void>
  down: (args: unknown) => Promise<void>
}
type PgPool = { query: (sql: string) => Promise<{ rows: { table_name: string }[] }>; end: () => Promise<void> }

describe('a failed migration on PostgreSQL', () => {
  const name = uniqueName('migration_failure')
  const database = new URL(POSTGRES_URL)
  database.pathname = `/${name}`
  let payload: Payload
  let migrations: Migration[]

  beforeAll(async () => {
    const config = await xxgkConfig({
      baseDir: path.join(ROOT, 'dev'),
      secret: 'migration-failure-secret',
      database: { url: database.toString(), migrationsDir: path.join(ROOT, 'dev', 'migrations'), push: false },
    })
    payload = await getPayload({ config, key: name })
    ;({ migrations } = (await import(path.join(ROOT, 'dev', 'migrations', 'postgres', 'index.ts'))) as { migrations: Migration[] })
  })

  afterAll(async () => {
    // Payload keeps one pool client checked out after destroy(): it is ended with the database,
    // so its "terminating connection" is expected, not an error of this test
    type Emitter = { on: (event: string, listener: () => void) => void }
    const pool = (payload?.db as unknown as { pool?: Emitter & { _clients?: Emitter[] } })?.pool
    pool?.on('error', () => {})
    for (const client of pool?._clients ?? []) client.on('error', () => {})
    await payload?.db.destroy?.()
    const pg = (payload?.db as unknown as { pg?: { Pool: new (o: object) => PgPool } })?.pg
    if (!pg) return
    const admin = new pg.Pool({ connectionString: POSTGRES_URL })
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await admin.end()
  })

  const tables = async () => {
    const pool = (payload.db as unknown as { pool: PgPool }).pool
    const { rows } = await pool.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)
    return rows.map((r) => r.table_name).sort()
  }

  it('rolls back every table it created, and the fixed migration then runs', async () => {
    const [initial] = migrations
    const failing: Migration = {
      name: `${initial!.name}_failing`,
      up: async (args) => {
        await initial!.up(args)
        throw new Error('a step after the tables were created fails')
      },
      down: initial!.down,
    }
    const migrate = (payload.db.migrate as (args: { migrations: Migration[] }) => Promise<void>).bind(payload.db)
    const exit = process.exit
    // Payload's migrate ends the process when a migration fails: keep this test's process alive
    process.exit = ((code?: number) => {
      throw new Error(`process.exit(${code})`)
    }) as typeof process.exit
    try {
      // Payload logs the failure and exits: the exit is where the failure shows here
      await expect(migrate({ migrations: [failing] })).rejects.toThrow('process.exit(1)')
    } finally {
      process.exit = exit
    }
    const after = await tables()
    expect(after).not.toContain('agencies')
    expect(after).not.toContain('reports')
    expect(after).not.toContain('_reports_v')
    expect(after).not.toContain('users')

    await migrate({ migrations })
    expect(await tables()).toEqual(expect.arrayContaining(['agencies', 'reports', '_reports_v', 'users', 'payload_jobs']))
  })
})
