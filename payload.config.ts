import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { xxgkConfig } from './cms/config'
import { DEFAULT_DATABASE_URL } from './cms/database'

const baseDir = path.dirname(fileURLToPath(import.meta.url))

/** DATABASE_URL: file:… (SQLite, the default), postgres://… or mongodb://… */
export default xxgkConfig({
  baseDir,
  database: { url: process.env.DATABASE_URL || DEFAULT_DATABASE_URL, migrationsDir: path.join(baseDir, 'migrations') },
})
