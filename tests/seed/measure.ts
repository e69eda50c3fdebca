/**
 * The closing figures of issue 11, per corpus source: cells right / total, cells wrong but
 * inside an ambiguity that lists the right reading, cells wrong silently, and the share of
 * non-blank cells with evidence — parsed alone and with the previous report when the corpus has
 * it. Run: npx tsx tests/seed/measure.ts [--json]
 */
import { parseReport } from '../../seed/index.ts'
import { bytesOf, corpusSources, measure, wordFixtures } from './corpus.ts'

const rows: Record<string, unknown>[] = []
for (const source of [...corpusSources(), ...wordFixtures()]) {
  for (const withPrevious of source.previous ? [false, true] : [false]) {
    const result = await parseReport(bytesOf(source.file), { filename: source.file, ...(withPrevious ? { previous: source.previous as any } : {}) })
    const m = measure(result, source.expected.report)
    rows.push({
      file: source.file,
      previous: withPrevious,
      right: m.right,
      cells: m.cells,
      wrongFlagged: m.wrongFlagged,
      wrongSilent: m.wrongSilent.length,
      evidence: `${m.withEvidence}/${m.nonBlank}`,
      evidenceShare: m.nonBlank ? m.withEvidence / m.nonBlank : 1,
      ambiguities: result.ambiguities.length,
    })
  }
}
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
else {
  process.stdout.write('| source | previous | right / cells | wrong, flagged | wrong, silent | evidence | ambiguities |\n|---|---|---|---|---|---|---|\n')
  for (const r of rows)
    process.stdout.write(
      `| ${String(r.file).replace(/^(corpus\/(real|seed)|tests\/fixtures\/word)\//, '')} | ${r.previous ? 'yes' : '—'} | ${r.right} / ${r.cells} | ${r.wrongFlagged} | ${r.wrongSilent} | ${r.evidence} (${((r.evidenceShare as number) * 100).toFixed(1)} %) | ${r.ambiguities} |\n`,
    )
}
