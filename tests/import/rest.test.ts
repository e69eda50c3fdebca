/**
 * `xxgk import --url … --token …`: the CLI (a child process) uploads each file to the CMS's
 * import endpoint with a user's Payload API key; the CMS is the plugin's REST API served over
 * real HTTP (Payload's route handlers on a node:http server, SQLite).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorld } from '../integration/fixtures.ts'
import type { World } from '../integration/fixtures.ts'
import { startHarness } from '../integration/harness.ts'
import type { Harness } from '../integration/harness.ts'
import { agencyNames, EXCERPT, jsonSummary, local, PINGTAN_2024, REPORTS, runImportCli, storedReports, USERS } from './helpers.ts'

const ADMIN_KEY = 'xxgk-import-test-admin-api-key-0001'
const EDITOR_KEY = 'xxgk-import-test-editor-api-key-0002'
const SUPERVISOR_KEY = 'xxgk-import-test-supervisor-api-key-0003'

describe('xxgk import over REST with an API key', () => {
  let h: Harness
  let world: World

  beforeAll(async () => {
    h = await startHarness('sqlite', { label: 'import_rest' })
    world = await buildWorld(h.payload)
    const withKey = (user: { id: string | number }, apiKey: string) =>
      (h.payload as any).update({ collection: USERS, id: user.id, data: { enableAPIKey: true, apiKey } })
    await withKey(world.users.admin, ADMIN_KEY)
    await withKey(world.users.editor, EDITOR_KEY)
    await withKey(world.users.supervisor, SUPERVISOR_KEY)
  })
  afterAll(async () => {
    await h?.close()
  })

  it('an administrator’s key imports the corpus: the same outcome as the Local API', async () => {
    const run = await runImportCli(['corpus/seed', 'corpus/real', '--url', h.url, '--token', ADMIN_KEY, '--json'])
    const summary = jsonSummary(run)
    expect(run.code).toBe(1) // the excerpt
    expect(summary).toMatchObject({ imported: 13, updated: 1, failed: 1 })
    expect(summary.results.find((r) => r.status === 'failed')?.file).toBe(EXCERPT)
    const [html, text] = PINGTAN_2024.map((f) => summary.results.find((r) => r.file === f)!)
    expect([html!.status, text!.status]).toEqual(['imported', 'updated'])
    // created over REST: the agencies the world did not have; 王集乡人民政府 was there already
    expect(summary.agencies.map((a) => a.name).sort()).toEqual(
      ['上海市科委', '平潭综合实验区', '淮安市人民政府', '洪泽区人民政府', '淮安市洪泽区人民政府', '沐阳县人民政府'].sort(),
    )
    const reports = await storedReports(h.payload)
    expect(reports).toHaveLength(13)
    expect(reports.every((r) => r._status === 'draft')).toBe(true)
    expect(reports.find((r) => r.agency.name === '王集乡人民政府')?.agency.id).toBe(world.agencies.township.id)
  }, 120_000)

  it('the same again updates every report over REST', async () => {
    const summary = jsonSummary(await runImportCli(['corpus/seed', 'corpus/real', '--url', `${h.url}/api`, '--token', ADMIN_KEY, '--json']))
    expect(summary).toMatchObject({ imported: 0, updated: 14, failed: 1 })
    expect((await local(h.payload).count({ collection: REPORTS })).totalDocs).toBe(13)
  }, 120_000)

  it('an editor’s key imports its own agency’s report only; others fail with the reason, nothing written', async () => {
    const before = await agencyNames(h.payload)
    const run = await runImportCli(
      ['corpus/seed/wangji-township-2023.pdf-text.txt', 'corpus/real/shanghai-stcsm-dept-2024.pdf-markdown.md', '--url', h.url, '--token', EDITOR_KEY],
      {},
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('↻ 更新 updated  corpus/seed/wangji-township-2023.pdf-text.txt → 王集乡人民政府 2023')
    expect(run.stdout).toContain('corpus/real/shanghai-stcsm-dept-2024.pdf-markdown.md: 报告的机关是“上海市科委”')
    expect(run.stdout).toContain('an editor may import only its own agency')
    expect(await agencyNames(h.payload)).toEqual(before)
  }, 120_000)

  it('a supervisor’s key and a wrong key are refused for every file', async () => {
    const supervisor = jsonSummary(await runImportCli(['corpus/seed', '--url', h.url, '--token', SUPERVISOR_KEY, '--json']))
    expect(supervisor).toMatchObject({ imported: 0, updated: 0, failed: 1 })
    expect(supervisor.results[0]).toMatchObject({ httpStatus: 403 })
    const wrong = await runImportCli(['corpus/seed', '--url', h.url, '--token', 'not-a-key'])
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toContain('the CMS did not accept the API key (401)')
    const unreachable = await runImportCli(['corpus/seed', '--url', 'http://127.0.0.1:9', '--token', ADMIN_KEY])
    expect(unreachable.code).toBe(1)
    expect(unreachable.stdout).toContain('cannot reach http://127.0.0.1:9/api/reports/import')
  }, 120_000)
})
