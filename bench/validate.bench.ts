/**
 * validate = schema check + every rule, per report, over the corpus reports, on one core.
 * Keys: validate_us_median (median µs per report), validate_reports_per_s.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateReport } from '../src/index.ts'

export const name = 'validate'

const CORPUS = join(import.meta.dirname, '../corpus')

function corpusReports(): unknown[] {
  return ['seed', 'real'].flatMap((dir) =>
    readdirSync(join(CORPUS, dir))
      .filter((f) => f.endsWith('.expected.json'))
      .map((f) => JSON.parse(readFileSync(join(CORPUS, dir, f), 'utf8')).report),
  )
}

export async function run(): Promise<Record<string, number>> {
  const reports = corpusReports()
  const batch = 200
  for (let i = 0; i < 20000; i++) validateReport(reports[i % reports.length]) // warm up the JIT: with 2,000 a run now and then measured code V8 had not yet optimised (9 vs 17 µs)
  const samples: number[] = []
  const started = process.hrtime.bigint()
  let validated = 0
  for (let round = 0; round < 100; round++) {
    for (const report of reports) {
      const t0 = process.hrtime.bigint()
      for (let i = 0; i < batch; i++) validateReport(report)
      samples.push(Number(process.hrtime.bigint() - t0) / 1000 / batch)
      validated += batch
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  samples.sort((a, b) => a - b)
  return {
    validate_us_median: Number(samples[Math.floor(samples.length / 2)]!.toFixed(2)),
    validate_reports_per_s: Math.round(validated / seconds),
  }
}
