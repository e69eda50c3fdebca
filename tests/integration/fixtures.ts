import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { ROOT } from './harness.ts'

export interface Expected {
  report: Report
  sourceErrors: { rule: string; path: string }[]
}
export type Report = Record<string, unknown> & { edition: string; year: number; agency: string }

export function loadExpected(file: string): Expected {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Expected
}

/** The township sample report: every cell printed, all zero, no rule broken. */
export const SEED = loadExpected('corpus/seed/wangji-township-2023.expected.json').report
/** A real 2019-edition report. */
export const PINGTAN_2019 = loadExpected('corpus/real/pingtan-zone-gov-2019.format2019.expected.json').report
/** A real report whose own arithmetic is wrong (its `sourceErrors` list the rule errors). */
export const SHANGHAI = loadExpected('corpus/real/shanghai-stcsm-dept-2024.expected.json')

export const clone = <T>(value: T): T => structuredClone(value)

export const REPORTS = 'reports' as CollectionSlug
export const AGENCIES = 'agencies' as CollectionSlug
export const USERS = 'users' as CollectionSlug

type Doc = Record<string, unknown> & { id: string | number }

/** Local API calls with loose types: documents here are interchange JSON, checked by the plugin. */
export function api(payload: Payload) {
  const p = payload as unknown as {
    create: (args: Record<string, unknown>) => Promise<Doc>
    update: (args: Record<string, unknown>) => Promise<Doc>
    find: (args: Record<string, unknown>) => Promise<{ docs: Doc[]; totalDocs: number }>
    findByID: (args: Record<string, unknown>) => Promise<Doc>
    delete: (args: Record<string, unknown>) => Promise<Doc>
    count: (args: Record<string, unknown>) => Promise<{ totalDocs: number }>
  }
  return p
}

export interface World {
  agencies: Record<'province' | 'city' | 'county' | 'township' | 'department' | 'otherCity', Doc>
  users: Record<'admin' | 'supervisor' | 'editor' | 'otherEditor', Doc & { email: string }>
}

export const PASSWORD = 'correct-horse-battery-staple'

/**
 * 福建省 ─ 某市 ─ 某县 ─ 王集乡人民政府 (township) and 县政府办公室 (department); 另一市 beside 某市.
 * A supervisor at the county, an editor at the township, an editor at the other city.
 */
export async function buildWorld(payload: Payload): Promise<World> {
  const local = api(payload)
  const agency = (data: Record<string, unknown>) => local.create({ collection: AGENCIES, data })
  const province = await agency({ name: '测试省人民政府', kind: 'government', level: 'province', code: '350000' })
  const city = await agency({ name: '测试市人民政府', kind: 'government', level: 'city', code: '350100', parent: province.id })
  const otherCity = await agency({ name: '另一市人民政府', kind: 'government', level: 'city', code: '350200', parent: province.id })
  const county = await agency({ name: '测试县人民政府', kind: 'government', level: 'county', code: '350121', parent: city.id })
  const township = await agency({ name: SEED.agency, kind: 'government', level: 'township', parent: county.id })
  const department = await agency({ name: '测试县人民政府办公室', kind: 'department', level: 'county', parent: county.id })
  const user = async (email: string, role: string, agencyId?: string | number) =>
    (await local.create({ collection: USERS, data: { email, password: PASSWORD, role, agency: agencyId } })) as Doc & { email: string }
  const admin = await user('admin@example.test', 'admin')
  const supervisor = await user('supervisor@example.test', 'supervisor', county.id)
  const editor = await user('editor@example.test', 'editor', township.id)
  const otherEditor = await user('other-editor@example.test', 'editor', otherCity.id)
  return {
    agencies: { province, city, county, township, department, otherCity },
    users: { admin, supervisor, editor, otherEditor },
  }
}

/** A report body for an agency and year, from a corpus report. */
export function reportFor(base: Report, agencyId: string | number, year: number, extra: Record<string, unknown> = {}): Record<string, any> {
  const { agency: _name, ...rest } = clone(base)
  return { ...rest, year, agency: agencyId, ...extra }
}

/** Minimal HTTP client for the harness server. */
export function http(baseUrl: string) {
  async function call(method: string, url: string, options: { token?: string; body?: unknown; raw?: string } = {}) {
    const headers: Record<string, string> = {}
    if (options.token) headers.Authorization = `JWT ${options.token}`
    if (options.body !== undefined || options.raw !== undefined) headers['Content-Type'] = 'application/json'
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    })
    const text = await response.text()
    let json: any
    try {
      json = JSON.parse(text)
    } catch {
      json = { text }
    }
    return { status: response.status, json }
  }
  return {
    call,
    async login(email: string, password = PASSWORD): Promise<string> {
      const { status, json } = await call('POST', '/api/users/login', { body: { email, password } })
      if (status !== 200) throw new Error(`login ${email}: ${status} ${JSON.stringify(json)}`)
      return json.token as string
    },
  }
}
