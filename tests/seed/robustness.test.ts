/**
 * 1,000 corpus texts damaged the way files get damaged (lines deleted, lines joined, digits
 * swapped, random bytes), and a few damaged binary files: the parser never crashes or hangs.
 * Each gives a report with its issues and ambiguities, or a refusal with a reason in Chinese
 * and English; each within a second.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reportSchemas } from '../../src/index.ts'
import { parseReport, ParseRefusal } from '../../seed/index.ts'
import type { ParseResult } from '../../seed/index.ts'
import { bytesOf, textOf } from './corpus.ts'

const TEXTS = [
  'corpus/seed/wangji-township-2023.pdf-text.txt',
  'corpus/real/pingtan-zone-gov-2019.format2019.pdf-text.txt',
  'corpus/real/pingtan-zone-gov-2021.pdf-text.txt',
  'corpus/real/pingtan-zone-gov-2024.pdf-text.txt',
  'corpus/real/pingtan-zone-gov-2025.pdf-text.txt',
  'corpus/real/shanghai-stcsm-dept-2024.pdf-markdown.md',
  'corpus/real/pingtan-zone-gov-2024.html',
].map((file) => ({ file, text: textOf(file) }))

type Mutation =
  { op: 'delete'; at: number; count: number } | { op: 'join'; at: number } | { op: 'swapDigits'; at: number } | { op: 'bytes'; at: number; bytes: number[] }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant('join' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapDigits' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 12 }) }),
)

function mutate(text: string, mutations: readonly Mutation[]): Uint8Array {
  let lines = text.split('\n')
  const pending: { at: number; bytes: number[] }[] = []
  for (const m of mutations) {
    const at = lines.length ? m.at % lines.length : 0
    if (m.op === 'delete') lines.splice(at, m.count)
    else if (m.op === 'join' && at + 1 < lines.length) lines.splice(at, 2, lines[at]! + lines[at + 1]!)
    else if (m.op === 'swapDigits') {
      const joined = lines.join('\n')
      const digits = [...joined.matchAll(/\d\d/g)]
      if (digits.length) {
        const hit = digits[m.at % digits.length]!
        const i = hit.index!
        lines = (joined.slice(0, i) + joined[i + 1] + joined[i] + joined.slice(i + 2)).split('\n')
      }
    } else if (m.op === 'bytes') pending.push({ at: m.at, bytes: m.bytes })
  }
  let bytes = new TextEncoder().encode(lines.join('\n'))
  for (const p of pending) {
    const at = bytes.length ? p.at % bytes.length : 0
    const next = new Uint8Array(bytes.length + p.bytes.length)
    next.set(bytes.subarray(0, at))
    next.set(p.bytes, at)
    next.set(bytes.subarray(at), at + p.bytes.length)
    bytes = next
  }
  return bytes
}

/** A parse either gives a well-formed result or refuses with a reason in both languages. */
async function parseOrRefuse(bytes: Uint8Array, filename: string): Promise<'report' | 'refused'> {
  let result: ParseResult
  try {
    result = await parseReport(bytes, { filename })
  } catch (error) {
    expect(error).toBeInstanceOf(ParseRefusal)
    const { reason } = error as ParseRefusal
    expect(reason.zh.length).toBeGreaterThan(0)
    expect(reason.en.length).toBeGreaterThan(0)
    return 'refused'
  }
  expect(['2021', '2019']).toContain(result.report.edition)
  expect(Number.isInteger(result.report.year)).toBe(true)
  expect(result.report.agency.length).toBeGreaterThan(0)
  expect(Array.isArray(result.issues)).toBe(true)
  for (const a of result.ambiguities) {
    expect(Object.keys(a).slice(0, 4)).toEqual(['path', 'candidates', 'chosen', 'reason'])
    expect(
      Object.keys(a)
        .slice(4)
        .every((k) => k === 'cells'),
    ).toBe(true)
    expect(a.reason.zh && a.reason.en).toBeTruthy()
  }
  // every cell the parser gives has the schema's shape (values may break rules, never the shape)
  const schema = reportSchemas[result.report.edition].safeParse(result.report)
  expect(schema.error?.issues ?? []).toEqual([])
  return 'report'
}

describe('robustness: damaged corpus texts', () => {
  it('never crashes or hangs on 1,000 mutated texts', async () => {
    const outcomes = { report: 0, refused: 0 }
    let slowest = 0
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: TEXTS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), async (which, mutations) => {
        const { file, text } = TEXTS[which]!
        const bytes = mutate(text, mutations)
        const start = performance.now()
        outcomes[await parseOrRefuse(bytes, file)]++
        const elapsed = performance.now() - start
        slowest = Math.max(slowest, elapsed)
        expect(elapsed).toBeLessThan(1000)
      }),
      { numRuns: 1000 },
    )
    // most damage still leaves a report to read
    expect(outcomes.report).toBeGreaterThan(outcomes.refused)
    expect(slowest).toBeLessThan(1000)
  }, 240_000)

  it('never crashes on damaged PDF and Word files', async () => {
    const files = ['corpus/real/huaian-city-gov-2024.pdf', 'tests/fixtures/word/shanghai-stcsm-dept-2024.docx']
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: files.length - 1 }),
        fc.oneof(
          fc.record({ cut: fc.double({ min: 0.05, max: 0.95, noNaN: true }) }),
          fc.record({ flip: fc.array(fc.nat(), { minLength: 1, maxLength: 20 }) }),
        ),
        async (which, damage) => {
          const file = files[which]!
          let bytes = bytesOf(file)
          if ('cut' in damage) bytes = bytes.slice(0, Math.floor(bytes.length * damage.cut))
          else for (const at of damage.flip) bytes[at % bytes.length] = bytes[at % bytes.length]! ^ 0x5a
          const start = performance.now()
          await parseOrRefuse(bytes, file)
          expect(performance.now() - start).toBeLessThan(5000)
        },
      ),
      { numRuns: 12 },
    )
  }, 120_000)
})
