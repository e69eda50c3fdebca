import type { CollectionConfig, Config, Field, PayloadComponent, Plugin, RichTextField } from 'payload'
import { agenciesCollection, DEFAULT_SLUGS, extendUsersCollection, reportsCollection, usersCollection } from '../collections/index.ts'
import type { Role, XxgkSlugs } from '../collections/index.ts'
import { roleOf } from '../collections/access.ts'
import { ADMIN_COMPONENTS, slugProps, withAdminViews, withReportAdmin } from './admin/config.ts'
import type { AdminOptions } from './admin/config.ts'
import { reportEndpoints } from './endpoints/index.ts'
import { keepErrorDetails } from './errors.ts'
import { importTask } from './jobs/importTask.ts'
import { reportHooks } from './hooks.ts'
import { reviewBeforeChange } from './review/hooks.ts'
import { publicReads } from './public.ts'
import { reportListCache } from './list-cache.ts'
import { bodyFaultsAreClientErrors, requestGuard } from './guard.ts'
import type { AfterErrorHook } from 'payload'
import { followDraftAgency } from './move.ts'
import { lockCheckInTransaction, restrictLockReads, withReadOnlyLocks } from './locks.ts'
import type { ListCacheOptions } from './list-cache.ts'
import { toSnakeCase } from './stats.ts'

/** Changes to one of the plugin's collections; `fields` receives the plugin's fields. */
export type CollectionOverride = Partial<Omit<CollectionConfig, 'fields' | 'slug'>> & {
  fields?: (args: { defaultFields: Field[] }) => Field[]
}

export interface XxgkPluginOptions {
  /**
   * `false` keeps the collections (so the database schema stays the same) but drops the
   * validation hooks, the endpoints and the admin components. Default `true`.
   */
  enabled?: boolean
  /**
   * The role of users that have none yet: a host project's existing users after the migration
   * that adds `role`. They act with it until an administrator gives them a role.
   * @default 'admin'
   */
  usersWithoutRole?: Role
  /** Collection slugs; default `agencies`, `reports`, `users`. */
  slugs?: Partial<XxgkSlugs>
  overrides?: { agencies?: CollectionOverride; reports?: CollectionOverride; users?: CollectionOverride }
  admin?: AdminOptions & {
    /**
     * The Field component of each statistical table group (receives `clientProps.table`);
     * default the grid editor `xxgk/client#TableGridField`, `false` for Payload's number fields.
     */
    tableField?: PayloadComponent | false
    /**
     * The 校验 / Validation tab's component (on the stored `issues` field); default the live
     * `xxgk/client#ValidationView`, `false` for raw JSON.
     */
    issuesField?: PayloadComponent | false
    /** The component showing import ambiguities; default `xxgk/client#AmbiguitiesField`, `false` for raw JSON. */
    ambiguitiesField?: PayloadComponent | false
  }
  /** Rich-text editor of the narrative sections; default: the config's `editor` (Lexical). */
  editor?: RichTextField['editor']
  /**
   * Reuse answers of `GET /api/reports` (the REST list) per access scope and query until a
   * report, agency or user is written through this process, or `ttlMs` passes. Off by default:
   * meant for a single server process (the CMS host app turns it on).
   */
  listCache?: ListCacheOptions | boolean
  /**
   * The supervisor's review: reports go draft → submitted → returned | approved → published
   * (`reviewStatus`, with `reviewHistory` and `reviewComments`), through `POST /api/<reports>/:id/submit`
   * (the report's editor; refused while any rule error remains), `/:id/return` `{ comment, path? }`
   * and `/:id/approve` (a supervisor of a parent agency). Publishing then needs `approved`
   * (admins may publish directly) and any edit after approval sends the report back to draft.
   * The review fields exist either way, so turning this on or off changes no database schema.
   * @default false
   */
  review?: boolean
}

export const ISSUES_FIELD_COMPONENT = ADMIN_COMPONENTS.validation
export const AMBIGUITIES_FIELD_COMPONENT = 'xxgk/client#AmbiguitiesField'

/** One afterError hook: unparsable bodies become 400s (plugin/guard.ts), then 4xx details are kept. */
const clientErrors =
  (keep: AfterErrorHook): AfterErrorHook =>
  (args) =>
    bodyFaultsAreClientErrors(args) ?? keep(args)

function guarded(collection: CollectionConfig, options: { enabled: boolean; unknownKeys: boolean }): CollectionConfig {
  if (!options.enabled) return collection
  const first = [requestGuard(options), lockCheckInTransaction()]
  return { ...collection, hooks: { ...collection.hooks, beforeOperation: [...first, ...(collection.hooks?.beforeOperation ?? [])] } }
}

function applyOverride(base: CollectionConfig, override: CollectionOverride | undefined): CollectionConfig {
  if (!override) return base
  const { fields, admin, access, hooks, endpoints, ...rest } = override
  const mergedHooks: CollectionConfig['hooks'] = { ...base.hooks }
  for (const [name, list] of Object.entries(hooks ?? {})) {
    const key = name as keyof NonNullable<CollectionConfig['hooks']>
    ;(mergedHooks as Record<string, unknown[]>)[key] = [...((base.hooks?.[key] as unknown[]) ?? []), ...((list as unknown[]) ?? [])]
  }
  return {
    ...base,
    ...rest,
    admin: { ...base.admin, ...admin },
    access: { ...base.access, ...access },
    hooks: mergedHooks,
    endpoints: endpoints === false ? false : [...(base.endpoints || []), ...(endpoints || [])],
    fields: fields ? fields({ defaultFields: base.fields }) : base.fields,
  }
}

/**
 * 政府信息公开工作年度报告 for Payload: agencies, reports (tables generated from the edition
 * data, validated by the rules engine on every write) and users with roles.
 *
 * ```ts
 * plugins: [xxgkPlugin()]
 * ```
 */
export function xxgkPlugin(options: XxgkPluginOptions = {}): Plugin {
  return (incoming: Config): Config => {
    const slugs: XxgkSlugs = { ...DEFAULT_SLUGS, ...options.slugs }
    const enabled = options.enabled !== false
    const review = options.review === true

    let reports = reportsCollection({
      slugs,
      editor: options.editor,
      ...(enabled &&
        options.admin?.tableField !== false && {
          tableField: options.admin?.tableField ?? { path: ADMIN_COMPONENTS.tableGrid, clientProps: slugProps(slugs) },
        }),
      ...(enabled &&
        options.admin?.issuesField !== false && {
          issuesField: options.admin?.issuesField ?? { path: ISSUES_FIELD_COMPONENT, clientProps: slugProps(slugs) },
        }),
      ...(enabled && options.admin?.ambiguitiesField !== false && { ambiguitiesField: options.admin?.ambiguitiesField ?? AMBIGUITIES_FIELD_COMPONENT }),
      ...(enabled && { compareField: { path: ADMIN_COMPONENTS.compareView, clientProps: slugProps(slugs) } }),
      ...(enabled && review && { reviewPanel: { path: ADMIN_COMPONENTS.reviewPanel, clientProps: slugProps(slugs) } }),
    })
    const cache = enabled && options.listCache ? reportListCache(slugs, options.listCache === true ? {} : options.listCache) : null
    if (enabled) {
      const hooks = reportHooks(slugs)
      reports = {
        ...reports,
        hooks: {
          beforeOperation: [hooks.beforeOperation, publicReads(slugs)],
          beforeChange: [hooks.beforeChange, ...(review ? [reviewBeforeChange(slugs)] : [])],
          afterChange: [followDraftAgency(slugs)],
          afterRead: [hooks.afterRead],
        },
        endpoints: [...reportEndpoints(slugs, { review }), ...(cache ? [cache.endpoint] : [])],
      }
      reports = withReportAdmin(reports, slugs, options.admin)
    }

    const others = (incoming.collections ?? []).filter((c) => c.slug !== slugs.users)
    const existingUsers = (incoming.collections ?? []).find((c) => c.slug === slugs.users)
    const usersOptions = { usersWithoutRole: options.usersWithoutRole }
    let users = existingUsers ? extendUsersCollection(existingUsers, slugs, usersOptions) : usersCollection(slugs, usersOptions)
    let agencies = agenciesCollection(slugs)
    if (cache) {
      const clearing = (collection: CollectionConfig): CollectionConfig => ({
        ...collection,
        hooks: {
          ...collection.hooks,
          afterChange: [...(collection.hooks?.afterChange ?? []), cache.afterChange],
          afterDelete: [...(collection.hooks?.afterDelete ?? []), cache.afterDelete],
        },
      })
      reports = clearing(reports)
      agencies = clearing(agencies)
      users = clearing(users)
    }

    let config: Config = {
      ...incoming,
      admin: { ...incoming.admin, user: incoming.admin?.user ?? slugs.users },
      collections: [
        ...others,
        // first of all: the request's shape (plugin/guard.ts), then the lock check inside the
        // request's transaction (plugin/locks.ts: the PostgreSQL pool never deadlocks)
        guarded(applyOverride(agencies, options.overrides?.agencies), { enabled, unknownKeys: true }),
        guarded(applyOverride(reports, options.overrides?.reports), { enabled, unknownKeys: true }),
        guarded(applyOverride(users, options.overrides?.users), { enabled, unknownKeys: false }),
      ],
      onInit: async (payload) => {
        await incoming.onInit?.(payload)
        await restrictLockReads(slugs)(payload)
      },
    }
    // refusals are expected answers, not faults: logged at info whatever a bundler named the classes
    config.loggingLevels = {
      ValidationError: 'info',
      NotFound: 'info',
      Forbidden: 'info',
      Locked: 'info',
      ...({ PayloadTooLarge: 'info' } as Config['loggingLevels']),
      ...incoming.loggingLevels,
    }
    // the import's batch job (plugin/jobs/importTask.ts); registered even when disabled, so the schema stays the same
    config.jobs = {
      ...incoming.jobs,
      // running, queueing and cancelling jobs over REST (`/api/payload-jobs/run` …): administrators only;
      // the import endpoint queues and starts its own job through the Local API
      access: {
        run: ({ req }) => roleOf(req, slugs) === 'admin',
        queue: ({ req }) => roleOf(req, slugs) === 'admin',
        cancel: ({ req }) => roleOf(req, slugs) === 'admin',
        ...incoming.jobs?.access,
      },
      tasks: [...(incoming.jobs?.tasks ?? []), importTask(slugs)],
    }
    if (enabled) {
      config = withAdminViews(config, slugs, options.admin)
      config = withReadOnlyLocks(config, slugs)
      config.hooks = {
        ...incoming.hooks,
        afterError: [...(incoming.hooks?.afterError ?? []), clientErrors(keepErrorDetails(toSnakeCase(slugs.reports)))],
      }
    }
    return config
  }
}

export type { XxgkSlugs } from '../collections/index.ts'
export { DEFAULT_SLUGS, ROLES, AGENCY_KINDS, AGENCY_LEVELS } from '../collections/index.ts'
export type { Role } from '../collections/index.ts'
export { reportToInterchange, stripOtherEdition } from './interchange.ts'
export { lexicalToPlainText, plainTextToLexical } from './richtext.ts'
export { assessReport } from './assess.ts'
export { reportStats } from './stats.ts'
export type { Stats, StatsFilter } from './stats.ts'
export { bilingual } from './errors.ts'
export type { ListCacheOptions } from './list-cache.ts'
export { REVIEW_STATES, REVIEW_STATE_LABELS, openComments } from '../collections/reports/review.ts'
export type { ReviewState, ReviewComment, ReviewHistoryEntry } from '../collections/reports/review.ts'
export { compareReport } from './endpoints/compare.ts'
