import path from 'node:path'
import type { Label } from '@xxgk/schema'
import { refusalFromError } from './refusal.ts'
import { ImportRefusal } from './types.ts'
import type { ImportedFile } from './types.ts'
import type { ReportStore } from './run.ts'

export interface RestTarget {
  /** The CMS, e.g. `http://localhost:3000` (its REST API under /api), or the API URL itself (`…/api`). */
  url: string
  /** A Payload API key of a user (Users → Enable API key). */
  token: string
  usersSlug?: string
  reportsSlug?: string
}

/** The REST API's base URL: the given URL if it already ends in /api, else with /api added. */
export function apiBase(url: string): string {
  const trimmed = url.replace(/\/+$/, '')
  return /\/api$/.test(trimmed) ? trimmed : `${trimmed}/api`
}

const API_KEY_REJECTED: Label = {
  zh: 'CMS 不接受这个 API 密钥（401）：请检查 --token，并确认该用户已启用 API 密钥',
  en: 'the CMS did not accept the API key (401): check --token and that the user has its API key enabled',
}

/** The refusal an error answer of the import endpoint carries (Payload's error shape). */
function refusalFromAnswer(status: number, body: unknown): ImportRefusal {
  if (status === 401) return new ImportRefusal(401, API_KEY_REJECTED)
  // the import endpoint states the reason itself; other answers are read from Payload's error shape
  const reason = (body as { reason?: Partial<Label> } | null)?.reason
  if (typeof reason?.zh === 'string' && typeof reason.en === 'string') return new ImportRefusal(status, { zh: reason.zh, en: reason.en })
  const first = (body as { errors?: { message?: unknown; data?: unknown }[] } | null)?.errors?.[0]
  const refusal = refusalFromError({ status, message: first?.message, data: first?.data })
  return refusal ?? new ImportRefusal(status, { zh: `CMS 答复 HTTP ${status}`, en: `the CMS answered HTTP ${status}` })
}

/**
 * A CMS over REST as a report store: each file is uploaded to `POST /api/reports/import`
 * (multipart, field `file`) with the API key, so the server runs the same importer with that
 * user's access, in its own transaction.
 */
export function restStore(target: RestTarget): ReportStore {
  const endpoint = `${apiBase(target.url)}/${target.reportsSlug ?? 'reports'}/import`
  const authorization = `${target.usersSlug ?? 'users'} API-Key ${target.token}`
  return {
    async store({ file, bytes }) {
      const form = new FormData()
      form.append('file', new Blob([(await bytes()) as Uint8Array<ArrayBuffer>]), path.basename(file))
      let response: Response
      try {
        response = await fetch(endpoint, { method: 'POST', body: form, headers: { Authorization: authorization } })
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause
        const detail = cause?.code ?? cause?.message ?? (error as Error).message
        throw new ImportRefusal(503, { zh: `无法连接 ${endpoint}（${detail}）`, en: `cannot reach ${endpoint} (${detail})` })
      }
      const body: unknown = await response.json().catch(() => null)
      if (response.status === 201 && typeof body === 'object' && body !== null && 'doc' in body) return { ...(body as ImportedFile), file }
      throw refusalFromAnswer(response.status, body)
    },
  }
}
