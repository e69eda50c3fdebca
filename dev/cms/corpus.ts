import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { isSourceFile } from 'xxgk/import'

export const SAMPLE_CORPUS_DIRS = ['corpus/seed', 'corpus/real'] as const

/** The expected-result file a corpus source shares its stem with (`x.pdf-text.txt` → `x.expected.json`). */
function hasExpected(dir: string, name: string): boolean {
  let stem = name
  while (stem.includes('.')) {
    stem = stem.slice(0, stem.lastIndexOf('.'))
    if (existsSync(path.join(dir, `${stem}.expected.json`))) return true
  }
  return false
}

/**
 * The sample corpus `npm start` seeds: every report source in corpus/seed and corpus/real that
 * has its expected reading beside it. That leaves out SOURCES.md and the Huai'an excerpt (part
 * of a report's page 4, no year, no expected file), which are not reports.
 */
export function sampleCorpusFiles(root: string): string[] {
  const files: string[] = []
  for (const dir of SAMPLE_CORPUS_DIRS) {
    const full = path.join(root, dir)
    for (const name of readdirSync(full).sort()) {
      if (name.endsWith('.expected.json') || !isSourceFile(name) || !hasExpected(full, name)) continue
      files.push(path.join(full, name))
    }
  }
  return files
}
