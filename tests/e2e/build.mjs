/**
 * `node tests/e2e/build.mjs`: builds the CMS (`npm run build`) unless .next is newer than the
 * sources `npm start` watches (bin/start.mjs SOURCES). The browser tests and the UI benchmark
 * run it under `flock`, so concurrent runs build once and the others find the build current.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')
const SOURCES = ['app', 'plugin', 'collections', 'src', 'cms', 'payload.config.ts', 'next.config.mjs', 'package.json', 'tsconfig.app.json']

function newest(entry) {
  const full = path.join(root, entry)
  if (!existsSync(full)) return 0
  const stat = statSync(full)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(full).map((name) => newest(path.join(entry, name))))
}

const buildId = path.join(root, '.next', 'BUILD_ID')
const current = existsSync(buildId) && statSync(buildId).mtimeMs >= Math.max(...SOURCES.map(newest))
if (current) {
  console.log('[e2e] the build is current')
} else {
  console.log('[e2e] building the CMS (npm run build)')
  const result = spawnSync(process.execPath, [path.join(root, 'bin', 'start.mjs'), '--build-only'], { cwd: root, stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
