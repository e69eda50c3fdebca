/**
 * Run by bin/start.mjs before the server starts (under tsx, with --conditions=development):
 * migrate the database, create the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, seed when empty,
 * refresh SQLite's query-planner statistics.
 */
import type { CollectionSlug, Payload } from 'payload'
import { getPayload } from 'payload'
import config from '../payload.config.ts'
import { databaseKind, DEFAULT_DATABASE_URL, refreshPlannerStatistics } from './database.ts'
import { seedDatabase } from './seed.ts'

const log = (message: string) => console.log(`[xxgk] ${message}`)

async function createAdminFromEnv(payload: Payload): Promise<void> {
  const email = process.env.ADMIN_EMAIL
  const password = process.env.ADMIN_PASSWORD
  if (!email && !password) return
  if (!email || !password) {
    log('ADMIN_EMAIL 和 ADMIN_PASSWORD 需同时设置 / set both ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin')
    return
  }
  const users = 'users' as CollectionSlug
  if ((await payload.count({ collection: users })).totalDocs > 0) return
  await payload.create({ collection: users, data: { email, password, role: 'admin' } } as Parameters<Payload['create']>[0])
  log(`created the first administrator ${email}`)
}

async function prepare(): Promise<void> {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const payload = await getPayload({ config })
  if (databaseKind(url) !== 'mongodb') await payload.db.migrate()
  await createAdminFromEnv(payload)
  const seeded = await seedDatabase(payload)
  for (const line of seeded) log(`seeded ${line}`)
  if ((await payload.count({ collection: 'users' as CollectionSlug })).totalDocs === 0) {
    log('no user yet: the first visitor of /admin creates the administrator account')
  }
  await refreshPlannerStatistics(payload, url)
  await payload.db.destroy?.()
}

prepare().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[xxgk] preparing the database failed:', error)
    process.exit(1)
  },
)
