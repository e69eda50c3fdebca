/**
 * The figure issue 4 exists for: every corpus source parsed and compared with its expected
 * file — every cell (null and 0 differ), edition, year, agency, title, the start of each
 * narrative section — and the rule errors the source really has. Required: 100 % of cells on
 * every file. Ambiguities the parser reports must list the expected reading among their
 * candidates, so a reader choosing among them can always find the right one.
 */
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../seed/index.ts'
import type { ParseResult } from '../../seed/index.ts'
import { bytesOf, cellDiffs, corpusSources, noSpace, wordFixtures } from './corpus.ts'
import type { Source } from './corpus.ts'

const sources = corpusSources()
const fixtures = wordFixtures()

/** The expected value at a dotted path (a cell, a row or several rows). */
function expectedAt(report: Record<string, any>, path: string): unknown {
  return path.split('.').reduce<any>((node, k) => node?.[k], report)
}

function checkSource(source: Source) {
  describe(`${source.file} (${source.kind})`, () => {
    let result: ParseResult
    const parsed = async () => (result ??= await parseReport(bytesOf(source.file), { filename: source.file }))

    it('is read as its kind', async () => {
      expect((await parsed()).source.kind).toBe(source.kind)
    })

    it('reads 100 % of the cells right', async () => {
      const { report } = await parsed()
      const { diffs, cells } = cellDiffs(report, source.expected.report)
      expect(cells).toBeGreaterThan(50)
      expect(diffs).toEqual([])
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

    it('lists the expected reading among the candidates of every ambiguity', async () => {
      const { ambiguities } = await parsed()
      for (const a of ambiguities) {
        if (!/^(proactive|requests|reviewLitigation)/.test(a.path)) continue
        expect(a.candidates, a.path).toContainEqual(expectedAt(source.expected.report, a.path))
        expect(a.chosen, a.path).toEqual(expectedAt(source.expected.report, a.path))
        expect(a.reason.zh.length * a.reason.en.length).toBeGreaterThan(0)
      }
    })
  })
}

describe('corpus accuracy', () => {
  it('covers every kind of the corpus', () => {
    expect(new Set(sources.map((s) => s.kind))).toEqual(new Set(['pdf', 'pdf-text', 'flattened', 'html', 'markdown']))
    expect(sources).toHaveLength(8)
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
