import * as migration_20261125_180317_initial from './20261125_180317_initial'
import * as migration_20261125_190703_import_api_keys_jobs from './20261125_190703_import_api_keys_jobs'
import * as migration_20261201_222154_users_role_optional from './20261201_222154_users_role_optional'
import * as migration_20261201_225935_sources_review_identity from './20261201_225935_sources_review_identity'

export const migrations = [
  {
    up: migration_20261125_180317_initial.up,
    down: migration_20261125_180317_initial.down,
    name: '20261125_180317_initial',
  },
  {
    up: migration_20261125_190703_import_api_keys_jobs.up,
    down: migration_20261125_190703_import_api_keys_jobs.down,
    name: '20261125_190703_import_api_keys_jobs',
  },
  {
    up: migration_20261201_222154_users_role_optional.up,
    down: migration_20261201_222154_users_role_optional.down,
    name: '20261201_222154_users_role_optional',
  },
  {
    up: migration_20261201_225935_sources_review_identity.up,
    down: migration_20261201_225935_sources_review_identity.down,
    name: '20261201_225935_sources_review_identity',
  },
]
