/**
 * Test harness: a Payload instance with the xxgk plugin on a fresh database of the chosen kind,
 * and its REST and GraphQL API served over real HTTP (Payload's own Next route handlers on a
 * node:http server; no `next build` needed).
 */
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { getPayload } from 'payload'
import type { Payload, SanitizedConfig } from 'payload'
import { xxgkConfig } from '../../dev/cms/config.ts'
import type { XxgkConfigOptions } from '../../dev/cms/config.ts'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'
type PgPool = { query: (sql: string) => Promise<unknown>; end: () => Promise<void> }

export const ROOT = path.resolve(import.meta.dirname, '../..')
export const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const MONGODB_URL = process.env.MONGODB_URL

export interface Harness {
  kind: DatabaseKind
  payload: Payload
  config: SanitizedConfig
  /** Base URL of the HTTP server, e.g. http://127.0.0.1:41234 */
  url: string
  close: () => Promise<void>
}

/** A name for this run's database objects: letters, digits and underscores only. */
export function uniqueName(label: string): string {
  return `xxgk_${label.replace(/\W+/g, '_')}_${process.pid}_${Date.now().toString(36)}`.toLowerCase()
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

type RouteHandler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/** Serves /api/graphql and /api/* with @payloadcms/next's route handlers, as the Next app does. */
async function serve(config: SanitizedConfig): Promise<{ server: Server; url: string }> {
  const routes = await import('@payloadcms/next/routes')
  const rest: Record<string, RouteHandler> = {
    GET: routes.REST_GET(config) as RouteHandler,
    POST: routes.REST_POST(config) as RouteHandler,
    PATCH: routes.REST_PATCH(config) as RouteHandler,
    PUT: routes.REST_PUT(config) as RouteHandler,
    DELETE: routes.REST_DELETE(config) as RouteHandler,
    OPTIONS: routes.REST_OPTIONS(config) as RouteHandler,
  }
  const graphql = routes.GRAPHQL_POST(config) as unknown as (request: Request) => Promise<Response>
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req)
      const headers = new Headers()
      for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value)
      const request = new Request(url, { method: req.method, headers, body: body ? new Uint8Array(body) : undefined })
      let response: Response
      if (url.pathname === '/api/graphql' && req.method === 'POST') response = await graphql(request)
      else if (url.pathname.startsWith('/api/') && rest[req.method ?? '']) {
        const slug = url.pathname.slice('/api/'.length).split('/').filter(Boolean).map(decodeURIComponent)
        response = await rest[req.method!]!(request, { params: Promise.resolve({ slug }) })
      } else response = new Response('not found', { status: 404 })
      res.statusCode = response.status
      response.headers.forEach((value, key) => res.setHeader(key, value))
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      res.statusCode = 599 // the harness itself failed: never mistaken for the app's own status
      res.end(String(error instanceof Error ? error.stack : error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${port}` }
}

export interface StartOptions {
  label: string
  plugin?: XxgkConfigOptions['plugin']
  plugins?: XxgkConfigOptions['plugins']
  /** Serve HTTP (default true). */
  http?: boolean
  /** Build the schema with the shipped migrations (migrations/) instead of Payload's push. PostgreSQL gets a fresh database. */
  migrations?: boolean
}

/** A fresh database of the given kind, schema pushed by Payload, and Payload on it. */
export async function startHarness(kind: DatabaseKind, options: StartOptions): Promise<Harness> {
  const name = uniqueName(options.label)
  let url: string
  let cleanup = async () => {}
  let schemaName: string | undefined
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-it-'))
    url = `file:${path.join(dir, 'test.db')}`
    cleanup = async () => rmSync(dir, { recursive: true, force: true })
  } else if (kind === 'postgres' && options.migrations) {
    // the migrations name the `public` schema: a database of its own (Payload's adapter creates it)
    const database = new URL(POSTGRES_URL)
    database.pathname = `/${name}`
    url = database.toString()
  } else if (kind === 'postgres') {
    url = POSTGRES_URL
    schemaName = name
  } else {
    if (!MONGODB_URL) throw new Error('MONGODB_URL is not set')
    const mongo = new URL(MONGODB_URL)
    mongo.pathname = `/${name}`
    url = mongo.toString()
  }
  const config = await xxgkConfig({
    baseDir: path.join(ROOT, 'dev'),
    secret: 'integration-test-secret',
    database: { url, migrationsDir: path.join(ROOT, 'dev', 'migrations'), push: !options.migrations, schemaName },
    plugin: options.plugin,
    plugins: options.plugins,
  })
  // Payload's route handlers find their instance under the default cache key: an HTTP harness
  // uses it (one per test file); harnesses without HTTP get their own key and can coexist.
  const payload = await getPayload({ config, ...(options.http === false && { key: name }) })
  let destroyed = false
  const destroy = async () => {
    if (!destroyed) await payload.db.destroy?.()
    destroyed = true
  }
  if (kind === 'postgres' && options.migrations) {
    const pg = (payload.db as unknown as { pg: { Pool: new (o: object) => PgPool } }).pg
    cleanup = async () => {
      await destroy() // no connection may stay open on a database being dropped
      const admin = new pg.Pool({ connectionString: POSTGRES_URL })
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`)
      await admin.end()
    }
  } else if (kind === 'postgres') {
    const pool = (payload.db as unknown as { pool: PgPool }).pool
    cleanup = async () => {
      await pool.query(`DROP SCHEMA IF EXISTS "${schemaName}" CASCADE`)
    }
  } else if (kind === 'mongodb') {
    cleanup = async () => {
      await (payload.db as unknown as { connection: { dropDatabase: () => Promise<void> } }).connection.dropDatabase()
    }
  }
  if (options.migrations && kind !== 'mongodb') {
    try {
      // imported here (vitest compiles them) rather than by Payload's own loader, which cannot read .ts
      const { migrations } = (await import(path.join(ROOT, 'dev', 'migrations', kind, 'index.ts'))) as { migrations: unknown[] }
      await (payload.db.migrate as (args: { migrations: unknown[] }) => Promise<void>)({ migrations })
    } catch (error) {
      await cleanup().finally(destroy)
      throw error
    }
  }
  const served = options.http === false ? null : await serve(config)
  return {
    kind,
    payload,
    config,
    url: served?.url ?? '',
    close: async () => {
      if (served) await new Promise((resolve) => served.server.close(resolve))
      try {
        await cleanup()
      } finally {
        await destroy()
      }
    },
  }
}
