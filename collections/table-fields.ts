import type { Field, GroupField, NumberField, PayloadComponent } from 'payload'
import { EDITION_IDS, getEdition, getTable } from '../src'
import type { EditionId, Label, TableKey } from '../src'
import { EDITIONS_NEWEST_FIRST, joinLabels, TABLE_KEYS, tableTree } from './report-cells'
import type { TableNode } from './report-cells'
import { staticLabel } from './labels'

export interface TableFieldOptions {
  /**
   * A custom Field component for each table group (a grid editor, for example). It receives
   * `clientProps.table` = `proactive` | `requests` | `reviewLitigation`.
   */
  tableField?: PayloadComponent
}

/** Shown only while the report's `edition` is one of these (when not every edition has it). */
function editionCondition(editions: readonly EditionId[]) {
  if (editions.length === EDITION_IDS.length) return undefined
  const set = new Set<string>(editions)
  return (data: { edition?: unknown }) => set.has(String(data?.edition ?? '2021'))
}

const NUMBER_STEP = { count: 1, signedCount: 1, amount: 0.0001 } as const

function cellField(node: TableNode): NumberField {
  const condition = editionCondition(node.editions)
  return {
    name: node.key,
    type: 'number',
    label: staticLabel(joinLabels(node.cell!.labels)),
    admin: { step: NUMBER_STEP[node.cell!.kind], ...(condition && { condition }) },
  }
}

function nodeField(node: TableNode): Field {
  if (node.cell) return cellField(node)
  const cells = node.children.filter((c) => c.cell).map(cellField)
  const groups = node.children.filter((c) => !c.cell).map(nodeField)
  const condition = editionCondition(node.editions)
  return {
    name: node.key,
    type: 'group',
    label: staticLabel(joinLabels(node.labels)),
    admin: { hideGutter: true, ...(condition && { condition }) },
    // a table row reads across, as printed: its cells side by side
    fields: [...(cells.length ? [{ type: 'row' as const, fields: cells }] : []), ...groups],
  }
}

/** Consecutive top-level rows under the same printed group (三、本年度办理结果 …) share a collapsible. */
function withPrintedGroups(nodes: readonly TableNode[]): Field[] {
  const fields: Field[] = []
  let open: { key: string; fields: Field[] } | undefined
  for (const node of nodes) {
    const printed = node.printedGroup
    if (!printed) {
      open = undefined
      fields.push(nodeField(node))
      continue
    }
    if (open?.key !== printed.key) {
      open = { key: printed.key, fields: [] }
      fields.push({ type: 'collapsible', label: staticLabel(printed.label), fields: open.fields })
    }
    open.fields.push(nodeField(node))
  }
  return fields
}

function tableLabel(table: TableKey): Label {
  return joinLabels([...new Map(EDITIONS_NEWEST_FIRST.map((id) => [getTable(getEdition(id), table).label.zh, getTable(getEdition(id), table).label])).values()])
}

/**
 * The group field of one statistical table, generated from the edition data: group and field
 * names are the interchange keys, so the stored document has the interchange shape.
 */
export function tableGroupField(table: TableKey, options: TableFieldOptions = {}): GroupField {
  const note = getTable(getEdition('2021'), table).note
  const field: GroupField = {
    name: table,
    type: 'group',
    label: staticLabel(tableLabel(table)),
    admin: {
      ...(note && { description: staticLabel(note) }),
      ...(options.tableField && {
        components: {
          Field:
            typeof options.tableField === 'object' && options.tableField
              ? { ...options.tableField, clientProps: { ...(options.tableField.clientProps ?? {}), table } }
              : { path: String(options.tableField), clientProps: { table } },
        },
      }),
    },
    fields: withPrintedGroups(tableTree(table)),
  }
  return field
}

export function tableGroupFields(options: TableFieldOptions = {}): GroupField[] {
  return TABLE_KEYS.map((table) => tableGroupField(table, options))
}
