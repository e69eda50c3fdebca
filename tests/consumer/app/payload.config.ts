// The same app with the plugin added exactly as the README's "Add the plugin" section says.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { buildConfig } from 'payload'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { xxgkPlugin } from 'xxgk'
import { Users } from './collections/Users'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  collections: [Users],
  db: sqliteAdapter({ client: { url: process.env.DATABASE_URI || 'file:./consumer.db' } }),
  secret: process.env.PAYLOAD_SECRET || 'consumer-test-secret',
  admin: { importMap: { baseDir: dirname } },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  editor: lexicalEditor(),
  i18n: { supportedLanguages: { zh, en }, fallbackLanguage: 'zh' },
  plugins: [xxgkPlugin()],
})
