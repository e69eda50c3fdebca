import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Payload } from 'payload'

export const DEFAULT_DATABASE_URL = 'file:./data/xxgk.db'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export function databaseKind(url: string): DatabaseKind {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//i.test(url)) return 'mongodb'
  if (/^(file|libsql):/i.test(url) || url === ':memory:') return 'sqlite'
  throw new Error(
    `DATABASE_URL 无法识别：${url}（应为 file:…、postgres://… 或 mongodb://…） / DATABASE_URL not understood: ${url} (expected file:…, postgres://… or mongodb://…)`,
  )
}

export interface DatabaseOptions {
  url: string
  /** Where the SQL migrations live: `<dir>/sqlite`, `<dir>/postgres`. */
  migrationsDir: string
  /** Push the schema without migrations (development and tests only). */
  push?: boolean
  /** PostgreSQL schema (tests give each file its own). */
  schemaName?: string
}

/**
 * PostgreSQL pool settings. Every write holds one connection for its transaction (the plugin
 * keeps Payload's lock check on that connection, plugin/locks.ts); these bound what a fault
 * can cost: a request waits at most `connectionTimeoutMillis` for a connection (an error, not
 * a hang), and the server ends a session left idle inside a transaction after a minute.
 */
export function postgresPool(url: string) {
  const number = (value: string | undefined, fallback: number) => (value && /^\d+$/.test(value) ? Number(value) : fallback)
  return {
    connectionString: url,
    max: number(process.env.XXGK_PG_POOL_MAX, 10),
    connectionTimeoutMillis: number(process.env.XXGK_PG_ACQUIRE_TIMEOUT_MS, 15_000),
    idle_in_transaction_session_timeout: 60_000,
  }
}

/** The database adapter for a DATABASE_URL: SQLite file, PostgreSQL, or MongoDB (mongoose). */
export function databaseAdapter(options: DatabaseOptions): DatabaseAdapterObj {
  const { url, push = false } = options
  const kind = databaseKind(url)
  if (kind === 'postgres') {
    return postgresAdapter({
      pool: postgresPool(url),
      migrationDir: path.join(options.migrationsDir, 'postgres'),
      push,
      ...(options.schemaName && { schemaName: options.schemaName }),
    })
  }
  if (kind === 'mongodb') return mongooseAdapter({ url })
  if (url.startsWith('file:') && url !== 'file::memory:') {
    const file = url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length)
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  }
  // busyTimeout: a write waits for another connection's (the server's, an import's) instead of failing half-done
  return sqliteAdapter({ client: { url }, migrationDir: path.join(options.migrationsDir, 'sqlite'), push, busyTimeout: 10_000 })
}

type SqlClient = { execute: (sql: string) => Promise<unknown> }

/**
 * Gives SQLite's query planner the statistics of the data (ANALYZE, sampled: bounded time on a
 * large file). Without them SQLite answers a supervisor's report list (`agency in (…the
 * subtree…) order by createdAt desc limit 20`) through the agency index and sorts every report
 * of the subtree, whole rows: 15 ms for a province's 10,000 reports. With them it walks the
 * createdAt index and stops at the 20th match (under 1 ms). Run before serving (cms/prepare.ts),
 * so the figures are as recent as the last start. PostgreSQL's autovacuum keeps its own.
 */
export async function refreshPlannerStatistics(payload: Payload, url: string): Promise<boolean> {
  if (databaseKind(url) !== 'sqlite') return false
  const client = (payload.db as unknown as { client?: SqlClient }).client
  if (!client) return false
  await client.execute('PRAGMA analysis_limit = 1000')
  await client.execute('ANALYZE')
  return true
}
