// Only the version: a default import would put the whole package.json (its scripts and tool list)
// into the shipped main bundle.
import { version } from '../../../package.json'

/** The version this till runs. */
export const RUNNING_VERSION: string = version
