import type { Field, GroupField, NumberField, PayloadComponent } from 'payload'
import { CURRENT_EDITION, EDITION_IDS, getEdition, getTable } from '@xxgk/schema'
import type { EditionId, Label, TableKey } from '@xxgk/schema'
import { EDITIONS_NEWEST_FIRST, joinLabels, TABLE_KEYS, tableTree } from './report-cells.ts'
import type { TableNode } from './report-cells.ts'
import { staticLabel } from './labels.ts'

export interface TableFieldOptions {
  /**
   * A custom Field component for each table group (a grid editor, for example). It receives
   * `clientProps.table` = `proactive` | `requests` | `reviewLitigation`, and renders the whole
   * table: the group's cells then come without Payload's `row` layout wrappers.
   */
  tableField?: PayloadComponent
}

/** Shown only while the report's `edition` is one of these (when not every edition has it). */
function editionCondition(editions: readonly EditionId[]) {
  if (editions.length === EDITION_IDS.length) return undefined
  const set = new Set<string>(editions)
  return (data: { edition?: unknown }) => set.has(String(data?.edition ?? CURRENT_EDITION))
}

const NUMBER_STEP = { count: 1, signedCount: 1, amount: 0.0001 } as const

function cellField(node: TableNode): NumberField {
  const condition = editionCondition(node.editions)
  return {
    name: node.key,
    type: 'number',
    label: staticLabel(joinLabels(node.cell!.labels)),
    // 242 cells would drown the list's filter (机关、年度、状态 …): the cells are not offered there
    admin: { step: NUMBER_STEP[node.cell!.kind], disableListFilter: true, ...(condition && { condition }) },
  }
}

/**
 * `sideBySide`: a table row reads across, as printed, when Payload lays out the number fields.
 * With a table component (the grid) Payload never lays them out, and the `row` wrappers are left
 * out: Payload walks every field of the config on every read of a report, and the 37 wrappers
 * cost a 20-report REST list about 1.8 ms of its 30 (the data, REST and GraphQL shapes are the same).
 */
function nodeField(node: TableNode, sideBySide: boolean): Field {
  if (node.cell) return cellField(node)
  const cells = node.children.filter((c) => c.cell).map(cellField)
  const groups = node.children.filter((c) => !c.cell).map((child) => nodeField(child, sideBySide))
  const condition = editionCondition(node.editions)
  const rowOfCells: Field[] = !cells.length ? [] : sideBySide ? [{ type: 'row', fields: cells }] : cells
  return {
    name: node.key,
    type: 'group',
    label: staticLabel(joinLabels(node.labels)),
    admin: { hideGutter: true, ...(condition && { condition }) },
    fields: [...rowOfCells, ...groups],
  }
}

/** Consecutive top-level rows under the same printed group (三、本年度办理结果 …) share a collapsible. */
function withPrintedGroups(nodes: readonly TableNode[], sideBySide: boolean): Field[] {
  const fields: Field[] = []
  let open: { key: string; fields: Field[] } | undefined
  for (const node of nodes) {
    const printed = node.printedGroup
    if (!printed) {
      open = undefined
      fields.push(nodeField(node, sideBySide))
      continue
    }
    if (open?.key !== printed.key) {
      open = { key: printed.key, fields: [] }
      fields.push({ type: 'collapsible', label: staticLabel(printed.label), fields: open.fields })
    }
    open.fields.push(nodeField(node, sideBySide))
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
  const note = getTable(getEdition(CURRENT_EDITION), table).note
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
    fields: withPrintedGroups(tableTree(table), !options.tableField),
  }
  return field
}

export function tableGroupFields(options: TableFieldOptions = {}): GroupField[] {
  return TABLE_KEYS.map((table) => tableGroupField(table, options))
}
