import type { Payload, PayloadRequest } from 'payload'
import type { ID, XxgkSlugs } from '../collections/index.ts'
import type { Label } from '@xxgk/schema'

export interface AgencyDoc {
  id: ID
  name: string
  kind?: string | null
  level?: string | null
  parent?: unknown
}

/**
 * Whether a value can be an id of this database at all (a number for the SQL adapters' serial
 * ids, 24 hex digits for MongoDB), so a name or a typo is never handed to the database as an
 * id, where it would become a 500.
 */
export function isPlausibleId(payload: Payload, value: unknown): value is ID {
  if (payload.db.defaultIDType === 'number') {
    return (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) || (typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value))
  }
  return typeof value === 'string' && (payload.db.name !== 'mongoose' || /^[0-9a-f]{24}$/i.test(value))
}

export const normaliseId = (payload: Payload, id: ID): ID => (payload.db.defaultIDType === 'number' ? Number(id) : id)

/** An agency by id (cached on the request), or null when there is none. */
export async function loadAgency(req: PayloadRequest, slugs: XxgkSlugs, id: unknown): Promise<AgencyDoc | null> {
  if (!isPlausibleId(req.payload, id)) return null
  const key = `xxgk:agency:${String(id)}`
  if (req.context?.[key]) return req.context[key] as AgencyDoc
  const doc = (await req.payload.db.findOne({
    collection: slugs.agencies,
    where: { id: { equals: normaliseId(req.payload, id) } },
    req,
  })) as AgencyDoc | null
  if (doc && req.context) req.context[key] = doc
  return doc
}

export async function findAgenciesByName(req: PayloadRequest, slugs: XxgkSlugs, name: string): Promise<AgencyDoc[]> {
  const { docs } = await req.payload.db.find<AgencyDoc>({
    collection: slugs.agencies,
    where: { name: { equals: name } },
    limit: 2,
    req,
  })
  return docs
}

export const UNKNOWN_AGENCY = (value: unknown): Label => ({
  zh: `没有这个机关：${JSON.stringify(value)}`,
  en: `no such agency: ${JSON.stringify(value)}`,
})

export const AMBIGUOUS_AGENCY = (name: string): Label => ({
  zh: `有多个机关名为“${name}”，请用机关 id`,
  en: `several agencies are named “${name}”; give the agency's id`,
})

export const AGENCY_REQUIRED: Label = { zh: '缺少机关 agency', en: 'agency is required' }
