#!/usr/bin/env node
/**
 * Builds the two packages: @xxgk/schema (src/ → src/dist) first, then xxgk (collections/,
 * plugin/, seed/, cli/ → dist/), whose declarations resolve @xxgk/schema through its built
 * types. ESM, .d.ts and source maps. Run by `npm pack` (prepack) and `npm run build:packages`.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
// tsc rewrites `./x.ts` imports to `./x.js` in JavaScript, not in declarations: do the same there,
// so the .d.ts files read as any consumer's TypeScript expects (no allowImportingTsExtensions)
function rewriteDeclarations(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) rewriteDeclarations(file)
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(file, 'utf8')
      const out = text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+?)\.tsx?\2/g, '$1$2$3.js$2')
      if (out !== text) writeFileSync(file, out)
    }
  }
}
rewriteDeclarations(path.join(root, 'src', 'dist'))
rewriteDeclarations(path.join(root, 'dist'))
console.error('[xxgk] built src/dist (@xxgk/schema) and dist (xxgk)')
