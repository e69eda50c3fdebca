// The app as it was before the plugin: its own users collection, nothing else.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { buildConfig } from 'payload'
import { Users } from './collections/Users'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  collections: [Users],
  db: sqliteAdapter({ client: { url: process.env.DATABASE_URI || 'file:./consumer.db' } }),
  secret: process.env.PAYLOAD_SECRET || 'consumer-test-secret',
  admin: { importMap: { baseDir: dirname } },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
})
