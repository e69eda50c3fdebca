#!/usr/bin/env node
/**
 * Builds the two packages: @xxgk/schema (src/ → src/dist) first, then xxgk (collections/,
 * plugin/, seed/, cli/ → dist/), whose declarations resolve @xxgk/schema through its built
 * types. ESM, .d.ts and source maps. Run by `npm pack` (prepack) and `npm run build:packages`.
 */
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

for (const [dir, project] of [
  ['src', 'src/tsconfig.build.json'],
  ['.', 'tsconfig.build.json'],
]) {
  rmSync(path.join(root, dir, 'dist'), { recursive: true, force: true })
  // tsc's output to stderr: `npm pack --json` prints its answer on stdout
  const result = spawnSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: ['ignore', 2, 2] })
  if (result.status !== 0) {
    console.error(`[xxgk] building ${project} failed`)
    process.exit(result.status ?? 1)
  }
}
console.error('[xxgk] built src/dist (@xxgk/schema) and dist (xxgk)')
