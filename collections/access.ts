import type { Payload, PayloadRequest } from 'payload'
import type { Role } from './roles.ts'
import { ROLES, USERS_WITHOUT_ROLE_KEY } from './roles.ts'
import type { XxgkSlugs } from './slugs.ts'

export type ID = string | number

/** A relationship value as Payload gives it: an id, or the populated document. */
export function relationId(value: unknown): ID | null {
  if (typeof value === 'string' || typeof value === 'number') return value
  if (typeof value === 'object' && value !== null && 'id' in value) return relationId((value as { id: unknown }).id)
  return null
}

export const sameId = (a: unknown, b: unknown) => {
  const x = relationId(a)
  const y = relationId(b)
  return x !== null && y !== null && String(x) === String(y)
}

export interface XxgkUser {
  id: ID
  collection?: string
  role?: Role | null
  agency?: unknown
}

/** The user's role, only for users of the plugin's users collection. */
export function roleOf(req: PayloadRequest, slugs: XxgkSlugs): Role | null {
  const user = req.user as XxgkUser | null | undefined
  if (!user || (user.collection && user.collection !== slugs.users)) return null
  return effectiveRole(req.payload, slugs, user.role)
}

/** A stored role, or for a user from before the plugin (no role yet) the configured `usersWithoutRole`. */
export function effectiveRole(payload: Payload | undefined, slugs: XxgkSlugs, stored: unknown): Role | null {
  const role = stored ?? (payload?.collections?.[slugs.users]?.config?.custom?.[USERS_WITHOUT_ROLE_KEY] as Role | undefined)
  return typeof role === 'string' && (ROLES as readonly string[]).includes(role) ? (role as Role) : null
}

export function userAgency(req: PayloadRequest): ID | null {
  return relationId((req.user as XxgkUser | null | undefined)?.agency)
}

/**
 * The agency and every agency below it (by `parent`), breadth first. Cached on the request,
 * because one REST call may ask several access functions. Reads ids only: every request of a
 * supervisor walks the tree (a 500-agency tree: 4.4 ms, against 9.2 ms reading whole documents).
 */
export async function agencySubtree(req: PayloadRequest, slugs: XxgkSlugs, root: ID): Promise<ID[]> {
  const cacheKey = `xxgk:subtree:${slugs.agencies}:${String(root)}`
  const cached = req.context?.[cacheKey] as ID[] | undefined
  if (cached) return cached
  const seen = new Set<string>([String(root)])
  const all: ID[] = [root]
  let frontier: ID[] = [root]
  while (frontier.length > 0) {
    const { docs } = await req.payload.db.find<{ id: ID }>({
      collection: slugs.agencies,
      where: { parent: { in: frontier } },
      select: { id: true },
      pagination: false,
      req,
    })
    frontier = []
    for (const doc of docs) {
      if (seen.has(String(doc.id))) continue
      seen.add(String(doc.id))
      all.push(doc.id)
      frontier.push(doc.id)
    }
  }
  if (req.context) req.context[cacheKey] = all
  return all
}

/**
 * The agencies whose reports the user may read: `true` for all (admin), a list, or none.
 * Supervisors see their agency and all descendants; editors their own agency.
 */
export async function readableAgencies(req: PayloadRequest, slugs: XxgkSlugs): Promise<true | ID[]> {
  const role = roleOf(req, slugs)
  if (role === 'admin') return true
  const agency = userAgency(req)
  if (!role || agency === null) return []
  if (role === 'supervisor') return agencySubtree(req, slugs, agency)
  return [agency]
}

export const isAdminField =
  (slugs: XxgkSlugs) =>
  ({ req }: { req: PayloadRequest }) =>
    roleOf(req, slugs) === 'admin'
