import { headersWithCors } from 'payload'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Endpoint, PayloadRequest } from 'payload'
import { readableAgencies, roleOf } from '../collections/index.ts'
import type { XxgkSlugs } from '../collections/index.ts'

export interface ListCacheOptions {
  /** How long an answer may be reused at most (writes through this process clear it at once). Default 10 000. */
  ttlMs?: number
  /** Answers kept (least recently used dropped first). Default 200. */
  maxEntries?: number
}

interface Entry {
  generation: number
  storedAt: number
  /** The JSON answer, encoded once. */
  body: ArrayBuffer
}

/**
 * A report document has some 300 fields; reading twenty of them through Payload's REST list
 * costs about 40 ms of CPU, so a single Node process serves some 25 lists a second. The same
 * list is asked for again and again between writes: this keeps Payload's own answer (its find
 * handler runs on a miss, unchanged) per access scope and query string, and drops every answer
 * when a report, agency or user is written through this process. Writes by another process
 * (a second server, the import CLI) are seen after `ttlMs` at the latest.
 */
export function reportListCache(slugs: XxgkSlugs, options: ListCacheOptions = {}) {
  const ttlMs = options.ttlMs ?? 10_000
  const maxEntries = options.maxEntries ?? 200
  const entries = new Map<string, Entry>()
  let generation = 0

  const clear = () => {
    generation++
    entries.clear()
  }
  const afterChange: CollectionAfterChangeHook = ({ doc }) => {
    clear()
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = ({ doc }) => {
    clear()
    return doc
  }

  /** Payload's own list handler: the collection's other `GET /` endpoint. */
  const payloadFind = (req: PayloadRequest, self: Endpoint) =>
    req.payload.collections[slugs.reports]!.config.endpoints &&
    (req.payload.collections[slugs.reports]!.config.endpoints as Endpoint[]).find((e) => e !== self && e.method === 'get' && e.path === '/')

  const endpoint: Endpoint = {
    path: '/',
    method: 'get',
    handler: async (req) => {
      const find = payloadFind(req, endpoint)
      if (!find) return Response.json({ errors: [{ message: 'no list handler' }] }, { status: 500 })
      const role = roleOf(req, slugs)
      // anonymous requests and users of other auth collections: Payload answers them itself
      if (!req.user || !role) return find.handler(req)
      // a POST turned into a GET may carry its query in the body: never answered from memory
      if (req.headers.get('X-Payload-HTTP-Method-Override') || req.headers.get('X-HTTP-Method-Override')) return find.handler(req)
      const scope = await readableAgencies(req, slugs)
      const search = new URL(req.url ?? 'http://x/').search
      const key = JSON.stringify([role, scope === true ? '*' : scope.map(String).sort(), search, req.locale ?? null])
      const now = Date.now()
      const hit = entries.get(key)
      if (hit && hit.generation === generation && now - hit.storedAt < ttlMs) {
        entries.delete(key)
        entries.set(key, hit) // most recently used last
        const headers = headersWithCors({ headers: new Headers({ 'Content-Type': 'application/json' }), req })
        headers.set('X-Xxgk-Cache', 'hit')
        return new Response(hit.body, { status: 200, headers })
      }
      const started = generation
      const response = await find.handler(req)
      if (response.status !== 200) return response
      const body = await response.arrayBuffer()
      // a write during the read may not have been seen: keep the answer only if none happened
      if (started === generation) {
        entries.set(key, { generation, storedAt: now, body })
        while (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
      }
      const headers = new Headers(response.headers)
      headers.set('X-Xxgk-Cache', 'miss')
      return new Response(body, { status: 200, headers })
    },
  }

  return { endpoint, afterChange, afterDelete, clear }
}
