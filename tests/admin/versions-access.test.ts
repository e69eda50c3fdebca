/**
 * The edit view of a report queries its versions with the user's `readVersions` access: for an
 * editor or a supervisor that scope must be expressed on the versions (`version.agency`), or
 * Payload refuses the query ("The following path cannot be queried: agency") and the edit view
 * stays blank.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness } from '../integration/harness.ts'
import type { Harness } from '../integration/harness.ts'
import { api, buildWorld, REPORTS, reportFor, SEED } from '../integration/fixtures.ts'
import type { World } from '../integration/fixtures.ts'

describe('report versions under the users’ access', () => {
  let h: Harness
  let world: World
  let id: string | number

  beforeAll(async () => {
    h = await startHarness('sqlite', { label: 'versions-access', http: false })
    world = await buildWorld(h.payload)
    const local = api(h.payload)
    id = (await local.create({ collection: REPORTS, data: { ...reportFor(SEED as any, world.agencies.township.id, 2023), _status: 'published' } })).id
    await local.update({ collection: REPORTS, id, draft: true, data: { title: '草稿', _status: 'draft' } })
    await local.create({ collection: REPORTS, data: { ...reportFor(SEED as any, world.agencies.otherCity.id, 2023), _status: 'published' } })
  }, 120_000)

  afterAll(async () => {
    await h?.close()
  })

  const versionsAs = (user: keyof World['users']) =>
    (h.payload as any).findVersions({ collection: REPORTS, overrideAccess: false, user: world.users[user], depth: 0, limit: 50 })

  it('an editor reads its own agency’s versions only; a supervisor its subtree’s; an admin all', async () => {
    const own = await versionsAs('editor')
    expect(own.docs.length).toBeGreaterThanOrEqual(2)
    expect(new Set(own.docs.map((d: any) => String(d.parent)))).toEqual(new Set([String(id)]))
    const supervised = await versionsAs('supervisor')
    expect(new Set(supervised.docs.map((d: any) => String(d.version.agency)))).toEqual(new Set([String(world.agencies.township.id)]))
    const other = await versionsAs('otherEditor')
    expect(other.docs.every((d: any) => String(d.version.agency) === String(world.agencies.otherCity.id))).toBe(true)
    expect((await versionsAs('admin')).totalDocs).toBeGreaterThan(own.totalDocs)
  })

  it('the newest draft is readable by its editor (what the edit view loads)', async () => {
    const doc = await (h.payload as any).findByID({ collection: REPORTS, id, draft: true, overrideAccess: false, user: world.users.editor, depth: 0 })
    expect(doc.title).toBe('草稿')
  })
})
