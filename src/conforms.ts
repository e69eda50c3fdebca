import { editionIndex } from './editions/index.ts'
import type { CellKind, EditionId } from './editions/index.ts'
import { CELL_MAXIMUM } from './rules/definitions.ts'

/** A cell as read for the rules: its number, null when blank, INVALID when not a valid value. */
export const INVALID = Symbol('invalid')
export type CellRead = number | null | typeof INVALID

type Check = (value: unknown) => boolean

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export function validCell(kind: CellKind, v: unknown): v is number {
  if (typeof v !== 'number' || !(Math.abs(v) <= CELL_MAXIMUM)) return false
  if (kind === 'amount') return Number.isFinite(v) && v >= 0
  return Number.isSafeInteger(v) && (kind === 'signedCount' || v >= 0)
}

const optionalString: Check = (v) => v === undefined || v === null || typeof v === 'string'

function strictObject(fields: Record<string, Check>, optional: boolean): Check {
  const keys = Object.keys(fields)
  const checks = keys.map((k) => fields[k]!)
  const count = keys.length
  const known: Record<string, true> = Object.create(null)
  for (const key of keys) known[key] = true
  return (value) => {
    if (value === undefined) return optional
    if (!isObject(value)) return false
    for (const key in value) {
      if (known[key] !== true && Object.hasOwn(value, key)) return false
    }
    for (let i = 0; i < count; i++) if (!checks[i]!(value[keys[i]!])) return false
    return true
  }
}

interface Compiled {
  check: Check
  /** The array the cell checks write into while `check` runs. */
  target: { values: CellRead[] }
}

/**
 * A checker compiled from the same edition data as the zod schemas. It accepts exactly what
 * `reportSchemas[edition]` accepts (a property test holds the two together) and, in the same
 * pass, reads every cell in form order. zod spends about 100 ns on each checked cell, so it
 * runs only when this checker says no, to name the problems.
 */
function compile(id: EditionId): Compiled {
  const target = { values: [] as CellRead[] }
  const tables: Record<string, Record<string, unknown>> = {}
  editionIndex(id).cells.forEach((cell, i) => {
    let node = (tables[cell.table] ??= {})
    const rest = cell.keys.slice(1)
    for (const key of rest.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>
    const kind = cell.kind
    const check: Check = (v) => {
      if (v === undefined || v === null) {
        target.values[i] = null
        return true
      }
      target.values[i] = v as number
      return validCell(kind, v)
    }
    node[rest[rest.length - 1]!] = check
  })
  const build = (node: Record<string, unknown>): Check =>
    strictObject(
      Object.fromEntries(Object.entries(node).map(([k, v]) => [k, typeof v === 'function' ? (v as Check) : build(v as Record<string, unknown>)])),
      true,
    )
  const check = strictObject(
    {
      edition: (v) => v === id,
      year: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 2000 && v <= 2100,
      agency: (v) => typeof v === 'string' && v.length >= 1,
      title: optionalString,
      text: strictObject({ overview: optionalString, problems: optionalString, other: optionalString }, true),
      ...Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, build(v)])),
    },
    false,
  )
  return { check, target }
}

const compiled = new Map<EditionId, Compiled>()

function compiledFor(edition: EditionId): Compiled {
  let entry = compiled.get(edition)
  if (!entry) compiled.set(edition, (entry = compile(edition)))
  return entry
}

/** True when the input is exactly a valid report of this edition (the zod schema's verdict). */
export function conformsToSchema(edition: EditionId, input: unknown): boolean {
  return readReport(edition, input).conforms
}

function walk(root: unknown, keys: readonly string[]): unknown {
  let node = root
  for (const key of keys) {
    if (!isObject(node)) return undefined
    node = node[key]
  }
  return node
}

/**
 * Reads every cell of a report in form order (see `editionIndex(edition).cells`), and says
 * whether the whole report conforms to the schema. Cells of a non-conforming report are read
 * one by one, each marked INVALID where its value is not valid.
 */
export function readReport(edition: EditionId, input: unknown): { conforms: boolean; values: CellRead[] } {
  const { check, target } = compiledFor(edition)
  const values: CellRead[] = new Array<CellRead>(editionIndex(edition).cells.length).fill(null)
  target.values = values
  const conforms = check(input)
  if (!conforms) {
    editionIndex(edition).cells.forEach((cell, i) => {
      const v = walk(input, cell.keys)
      values[i] = v === undefined || v === null ? null : validCell(cell.kind, v) ? v : INVALID
    })
  }
  return { conforms, values }
}
