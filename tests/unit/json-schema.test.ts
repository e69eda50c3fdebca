import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { editionIndex, reportJsonSchema } from '../../src/index.ts'
import { expectedFiles } from '../helpers/corpus.ts'

// The published JSON Schema, checked by an independent validator (ajv) on the corpus.
const ajv = new Ajv2020({ strict: false, allErrors: true })
const validators = {
  '2021': ajv.compile(reportJsonSchema('2021')),
  '2019': ajv.compile(reportJsonSchema('2019')),
  both: ajv.compile(reportJsonSchema()),
}

describe('published JSON Schema', () => {
  for (const file of expectedFiles()) {
    it(`accepts ${file.name} with its edition's schema and the combined one`, () => {
      const edition = file.report.edition as '2021' | '2019'
      expect(validators[edition](file.report), JSON.stringify(validators[edition].errors)).toBe(true)
      expect(validators.both(file.report)).toBe(true)
      const other = edition === '2021' ? '2019' : '2021'
      expect(validators[other](file.report)).toBe(false)
    })
  }

  it('rejects unknown keys, negative counts and fractional counts, with their paths', () => {
    const report = structuredClone(expectedFiles()[0]!.report)
    report.requests.granted.natural = -1
    report.requests.withheld.stateSecret.commercial = 0.5
    report.requests.granted.extra = 1
    const validate = validators['2021']
    expect(validate(report)).toBe(false)
    const paths = validate.errors!.map((e) => e.instancePath)
    expect(paths).toEqual(expect.arrayContaining(['/requests/granted/natural', '/requests/withheld/stateSecret/commercial', '/requests/granted']))
  })

  it('describes every cell with its Chinese and English label', () => {
    const schema = reportJsonSchema('2021') as any
    for (const cell of editionIndex('2021').cells) {
      const node = cell.keys.reduce((n: any, key) => n.properties[key], schema)
      expect(node.title, cell.path).toBe(cell.column.label.zh)
      expect(node.description, cell.path).toBe(cell.column.label.en)
    }
  })
})
