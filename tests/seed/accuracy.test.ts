/**
 * The figure issues 4 and 11 exist for: every corpus source parsed (with the same agency's
 * previous report when the corpus has it, as the importer does) and compared with its expected
 * file — every cell (null and 0 differ), edition, year, agency, title, the start of each
 * narrative section — and the rule errors the source really has. Required on every file: every
 * cell right, except in rows the expected file lists as `unsettled` (the source cannot settle
 * them; they must be reported ambiguous); no wrong cell without an ambiguity over it; the
 * expected reading among the candidates of every ambiguity; evidence (the printed text it was
 * read from, found in the document) for at least 99 % of the non-blank cells.
 */
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../seed/index.ts'
import type { ParseResult } from '../../seed/index.ts'
import { plainText } from '../../seed/read/document.ts'
import { bytesOf, canonical, cellDiffs, corpusSources, documentOf, measure, noSpace, wordFixtures } from './corpus.ts'
import type { Source } from './corpus.ts'

const sources = corpusSources()
const fixtures = wordFixtures()

/** The expected value at a dotted path (a cell, a row or several rows). */
function expectedAt(report: Record<string, any>, path: string): unknown {
  return path.split('.').reduce<any>((node, k) => node?.[k], report)
}

const under = (path: string, rows: readonly string[]) => rows.some((r) => path === r || path.startsWith(`${r}.`) || r.startsWith(`${path}.`))

function checkSource(source: Source) {
  describe(`${source.file} (${source.kind})`, () => {
    let result: ParseResult
    const unsettled = source.expected.unsettled ?? []
    const parsed = async () =>
      (result ??= await parseReport(bytesOf(source.file), { filename: source.file, ...(source.previous ? { previous: source.previous as any } : {}) }))

    it('is read as its kind', async () => {
      expect((await parsed()).source.kind).toBe(source.kind)
    })

    it('reads every cell right (but in rows the source cannot settle), and none wrong without an ambiguity', async () => {
      const r = await parsed()
      const { diffs, cells } = cellDiffs(r.report, source.expected.report)
      expect(cells).toBeGreaterThan(50)
      expect(diffs.filter((d) => !under(d.path, unsettled))).toEqual([])
      expect(measure(r, source.expected.report).wrongSilent).toEqual([])
    })

    it('reports every row the expected file calls unsettled as ambiguous', async () => {
      const { ambiguities } = await parsed()
      for (const row of unsettled)
        expect(
          ambiguities.some((a) => under(a.path, [row])),
          row,
        ).toBe(true)
    })

    it('reads edition, year, agency and title', async () => {
      const { report } = await parsed()
      const want = source.expected.report
      expect({ edition: report.edition, year: report.year, agency: report.agency, title: report.title }).toEqual({
        edition: want.edition,
        year: want.year,
        agency: want.agency,
        title: want.title,
      })
    })

    it('reads the narrative sections 一, 五 and 六', async () => {
      const { report } = await parsed()
      for (const key of ['overview', 'problems', 'other'] as const) {
        const text = noSpace(report.text?.[key])
        expect(text.startsWith(source.expected.textStartsWith[key]), `${key}: ${text.slice(0, 40)}`).toBe(true)
      }
    })

    it('reports exactly the rule errors the source has', async () => {
      const { issues } = await parsed()
      const errors = issues
        .filter((i) => i.severity === 'error')
        .map((i) => ({ rule: i.rule, path: i.path }))
        .sort((a, b) => `${a.rule}${a.path}`.localeCompare(`${b.rule}${b.path}`))
      const want = [...source.expected.sourceErrors].sort((a, b) => `${a.rule}${a.path}`.localeCompare(`${b.rule}${b.path}`))
      expect(errors).toEqual(want)
    })

    it('lists the expected reading among the candidates of every ambiguity, on rows, never on a whole table', async () => {
      const { ambiguities } = await parsed()
      for (const a of ambiguities) {
        if (!/^(proactive|requests|reviewLitigation)/.test(a.path)) continue
        if (a.candidates.length) expect(a.path, 'a table-level ambiguity').toMatch(/\./)
        const want = expectedAt(source.expected.report, a.path) ?? null
        if (a.candidates.length) expect(a.candidates.map(canonical), a.path).toContain(canonical(want))
        if (!under(a.path, unsettled)) expect(canonical(a.chosen), a.path).toEqual(canonical(want))
        expect(a.reason.zh.length * a.reason.en.length).toBeGreaterThan(0)
      }
    })

    it('gives evidence for at least 99 % of the non-blank cells, each text found in the document', async () => {
      const r = await parsed()
      const m = measure(r, source.expected.report)
      expect(m.withEvidence / m.nonBlank, `${m.withEvidence}/${m.nonBlank}`).toBeGreaterThanOrEqual(0.99)
      const plain = plainText(await documentOf(source.file)).text
      for (const [path, evidence] of Object.entries(r.sources)) {
        expect(plain.includes(evidence.text), `${path}: "${evidence.text}"`).toBe(true)
        if (source.kind === 'pdf') expect(evidence.page, path).toBeGreaterThan(0)
        expect(evidence.line ?? evidence.row, path).toBeGreaterThan(0)
      }
    })
  })
}

describe('corpus accuracy', () => {
  it('covers every kind of the corpus', () => {
    expect(new Set(sources.map((s) => s.kind))).toEqual(new Set(['pdf', 'pdf-text', 'flattened', 'html', 'markdown', 'ocr']))
    expect(sources).toHaveLength(14)
  })
  for (const source of sources) checkSource(source)
})

describe('Word documents and PDFs printed from Word (tests/fixtures/word)', () => {
  it('has a .docx and a printed .pdf for every expected report', () => {
    expect(fixtures.filter((f) => f.kind === 'docx')).toHaveLength(7)
    expect(fixtures.filter((f) => f.kind === 'pdf')).toHaveLength(7)
  })
  for (const source of fixtures) checkSource(source)
})
