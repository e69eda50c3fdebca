import { EDITION_IDS, editionIndex, getEdition } from '@xxgk/schema'
import type { CellKind, EditionId, GroupDef, Label, TableDef, TableKey } from '@xxgk/schema'

/** A cell of either edition, keyed by its dotted path; `editions` lists the editions that have it. */
export interface UnionCell {
  path: string
  table: TableKey
  kind: CellKind
  editions: EditionId[]
}

/**
 * A node of one table's union tree: a row (its children are cells), a structural group such as
 * `withheld` (its children are rows), or, for 2019's single-row 其他处理, both at once.
 */
export interface TableNode {
  key: string
  /** Path inside the table, e.g. `withheld.stateSecret`. */
  path: string
  labels: Label[]
  editions: EditionId[]
  /** The printed group around this node (e.g. 三、本年度办理结果), for top-level nodes. */
  printedGroup?: { key: string; label: Label }
  children: TableNode[]
  cell?: { kind: CellKind; labels: Label[] }
}

export const TABLE_KEYS: readonly TableKey[] = ['proactive', 'requests', 'reviewLitigation']

/** The current edition first: its rows and cells lead, the older edition's are merged in after. */
export const EDITIONS_NEWEST_FIRST: readonly EditionId[] = [...EDITION_IDS].sort((a, b) => b.localeCompare(a))

const pushUnique = <T>(list: T[], item: T, same: (a: T, b: T) => boolean = (a, b) => a === b) => {
  if (!list.some((other) => same(other, item))) list.push(item)
}
const sameLabel = (a: Label, b: Label) => a.zh === b.zh && a.en === b.en

function outerGroup(table: TableDef, key: string | undefined): GroupDef | undefined {
  let group = table.groups.find((g) => g.key === key)
  while (group?.parent) group = table.groups.find((g) => g.key === group!.parent)
  return group
}

/**
 * Inserts `key` among `siblings` right after the node that precedes it in the edition being
 * merged, so a 2019-only row (其他对外管理服务事项) lands where the 2019 form prints it.
 */
function childNode(siblings: TableNode[], key: string, path: string, after: string | undefined): TableNode {
  let node = siblings.find((n) => n.key === key)
  if (!node) {
    node = { key, path, labels: [], editions: [], children: [] }
    // with no predecessor in this edition (a row of cells only that edition has) it goes last
    const at = after === undefined ? siblings.length - 1 : siblings.findIndex((n) => n.key === after)
    siblings.splice(at + 1, 0, node)
  }
  return node
}

function buildTableTree(tableKey: TableKey): TableNode[] {
  const roots: TableNode[] = []
  for (const id of EDITIONS_NEWEST_FIRST) {
    const table = getEdition(id).tables.find((t) => t.key === tableKey)!
    const lastKeyAt = new Map<TableNode[], string>()
    for (const cell of editionIndex(id).cells) {
      if (cell.table !== tableKey) continue
      const rowKeys = cell.row.key.split('.')
      let siblings = roots
      let path = ''
      rowKeys.forEach((key, depth) => {
        path = path ? `${path}.${key}` : key
        const node = childNode(siblings, key, path, lastKeyAt.get(siblings))
        lastKeyAt.set(siblings, key)
        pushUnique(node.editions, id)
        const isRow = depth === rowKeys.length - 1
        const groupDef = table.groups.find((g) => g.key === path)
        if (isRow) pushUnique(node.labels, cell.row.label, sameLabel)
        else if (groupDef) pushUnique(node.labels, groupDef.label, sameLabel)
        if (depth === 0) {
          const printed = outerGroup(table, cell.row.group)
          if (printed && printed.key !== key && !node.printedGroup) node.printedGroup = { key: printed.key, label: printed.label }
        }
        siblings = node.children
      })
      const leaf = childNode(siblings, cell.column.key, cell.path.slice(tableKey.length + 1), lastKeyAt.get(siblings))
      lastKeyAt.set(siblings, cell.column.key)
      pushUnique(leaf.editions, id)
      leaf.cell ??= { kind: cell.kind, labels: [] }
      pushUnique(leaf.cell.labels, cell.column.label, sameLabel)
    }
  }
  return roots
}

const trees = new Map<TableKey, TableNode[]>()

/** The union of both editions' rows and cells of one table, in the printed order. */
export function tableTree(table: TableKey): TableNode[] {
  let tree = trees.get(table)
  if (!tree) trees.set(table, (tree = buildTableTree(table)))
  return tree
}

let unionCells: UnionCell[] | undefined

/** Every cell of either edition, once: the report collection's number fields. */
export function allCells(): readonly UnionCell[] {
  if (!unionCells) {
    const byPath = new Map<string, UnionCell>()
    for (const id of EDITIONS_NEWEST_FIRST) {
      for (const cell of editionIndex(id).cells) {
        const known = byPath.get(cell.path)
        if (known) known.editions.push(id)
        else byPath.set(cell.path, { path: cell.path, table: cell.table, kind: cell.kind, editions: [id] })
      }
    }
    unionCells = [...byPath.values()]
  }
  return unionCells
}

/** One label from the labels several editions give the same row or cell (usually one). */
export function joinLabels(labels: readonly Label[]): Label {
  if (labels.length === 1) return labels[0]!
  const join = (lang: keyof Label) => [...new Set(labels.map((l) => l[lang]))].join(' / ')
  return { zh: join('zh'), en: join('en') }
}
