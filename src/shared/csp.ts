/**
 * The renderer's Content-Security-Policy, in one place: no inline or eval script, no remote origin,
 * no frames, no plugins. The Electron shell sends it as a header on every app:// response; the
 * build writes it into index.html as a meta tag too (defence in depth, and it also applies where
 * the bundle is served by something else, like the test harness).
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
] as const

export const CSP_HEADER = DIRECTIVES.join('; ')

/** Browsers ignore `frame-ancestors` in a meta tag (and warn), so the meta leaves it out. */
export const CSP_META = DIRECTIVES.filter((directive) => !directive.startsWith('frame-ancestors')).join('; ')
