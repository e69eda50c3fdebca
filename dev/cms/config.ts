import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import type { Config, Plugin, SanitizedConfig } from 'payload'
import { xxgkPlugin } from 'xxgk'
import type { XxgkPluginOptions } from 'xxgk'
import { databaseAdapter } from './database.ts'
import type { DatabaseOptions } from './database.ts'

const DEVELOPMENT_SECRET = 'xxgk-development-secret-not-for-production'

/**
 * PAYLOAD_SECRET signs sessions. Production refuses to start without it; development uses a
 * fixed default and says so. `next build` imports the config without serving anything.
 */
export function payloadSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PAYLOAD_SECRET) return env.PAYLOAD_SECRET
  if (env.NEXT_PHASE === 'phase-production-build') return DEVELOPMENT_SECRET
  // the development secret `npm start` keeps (bin/start.mjs), so `xxgk import` in this repository signs alike
  const kept = path.join(import.meta.dirname, '..', 'data', '.payload-secret')
  if (env.NODE_ENV !== 'production' && existsSync(kept)) return readFileSync(kept, 'utf8').trim()
  if (env.NODE_ENV === 'production') {
    throw new Error(
      '未设置 PAYLOAD_SECRET：生产环境必须用环境变量提供一个长的随机字符串 / PAYLOAD_SECRET is not set: in production it must be given in the environment (a long random string)',
    )
  }
  console.warn('[xxgk] PAYLOAD_SECRET is not set: using a development secret (NODE_ENV is not production). Set PAYLOAD_SECRET for any real use.')
  return DEVELOPMENT_SECRET
}

export interface XxgkConfigOptions {
  database: DatabaseOptions
  secret?: string
  /** Folder of the host app, for the admin import map and generated types. */
  baseDir: string
  plugin?: XxgkPluginOptions
  /** More plugins after the xxgk plugin (tests add their own collections this way). */
  plugins?: Plugin[]
  serverURL?: string
}

/** The CMS's Payload config: the xxgk plugin, Lexical, Chinese and English admin. */
export function xxgkConfig(options: XxgkConfigOptions): Promise<SanitizedConfig> {
  const config: Config = {
    secret: options.secret ?? payloadSecret(),
    db: databaseAdapter(options.database),
    editor: lexicalEditor(),
    collections: [],
    // `npm start` runs one server process, where the REST list cache is safe (plugin/list-cache.ts);
    // XXGK_LIST_CACHE=off for deployments with several server processes on one database
    // the supervisor's review loop is on in the host app (plugin option `review`, default off)
    plugins: [xxgkPlugin({ listCache: process.env.XXGK_LIST_CACHE !== 'off', review: true, ...options.plugin }), ...(options.plugins ?? [])],
    i18n: { supportedLanguages: { zh, en }, fallbackLanguage: 'zh' },
    admin: {
      // no request leaves the server for a profile picture
      avatar: 'default',
      importMap: { baseDir: options.baseDir, importMapFile: path.join(options.baseDir, 'app', '(payload)', 'admin', 'importMap.js') },
      meta: { titleSuffix: ' · 政府信息公开年报' },
    },
    // types are generated on demand (`npm run generate:types`), never as a side effect of starting
    typescript: { autoGenerate: false, outputFile: `${options.baseDir}/cms/payload-types.ts` },
    telemetry: false,
    ...(options.serverURL && { serverURL: options.serverURL }),
  }
  return buildConfig(config)
}
