import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { xxgkConfig } from './cms/config.ts'

const baseDir = path.dirname(fileURLToPath(import.meta.url))

/** DATABASE_URL: file:… (SQLite, default dev/data/xxgk.db whatever the working folder), postgres://… or mongodb://… */
export default xxgkConfig({
  baseDir,
  database: { url: process.env.DATABASE_URL || `file:${path.join(baseDir, 'data', 'xxgk.db')}`, migrationsDir: path.join(baseDir, 'migrations') },
})
