/**
 * Checks on the renderer exactly as it ships (`out/renderer`, written by `electron-vite build`):
 * the CSP meta is strict and agrees with the header `app://` sends, nothing runs inline, and
 * nothing points at a remote origin. `npm test` builds before it runs the tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { extname, join, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from './app-protocol.policy'

const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer')
const INDEX_HTML = join(RENDERER_DIR, 'index.html')

/**
 * Every http(s)/ws(s) URL the built JS and CSS may contain, and why it is never fetched. The scan
 * below fails on any other URL: a remote load is usually assembled at run time from a base URL,
 * so looking only for `fetch('https://…')` shapes would miss it, while an allowlist of inert
 * references catches every new URL and costs one reviewed line when a dependency adds one.
 */
const INERT_URLS: readonly { prefix: string; why: string }[] = [
  { prefix: 'http://www.w3.org/', why: 'XML namespace names React DOM passes to createElementNS; never fetched' },
  { prefix: 'https://react.dev/errors/', why: "React's error-decoder link, only ever text inside an error message" },
  { prefix: 'https://json-schema.org/', why: "zod's JSON Schema dialect ids ($schema values in toJSONSchema output); never fetched" },
  { prefix: 'http://json-schema.org/', why: "zod's older JSON Schema dialect ids; never fetched" },
  { prefix: 'http://[${', why: "zod's template for printing an IPv6 URL host in a message; not a URL the app loads" },
  // recharts' state libraries, in the dashboard's own chunk: links printed inside their minified error messages.
  { prefix: 'https://redux.js.org/Errors?code=', why: "Redux's error-decoder link, only ever text inside an error message" },
  {
    prefix: 'https://redux-toolkit.js.org/Errors?code=',
    why: "Redux Toolkit's error-decoder link, only ever text inside an error message",
  },
  { prefix: 'https://bit.ly/3cXEKWf', why: "Immer's error-decoder link, only ever text inside an error message" },
  { prefix: 'https://updates.example.com/', why: "the example address in the Updates setting's hint; only text" },
]

/**
 * A scheme with no host at all (`https://`, `http://.`): the update folder's rule names the schemes
 * it takes, in its hint and in its check of what was typed. There is nothing there to load.
 */
const BARE_SCHEME = /^(?:https?|wss?):\/\/[.,;:!?।]*$/i

function readBuild(): { html: string; assets: { file: string; text: string }[] } {
  if (!existsSync(INDEX_HTML)) {
    throw new Error(`No built renderer at ${INDEX_HTML}: run \`npm run build\` (npm test does it first).`)
  }
  const assets = readdirSync(RENDERER_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => ['.js', '.mjs', '.css'].includes(extname(file)))
    .map((file) => ({ file, text: readFileSync(join(RENDERER_DIR, file), 'utf8') }))
  return { html: readFileSync(INDEX_HTML, 'utf8'), assets }
}

interface Tag {
  name: string
  attrs: Map<string, string>
  /** Offset in the document, for ordering checks. */
  at: number
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10)
      return String.fromCodePoint(code)
    }
    return ENTITIES[entity.toLowerCase()] ?? whole
  })
}

/** Opening tags with their attributes. Enough for Vite's output, which is plain, well-formed HTML. */
function parseTags(html: string): Tag[] {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length))
  const tags: Tag[] = []
  for (const match of withoutComments.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    const attrs = new Map<string, string>()
    for (const attr of (match[2] ?? '').matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs.set(attr[1]!.toLowerCase(), decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? ''))
    }
    tags.push({ name: match[1]!.toLowerCase(), attrs, at: match.index })
  }
  return tags
}

/** `name → sources`, in order; names lower-cased as browsers compare them. */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (!name) continue
    expect(directives.has(name.toLowerCase()), `directive ${name} appears twice (browsers ignore the second)`).toBe(false)
    directives.set(name.toLowerCase(), sources)
  }
  return directives
}

function cspMetas(tags: Tag[]): Tag[] {
  return tags.filter((tag) => tag.name === 'meta' && tag.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy')
}

describe('the built index.html', () => {
  it('carries one strict CSP meta ahead of every script, style and link', () => {
    const { html } = readBuild()
    const tags = parseTags(html)
    const metas = cspMetas(tags)
    expect(metas).toHaveLength(1)
    const meta = metas[0]!
    // A meta policy only governs what the parser meets after it.
    const firstLoad = tags.find((tag) => ['script', 'link', 'style', 'base'].includes(tag.name))
    expect(firstLoad === undefined || meta.at < firstLoad.at, 'the CSP meta must come before the first script/link/style').toBe(true)

    const policy = meta.attrs.get('content') ?? ''
    const directives = parseCsp(policy)
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic|'nonce-|'sha\d+-/)
    // No remote origin anywhere: no http(s)/ws(s) source, no wildcard, no bare host.
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(["'self'", "'none'", 'data:'], `${name} allows ${source}`).toContain(source)
      }
    }
  })

  it('runs no inline script: every <script> has a local src and no body', () => {
    const { html } = readBuild()
    const scripts = [...html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    expect(scripts.length, 'the app needs its entry script').toBeGreaterThan(0)
    for (const [whole, attrs = '', body = ''] of scripts) {
      expect(body.trim(), `inline script body in ${whole.slice(0, 120)}`).toBe('')
      expect(attrs, `script without src: ${whole.slice(0, 120)}`).toMatch(/\ssrc\s*=/i)
    }
  })

  it('has no inline event handlers, inline styles or javascript: URLs', () => {
    const { html } = readBuild()
    const tags = parseTags(html)
    expect(tags.length).toBeGreaterThan(5)
    const offences: string[] = []
    for (const tag of tags) {
      if (tag.name === 'style') offences.push('<style> element (style-src has no unsafe-inline)')
      for (const [name, value] of tag.attrs) {
        if (/^on/.test(name)) offences.push(`<${tag.name} ${name}> inline event handler`)
        if (name === 'style') offences.push(`<${tag.name} style> inline style`)
        if (/^\s*javascript:/i.test(value)) offences.push(`<${tag.name} ${name}="${value}">`)
      }
    }
    expect(offences).toEqual([])
  })

  it('loads only files that ship next to it, by relative URL', () => {
    const { html } = readBuild()
    const references = parseTags(html).flatMap((tag) =>
      ['src', 'href', 'srcset', 'poster', 'data', 'action', 'formaction']
        .filter((name) => tag.attrs.has(name))
        .map((name) => ({ tag: tag.name, name, url: tag.attrs.get(name)! })),
    )
    expect(references.map((reference) => reference.tag)).toEqual(expect.arrayContaining(['script', 'link']))
    for (const { tag, name, url } of references) {
      // No scheme and no `//host`: the URL resolves against app://pos/ (or the harness) only.
      expect(url, `<${tag} ${name}> is not a relative URL`).not.toMatch(/^\s*([a-z][a-z0-9+.-]*:|\/\/)/i)
      const file = resolve(RENDERER_DIR, url.split(/[?#]/)[0]!)
      expect(file.startsWith(RENDERER_DIR + sep) && existsSync(file), `<${tag} ${name}="${url}"> is not a built file`).toBe(true)
    }
  })
})

describe('the built JS and CSS', () => {
  it('reference no remote URL except inert, allowlisted ones', () => {
    const { assets } = readBuild()
    expect(
      assets.some(({ file }) => file.endsWith('.js')),
      'the build has a JS bundle',
    ).toBe(true)
    const unexplained: string[] = []
    for (const { file, text } of assets) {
      for (const match of text.matchAll(/\b(?:https?|wss?):\/\/[^\s"'`)\\<>]*/gi)) {
        if (!BARE_SCHEME.test(match[0]) && !INERT_URLS.some(({ prefix }) => match[0].startsWith(prefix))) {
          unexplained.push(`${file}: ${match[0]}`)
        }
      }
    }
    expect(
      unexplained,
      'a remote URL in the bundle: if the app would load it, remove it (no remote content, DESIGN §5); ' +
        'if it is only text, add it to INERT_URLS with the reason',
    ).toEqual([])
  })

  it('switch off zod’s eval probe in the chunk that holds zod, before any schema is built', () => {
    // zod probes for `new Function` the first time a schema is built (a CSP violation under our
    // policy) unless `z.config({ jitless: true })` ran first. That holds when zod lives in the chunk
    // whose first module is zod-jitless.ts: a second page sharing zod would move it to a shared chunk.
    const { assets } = readBuild()
    const withZod = assets.filter(({ file, text }) => file.endsWith('.js') && /\.jitless\|\|typeof navigator/.test(text))
    expect(withZod.map(({ file }) => file)).toHaveLength(1)
    expect(withZod[0]!.text).toMatch(/jitless:!0/)
  })

  it('load nothing remote from CSS and nothing protocol-relative from JS', () => {
    const { assets } = readBuild()
    const offences: string[] = []
    for (const { file, text } of assets) {
      if (file.endsWith('.css')) {
        for (const match of text.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]*)\3/gi)) {
          const url = match[2] ?? match[4] ?? ''
          if (/^\s*([a-z][a-z0-9+.-]*:|\/\/)/i.test(url) && !/^data:/i.test(url)) offences.push(`${file}: ${match[0]}`)
        }
      } else {
        // `fetch('//cdn…')` and friends: the allowlist scan above only sees URLs with a scheme.
        const loader = /\b(?:fetch|import|importScripts|Worker|SharedWorker|WebSocket|EventSource|sendBeacon)\s*\(\s*["'`]\/\/[^"'`]*/g
        for (const match of text.matchAll(loader)) offences.push(`${file}: ${match[0]}`)
      }
    }
    expect(offences).toEqual([])
  })

  it('never evaluates strings as code, which the CSP would block at run time', () => {
    const { assets } = readBuild()
    const offences = assets.flatMap(({ file, text }) =>
      [...text.matchAll(/(?<![\w$])eval\s*\(|\bnew\s+Function\s*\(/g)].map(
        (match) => `${file}: …${text.slice(Math.max(0, match.index - 40), match.index + 40)}…`,
      ),
    )
    expect(offences).toEqual([])
  })
})

describe('the two CSPs', () => {
  it('agree directive by directive, except frame-ancestors, which a meta cannot carry', () => {
    const metaPolicy = cspMetas(parseTags(readBuild().html))[0]?.attrs.get('content')
    expect(metaPolicy, 'the built index.html has no CSP meta').toBeDefined()
    const meta = parseCsp(metaPolicy!)
    const header = parseCsp(CONTENT_SECURITY_POLICY)
    // Browsers ignore frame-ancestors (and report-uri, sandbox) in a meta and log an error.
    expect(header.get('frame-ancestors')).toEqual(["'none'"])
    for (const unsupported of ['frame-ancestors', 'report-uri', 'sandbox']) expect(meta.has(unsupported)).toBe(false)
    header.delete('frame-ancestors')
    const sorted = (policy: Map<string, string[]>) =>
      Object.fromEntries(
        [...policy].map(([name, sources]) => [name, [...sources].sort()]).sort(([a], [b]) => String(a).localeCompare(String(b))),
      )
    expect(sorted(meta)).toEqual(sorted(header))
  })
})
