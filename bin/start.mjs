#!/usr/bin/env node
/**
 * `npm start`: the CMS from a fresh clone. Builds the Next app when the build is missing or
 * older than the sources, migrates the database (DATABASE_URL, default file:./data/xxgk.db),
 * creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, seeds an empty database, then
 * serves http://localhost:$PORT/admin (PORT default 3000).
 *   --dev         `next dev` instead of build + `next start`
 *   --build-only  generate the admin import map and build, then exit (`npm run build`)
 *   --build-if-needed  the same, only when the build is missing or older than the sources
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
// the host app: a Payload app like any other, importing the plugin by its package name
const app = path.join(root, 'dev')
const require = createRequire(import.meta.url)
const args = process.argv.slice(2)
const mode = args.includes('--dev') ? 'dev' : args.includes('--build-only') ? 'build' : args.includes('--build-if-needed') ? 'build-if-needed' : 'start'

const log = (message) => console.log(`[xxgk] ${message}`)
const fail = (message) => {
  console.error(`[xxgk] ${message}`)
  process.exit(1)
}

const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || 'file:./data/xxgk.db' }
const port = env.PORT || '3000'
// Lexical's node entry can hang under tsx without this (see PAYLOAD-NOTES); never for next itself.
const scriptEnv = { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --conditions=development`.trim() }

function ensureSecret() {
  if (env.PAYLOAD_SECRET) return
  if (env.NODE_ENV === 'production') {
    fail('未设置 PAYLOAD_SECRET：生产环境必须提供（一个长的随机字符串） / PAYLOAD_SECRET is not set: production needs one (a long random string)')
  }
  const file = path.join(app, 'data', '.payload-secret')
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  env.PAYLOAD_SECRET = scriptEnv.PAYLOAD_SECRET = readFileSync(file, 'utf8').trim()
  log(
    'PAYLOAD_SECRET 未设置，使用 dev/data/.payload-secret 中的开发密钥 / PAYLOAD_SECRET not set: using a development secret kept in dev/data/.payload-secret (NODE_ENV is not production)',
  )
}

const SOURCES = [
  'dev/app',
  'dev/cms',
  'dev/payload.config.ts',
  'dev/next.config.mjs',
  'dev/tsconfig.json',
  'plugin',
  'collections',
  'src',
  'seed',
  'package.json',
  'tsconfig.json',
]

function newestSource(entry) {
  const full = path.join(root, entry)
  if (!existsSync(full)) return 0
  const stat = statSync(full)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(
    0,
    ...readdirSync(full)
      .filter((name) => name !== 'dist')
      .map((name) => newestSource(path.join(entry, name))),
  )
}

function buildIsCurrent() {
  const buildId = path.join(app, '.next', 'BUILD_ID')
  return existsSync(buildId) && statSync(buildId).mtimeMs >= Math.max(...SOURCES.map(newestSource))
}

function run(label, command, commandArgs, runEnv) {
  log(label)
  const result = spawnSync(command, commandArgs, { cwd: app, env: runEnv, stdio: 'inherit' })
  if (result.status !== 0) fail(`${label} failed (exit ${result.status ?? result.signal})`)
}

/** The folder of an installed package (its exports may hide package.json). */
function packageDir(name) {
  let dir = path.dirname(require.resolve(name))
  while (!existsSync(path.join(dir, 'package.json')) || JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== name) {
    const up = path.dirname(dir)
    if (up === dir) fail(`cannot find the ${name} package`)
    dir = up
  }
  return dir
}

const nextBin = path.join(packageDir('next'), 'dist', 'bin', 'next')
const payloadBin = path.join(packageDir('payload'), 'bin.js')

function build() {
  // the import map only reads the config: no secret is used, none needs to be set for it
  const importMapEnv = { ...scriptEnv, PAYLOAD_CONFIG_PATH: path.join(app, 'payload.config.ts'), PAYLOAD_SECRET: env.PAYLOAD_SECRET || 'import-map-generation' }
  run('generating the admin import map', process.execPath, [payloadBin, 'generate:importmap'], importMapEnv)
  run('building the app (next build, about a minute)', process.execPath, [nextBin, 'build'], env)
}

if (mode === 'build' || mode === 'build-if-needed') {
  if (mode === 'build-if-needed' && buildIsCurrent()) log('build is current (dev/.next/BUILD_ID newer than the sources)')
  else build()
  process.exit(0)
}

ensureSecret()
if (mode === 'start') {
  if (buildIsCurrent()) log('build is current (dev/.next/BUILD_ID newer than the sources)')
  else build()
}
run(`preparing the database ${env.DATABASE_URL}`, process.execPath, ['--import', 'tsx', path.join(app, 'cms', 'prepare.ts')], {
  ...scriptEnv,
  NODE_ENV: mode === 'dev' ? 'development' : 'production',
})

log(`serving http://localhost:${port}/admin (API at /api)`)
const server = spawn(process.execPath, [nextBin, mode === 'dev' ? 'dev' : 'start', '-p', port], { cwd: app, env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
