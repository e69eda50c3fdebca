/** Shared pieces of the import tests: the CLI as a child process, a database opened afresh, the corpus. */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { getPayload } from 'payload'
import type { CollectionSlug, Payload } from 'payload'
import { xxgkConfig } from '../../dev/cms/config.ts'
import type { ParseResult } from '../../seed/index.ts'
import { parseSource } from '../../seed/import/read.ts'
import type { ImportSummary } from '../../seed/import/index.ts'
import { POSTGRES_URL, ROOT, uniqueName } from '../integration/harness.ts'

export { ROOT }
export const BIN = path.join(ROOT, 'bin', 'xxgk.mjs')
export const SECRET = 'import-test-secret'
export const REPORTS = 'reports' as CollectionSlug
export const AGENCIES = 'agencies' as CollectionSlug
export const USERS = 'users' as CollectionSlug

/** Every corpus source that has an expected file (what `npm start` seeds), relative to the root. */
export function corpusSources(): string[] {
  const files: string[] = []
  for (const dir of ['corpus/seed', 'corpus/real']) {
    const names = readdirSync(path.join(ROOT, dir))
    for (const name of names.sort()) {
      if (name.endsWith('.expected.json') || name === 'SOURCES.md') continue
      let stem = name
      let found = false
      while (stem.includes('.') && !found) {
        stem = stem.slice(0, stem.lastIndexOf('.'))
        found = names.includes(`${stem}.expected.json`)
      }
      if (found) files.push(`${dir}/${name}`)
    }
  }
  return files
}

export const EXCERPT = 'corpus/real/huaian-city-gov-2024-excerpt.section3.pdf-text.txt'
export const PINGTAN_2024 = ['corpus/real/pingtan-zone-gov-2024.html', 'corpus/real/pingtan-zone-gov-2024.pdf-text.txt']

/** A corpus file parsed as the importer parses it (seed/import/read.ts). */
export async function parseFile(file: string): Promise<ParseResult> {
  const item = await parseSource(file, new Uint8Array(readFileSync(path.join(ROOT, file))))
  if ('failure' in item) throw new Error(`${file}: ${item.failure.reason.en}`)
  return item.parsed
}

/** This environment without vitest's variables and NODE_OPTIONS (the CLI must manage without). */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS')) as NodeJS.ProcessEnv
}

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * `xxgk import …` as a user runs it: bin/xxgk.mjs in a child process, without the development
 * condition (the command must add it itself), on the given DATABASE_URL.
 */
export function runImportCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const base = cleanEnv()
  const child = spawn(process.execPath, [BIN, 'import', ...args], {
    cwd: ROOT,
    env: { ...base, PAYLOAD_SECRET: SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

export function jsonSummary(run: CliRun): ImportSummary {
  try {
    return JSON.parse(run.stdout) as ImportSummary
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`)
  }
}

/** A fresh SQLite file in its own temp folder. */
export function freshSqlite(label: string): { url: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `xxgk-import-${label}-`))
  return { url: `file:${path.join(dir, 'xxgk.db')}`, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A PostgreSQL database of its own (the shipped migrations name the public schema); dropped by `remove`. */
export function freshPostgres(label: string): { url: string; name: string; remove: () => Promise<void> } {
  const name = uniqueName(label)
  const url = new URL(POSTGRES_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    name,
    remove: async () => {
      const pg = await import('pg')
      const pool = new pg.default.Pool({ connectionString: POSTGRES_URL })
      try {
        await pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      } finally {
        await pool.end()
      }
    },
  }
}

/** Payload on an existing database (the one the CLI wrote), to look at what was stored. */
export async function openDatabase(url: string, label: string): Promise<{ payload: Payload; close: () => Promise<void> }> {
  const config = await xxgkConfig({
    baseDir: path.join(ROOT, 'dev'),
    secret: SECRET,
    database: { url, migrationsDir: path.join(ROOT, 'dev', 'migrations'), push: false },
  })
  const payload = await getPayload({ config, key: uniqueName(label) })
  const pool = (payload.db as unknown as { pool?: { end: () => Promise<void> } }).pool
  return {
    payload,
    close: async () => {
      await payload.db.destroy?.()
      // not awaited: Payload's PostgreSQL adapter keeps one client checked out, so the pool never drains
      void pool?.end().catch(() => undefined)
    },
  }
}

type Doc = Record<string, any> & { id: string | number }

/** Loose Local API calls: documents are interchange JSON checked by the plugin. */
export function local(payload: Payload) {
  return payload as unknown as {
    create: (args: Record<string, unknown>) => Promise<Doc>
    find: (args: Record<string, unknown>) => Promise<{ docs: Doc[]; totalDocs: number }>
    findByID: (args: Record<string, unknown>) => Promise<Doc>
    count: (args: Record<string, unknown>) => Promise<{ totalDocs: number }>
    countVersions: (args: Record<string, unknown>) => Promise<{ totalDocs: number }>
  }
}

/** Every report as its newest saved version (drafts included). */
export async function storedReports(payload: Payload): Promise<Doc[]> {
  const { docs } = await local(payload).find({ collection: REPORTS, draft: true, depth: 1, limit: 100, sort: 'id' })
  return docs
}

export async function agencyNames(payload: Payload): Promise<string[]> {
  const { docs } = await local(payload).find({ collection: AGENCIES, depth: 0, limit: 100, sort: 'name' })
  return docs.map((d) => d.name as string).sort()
}
