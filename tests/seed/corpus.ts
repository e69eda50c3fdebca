/** The parser's test inputs: every corpus source with its expected file, and the Word fixtures. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { editionIndex } from '../../src/index.ts'
import type { EditionId } from '../../src/index.ts'
import type { SourceKind } from '../../seed/index.ts'
import { pickKind, toSourceInput } from '../../seed/parse.ts'
import { plainText } from '../../seed/read/document.ts'
import type { SourceDocument } from '../../seed/read/document.ts'
import { findRegions } from '../../seed/read/regions.ts'
import { solve } from '../../seed/read/solve.ts'
import { readTables } from '../../seed/read/tables.ts'
import { tokenize } from '../../seed/read/tokens.ts'

export const ROOT = join(import.meta.dirname, '../..')

export interface Expected {
  report: Record<string, any>
  textStartsWith: { overview: string; problems: string; other: string }
  notes: string[]
  sourceErrors: { rule: string; path: string }[]
  /**
   * Rows the source cannot settle (its notes say why): the parser must report each as ambiguous
   * with the expected reading among the candidates, but its choice may be another candidate.
   */
  unsettled?: string[]
}

export interface Source {
  /** Path relative to the repository root, e.g. `corpus/real/huaian-city-gov-2024.pdf`. */
  file: string
  stem: string
  kind: SourceKind
  expected: Expected
  /** The same agency's report for the year before, when the corpus has it (its expected report). */
  previous?: Record<string, any>
}

/** The kind each corpus file is (its name says so, see corpus/real/SOURCES.md). */
function kindOf(file: string): SourceKind {
  if (file.endsWith('.pdf')) return 'pdf'
  if (file.endsWith('.html')) return 'html'
  if (file.endsWith('.docx')) return 'docx'
  if (/\.ocr\.(md|txt)$/.test(file)) return 'ocr'
  if (file.endsWith('.md')) return 'markdown'
  if (file.startsWith('corpus/real/pingtan-')) return 'flattened'
  return 'pdf-text'
}

function expectedFor(dir: string, file: string): { stem: string; expected: Expected } | null {
  let stem = file
  while (stem.includes('.')) {
    stem = stem.slice(0, stem.lastIndexOf('.'))
    for (const where of [dir, 'corpus/seed', 'corpus/real']) {
      const path = join(ROOT, where, `${stem}.expected.json`)
      if (existsSync(path)) return { stem, expected: JSON.parse(readFileSync(path, 'utf8')) }
    }
  }
  return null
}

/** Every corpus source file that has an expected file (the excerpt has none). */
export function corpusSources(): Source[] {
  const sources: Source[] = []
  for (const dir of ['corpus/seed', 'corpus/real']) {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      if (name.endsWith('.expected.json') || name === 'SOURCES.md') continue
      const found = expectedFor(dir, name)
      if (!found) continue
      const file = `${dir}/${name}`
      const previous = previousFor(found.stem)
      sources.push({ file, stem: found.stem, kind: kindOf(file), expected: found.expected, ...(previous ? { previous } : {}) })
    }
  }
  return sources
}

/** The expected report of the same agency a year earlier: `<name>-<year>[.format2019]` → `<name>-<year − 1>[…]`. */
export function previousFor(stem: string): Record<string, any> | undefined {
  const m = /^(.*)-(\d{4})(\.format2019)?$/.exec(stem)
  if (!m) return undefined
  for (const dir of ['corpus/real', 'corpus/seed']) {
    for (const suffix of ['', '.format2019']) {
      const path = join(ROOT, dir, `${m[1]}-${Number(m[2]) - 1}${suffix}.expected.json`)
      if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')).report
    }
  }
  return undefined
}

/** The Word documents filled from the template, and their PDFs printed by LibreOffice. */
export function wordFixtures(): Source[] {
  const dir = 'tests/fixtures/word'
  const sources: Source[] = []
  for (const name of readdirSync(join(ROOT, dir)).sort()) {
    if (!name.endsWith('.docx') && !name.endsWith('.pdf')) continue
    const found = expectedFor(dir, name.replace(/\.word\.pdf$/, '.pdf'))!
    sources.push({ file: `${dir}/${name}`, stem: found.stem, kind: name.endsWith('.pdf') ? 'pdf' : 'docx', expected: found.expected })
  }
  return sources
}

export const bytesOf = (file: string) => new Uint8Array(readFileSync(join(ROOT, file)))
export const textOf = (file: string) => readFileSync(join(ROOT, file), 'utf8')

export interface CellDiff {
  path: string
  got: unknown
  want: unknown
}

/** Cell-by-cell comparison over every cell of the edition (null and 0 differ). */
export function cellDiffs(got: Record<string, any>, want: Record<string, any>): { diffs: CellDiff[]; cells: number } {
  const diffs: CellDiff[] = []
  const cells = editionIndex(want.edition as EditionId).cells
  for (const cell of cells) {
    const read = (root: Record<string, any>) => cell.keys.reduce<any>((node, k) => node?.[k], root)
    const a = read(got)
    const b = read(want) ?? null
    if (!Object.is(a, b)) diffs.push({ path: cell.path, got: a, want: b })
  }
  return { diffs, cells: cells.length }
}

export const noSpace = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, '')

/** The document a kind module makes of a file (before any interpretation). */
export async function documentOf(file: string, bytes = bytesOf(file)): Promise<SourceDocument> {
  const input = toSourceInput(bytes, file)
  return pickKind(input).read!(input)
}

/** Only the tables of a document, read and solved (works on excerpts the parser would refuse). */
export function tablesOf(doc: SourceDocument, edition: EditionId) {
  const plain = plainText(doc)
  const regions = findRegions(plain.text, edition)
  const placement = doc.kind !== 'flattened'
  const { units } = readTables(tokenize(doc, plain), regions, edition, { fuzzy: false, placement })
  const { values, ambiguities } = solve(units, edition, [])
  const row = (path: string) => {
    const out: Record<string, unknown> = {}
    for (const [p, v] of values) if (p.startsWith(`${path}.`) && p.split('.').length === path.split('.').length + 1) out[p.slice(path.length + 1)] = v
    return out
  }
  return { values, ambiguities, row, regions, plain }
}

export interface Measure {
  cells: number
  right: number
  /** Cells read wrong but inside an ambiguity that lists the expected reading. */
  wrongFlagged: number
  /** Cells read wrong with no ambiguity over them: an editor would publish them believing the source says so. */
  wrongSilent: string[]
  nonBlank: number
  withEvidence: number
}

/** JSON with object keys sorted (candidates and expected rows compared whatever their key order). */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  )

/** Whether an ambiguity covers a cell (its path is the cell, or a row or group the cell is under). */
const covers = (path: string, cell: string) => cell === path || cell.startsWith(`${path}.`)

/** Cells right, wrong but flagged, wrong silently, and the share of non-blank cells with evidence. */
export function measure(
  result: { report: Record<string, any>; ambiguities: { path: string; candidates: unknown[] }[]; sources: Record<string, unknown> },
  want: Record<string, any>,
): Measure {
  const { diffs, cells } = cellDiffs(result.report, want)
  const expectedAt = (path: string) => path.split('.').reduce<any>((node, k) => node?.[k], want)
  const flagged = (cell: string) =>
    result.ambiguities.some((a) => covers(a.path, cell) && a.candidates.some((c) => canonical(c) === canonical(expectedAt(a.path) ?? null)))
  const wrongSilent = diffs.filter((d) => !flagged(d.path)).map((d) => d.path)
  let nonBlank = 0
  let withEvidence = 0
  for (const cell of editionIndex(want.edition as EditionId).cells) {
    const value = cell.keys.reduce<any>((node, k) => node?.[k], result.report)
    if (value === null || value === undefined) continue
    nonBlank++
    if (result.sources[cell.path]) withEvidence++
  }
  return { cells, right: cells - diffs.length, wrongFlagged: diffs.length - wrongSilent.length, wrongSilent, nonBlank, withEvidence }
}
