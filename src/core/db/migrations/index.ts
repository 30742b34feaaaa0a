import { Migration0001Initial } from './migration-0001-initial'

/**
 * Every migration, in order, with a stable name: the bundled app has no folder to scan and a
 * minifier may rename classes. Append only; never edit or reorder a released entry.
 */
export const MIGRATIONS = [{ name: '0001-initial', class: Migration0001Initial }]
