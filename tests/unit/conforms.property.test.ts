import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { conformsToSchema, editionIndex, reportSchemas } from '../../src/index.ts'
import { expectedFiles } from '../helpers/corpus.ts'

// validateReport's fast checker must accept exactly what the published zod schema accepts.
const files = expectedFiles()

function containers(report: Record<string, any>): string[] {
  const paths: string[] = ['']
  const visit = (node: Record<string, any>, prefix: string) => {
    for (const [k, v] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${k}` : k
      paths.push(path)
      if (v && typeof v === 'object') visit(v, path)
    }
  }
  visit(report, '')
  return paths
}

/** Adds an own property, as JSON.parse would (plain assignment of `__proto__` sets the prototype). */
const define = (node: Record<string, any>, key: string, value: unknown) =>
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true })

function mutate(report: Record<string, any>, path: string, op: 'set' | 'delete' | 'addKey', value: unknown, extraKey: string) {
  if (path === '') {
    if (op === 'addKey') define(report, extraKey, value)
    return report
  }
  const keys = path.split('.')
  let node = report
  for (const key of keys.slice(0, -1)) node = node[key]
  const last = keys[keys.length - 1]!
  if (op === 'set') node[last] = value
  else if (op === 'delete') delete node[last]
  else if (node[last] && typeof node[last] === 'object' && !Array.isArray(node[last])) define(node[last], extraKey, value)
  else node[last] = value
  return report
}

describe.each(files.map((f) => [f.stem, f] as const))('conformsToSchema agrees with zod on %s', (_stem, file) => {
  const edition = file.report.edition as '2021' | '2019'
  const paths = containers(file.report)
  const interesting = fc.oneof(fc.anything(), fc.constantFrom(null, undefined, 0, -0, -1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, '', '3', [], {}))

  it('on single mutations', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.constantFrom('set', 'delete', 'addKey') as fc.Arbitrary<'set' | 'delete' | 'addKey'>,
        interesting,
        fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('natural', 'total', 'edition', '__proto__', 'constructor')),
        (path, op, value, extraKey) => {
          const input = mutate(structuredClone(file.report), path, op, value, extraKey)
          expect(conformsToSchema(edition, input)).toBe(reportSchemas[edition].safeParse(input).success)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('on the untouched report and on every cell set to null or removed', () => {
    expect(conformsToSchema(edition, file.report)).toBe(true)
    const blanked = structuredClone(file.report)
    for (const cell of editionIndex(edition).cells) mutate(blanked, cell.path, 'set', null, '')
    expect(conformsToSchema(edition, blanked)).toBe(true)
    expect(reportSchemas[edition].safeParse(blanked).success).toBe(true)
    const bare = { edition, year: file.report.year, agency: file.report.agency }
    expect(conformsToSchema(edition, bare)).toBe(reportSchemas[edition].safeParse(bare).success)
  })
})
