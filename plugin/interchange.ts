import { allCells, relationId, TEXT_SECTIONS } from '../collections/index.ts'
import { isEditionId } from '@xxgk/schema'
import type { EditionId, Report } from '@xxgk/schema'
import { lexicalToPlainText } from './richtext.ts'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

export function getPath(root: unknown, keys: readonly string[]): unknown {
  let node = root
  for (const key of keys) {
    if (!isObject(node)) return undefined
    node = node[key]
  }
  return node
}

export function setPath(root: Json, keys: readonly string[], value: unknown): void {
  let node = root
  for (const key of keys.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {}
    node = node[key] as Json
  }
  node[keys[keys.length - 1]!] = value
}

const cellKeys = new Map<string, string[]>()
const keysOf = (path: string) => {
  let keys = cellKeys.get(path)
  if (!keys) cellKeys.set(path, (keys = path.split('.')))
  return keys
}

/**
 * A stored report document (REST/Local API shape, `text` as Lexical or plain strings) as the
 * interchange JSON the rules engine, the endpoints and the exports read. Cells of the document's
 * edition are always present (blank = null); a value in a cell of the other edition is kept, so
 * validation names it instead of it being dropped unseen.
 */
export function reportToInterchange(doc: Json, agencyName?: string | null): Report {
  const edition = doc.edition
  const agency = doc.agency
  const name = agencyName ?? (isObject(agency) && typeof agency.name === 'string' ? agency.name : String(relationId(agency) ?? ''))
  const report: Json = { edition, year: doc.year, agency: name }
  if (doc.title !== undefined) report.title = doc.title ?? null
  if (isObject(doc.text)) {
    const text: Json = {}
    let any = false
    for (const section of TEXT_SECTIONS) {
      const plain = lexicalToPlainText(doc.text[section])
      text[section] = plain
      if (plain !== null) any = true
    }
    if (any) report.text = text
  }
  const known = isEditionId(edition) ? edition : null
  for (const cell of allCells()) {
    const keys = keysOf(cell.path)
    const value = getPath(doc, keys)
    const inEdition = known !== null && cell.editions.includes(known)
    if (inEdition) setPath(report, keys, value === undefined ? null : value)
    else if (value !== null && value !== undefined) setPath(report, keys, value)
  }
  return report as unknown as Report
}

const otherEditionKeys = new Map<EditionId, readonly string[][]>()

/** The key paths of the cells the edition does not have (computed once per edition). */
function otherEditionCellKeys(edition: EditionId): readonly string[][] {
  let keys = otherEditionKeys.get(edition)
  if (!keys) {
    keys = allCells()
      .filter((cell) => !cell.editions.includes(edition))
      .map((cell) => keysOf(cell.path))
    otherEditionKeys.set(edition, keys)
  }
  return keys
}

/**
 * Removes the other edition's blank cells (and the rows they leave empty) from a document, in place.
 * It runs on every document read (the collection's afterRead hook), so it visits only the cells
 * the edition lacks (about 30 of 226), not every cell.
 */
export function stripOtherEdition(doc: Json): Json {
  const edition = doc.edition
  if (!isEditionId(edition)) return doc
  for (const keys of otherEditionCellKeys(edition)) {
    const parents: Json[] = []
    let node: unknown = doc
    for (let depth = 0; depth < keys.length - 1; depth++) {
      if (!isObject(node)) break
      parents.push(node)
      node = node[keys[depth]!]
    }
    if (!isObject(node) || parents.length !== keys.length - 1) continue
    const leaf = keys[keys.length - 1]!
    if (node[leaf] !== null && node[leaf] !== undefined) continue
    delete node[leaf]
    // drop rows emptied by the deletion, but never the table group itself
    for (let depth = keys.length - 2; depth >= 1; depth--) {
      const parent = parents[depth]!
      const child = parent[keys[depth]!]
      if (isObject(child) && Object.keys(child).length === 0) delete parent[keys[depth]!]
      else break
    }
  }
  return doc
}
