import { ValidationError } from 'payload'
import type { AfterErrorHook, PayloadRequest } from 'payload'
import { EDITIONS_NEWEST_FIRST } from '../collections/index.ts'
import { cellLabel, editionIndex } from '@xxgk/schema'
import type { Issue, Label } from '@xxgk/schema'

/** One message in both languages: `中文 / English` (the English part without the repeated `path: `). */
export function bilingual(message: Label, path?: string): string {
  const prefix = path ? `${path}: ` : ''
  const en = prefix && message.en.startsWith(prefix) ? message.en.slice(prefix.length) : message.en
  return `${message.zh} / ${en}`
}

export interface FieldProblem {
  path: string
  message: Label
  rule?: string
}

const STATUS_ERROR_NAMES: Record<number, string> = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
}

/**
 * Every endpoint's 4xx, in Payload's error shape: `{ errors: [{ name, message, data: { errors:
 * [{ path, message, zh, en, rule? }] } }] }`, the message in both languages. `extra` adds
 * top-level keys (the import's `reason` and `file`); `extra.message` replaces the joined message.
 */
export function errorResponse(status: number, problems: readonly FieldProblem[], extra: { message?: string } & Record<string, unknown> = {}): Response {
  const errors = problems.map((p) => ({
    path: p.path,
    message: bilingual(p.message, p.path),
    zh: p.message.zh,
    en: p.message.en,
    ...(p.rule && { rule: p.rule }),
  }))
  const { message = errors.map((entry) => entry.message).join('; '), ...rest } = extra
  const name = STATUS_ERROR_NAMES[status] ?? 'APIError'
  return Response.json({ errors: [{ name, message, data: { errors } }], ...rest }, { status })
}

export const LOGIN_REQUIRED: Label = { zh: '请先登录', en: 'You must be logged in' }

/**
 * A 400 naming every problem by its path, in the shape the admin understands: it marks each
 * `errors[].path` as invalid. Each entry also carries `zh`, `en` and, for rule issues, `rule`.
 */
/** The printed label of a cell path (row / column), for the admin's summary of invalid fields. */
function cellPathLabel(path: string): Label | undefined {
  for (const edition of EDITIONS_NEWEST_FIRST) {
    const cell = editionIndex(edition).byPath.get(path)
    if (cell) return { zh: cellLabel(cell, 'zh'), en: cellLabel(cell, 'en') }
  }
  return undefined
}

export function problemsError(problems: readonly FieldProblem[], req?: PayloadRequest, collection?: string): ValidationError {
  const errors = problems.map((p) => ({
    path: p.path,
    ...(cellPathLabel(p.path) && { label: cellPathLabel(p.path) }),
    message: bilingual(p.message, p.path),
    zh: p.message.zh,
    en: p.message.en,
    ...(p.rule && { rule: p.rule }),
  }))
  const error = new ValidationError({ collection, errors, req } as ConstructorParameters<typeof ValidationError>[0], req?.t)
  error.name = 'ValidationError' // bundlers minify class names: the name sets the log level (info, not error)
  return error
}

export function issuesError(issues: readonly Issue[], req?: PayloadRequest, collection?: string): ValidationError {
  return problemsError(
    issues.map((i) => ({ path: i.path, message: i.message, rule: i.rule })),
    req,
    collection,
  )
}

interface ShapedError {
  name?: string
  message?: string
  status?: number
  data?: { errors?: { path?: string; message?: string; tableName?: string }[]; collection?: string }
}

const UNIQUE_MESSAGE: Label = {
  zh: '该机关该年度的报告已存在（每个机关每年只有一份报告）',
  en: 'A report of this agency for this year already exists (one report per agency and year)',
}

const AGENCY_EXISTS: Label = {
  zh: '同一上级机关下已有同名机关（机关由名称和上级机关确定）',
  en: 'an agency of this name already exists under the same parent (an agency is its name and its parent)',
}

/**
 * Keeps the details of 4xx errors in REST responses. In a production Next build the error
 * classes exist twice (two bundled copies of payload), so Payload's own `instanceof` check
 * fails and `data.errors` would be dropped: recognise the error by its shape instead. Also
 * rewrites the database's unique-index error on (agency, year) into a message people can read.
 */
export function keepErrorDetails(reportsTable: string): AfterErrorHook {
  return ({ error }) => {
    const shaped = error as ShapedError
    const status = shaped.status
    if (typeof status !== 'number' || status < 400 || status >= 500 || !Array.isArray(shaped.data?.errors)) return
    const errors = shaped.data.errors.map((entry) =>
      entry.tableName === reportsTable && (entry.path === 'agency' || entry.path === 'year')
        ? { ...entry, path: 'year', message: bilingual(UNIQUE_MESSAGE), zh: UNIQUE_MESSAGE.zh, en: UNIQUE_MESSAGE.en }
        : entry.path === 'identity'
          ? { ...entry, path: 'name', message: bilingual(AGENCY_EXISTS), zh: AGENCY_EXISTS.zh, en: AGENCY_EXISTS.en }
          : entry,
    )
    const message = errors.some((e, i) => e !== shaped.data!.errors![i]) ? errors.map((e) => e.message).join('; ') : (shaped.message ?? '')
    // class names are minified in production bundles: name the error by its status
    const name = status === 400 ? 'ValidationError' : (STATUS_ERROR_NAMES[status] ?? shaped.name ?? 'APIError')
    return {
      response: { errors: [{ name, message, data: { ...shaped.data, errors } }] },
      status,
    }
  }
}
