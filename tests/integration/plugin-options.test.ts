/**
 * The plugin's options, as a developer adding it to an existing Payload project would use them.
 */
import { buildConfig } from 'payload'
import type { CollectionConfig, CollectionSlug, Config, Field, SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { xxgkPlugin } from 'xxgk'
import type { XxgkSlugs } from '../../collections/index.ts'
import { api, SEED, reportFor } from './fixtures.ts'
import { startHarness } from './harness.ts'
import type { Harness } from './harness.ts'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'

/** A host project's config with the plugin, not initialised (no database needed). */
function hostConfig(plugin: ReturnType<typeof xxgkPlugin>, collections: CollectionConfig[] = []): Promise<SanitizedConfig> {
  const config: Config = {
    secret: 'options-test',
    db: sqliteAdapter({ client: { url: 'file::memory:' } }),
    editor: lexicalEditor(),
    collections,
    plugins: [plugin],
  }
  return buildConfig(config)
}

const collection = (config: SanitizedConfig, slug: string) => config.collections.find((c) => c.slug === slug)!

/** Every data field path of a field list (what the database schema is made of). */
function dataPaths(fields: readonly Field[], prefix = ''): string[] {
  const paths: string[] = []
  for (const field of fields) {
    if (field.type === 'ui') continue // admin-only: no data, no column
    if ('name' in field && field.name) {
      const at = `${prefix}${field.name}`
      paths.push(`${at}:${field.type}`)
      if ('fields' in field && field.type === 'group') paths.push(...dataPaths(field.fields, `${at}.`))
    } else if ('fields' in field) paths.push(...dataPaths(field.fields, prefix))
    else if (field.type === 'tabs')
      for (const tab of field.tabs) paths.push(...dataPaths(tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix))
  }
  return paths
}

describe('xxgkPlugin options', () => {
  it('enabled: false keeps the collections and their schema, drops hooks, endpoints and components', async () => {
    const on = await hostConfig(xxgkPlugin())
    const off = await hostConfig(xxgkPlugin({ enabled: false }))
    for (const slug of ['agencies', 'reports', 'users']) {
      expect(dataPaths(collection(off, slug).fields)).toEqual(dataPaths(collection(on, slug).fields))
    }
    const reportsOn = collection(on, 'reports')
    const reportsOff = collection(off, 'reports')
    expect(reportsOn.hooks.beforeChange.length).toBe(1)
    expect(reportsOff.hooks.beforeChange.length).toBe(0)
    expect(reportsOff.hooks.beforeOperation.length).toBe(0)
    const customPaths = (c: SanitizedConfig['collections'][number]) => (c.endpoints || []).map((e) => `${e.method} ${e.path}`)
    expect(customPaths(reportsOn)).toEqual(expect.arrayContaining(['post /validate', 'get /stats', 'get /:id/issues']))
    expect(customPaths(reportsOff)).not.toContain('get /stats')
    const issuesField = (c: SanitizedConfig['collections'][number]) => JSON.stringify(c.fields).includes('xxgk/client#ValidationView')
    expect(issuesField(reportsOn)).toBe(true)
    expect(issuesField(reportsOff)).toBe(false)
    expect(on.hooks.afterError?.length).toBe(1)
    expect(off.hooks.afterError?.length ?? 0).toBe(0)
  })

  it('per-collection overrides: fields from the defaults, admin merged; a table grid component on every table', async () => {
    const config = await hostConfig(
      xxgkPlugin({
        overrides: {
          agencies: {
            fields: ({ defaultFields }) => [...defaultFields, { name: 'website', type: 'text' }],
            admin: { defaultColumns: ['name', 'website'] },
          },
        },
        admin: { tableField: 'some-grid#Grid' },
      }),
    )
    const agencies = collection(config, 'agencies')
    expect(dataPaths(agencies.fields)).toEqual(expect.arrayContaining(['name:text', 'kind:select', 'website:text']))
    expect(agencies.admin.useAsTitle).toBe('name')
    expect(agencies.admin.defaultColumns).toEqual(['name', 'website'])
    const reports = collection(config, 'reports')
    const grids: unknown[] = []
    const visit = (fields: readonly Field[]) => {
      for (const field of fields) {
        if (field.type === 'group' && 'name' in field && ['proactive', 'requests', 'reviewLitigation'].includes(field.name)) {
          grids.push(field.admin?.components?.Field)
        }
        if (field.type === 'tabs') for (const tab of field.tabs) visit(tab.fields)
      }
    }
    visit(reports.fields)
    expect(grids).toEqual(['proactive', 'requests', 'reviewLitigation'].map((table) => ({ path: 'some-grid#Grid', clientProps: { table } })))
  })

  it("extends a host project's own users collection instead of replacing it", async () => {
    const users: CollectionConfig = { slug: 'users', auth: true, fields: [{ name: 'displayName', type: 'text' }] }
    const config = await hostConfig(xxgkPlugin(), [users])
    const paths = dataPaths(collection(config, 'users').fields)
    expect(paths).toEqual(expect.arrayContaining(['displayName:text', 'role:select', 'agency:relationship']))
    expect(config.admin.user).toBe('users')
  })
})

describe('custom slugs, on a database', () => {
  let h: Harness
  // custom slugs are not in the host app's generated CollectionSlug union
  const slugs = { agencies: 'bodies', reports: 'annualReports', users: 'users' } as unknown as XxgkSlugs
  beforeAll(async () => {
    h = await startHarness('sqlite', { label: 'slugs', http: false, plugin: { slugs } })
  })
  afterAll(async () => {
    await h?.close()
  })

  it('validates, enforces uniqueness and aggregates under the custom slugs', async () => {
    const local = api(h.payload)
    const body = await local.create({ collection: 'bodies', data: { name: SEED.agency, kind: 'government', level: 'township' } })
    const bad = reportFor(SEED, body.id, 2023, { _status: 'published' })
    ;(bad.requests as Record<string, any>).received.total = 1
    await expect(local.create({ collection: 'annualReports', data: bad })).rejects.toMatchObject({ status: 400 })
    const doc = await local.create({ collection: 'annualReports', data: reportFor(SEED, body.id, 2023, { _status: 'published' }) })
    expect(doc.errorCount).toBe(0)
    await expect(local.create({ collection: 'annualReports', data: reportFor(SEED, body.id, 2023) })).rejects.toMatchObject({ status: 400 })

    const { reportStats } = await import('xxgk')
    const req = { payload: h.payload, context: {} } as never
    const stats = await reportStats(req, { ...slugs } as { agencies: CollectionSlug; reports: CollectionSlug; users: CollectionSlug }, { year: 2023 })
    expect(stats.count).toBe(1)
  })
})
