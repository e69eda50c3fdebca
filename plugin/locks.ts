import { Locked } from 'payload'
import type { Access, CollectionBeforeOperationHook, Config, Payload, PayloadRequest, Where } from 'payload'
import { readableAgencies, roleOf } from '../collections/access.ts'
import type { ID, XxgkSlugs } from '../collections/index.ts'
import { bilingual } from './errors.ts'

export const LOCKED_DOCUMENTS = 'payload-locked-documents'
const DEFAULT_LOCK_SECONDS = 300

interface LockDoc {
  id: ID
  updatedAt?: string
  user?: { relationTo?: string; value?: unknown } | null
  document?: { relationTo?: string; value?: unknown } | null
}

type OperationArgs = {
  id?: ID
  where?: Where
  overrideLock?: boolean
  req?: PayloadRequest
}

/**
 * Payload's own document-lock check (`checkDocumentLockStatus`, run on every REST update and
 * delete) reads the lock records with `payload.db.find` **without the request**, so on
 * PostgreSQL that read takes a second pool connection while the request's transaction holds
 * its first. Ten concurrent writes take the ten connections of the default pool, each then
 * waits for an eleventh for its lock read, and none ever finishes: the transactions stay idle
 * and every later request waits behind them.
 *
 * This hook does the same check inside the request's transaction (the same connection), then
 * tells Payload the check is done (`overrideLock`), so no write ever needs two connections.
 * Payload still clears the lock records, with the request, as it always does.
 */
export function lockCheckInTransaction(): CollectionBeforeOperationHook {
  return async ({ args, collection, operation, req }) => {
    if (operation !== 'update' && operation !== 'delete') return args
    const a = args as OperationArgs
    if (a.overrideLock !== false) return args
    const payload = req.payload
    if (!payload.collections?.[LOCKED_DOCUMENTS] || collection.lockDocuments === false) return { ...args, overrideLock: true }

    let ids: ID[]
    if (a.id !== undefined && a.id !== null) ids = [a.id]
    else {
      // bulk update or delete: the documents the query matches (access is applied later by Payload)
      const { docs } = await payload.db.find<{ id: ID }>({ collection: collection.slug, where: a.where ?? {}, select: { id: true }, pagination: false, req })
      ids = docs.map((d) => d.id)
    }
    if (ids.length > 0) {
      const { docs } = await payload.db.find<LockDoc>({
        collection: LOCKED_DOCUMENTS,
        where: { and: [{ 'document.relationTo': { equals: collection.slug } }, { 'document.value': { in: ids } }] },
        sort: '-updatedAt',
        pagination: false,
        req,
      })
      const seconds = typeof collection.lockDocuments === 'object' ? collection.lockDocuments.duration : DEFAULT_LOCK_SECONDS
      const now = Date.now()
      for (const lock of docs) {
        const by = lock.user?.value
        const byId = typeof by === 'object' && by !== null ? (by as { id?: unknown }).id : by
        const fresh = now - new Date(lock.updatedAt ?? 0).getTime() <= seconds * 1000
        if (fresh && String(byId) !== String(req.user?.id)) {
          const docId = typeof lock.document?.value === 'object' ? (lock.document.value as { id?: unknown })?.id : lock.document?.value
          const error = new Locked(
            bilingual({
              zh: `文档 ${String(docId)} 正由其他用户编辑（已锁定），暂不能${operation === 'delete' ? '删除' : '修改'}；可稍后再试，或在编辑页接管`,
              en: `document ${String(docId)} is being edited by another user (locked) and cannot be ${operation === 'delete' ? 'deleted' : 'modified'} now; try again later or take it over in its edit view`,
            }),
          )
          error.name = 'Locked' // bundlers minify class names; the name sets the log level
          throw error
        }
      }
    }
    return { ...args, overrideLock: true }
  }
}

/**
 * Lock records say who is editing which document. Payload lets any logged-in user read all of
 * them; here an admin reads all, everyone else the records of documents they may read
 * (reports of their agencies) and their own.
 */
export function restrictLockReads(slugs: XxgkSlugs): NonNullable<Config['onInit']> {
  return async (payload: Payload) => {
    const locks = payload.collections?.[LOCKED_DOCUMENTS]
    if (!locks) return
    const access = locks.config.access
    access.read = async ({ req }) => {
      if (!req.user) return false
      const role = roleOf(req, slugs)
      if (role === 'admin') return true
      const own: Where = { and: [{ 'user.relationTo': { equals: req.user.collection } }, { 'user.value': { equals: req.user.id } }] }
      const agencies = role ? await readableAgencies(req, slugs) : []
      if (agencies === true) return true
      if (agencies.length === 0) return own
      const { docs } = await req.payload.db.find<{ id: ID }>({
        collection: slugs.reports,
        where: { agency: { in: agencies } },
        select: { id: true },
        pagination: false,
        req,
      })
      if (docs.length === 0) return own
      return { or: [own, { and: [{ 'document.relationTo': { equals: slugs.reports } }, { 'document.value': { in: docs.map((d) => d.id) } }] }] }
    }
  }
}

/** A user of the plugin's users collection who writes no report (a supervisor): never holds an edit lock. */
export function isReadOnlyUser(req: PayloadRequest, slugs: XxgkSlugs): boolean {
  const role = roleOf(req, slugs)
  const user = req.user as { collection?: string } | null | undefined
  return !!user && (!user.collection || user.collection === slugs.users) && role !== 'admin' && role !== 'editor'
}

/**
 * Payload adds its document-lock collection when the config is sanitised, after plugins ran;
 * at init its access is wrapped so that a read-only user (a supervisor) can neither take over
 * (the admin's 接管 PATCHes the lock) nor create a lock, and so never locks an editor out.
 */
export function withReadOnlyLocks(config: Config, slugs: XxgkSlugs): Config {
  const previous = config.onInit
  return {
    ...config,
    onInit: async (payload: Payload) => {
      const locks = payload.collections?.[LOCKED_DOCUMENTS as keyof typeof payload.collections]?.config
      if (locks) {
        const access = locks.access as Record<'create' | 'update', Access>
        for (const op of ['create', 'update'] as const) {
          const base = access[op]
          access[op] = (args) => (isReadOnlyUser(args.req, slugs) ? false : base ? base(args) : !!args.req.user)
        }
      }
      await previous?.(payload)
    },
  }
}
