import type { Label } from '@xxgk/schema'
import { ImportRefusal, isImportRefusal } from './types.ts'

interface ShapedError {
  status?: unknown
  message?: unknown
  data?: { errors?: { path?: unknown; message?: unknown; zh?: unknown; en?: unknown }[] }
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')

function withPath(path: string, message: string): string {
  return !path || message.startsWith(`${path}:`) || message.startsWith(`${path}：`) ? message : `${path}: ${message}`
}

export const NOT_ALLOWED: Label = { zh: '无权执行此操作', en: 'you are not allowed to do this' }

/**
 * The refusal a Payload error stands for: any 4xx (a ValidationError with its paths and the
 * plugin's zh/en messages, Forbidden, NotFound …), recognised by shape because bundlers may
 * hold two copies of Payload's error classes. Anything else (a database fault) is not a
 * refusal: null.
 */
export function refusalFromError(error: unknown): ImportRefusal | null {
  if (isImportRefusal(error)) return error
  const shaped = error as ShapedError | null
  const status = shaped?.status
  if (typeof status !== 'number' || status < 400 || status >= 500) return null
  const details = Array.isArray(shaped?.data?.errors) ? shaped.data.errors : []
  if (details.length > 0) {
    const problems = details.map((d) => {
      const path = text(d.path)
      const message = text(d.message)
      return { path, zh: text(d.zh) || message, en: text(d.en) || message }
    })
    const reason = {
      zh: problems.map((p) => withPath(p.path, p.zh)).join('；'),
      en: problems.map((p) => withPath(p.path, p.en)).join('; '),
    }
    return new ImportRefusal(status, reason, problems)
  }
  if (status === 403) return new ImportRefusal(403, NOT_ALLOWED)
  const message = text(shaped?.message) || `HTTP ${status}`
  return new ImportRefusal(status, { zh: message, en: message })
}
