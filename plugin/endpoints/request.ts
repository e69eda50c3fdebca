import type { PayloadRequest } from 'payload'
import { errorResponse } from '../errors.ts'

export type Json = Record<string, unknown>

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

export async function readJson(req: PayloadRequest): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  try {
    const text = req.text ? await req.text() : JSON.stringify(req.data ?? null)
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      response: errorResponse(400, [{ path: '', message: { zh: `请求体不是合法的 JSON：${reason}`, en: `the request body is not valid JSON: ${reason}` } }]),
    }
  }
}
