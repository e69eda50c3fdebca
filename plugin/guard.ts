import { APIError, NotFound } from 'payload'
import type { AfterErrorHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import type { Label } from '@xxgk/schema'
import { isPlausibleId } from './agencies.ts'
import { bilingual, problemsError } from './errors.ts'
import type { FieldProblem } from './errors.ts'

/**
 * What a write may send, checked before Payload or any access function touches it (issue 12,
 * items 5 and 6): the body must be a JSON object; no key the collection does not have (REST
 * and GraphQL; the Local API is the program's own code); bounded size and nesting; no U+FFFD
 * (what invalid UTF-8 turns into when the body is decoded). An id that cannot be an id of this
 * database is a 404, never a query. Each refusal is a 4xx in Chinese and English.
 */
export const BODY_LIMITS = {
  /** Characters of all strings of one write together. */
  totalChars: 4_000_000,
  /** Characters of one string; `title`-like fields have their own, smaller limit below. */
  stringChars: 1_000_000,
  /** Nesting of objects and arrays (a Lexical state of real text nests about a dozen). */
  depth: 200,
  /** Characters of a short text field: a title, a name. */
  shortText: 1_000,
}

export const NOT_FOUND: Label = { zh: '未找到', en: 'Not found' }

const SHORT_FIELDS = new Set(['title', 'name', 'email', 'code'])
const ALWAYS_ALLOWED = new Set(['id', 'createdAt', 'updatedAt', '_status', 'deletedAt'])

const NOT_AN_OBJECT = (got: string): Label => ({
  zh: `请求体应为 JSON 对象（Content-Type: application/json），实际为 ${got}`,
  en: `the request body must be a JSON object (Content-Type: application/json); got ${got}`,
})

function describe(value: unknown): string {
  if (value === undefined) return '空 / nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'string') return value === '' ? '""' : 'string'
  return typeof value
}

function tooLarge(path: string, message: Label): APIError {
  const entry = { path, message: bilingual(message, path), zh: message.zh, en: message.en }
  const error = new APIError(bilingual(message, path), 413, { errors: [entry] }, true)
  error.name = 'PayloadTooLarge'
  return error
}

/** Walks the data without recursion: size, nesting and U+FFFD. */
function scan(data: Record<string, unknown>): { problems: FieldProblem[]; large?: APIError } {
  const problems: FieldProblem[] = []
  let total = 0
  const stack: [unknown, string, number][] = Object.entries(data).map(([key, value]) => [value, key, 1])
  while (stack.length) {
    const [value, path, depth] = stack.pop()!
    if (typeof value === 'string') {
      total += value.length
      const top = path.split('.')[0]!
      const limit = SHORT_FIELDS.has(top) && !path.includes('.') ? BODY_LIMITS.shortText : BODY_LIMITS.stringChars
      if (value.length > limit) {
        return {
          problems,
          large: tooLarge(path, {
            zh: `${path}: 文本过长（${value.length} 个字符，上限 ${limit}）`,
            en: `${path}: text too long (${value.length} characters, limit ${limit})`,
          }),
        }
      }
      if (total > BODY_LIMITS.totalChars) {
        return {
          problems,
          large: tooLarge(path, {
            zh: `请求内容过大（文本超过 ${BODY_LIMITS.totalChars} 个字符）`,
            en: `the request is too large (more than ${BODY_LIMITS.totalChars} characters of text)`,
          }),
        }
      }
      if (value.includes('\ufffd') && problems.length < 20) {
        problems.push({
          path,
          rule: 'SCHEMA',
          message: {
            zh: `${path}: 含有无效的 UTF-8 字节（或替换字符 U+FFFD），请以 UTF-8 编码重新提交`,
            en: `${path}: invalid UTF-8 (or the replacement character U+FFFD); send the text encoded as UTF-8`,
          },
        })
      }
      continue
    }
    if (typeof value !== 'object' || value === null) continue
    if (depth > BODY_LIMITS.depth) {
      problems.push({
        path,
        rule: 'SCHEMA',
        message: { zh: `${path}: 嵌套过深（超过 ${BODY_LIMITS.depth} 层）`, en: `${path}: nested too deeply (more than ${BODY_LIMITS.depth} levels)` },
      })
      return { problems }
    }
    if (Array.isArray(value)) value.forEach((item, i) => stack.push([item, `${path}.${i}`, depth + 1]))
    else for (const [key, item] of Object.entries(value)) stack.push([item, `${path}.${key}`, depth + 1])
  }
  return { problems }
}

function topLevelKeys(collection: { flattenedFields?: { name: string }[]; fields: unknown[] }): Set<string> {
  const names = new Set(ALWAYS_ALLOWED)
  for (const field of collection.flattenedFields ?? []) names.add(field.name)
  return names
}

export interface GuardOptions {
  /** Refuse keys the collection has no field for (REST and GraphQL writes). */
  unknownKeys?: boolean
}

export function requestGuard(options: GuardOptions = {}): CollectionBeforeOperationHook {
  return async ({ args, collection, operation, req }) => {
    const a = args as { id?: unknown; data?: unknown }
    if ((operation === 'read' || operation === 'update' || operation === 'delete') && a.id !== undefined && a.id !== null) {
      if (!isPlausibleId(req.payload, a.id)) {
        const error = new NotFound(req.t)
        error.name = 'NotFound'
        error.message = bilingual(NOT_FOUND)
        throw error
      }
    }
    if (operation !== 'create' && operation !== 'update') return args
    const data = a.data
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw problemsError([{ path: '', rule: 'SCHEMA', message: NOT_AN_OBJECT(describe(data)) }], req as PayloadRequest, collection.slug)
    }
    const problems: FieldProblem[] = []
    if (options.unknownKeys && req.payloadAPI !== 'local') {
      const known = topLevelKeys(collection as unknown as { flattenedFields?: { name: string }[]; fields: unknown[] })
      const unknown = Object.keys(data).filter((key) => !known.has(key))
      for (const key of unknown) {
        problems.push({
          path: key,
          rule: 'SCHEMA',
          message: {
            zh: `${key}: 未知字段（该集合没有这一项），未保存任何内容`,
            en: `${key}: unknown key (the collection has no such field); nothing was saved`,
          },
        })
      }
    }
    const { problems: found, large } = scan(data as Record<string, unknown>)
    if (large) throw large
    problems.push(...found)
    if (problems.length) throw problemsError(problems, req as PayloadRequest, collection.slug)
    return args
  }
}

/** Body-parsing faults Payload raises before any operation (a multipart body that does not match its boundary …): client errors. */
const BODY_FAULTS =
  /Unexpected end of (form|multipart data)|Malformed part header|Multipart: Boundary not found|Unexpected end of JSON|boundary|busboy|form-data/i

export const BAD_BODY: Label = {
  zh: '请求体无法解析：应为 JSON 对象（application/json），或与声明的 boundary 一致的 multipart/form-data',
  en: 'the request body cannot be parsed: send a JSON object (application/json), or multipart/form-data matching its declared boundary',
}

export function isBodyFault(error: unknown): boolean {
  const e = error as { status?: unknown; message?: unknown; name?: unknown } | null
  if (!e || typeof e.message !== 'string') return false
  if (e.message === 'Invalid JSON') return true // Payload's own 400, in English only
  if (typeof e.status === 'number' && e.status < 500) return false
  return BODY_FAULTS.test(e.message)
}

/** Config afterError: a body Payload could not parse is the client's error (400), in both languages. */
export const bodyFaultsAreClientErrors: AfterErrorHook = ({ error }) => {
  if (!isBodyFault(error)) return
  const entry = { path: '', message: bilingual(BAD_BODY), zh: BAD_BODY.zh, en: BAD_BODY.en }
  return { response: { errors: [{ name: 'ValidationError', message: bilingual(BAD_BODY), data: { errors: [entry] } }] }, status: 400 }
}
