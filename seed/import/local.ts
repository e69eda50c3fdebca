import type { Payload, PayloadRequest } from 'payload'
import { DEFAULT_SLUGS, relationId } from '../../collections/index.ts'
import type { ID, XxgkSlugs } from '../../collections/index.ts'
import { blankTotals } from '@xxgk/schema'
import type { Issue } from '@xxgk/schema'
import type { PreviousReport } from '../read/facts.ts'
import type { Ambiguity, ParseResult } from '../types.ts'
import { guessAgency } from './agency.ts'
import { refusalFromError } from './refusal.ts'
import { ImportRefusal } from './types.ts'
import type { ImportedAgency, ImportedFile } from './types.ts'

type Json = Record<string, unknown>

/** The account an import runs as: its role and agency decide what it may store. */
export interface ImportUser {
  id: ID
  collection?: string
  role?: unknown
  agency?: unknown
  [key: string]: unknown
}

export interface ImportAccess {
  /**
   * The user the import runs as, with that user's access; absent for a trusted import (the
   * CLI on the app's own database, seeding), which may create agencies and write any report.
   */
  user?: ImportUser | null
  slugs?: Partial<XxgkSlugs>
  /**
   * The caller owns the database connection (a CLI process, nothing else writing through it):
   * on SQLite each file is then stored inside one `BEGIN IMMEDIATE` transaction, so a process
   * killed mid-file leaves nothing of it, and two processes importing into one file take turns
   * per file instead of interleaving their lookups and writes. Never set inside a server, whose
   * requests share the connection.
   */
  ownsConnection?: boolean
}

const LOGIN_REQUIRED = new ImportRefusal(401, { zh: '请先登录', en: 'You must be logged in' })

/**
 * Who may import: an administrator (any agency, creating agencies it does not know) and an
 * editor (its own agency's reports only). A supervisor reads reports and never writes them.
 * Throws the refusal; called before a file is even read.
 */
export function checkImportRole(user: ImportUser | null | undefined, slugs: XxgkSlugs = DEFAULT_SLUGS): 'admin' | 'editor' {
  if (!user) throw LOGIN_REQUIRED
  const role = user.collection && user.collection !== slugs.users ? null : user.role
  if (role === 'admin') return 'admin'
  if (role === 'editor') {
    if (relationId(user.agency) === null) {
      throw new ImportRefusal(403, {
        zh: '填报员账号未关联机关，不能导入报告；请管理员为账号设置“所属机关”',
        en: 'this editor account belongs to no agency and cannot import reports; an administrator must set its agency',
      })
    }
    return 'editor'
  }
  if (role === 'supervisor') {
    throw new ImportRefusal(403, {
      zh: '监督员只能查看报告，不能导入报告',
      en: 'a supervisor reads reports and cannot import them',
    })
  }
  throw new ImportRefusal(403, { zh: '账号没有角色，不能导入报告', en: 'this account has no role and cannot import reports' })
}

const DATE_ONLY = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/

/**
 * The source's publication date as an ISO timestamp. Government sites print Beijing time
 * without a zone (`2025-03-10 15:35`), so a zoneless date is read as UTC+8.
 */
export function publicationDate(value: string | undefined): string | undefined {
  if (!value) return undefined
  const m = DATE_ONLY.exec(value.trim())
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = m
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s))
    const date = new Date(utc)
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
  }
  const parsed = new Date(value)
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString()
}

interface AgencyDoc {
  id: ID
  name: string
  kind?: string | null
  level?: string | null
}

interface AgencyPlan {
  existing: AgencyDoc | null
  name: string
  guess: ReturnType<typeof guessAgency> | null
}

/** The agencies of an exact name, two at most (enough to tell one from several). */
async function agenciesNamed(payload: Payload, slugs: XxgkSlugs, name: string, req?: PayloadRequest): Promise<AgencyDoc[]> {
  const { docs } = await payload.find({
    collection: slugs.agencies,
    where: { name: { equals: name } },
    limit: 2,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    ...(req && { req }),
  })
  return docs as unknown as AgencyDoc[]
}

async function planAgency(
  payload: Payload,
  req: PayloadRequest,
  slugs: XxgkSlugs,
  name: string,
  user: ImportUser | null,
  role: 'admin' | 'editor' | null,
): Promise<AgencyPlan> {
  if (role === 'editor') {
    const ownId = relationId(user!.agency)!
    const own = (await payload.findByID({
      collection: slugs.agencies,
      id: ownId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })) as AgencyDoc | null
    if (!own) throw new ImportRefusal(403, { zh: '填报员账号所属的机关不存在', en: "the editor account's agency does not exist" })
    if (own.name.trim() !== name) {
      throw new ImportRefusal(403, {
        zh: `报告的机关是“${name}”，而您的账号属于“${own.name}”：填报员只能导入本机关的报告`,
        en: `the report is by “${name}” but your account belongs to “${own.name}”: an editor may import only its own agency's reports`,
      })
    }
    return { existing: own, name, guess: null }
  }
  const docs = await agenciesNamed(payload, slugs, name, req)
  if (docs.length > 1) {
    throw new ImportRefusal(409, {
      zh: `有多个机关名为“${name}”，无法确定报告属于哪一个；请先合并或改名`,
      en: `several agencies are named “${name}”, so the report's agency is unclear; merge or rename them first`,
    })
  }
  const existing = docs[0] ?? null
  return { existing, name, guess: existing ? null : guessAgency(name) }
}

async function findReport(payload: Payload, req: PayloadRequest, slugs: XxgkSlugs, agency: ID, year: number): Promise<Json | null> {
  const { docs } = await payload.find({
    collection: slugs.reports,
    where: { and: [{ agency: { equals: agency } }, { year: { equals: year } }] },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return (docs[0] as Json | undefined) ?? null
}

/**
 * The parser's ambiguities, and a note on every total the source leaves blank: the plugin fills
 * such a total on save with the sum of its row or column, a figure the source does not print,
 * so the draft says so rather than presenting it as read.
 */
export function storedAmbiguities(parsed: ParseResult): Ambiguity[] {
  const noted = new Set(parsed.ambiguities.map((a) => a.path))
  const filled = blankTotals(parsed.report)
    .filter((f) => !noted.has(f.path))
    .map((f): Ambiguity => ({
      path: f.path,
      candidates: [null, f.value],
      chosen: f.value,
      reason: {
        zh: `来源中此合计单元格为空；保存时按相关单元格计算填入 ${f.value}，并非来源所印`,
        en: `this total is blank in the source; ${f.value} was filled in on save from the cells it sums, not printed in the source`,
      },
    }))
  return [...parsed.ambiguities, ...filled]
}

/** The draft's data: the parsed report, its agency by id, its ambiguities; narrative sections replaced whole. */
function draftData(parsed: ParseResult, agency: ID, ambiguities: Ambiguity[]): Json {
  const { agency: _name, text, ...report } = parsed.report as unknown as Json & { text?: Record<string, string | undefined> }
  const publishedAt = publicationDate(parsed.source.publishedAt)
  return {
    ...report,
    agency,
    text: { overview: text?.overview ?? null, problems: text?.problems ?? null, other: text?.other ?? null },
    ambiguities,
    sources: parsed.sources ?? {},
    ...(publishedAt && { publishedAt }),
    _status: 'draft',
  }
}

/**
 * Without a database transaction (Payload's SQLite adapter runs without one by default), what a
 * failed import wrote is removed again: the report and the agency this attempt created, never
 * one that another import created meanwhile (that one is found and updated on the next attempt).
 */
async function undo(payload: Payload, slugs: XxgkSlugs, written: { agency: ID | null; createdAgency: boolean; createdReport: ID | null }) {
  if (written.createdReport !== null)
    await payload.delete({ collection: slugs.reports, id: written.createdReport, overrideAccess: true }).catch(() => undefined)
  if (written.createdAgency && written.agency !== null)
    await payload.delete({ collection: slugs.agencies, id: written.agency, overrideAccess: true }).catch(() => undefined)
}

/**
 * Stores one parsed report as a draft through the Local API (the plugin's hooks check it and
 * store its issues): the agency found by its exact name or created, the report of that agency
 * and year updated (a new draft version; a published version stays published) or created.
 * Never publishes. Runs in a transaction where the database adapter has one, and undoes its
 * writes where it has not, so a file that fails leaves nothing behind. Throws ImportRefusal
 * for anything the user or the data is refused for.
 */
export async function storeParsed(payload: Payload, file: string, parsed: ParseResult, access: ImportAccess = {}): Promise<ImportedFile> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await storeOnce(payload, file, parsed, access)
    } catch (error) {
      // another import created the same agency or report meanwhile (the database refused the
      // second copy): this file's writes were undone; plan again, now finding theirs. Another
      // process holding SQLite's write lock (SQLITE_BUSY) is waited for the same way.
      const clash = isUniqueClash(error)
      if ((!clash && !isBusy(error)) || attempt >= (clash ? 2 : 40)) throw error
      await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 100 * Math.min(attempt + 1, 5)))
    }
  }
}

/** SQLite's write lock held by another connection or process: worth waiting for. */
function isBusy(error: unknown): boolean {
  for (let e = error as { message?: unknown; cause?: unknown; code?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === 'SQLITE_BUSY' || (typeof e.message === 'string' && /SQLITE_BUSY|database is locked/.test(e.message))) return true
  }
  return false
}

const CLASH = Symbol('xxgk:uniqueClash')

/** The database's unique index on agencies (identity) or reports (agency, year) refused a write. */
function isUniqueClash(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { [CLASH]?: boolean })[CLASH] === true
}

function uniqueViolation(error: unknown): boolean {
  const errors = (error as { status?: unknown; data?: { errors?: { path?: unknown; message?: unknown }[] } } | null)?.data?.errors
  if ((error as { status?: unknown } | null)?.status !== 400 || !Array.isArray(errors)) return false
  return errors.some((e) => e.path === 'identity' || e.path === 'agency' || e.path === 'agency_id' || e.path === 'year')
}

type SqlClient = { execute: (sql: string) => Promise<unknown> }

/** The SQLite connection of a process that owns it, for a per-file transaction; null elsewhere. */
function ownedSqlite(payload: Payload, access: ImportAccess): SqlClient | null {
  if (!access.ownsConnection || payload.db.name !== 'sqlite') return null
  const db = payload.db as unknown as { client?: Partial<SqlClient>; transactionOptions?: unknown }
  // an adapter with its own transactions (transactionOptions) runs them through initTransaction
  if (db.transactionOptions || typeof db.client?.execute !== 'function') return null
  return db.client as SqlClient
}

async function storeOnce(payload: Payload, file: string, parsed: ParseResult, access: ImportAccess): Promise<ImportedFile> {
  const sqlite = ownedSqlite(payload, access)
  if (!sqlite) return storeInside(payload, file, parsed, access)
  // the write lock is taken before the lookups, so another process cannot create the same
  // agency or report between this file's lookup and its write
  await sqlite.execute('BEGIN IMMEDIATE')
  try {
    const stored = await storeInside(payload, file, parsed, access, true)
    await sqlite.execute('COMMIT')
    return stored
  } catch (error) {
    await sqlite.execute('ROLLBACK').catch(() => undefined)
    throw error
  }
}

async function storeInside(payload: Payload, file: string, parsed: ParseResult, access: ImportAccess, inTransaction = false): Promise<ImportedFile> {
  const slugs: XxgkSlugs = { ...DEFAULT_SLUGS, ...access.slugs }
  const trusted = access.user === undefined
  const user = access.user ?? null
  const role = trusted ? null : checkImportRole(user, slugs)
  // loaded here, not at the top: the REST store shares this module's index and runs without payload installed
  const { commitTransaction, createLocalReq, initTransaction, killTransaction } = await import('payload')
  const req = await createLocalReq({ user: user ? ({ collection: slugs.users, ...user } as never) : undefined, context: {} }, payload)
  const year = parsed.report.year
  const plan = await planAgency(payload, req, slugs, parsed.report.agency.trim(), user, role)
  const existingReport = plan.existing ? await findReport(payload, req, slugs, plan.existing.id, year) : null
  const operationAccess = { overrideAccess: trusted, req }

  const began = inTransaction ? false : await initTransaction(req)
  const written: { agency: ID | null; createdAgency: boolean; createdReport: ID | null } = {
    agency: plan.existing?.id ?? null,
    createdAgency: false,
    createdReport: null,
  }
  try {
    let agency = plan.existing
    if (!agency) {
      agency = (await payload.create({
        collection: slugs.agencies,
        data: { name: plan.name, ...(plan.guess?.kind && { kind: plan.guess.kind }), ...(plan.guess?.level && { level: plan.guess.level }) },
        depth: 0,
        ...operationAccess,
      })) as unknown as AgencyDoc
      written.agency = agency.id
      written.createdAgency = true
    }
    const ambiguities = storedAmbiguities(parsed)
    const data = draftData(parsed, agency.id, ambiguities)
    const doc = (existingReport
      ? await payload.update({ collection: slugs.reports, id: existingReport.id as ID, data, draft: true, depth: 0, ...operationAccess })
      : await payload.create({ collection: slugs.reports, data, draft: true, depth: 0, ...operationAccess })) as unknown as Json
    if (!existingReport) written.createdReport = doc.id as ID
    if (began) await commitTransaction(req)
    const imported: ImportedAgency = {
      id: agency.id,
      name: agency.name,
      created: written.createdAgency,
      kind: agency.kind ?? null,
      level: agency.level ?? null,
      ...(written.createdAgency && plan.guess && { guess: plan.guess.note }),
    }
    return {
      file,
      status: existingReport ? 'updated' : 'imported',
      doc: {
        id: doc.id as ID,
        title: (doc.title as string | undefined) ?? null,
        year: doc.year as number,
        edition: doc.edition as string,
        _status: doc._status === 'published' ? 'published' : 'draft',
        errorCount: (doc.errorCount as number | undefined) ?? 0,
        warningCount: (doc.warningCount as number | undefined) ?? 0,
      },
      publishedVersionKept: existingReport?._status === 'published',
      agency: imported,
      issues: (doc.issues as Issue[] | undefined) ?? [],
      ambiguities,
      source: parsed.source,
    }
  } catch (error) {
    if (began) await killTransaction(req)
    else if (!inTransaction) await undo(payload, slugs, written)
    const refusal = refusalFromError(error) ?? error
    if (uniqueViolation(error) && typeof refusal === 'object' && refusal !== null) Object.defineProperty(refusal, CLASH, { value: true })
    throw refusal
  }
}

/**
 * The report of the parsed report's agency (its exact name, or an editor's own agency) for the
 * year before, newest version: what the parser may use to settle table 2. Null when there is none.
 */
export async function previousReportFor(payload: Payload, parsed: ParseResult, access: ImportAccess = {}): Promise<PreviousReport | null> {
  const slugs: XxgkSlugs = { ...DEFAULT_SLUGS, ...access.slugs }
  const name = parsed.report.agency?.trim()
  const year = parsed.report.year
  if (!name || typeof year !== 'number') return null
  const agencies = await agenciesNamed(payload, slugs, name)
  if (agencies.length !== 1) return null
  const agency = agencies[0]!.id
  const own = access.user ? relationId(access.user.agency) : null
  if (access.user && access.user.role !== 'admin' && String(own) !== String(agency)) return null
  const { docs } = await payload.find({
    collection: slugs.reports,
    where: { and: [{ agency: { equals: agency } }, { year: { equals: year - 1 } }] },
    draft: true,
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const doc = docs[0] as unknown as Json | undefined
  if (!doc || typeof doc.edition !== 'string') return null
  return { edition: doc.edition, year: Number(doc.year), proactive: doc.proactive as PreviousReport['proactive'] }
}

/** The Local API as a report store for runImport. */
export function localStore(payload: Payload, access: ImportAccess = {}) {
  return {
    store: ({ file, parsed }: { file: string; parsed: ParseResult }) => storeParsed(payload, file, parsed, access),
    previous: (parsed: ParseResult) => previousReportFor(payload, parsed, access),
  }
}
