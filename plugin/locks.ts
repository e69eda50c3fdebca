import type { Access, Config, Payload, PayloadRequest } from 'payload'
import { roleOf } from '../collections/index.ts'
import type { XxgkSlugs } from '../collections/index.ts'

const LOCKS = 'payload-locked-documents'

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
      const locks = payload.collections?.[LOCKS as keyof typeof payload.collections]?.config
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
