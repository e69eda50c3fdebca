/**
 * `npm run bench` runs every `bench/*.bench.ts` module and prints its figures;
 * `npm run bench -- --json` prints one JSON object with all of them.
 * A module exports `name` and `run(): Promise<Record<string, number>>`; keys are contracts.
 * `npm run bench -- validate parse` runs only those modules (file stems: validate.bench.ts → validate).
 */
import { readdirSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

interface BenchModule {
  name: string
  run: () => Promise<Record<string, number>>
}

const args = process.argv.slice(2)
const json = args.includes('--json')
const only = args.filter((a) => !a.startsWith('--'))
const dir = import.meta.dirname
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.ts$/, '')))
  .sort()

const figures: Record<string, number> = {}
for (const file of files) {
  const mod = (await import(pathToFileURL(`${dir}/${file}`).href)) as BenchModule
  if (!json) process.stdout.write(`\n## ${mod.name} (${file})\n`)
  const result = await mod.run()
  Object.assign(figures, result)
  if (!json) for (const [key, value] of Object.entries(result)) process.stdout.write(`${key.padEnd(32)} ${value}\n`)
}
if (json) process.stdout.write(`${JSON.stringify(figures)}\n`)
process.exit(0)
