/**
 * The packages as a new user gets them: `npm pack` of xxgk and @xxgk/schema, the tarballs
 * installed into a copy of a plain Payload app that already has a user (tests/consumer/app),
 * the plugin added with the README's lines (payload.config.ts there), the import map generated,
 * a migration created and run over the existing user, `next build`, `next start`. Then, against
 * that server: the old user administers, a report with a rule error cannot be published, a
 * corpus PDF imports, `xxgk import` writes to this app's database, the edit view shows the
 * grid in Chromium, and plain Node imports @xxgk/schema. Figures go to
 * test-results/consumer.json (tarball sizes, install and build times).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import type { ChildProcess, SpawnSyncOptions } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, chromiumArgs } from '../helpers/chromium.ts'
import { freePort } from '../helpers/net.ts'
import { logIn } from '../e2e/browser.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const APP_SOURCE = path.join(import.meta.dirname, 'app')
const RESULTS = path.join(ROOT, 'test-results')
const OLD_USER = { email: 'old.user@example.com', password: 'old-user-password-1' }

/** The commands of the README's "Add the plugin" section, in its order, as this test runs them. */
export const README_STEPS = ['npm install xxgk @xxgk/schema', 'payload generate:importmap', 'payload migrate:create xxgk', 'payload migrate', 'next build']

interface Packed {
  file: string
  filename?: string
  name: string
  size: number
  unpackedSize: number
  entryCount: number
  files: { path: string }[]
}

const figures: Record<string, number | string> = {}
let work = ''
let app = ''
const packs: Packed[] = []
let server: ChildProcess | null = null
let serverLog = ''
let url = ''

function run(command: string, args: string[], options: SpawnSyncOptions & { label: string }): string {
  const started = Date.now()
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options })
  figures[`${options.label}_s`] = Math.round((Date.now() - started) / 100) / 10
  if (result.status !== 0) throw new Error(`${options.label} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`)
  return String(result.stdout)
}

/** The app's environment: no vitest variables, no NODE_OPTIONS of ours. */
type Env = Record<string, string | undefined>

function appEnv(extra: Env = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS'))
  return {
    ...env,
    NEXT_TELEMETRY_DISABLED: '1',
    PAYLOAD_SECRET: 'consumer-test-secret',
    DATABASE_URI: `file:${path.join(app, 'consumer.db')}`,
    ...extra,
  } as unknown as NodeJS.ProcessEnv
}

const payloadCli = (args: string[], label: string, extra: Env = {}) =>
  // Payload's own advice for its CLI under Node 20 (PAYLOAD-NOTES: Lexical's entry hangs without it)
  run(process.execPath, [path.join(app, 'node_modules', 'payload', 'bin.js'), ...args], {
    cwd: app,
    label,
    env: appEnv({ NODE_OPTIONS: '--conditions=development', ...extra }),
  })

async function waitForServer(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`next start exited:\n${serverLog}`)
    try {
      if ((await fetch(`${url}/api/users/me`)).status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`next start did not answer:\n${serverLog}`)
}

async function login(email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = (await response.json()) as { token?: string }
  expect(response.status, JSON.stringify(body)).toBe(200)
  return body.token!
}

const api = (token: string) => async (method: string, route: string, body?: unknown) => {
  const response = await fetch(`${url}/api${route}`, {
    method,
    headers: { Authorization: `JWT ${token}`, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as any }
}

describe('the packages in a new Payload app', () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'xxgk-consumer-'))
    app = path.join(work, 'app')
    const packDir = path.join(work, 'packs')
    mkdirSync(packDir)
    // npm pack runs each package's prepack: the build (tsc) into dist/
    for (const args of [[], ['-w', 'src']]) {
      const out = run('npm', ['pack', '--json', '--pack-destination', packDir, ...args], { cwd: ROOT, label: `pack${args.length ? '_schema' : '_xxgk'}` })
      const [packed] = JSON.parse(out) as Packed[]
      packs.push({ ...packed!, file: path.join(packDir, packed!.file ?? packed!.filename) } as Packed)
    }
    for (const p of packs) {
      const key = p.name === 'xxgk' ? 'xxgk' : 'schema'
      figures[`tarball_${key}_bytes`] = p.size
      figures[`tarball_${key}_unpacked_bytes`] = p.unpackedSize
      figures[`tarball_${key}_files`] = p.entryCount
    }

    cpSync(APP_SOURCE, app, { recursive: true, filter: (source) => !/node_modules|\.next|consumer\.db/.test(source) })
    // the tarballs stand for the registry's packages: `npm install xxgk @xxgk/schema`
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...packs.map((p) => p.file)], { cwd: app, label: 'install', env: appEnv() })

    // before the plugin: the app's own schema, and a user who administers it
    const before = { PAYLOAD_CONFIG_PATH: 'payload.before.config.ts', NODE_ENV: 'production' }
    payloadCli(['migrate:create', 'initial'], 'migrate_create_before', before)
    payloadCli(['migrate'], 'migrate_before', before)
    payloadCli(['run', 'scripts/create-user.ts'], 'create_user', { ...before, OLD_USER_EMAIL: OLD_USER.email, OLD_USER_PASSWORD: OLD_USER.password })

    // the README's steps with the plugin in payload.config.ts
    payloadCli(['generate:importmap'], 'importmap')
    payloadCli(['migrate:create', 'xxgk'], 'migrate_create')
    payloadCli(['migrate'], 'migrate', { NODE_ENV: 'production' })
    run(process.execPath, [path.join(app, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { cwd: app, label: 'next_build', env: appEnv() })

    // `xxgk import` in the host project writes to this project's CMS (its config and database)
    const imported = run(
      process.execPath,
      [path.join(app, 'node_modules', 'xxgk', 'bin', 'xxgk.mjs'), 'import', path.join(ROOT, 'corpus/seed/wangji-township-2023.pdf-text.txt'), '--json'],
      { cwd: app, label: 'cli_import', env: appEnv({ NODE_ENV: 'production' }) },
    )
    figures.cli_import_summary = imported.trim().replace(/\s+/g, ' ').slice(0, 200)

    const port = await freePort()
    url = `http://127.0.0.1:${port}`
    server = spawn(process.execPath, [path.join(app, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port)], {
      cwd: app,
      env: appEnv({ NODE_ENV: 'production' }),
      detached: true,
    })
    server.stdout!.on('data', (d: Buffer) => (serverLog += d.toString()))
    server.stderr!.on('data', (d: Buffer) => (serverLog += d.toString()))
    await waitForServer(60_000)
  }, 1_500_000)

  afterAll(() => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM')
      } catch {
        // already gone
      }
    }
    mkdirSync(RESULTS, { recursive: true })
    writeFileSync(path.join(RESULTS, 'consumer.json'), `${JSON.stringify(figures, null, 2)}\n`)
    console.log('[consumer]', JSON.stringify(figures))
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('ships compiled ESM with declarations, an exports map, and none of the repository', () => {
    for (const p of packs) {
      const files = p.files.map((f) => f.path)
      expect(files.filter((f) => !/^(dist\/|bin\/xxgk\.mjs$|package\.json$|README\.md$)/.test(f))).toEqual([])
      expect(files.some((f) => f.endsWith('.d.ts'))).toBe(true)
      expect(files.some((f) => f.endsWith('.js.map'))).toBe(true)
      expect(files.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))).toEqual([])
      const manifest = JSON.parse(readFileSync(path.join(app, 'node_modules', p.name, 'package.json'), 'utf8'))
      for (const entry of Object.values(manifest.exports as Record<string, unknown>)) {
        if (typeof entry === 'object') expect(entry).toMatchObject({ types: expect.stringMatching(/\.d\.ts$/), import: expect.stringMatching(/\.js$/) })
      }
    }
    const xxgk = JSON.parse(readFileSync(path.join(app, 'node_modules', 'xxgk', 'package.json'), 'utf8'))
    for (const peer of ['payload', '@payloadcms/ui', '@payloadcms/richtext-lexical', '@payloadcms/translations', 'react', 'react-dom', 'next']) {
      expect(xxgk.peerDependencies[peer], peer).toMatch(/^\^/)
      expect(xxgk.dependencies[peer], peer).toBeUndefined()
    }
    for (const name of Object.keys(xxgk.dependencies)) expect(name).not.toMatch(/^@payloadcms\/db-|^tsx$|^sharp$|^payload$/)
    // one Payload in the app: the plugin brought no copy of its own
    expect(() => execFileSync('ls', [path.join(app, 'node_modules', 'xxgk', 'node_modules', 'payload')], { stdio: 'ignore' })).toThrow()
  })

  it('is added exactly as the README says', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## Add the plugin'), readme.indexOf('\n## ', readme.indexOf('## Add the plugin') + 5))
    const configBlock = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
    const config = readFileSync(path.join(APP_SOURCE, 'payload.config.ts'), 'utf8')
    const lines = configBlock
      .split('\n')
      .map((line) => line.replace(/\/\/.*$/, '').trim())
      .filter((line) => line && line !== '})' && !line.startsWith('//'))
    expect(lines.length).toBeGreaterThan(4)
    for (const line of lines) expect(config, `README line «${line}»`).toContain(line)
    let at = 0
    for (const step of README_STEPS) {
      const found = section.indexOf(step, at)
      expect(found, `README step «${step}»`).toBeGreaterThan(-1)
      at = found
    }
  })

  it('lets the existing user log in and administer', async () => {
    const token = await login(OLD_USER.email, OLD_USER.password)
    const call = api(token)
    const me = await call('GET', '/users/me')
    expect(me.body.user.email).toBe(OLD_USER.email)
    expect(me.body.user.role ?? null).toBeNull() // no role given yet: acts as usersWithoutRole (admin)
    const agency = await call('POST', '/agencies', { name: '消费者测试县人民政府', kind: 'government', level: 'county' })
    expect(agency.status, JSON.stringify(agency.body)).toBe(201)
    const access = await call('GET', '/access')
    // Payload answers `true` or `{ permission: true }` per operation
    const allowed = (entry: unknown) => entry === true || (entry as { permission?: unknown } | undefined)?.permission === true
    expect(allowed(access.body.collections.reports.create), JSON.stringify(access.body.collections.reports)).toBe(true)
    expect(allowed(access.body.collections.users.delete)).toBe(true)
  })

  it('refuses to publish a report with a rule error, naming the cell', async () => {
    const call = api(await login(OLD_USER.email, OLD_USER.password))
    const { body: agencies } = await call('GET', `/agencies?where[name][equals]=${encodeURIComponent('消费者测试县人民政府')}`)
    const agency = agencies.docs[0].id
    const requests = { received: { natural: 5, total: 5 }, totalHandled: { natural: 4, total: 4 }, carriedForward: { natural: 0, total: 0 } }
    const refused = await call('POST', '/reports', { agency, year: 2024, edition: '2021', requests, _status: 'published' })
    expect(refused.status).toBe(400)
    const paths = (refused.body.errors[0].data.errors as { path: string }[]).map((e) => e.path)
    expect(paths).toContain('requests.carriedForward.natural')
    const draft = await call('POST', '/reports?draft=true', { agency, year: 2024, edition: '2021', requests })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    expect(draft.body.doc.errorCount).toBeGreaterThan(0)
  })

  it('imports a corpus PDF through the admin endpoint', async () => {
    const token = await login(OLD_USER.email, OLD_USER.password)
    const form = new FormData()
    const pdf = readFileSync(path.join(ROOT, 'corpus/real/huaian-city-gov-2024.pdf'))
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'huaian-city-gov-2024.pdf')
    const response = await fetch(`${url}/api/reports/import`, { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form })
    const body = (await response.json()) as any
    expect(response.status, JSON.stringify(body).slice(0, 500)).toBe(201)
    expect(body.doc).toMatchObject({ year: 2024, _status: 'draft' })
    const stored = await api(token)('GET', `/reports/${body.doc.id}?draft=true`)
    expect(stored.body.requests.received.total).toBeGreaterThan(0)
  })

  it('took the CLI import into this app’s database', async () => {
    const call = api(await login(OLD_USER.email, OLD_USER.password))
    const { body } = await call('GET', '/reports?draft=true&where[year][equals]=2023&depth=1')
    expect(body.docs.map((d: any) => d.agency?.name)).toContain('王集乡人民政府')
  })

  it('shows the report grid in Chromium, in Chinese for an English browser', async () => {
    const call = api(await login(OLD_USER.email, OLD_USER.password))
    const { body } = await call('GET', '/reports?draft=true&where[year][equals]=2023&limit=1')
    const id = body.docs[0].id
    const profile = mkdtempSync(path.join(tmpdir(), 'xxgk-consumer-chromium-'))
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: chromiumArgs(), locale: 'en-US' })
    try {
      const page = context.pages()[0] ?? (await context.newPage())
      page.setDefaultTimeout(30_000)
      // an English browser's first visit is switched to Chinese (a refresh): logIn waits for it
      await logIn(page, url, OLD_USER.email, OLD_USER.password)
      await page.goto(`${url}/admin/collections/reports/${id}`)
      await page.locator('.tabs-field__tab-button', { hasText: '收到和处理政府信息公开申请情况' }).first().click()
      const grid = page.locator('[data-xxgk-grid="requests"]')
      await grid.waitFor()
      await expect(page.locator('input[data-path="requests.received.natural"]').inputValue()).resolves.toMatch(/^\d+$/)
      mkdirSync(RESULTS, { recursive: true })
      await page.screenshot({ path: path.join(RESULTS, 'consumer-grid.png') })
    } finally {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    }
    // a cold production server's first admin pages plus Chromium's start: each step has 30 s, the whole more
  }, 180_000)

  it('gives a data desk the parsers and the CLI without Payload (the peers are optional)', () => {
    const desk = path.join(work, 'desk')
    mkdirSync(desk)
    writeFileSync(path.join(desk, 'package.json'), '{ "name": "data-desk", "private": true, "type": "module" }\n')
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...packs.map((p) => p.file)], { cwd: desk, label: 'desk_install', env: appEnv() })
    for (const peer of ['payload', 'next', '@payloadcms/ui']) expect(existsSync(path.join(desk, 'node_modules', peer)), peer).toBe(false)
    figures.desk_node_modules_mb = Math.round(Number(execFileSync('du', ['-sm', path.join(desk, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]))
    const xxgk = (args: string[]) =>
      spawnSync(process.execPath, [path.join(desk, 'node_modules', 'xxgk', 'bin', 'xxgk.mjs'), ...args], { cwd: desk, encoding: 'utf8', env: appEnv() })

    const source = path.join(ROOT, 'corpus/real/huaian-city-gov-2024.pdf')
    const parsed = xxgk(['parse', source, '--json'])
    expect(parsed.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND/)
    const result = JSON.parse(parsed.stdout) as { report: any; sources: Record<string, unknown> }
    const expected = JSON.parse(readFileSync(path.join(ROOT, 'corpus/real/huaian-city-gov-2024.expected.json'), 'utf8')).report
    for (const table of ['proactive', 'requests', 'reviewLitigation']) expect(result.report[table], table).toEqual(expected[table])
    expect(Object.keys(result.sources).length).toBeGreaterThan(100)

    const validated = xxgk(['validate', path.join(ROOT, 'corpus/seed/wangji-township-2023.expected.json')])
    expect(validated.status, validated.stderr).toBe(0)

    // over REST the import needs no Payload; a CMS that cannot be reached is a failed file, not a crash
    const rest = xxgk(['import', path.join(ROOT, 'corpus/seed/wangji-township-2023.pdf-text.txt'), '--url', 'http://127.0.0.1:9', '--token', 'x', '--json'])
    expect(rest.status, rest.stderr).toBe(1)
    expect(JSON.parse(rest.stdout)).toMatchObject({ imported: 0, failed: 1 })
    // into a local CMS it does, and says so in both languages
    const local = xxgk(['import', path.join(ROOT, 'corpus/seed/wangji-township-2023.pdf-text.txt')])
    expect(local.status).toBe(2)
    expect(local.stderr).toContain('未安装 payload')
    expect(local.stderr).toContain('payload is not installed')
  })

  it('gives plain Node the schema package', () => {
    const report = path.join(ROOT, 'corpus/real/shanghai-stcsm-dept-2024.expected.json')
    const script = `import { validateReport } from '@xxgk/schema'
import { readFileSync } from 'node:fs'
const { report } = JSON.parse(readFileSync(${JSON.stringify(report)}, 'utf8'))
const result = validateReport(report)
console.log(JSON.stringify({ errors: result.errors, paths: result.issues.filter((i) => i.severity === 'error').map((i) => i.path) }))`
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8', env: appEnv() })
    const result = JSON.parse(out) as { errors: number; paths: string[] }
    const expected = JSON.parse(readFileSync(report, 'utf8')) as { sourceErrors: { path: string }[] }
    expect(result.errors).toBe(expected.sourceErrors.length)
    expect(result.paths.sort()).toEqual(expected.sourceErrors.map((e) => e.path).sort())
  })
})
