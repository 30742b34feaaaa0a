/**
 * zod builds a fast object parser with `new Function` where it may, and probes for that the first
 * time a schema is built. The renderer's CSP forbids eval, so the probe fails (zod then parses
 * without it) but Chromium still reports a CSP violation. Switching the fast path off before any
 * schema exists skips the probe: this module is the first thing main.tsx imports.
 */
import { z } from 'zod'

z.config({ jitless: true })
