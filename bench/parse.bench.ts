/**
 * Parse time per report for each source kind: for every file of the kind, the median of
 * repeated parses (after warm-up), then the median over the files. Sources: the corpus
 * (corpus/seed, corpus/real) and, for Word and PDF printed from Word, the documents filled
 * from the corpus in tests/fixtures/word/.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseReport } from '../seed/index.ts'
import type { SourceKind } from '../seed/index.ts'

export const name = 'parse'

const ROOT = join(import.meta.dirname, '..')

const KEYS: Record<string, SourceKind> = {
  parse_ms_pdf: 'pdf',
  parse_ms_pdf_text: 'pdf-text',
  parse_ms_flattened: 'flattened',
  parse_ms_html: 'html',
  parse_ms_markdown: 'markdown',
  parse_ms_docx: 'docx',
}

function sourceFiles(): string[] {
  const files: string[] = []
  for (const dir of ['corpus/seed', 'corpus/real', 'tests/fixtures/word']) {
    for (const file of readdirSync(join(ROOT, dir)).sort()) {
      if (file.endsWith('.expected.json') || file.endsWith('.ts') || file === 'SOURCES.md') continue
      // part of a report, not a report: the parser refuses it
      if (file.includes('-excerpt.')) continue
      files.push(join(dir, file))
    }
  }
  return files
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

async function timeFile(file: string): Promise<{ kind: SourceKind; ms: number }> {
  const bytes = new Uint8Array(readFileSync(join(ROOT, file)))
  const first = await parseReport(bytes, { filename: file })
  const slow = first.source.kind === 'pdf'
  const warm = slow ? 3 : 50
  const runs = slow ? 15 : 200
  for (let i = 0; i < warm; i++) await parseReport(bytes, { filename: file })
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await parseReport(bytes, { filename: file })
    times.push(performance.now() - start)
  }
  return { kind: first.source.kind, ms: median(times) }
}

export async function run(): Promise<Record<string, number>> {
  const byKind = new Map<SourceKind, number[]>()
  for (const file of sourceFiles()) {
    const { kind, ms } = await timeFile(file)
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms])
  }
  const figures: Record<string, number> = {}
  for (const [key, kind] of Object.entries(KEYS)) {
    const times = byKind.get(kind)
    figures[key] = times ? Math.round(median(times) * 1000) / 1000 : Number.NaN
  }
  return figures
}
