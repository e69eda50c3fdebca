import { formatNumber } from '@xxgk/schema/render/cells'
import type { AdminLang } from '../translations.ts'
import type { CellAmbiguity } from './ambiguities.ts'
import { formatCellValue } from './input.ts'
import type { CellMark, LiveCheck } from './live.ts'

/**
 * What one grid cell shows, from the form value and the live check: its text, the computed
 * value of a blank total (greyed), how it is marked and the messages of its marks.
 */
export interface CellView {
  text: string
  /** Computed value of a blank total, shown greyed in the empty cell. */
  computed: string
  /** `error` / `warning` from rules (or input that is not a value); `blank` when only read as 0. */
  mark: 'error' | 'warning' | 'blank' | null
  /** Messages in the admin's language, errors first. */
  messages: string[]
  ambiguous: boolean
}

export interface CellViewInput {
  value: unknown
  check: LiveCheck | null
  ambiguities?: readonly CellAmbiguity[]
  /** Text typed into the cell that is not a valid value (kept visible, never saved). */
  invalid?: { text: string; message: string }
  lang: AdminLang
}

const BLANK_RULE = 'CELL.BLANK'

export function cellMarkKind(marks: readonly CellMark[] | undefined): CellView['mark'] {
  if (!marks || marks.length === 0) return null
  if (marks.some((m) => m.severity === 'error')) return 'error'
  if (marks.some((m) => m.rule !== BLANK_RULE)) return 'warning'
  return 'blank'
}

export function cellView(path: string, input: CellViewInput): CellView {
  const marks = input.check?.marks.get(path)
  const computedValue = input.check?.totals.get(path)
  const messages: string[] = []
  let mark = cellMarkKind(marks)
  if (input.invalid) {
    messages.push(input.invalid.message)
    mark = 'error'
  }
  for (const m of marks ?? []) if (m.severity === 'error') messages.push(m.message[input.lang])
  for (const m of marks ?? []) if (m.severity !== 'error') messages.push(m.message[input.lang])
  return {
    text: input.invalid ? input.invalid.text : formatCellValue(input.value),
    computed: computedValue === undefined ? '' : formatNumber(computedValue),
    mark,
    messages,
    ambiguous: (input.ambiguities?.length ?? 0) > 0,
  }
}

/** Cells read by the rules that flag `path` (highlighted while it is focused). */
export function relatedCells(path: string, check: LiveCheck | null): Set<string> {
  const related = new Set<string>()
  for (const mark of check?.marks.get(path) ?? []) {
    if (mark.rule === BLANK_RULE) continue
    for (const cell of mark.cells) if (cell !== path) related.add(cell)
  }
  return related
}
