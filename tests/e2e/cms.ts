/**
 * The CMS as a new user runs it, for the browser tests and the UI benchmark: `npm start`
 * (bin/start.mjs: build when the sources changed, migrate, create the admin from
 * ADMIN_EMAIL/ADMIN_PASSWORD, seed the sample report, `next start`) on its own port and a
 * fresh SQLite file. The build is shared with `npm start` (.next); building is serialised
 * with a lock file so two test runs never build at once.
 */
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from '../helpers/net.ts'
export { CHROMIUM, chromiumArgs } from '../helpers/chromium.ts'
export { freePort }

export const ROOT = path.resolve(import.meta.dirname, '../..')
/** Where screenshots and downloads go (git-ignored). */
export const ARTIFACTS = path.join(ROOT, 'test-results', 'e2e')
const BUILD_LOCK = path.join(tmpdir(), 'xxgk-next-build.lock')

/**
 * Builds the app if the sources are newer than the build (`bin/start.mjs --build-if-needed`),
 * under the lock every build of this working tree takes (the plugin benchmark's too):
 * concurrent runs build once, the others find the build current.
 */
export function ensureBuild(): void {
  const result = spawnSync('flock', [BUILD_LOCK, process.execPath, path.join(ROOT, 'bin', 'start.mjs'), '--build-if-needed'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) throw new Error(`building the CMS failed (exit ${result.status ?? result.signal})`)
}

export interface Cms {
  url: string
  admin: { email: string; password: string }
  dataDir: string
  log: () => string
  stop: () => Promise<void>
}

async function waitForServer(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the CMS exited (${child.exitCode}) before serving:\n${log()}`)
    try {
      const response = await fetch(`${url}/api/users/me`)
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the CMS did not answer within ${timeoutMs} ms:\n${log()}`)
}

/** `npm start` on a fresh database and a free port; resolves when the API answers. */
export async function startCms(options: { label: string; timeoutMs?: number }): Promise<Cms> {
  ensureBuild()
  const dataDir = mkdtempSync(path.join(tmpdir(), `xxgk-${options.label}-`))
  mkdirSync(ARTIFACTS, { recursive: true })
  const port = await freePort()
  const admin = { email: 'admin@example.gov.cn', password: `pw-${randomBytes(6).toString('hex')}` }
  let output = ''
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'start.mjs')], {
    cwd: ROOT,
    detached: true, // its own process group: stop() ends bin/start.mjs and the next server it started
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: `file:${path.join(dataDir, 'xxgk.db')}`,
      PAYLOAD_SECRET: randomBytes(24).toString('hex'),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // already gone
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL')
          } catch {
            // already gone
          }
          resolve()
        }, 5000)
        child.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitForServer(url, child, () => output, options.timeoutMs ?? 120_000)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, admin, dataDir, log: () => output, stop }
}

/** A REST client with its own session (Payload's JWT in an Authorization header). */
export class Api {
  constructor(
    readonly url: string,
    private token: string | null = null,
  ) {}

  static async login(url: string, email: string, password: string): Promise<Api> {
    const response = await fetch(`${url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    const body = (await response.json()) as { token?: string }
    if (!response.ok || !body.token) throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(body)}`)
    return new Api(url, body.token)
  }

  async request(method: string, route: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers; bytes: Buffer }> {
    const response = await fetch(`${this.url}/api${route}`, {
      method,
      headers: {
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
        ...(this.token && { Authorization: `JWT ${this.token}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const bytes = Buffer.from(await response.arrayBuffer())
    let parsed: unknown
    try {
      parsed = JSON.parse(bytes.toString('utf8'))
    } catch {
      parsed = null
    }
    return { status: response.status, body: parsed, headers: response.headers, bytes }
  }

  get = (route: string) => this.request('GET', route)
  post = (route: string, body: unknown) => this.request('POST', route, body)
  patch = (route: string, body: unknown) => this.request('PATCH', route, body)
}
