import * as migration_20261125_180322_initial from './20261125_180322_initial'
import * as migration_20261125_190710_import_api_keys_jobs from './20261125_190710_import_api_keys_jobs'

export const migrations = [
  {
    up: migration_20261125_180322_initial.up,
    down: migration_20261125_180322_initial.down,
    name: '20261125_180322_initial',
  },
  {
    up: migration_20261125_190710_import_api_keys_jobs.up,
    down: migration_20261125_190710_import_api_keys_jobs.down,
    name: '20261125_190710_import_api_keys_jobs',
  },
]
