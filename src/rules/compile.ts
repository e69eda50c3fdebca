import { editionIndex, getTable, rowColumns } from '../editions/index.ts'
import type { ColumnDef, EditionId, RowDef, TableDef } from '../editions/index.ts'
import { RULES } from './definitions.ts'
import type { EquationCheck, EquationRule, Rule, TermTemplate } from './types.ts'

export function rulesFor(edition: EditionId): Rule[] {
  return RULES.filter((rule) => !rule.editions || rule.editions.includes(edition))
}

const fill = (template: string, row?: RowDef, column?: ColumnDef) =>
  template.replace('{row}', row?.key ?? '{row}').replace('{column}', column?.key ?? '{column}')

function expandTerm(table: TableDef, term: TermTemplate, row?: RowDef, column?: ColumnDef) {
  const sign = term.sign ?? 1
  const from = term.from
  const make = (cell: string) => (from ? { cell, sign, from } : { cell, sign })
  if ('cell' in term) return [make(fill(term.cell, row, column))]
  if ('rowsWithRole' in term) {
    return table.rows.filter((r) => r.role === term.rowsWithRole).map((r) => make(`${table.key}.${r.key}.${column!.key}`))
  }
  return rowColumns(table, row!)
    .filter((c) => !c.isTotal)
    .map((c) => make(`${table.key}.${row!.key}.${c.key}`))
}

function expandEquation(edition: EditionId, rule: EquationRule): EquationCheck[] {
  const { edition: def, byPath } = editionIndex(edition)
  const table = getTable(def, rule.each.table)
  const instances =
    rule.each.over === 'columns'
      ? table.columns.map((column) => ({ column, row: undefined }))
      : table.rows.filter((row) => !rule.each.only || rule.each.only.includes(row.key)).map((row) => ({ row, column: undefined }))
  const checks: EquationCheck[] = []
  for (const { row, column } of instances) {
    const target = fill(rule.target, row, column)
    if (!byPath.has(target)) continue
    const terms = rule.terms.flatMap((term) => expandTerm(table, term, row, column))
    for (const term of terms) {
      if (!term.from && !byPath.has(term.cell)) {
        throw new Error(`rule ${rule.id}: edition ${edition} has no cell ${term.cell}`)
      }
    }
    checks.push({
      rule: rule.id,
      severity: rule.severity,
      path: target,
      target,
      terms,
      vars: { row: row?.label, column: column?.label },
    })
  }
  return checks
}

const compiled = new Map<EditionId, EquationCheck[]>()

/** Every equation of an edition, expanded to concrete cells. */
export function equationChecks(edition: EditionId): EquationCheck[] {
  let checks = compiled.get(edition)
  if (!checks) {
    checks = rulesFor(edition).flatMap((rule) => (rule.kind === 'equation' ? expandEquation(edition, rule) : []))
    compiled.set(edition, checks)
  }
  return checks
}
