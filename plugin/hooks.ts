import type { CollectionAfterReadHook, CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'
import { allCells, TABLE_KEYS } from '../collections/index.ts'
import type { XxgkSlugs } from '../collections/index.ts'
import { isEditionId } from '@xxgk/schema'
import { assessReport, DUPLICATE_REPORT } from './assess.ts'
import { issuesError, problemsError } from './errors.ts'
import type { FieldProblem } from './errors.ts'
import { checkIncoming } from './incoming.ts'
import { getPath, setPath, stripOtherEdition } from './interchange.ts'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch === undefined ? base : patch
  const out: Json = { ...base }
  for (const [key, value] of Object.entries(patch)) out[key] = deepMerge(base[key], value)
  return out
}

/**
 * The document as it will be once this write is stored: Payload writes only the keys a
 * request sends, so an update's data is laid over the stored document (tables cell by cell,
 * narrative sections whole).
 */
function mergeForValidation(original: Json | undefined, data: Json): Json {
  if (!original) return { ...data }
  const merged: Json = { ...original, ...data }
  for (const table of TABLE_KEYS) merged[table] = deepMerge(original[table], data[table])
  if (isObject(original.text) || isObject(data.text)) merged.text = { ...(original.text as Json), ...(data.text as Json) }
  return merged
}

/**
 * Cells of the other edition: a value sent for one is refused (the admin hides those cells, so
 * it could never be seen or cleared there); values left over from before an edition change are
 * cleared, as that change is the editor's explicit choice of form.
 */
function otherEditionCells(data: Json, original: Json | undefined, merged: Json): FieldProblem[] {
  const edition = merged.edition
  if (!isEditionId(edition)) return []
  const problems: FieldProblem[] = []
  for (const cell of allCells()) {
    if (cell.editions.includes(edition)) continue
    const keys = cell.path.split('.')
    const sent = getPath(data, keys)
    const before = original ? getPath(original, keys) : undefined
    if (sent !== undefined && sent !== null && sent !== before) {
      problems.push({
        path: cell.path,
        rule: 'SCHEMA',
        message: {
          zh: `${cell.path}: ${edition} 年版格式没有这个单元格（属于 ${cell.editions.join('、')} 年版）`,
          en: `${cell.path}: the ${edition} edition has no such cell (it belongs to the ${cell.editions.join(', ')} edition)`,
        },
      })
    } else if (before !== undefined && before !== null) {
      setPath(data, keys, null)
      setPath(merged, keys, null)
    }
  }
  return problems
}

/** The field listing the cells whose values are computed, not entered (see `computedCells`). */
export const COMPUTED_FIELD = 'computed'

/**
 * The cells of this write that hold computed values: those listed as computed (by the write
 * when it sends the list, else by the stored document), less any whose value this write
 * changes — a value typed into a computed cell is the editor's own from then on.
 */
function computedCells(data: Json, original: Json | undefined, merged: Json): string[] {
  const listed = Array.isArray(data[COMPUTED_FIELD]) ? data[COMPUTED_FIELD] : Array.isArray(original?.[COMPUTED_FIELD]) ? original[COMPUTED_FIELD] : []
  const paths = (listed as unknown[]).filter((p): p is string => typeof p === 'string')
  if (!original) return paths
  return paths.filter((path) => {
    const keys = path.split('.')
    const sent = getPath(data, keys)
    return sent === undefined || sent === null || sent === getPath(original, keys) || getPath(merged, keys) === null
  })
}

export function reportHooks(slugs: XxgkSlugs) {
  const beforeOperation: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
    if ((operation === 'create' || operation === 'update') && isObject(args.data)) {
      const problems = await checkIncoming(req, slugs, args.data)
      if (problems.length) throw problemsError(problems, req, slugs.reports)
    }
    return args
  }

  const beforeChange: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
    const original = operation === 'update' ? (originalDoc as Json | undefined) : undefined
    const merged = mergeForValidation(original, data)
    const problems = otherEditionCells(data, original, merged)
    if (problems.length) throw problemsError(problems, req, slugs.reports)

    // publishing stamps the publication date when none is given (the DEADLINE rule reads it)
    if (merged._status === 'published' && !merged.publishedAt) {
      data.publishedAt = merged.publishedAt = new Date().toISOString()
    }
    const computed = computedCells(data, original, merged)
    const assessment = await assessReport(req, slugs, merged, { selfId: original?.id as string | undefined, fillTotals: true, computed })
    const { agency, filled, cleared, result, duplicate } = assessment
    if (duplicate) {
      throw problemsError([{ path: 'year', message: DUPLICATE_REPORT(agency.name, merged.year, duplicate.id) }], req, slugs.reports)
    }
    for (const { path, value } of filled) setPath(data, path.split('.'), value)
    for (const path of cleared) setPath(data, path.split('.'), null)
    data[COMPUTED_FIELD] = filled.map((f) => f.path)
    data.issues = result.issues
    data.errorCount = result.errors
    data.warningCount = result.warnings
    data.blankCount = result.blanks
    if (typeof merged.title !== 'string' || !merged.title.trim()) {
      data.title = `${agency.name}${String(merged.year)}年政府信息公开工作年度报告`
    }
    if (merged._status === 'published' && result.errors > 0) {
      throw issuesError(
        result.issues.filter((i) => i.severity === 'error'),
        req,
        slugs.reports,
      )
    }
    return data
  }

  const afterRead: CollectionAfterReadHook = ({ doc }) => stripOtherEdition(doc as Json)

  return { beforeOperation, beforeChange, afterRead }
}
