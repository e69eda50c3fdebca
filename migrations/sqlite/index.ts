import * as migration_20261125_180317_initial from './20261125_180317_initial';

export const migrations = [
  {
    up: migration_20261125_180317_initial.up,
    down: migration_20261125_180317_initial.down,
    name: '20261125_180317_initial'
  },
];
