/**
 * Hostile input (issue 3, point 4). Every channel of the contract — iterated, so channels added
 * later are covered without touching this file — gets junk signed out, as a cashier and as a
 * manager: wrong types, 1 MB strings, awkward unicode, prototype-pollution keys, 10 000-deep
 * nesting, odd numbers, extra keys, and fast-check's generated values. Every reply must be a
 * well-formed refusal (never INTERNAL, never a throw), short and without a stack trace; junk the
 * contract rejects changes no row of any table; input that happens to be valid makes only its
 * expected change; `Object.prototype` stays clean. Search text full of LIKE/FTS syntax never errors.
 *
 * TILLWISE_HOSTILE_RUNS (default 1000) sets the fast-check runs per session.
 */
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { z } from 'zod'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS, contract, type Channel } from '#shared/ipc/contract'
import type { ChannelPermission } from '#shared/ipc/permissions'
import { roleHas } from '#core/api/policy'
import { isErrorCode, type IpcResult } from '#shared/ipc/errors'
import type { BackendClient } from '#core/backend'
import { FIXED_NOW, ok, openTestStore, readState, signedInClient, type StoreState, type TestStore } from '#core/testing/test-store'

const HOSTILE_RUNS = (() => {
  const text = process.env['TILLWISE_HOSTILE_RUNS']
  const value = text ? Number(text) : 1_000
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`TILLWISE_HOSTILE_RUNS must be a positive integer, got '${text}'`)
  return value
})()

// ---------------------------------------------------------------------------------------------
// The junk
// ---------------------------------------------------------------------------------------------

const HUGE = 'x'.repeat(1024 * 1024)

/** Strings that have broken text handling somewhere: bidi, invisible, broken UTF-16, NUL, SQL. */
const NASTY_STRINGS: Record<string, string> = {
  empty: '',
  spaces: '   ',
  'RTL override': '\u202Eevil\u202C',
  Arabic: 'مرحبا بالعالم',
  'zero-width': 'a\u200B\u200C\u200D\u2060\uFEFFb',
  'lone high surrogate': '\uD800',
  'lone low surrogate': 'x\uDC00y',
  'reversed surrogates': '\uDC00\uD800',
  'NUL inside': 'a\u0000b',
  'NUL alone': '\u0000',
  'control chars': '\u0001\u001b[31m\u007f',
  'line separators': 'a\r\nb\u2028c\u2029',
  'combining marks': 'e\u0301\u0301\u0301\u0301',
  'emoji family': '👩‍👩‍👧‍👦',
  'full-width digits': '１２３',
  'Arabic-Indic digits': '١٢٣',
  'non-characters': '\uFFFF\uFFFE',
  'SQL quote': "x' or '1'='1",
  'SQL statement': '1; drop table product; --',
  'LIKE metacharacters': '%_\\',
  'FTS syntax': '"NEAR(a b)" OR * ^x -y z:w {a} AND NOT (',
  'path traversal': '../../../../etc/passwd',
  'numeric text': '1',
  'proto word': '__proto__',
}

function deepObject(levels: number): unknown {
  let value: unknown = {}
  for (let i = 0; i < levels; i += 1) value = { a: value }
  return value
}

function deepArray(levels: number): unknown {
  let value: unknown = []
  for (let i = 0; i < levels; i += 1) value = [value]
  return value
}

function circular(): unknown {
  const value: Record<string, unknown> = { name: 'loop' }
  value['self'] = value
  return value
}

/** JSON.parse makes `__proto__` an own key, as a JSON body or a structured clone would carry it. */
const pollution = {
  proto: () => JSON.parse('{"__proto__":{"polluted":"yes","role":"manager","isAdmin":true}}') as unknown,
  constructorPrototype: () => JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}') as unknown,
  prototype: () => JSON.parse('{"prototype":{"polluted":"yes"}}') as unknown,
  nestedProto: () => JSON.parse('{"a":{"__proto__":{"polluted":"yes"}},"__proto__":{"__proto__":{"polluted":"yes"}}}') as unknown,
}

/** Adds keys to a (plain-data) object through JSON.parse, so `__proto__` stays an own key. */
function withKeysFromJson(base: unknown, extraJson: string): unknown {
  const body = JSON.stringify(base ?? {}).slice(1, -1)
  return JSON.parse(`{${extraJson}${body ? `,${body}` : ''}}`) as unknown
}

type Junk = [label: string, make: () => unknown]

/** Values that stand in for a whole input. */
function wholeInputJunk(): Junk[] {
  const sparse: unknown[] = []
  sparse[5] = 1
  const arrayWithProps = Object.assign([1, 2], { query: 'milk' })
  const nullProto = Object.assign(Object.create(null) as object, { query: 'milk' })
  const manyKeys = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]))
  return [
    ['undefined', () => undefined],
    ['null', () => null],
    ['true', () => true],
    ['false', () => false],
    ['0', () => 0],
    ['-0', () => -0],
    ['-1', () => -1],
    ['0.5', () => 0.5],
    ['NaN', () => NaN],
    ['Infinity', () => Infinity],
    ['-Infinity', () => -Infinity],
    ['1e308', () => 1e308],
    ['-1e308', () => -1e308],
    ['2**53', () => 2 ** 53],
    ['-(2**53)', () => -(2 ** 53)],
    ['MIN_VALUE', () => Number.MIN_VALUE],
    ['bigint', () => 10n],
    ['1 MB string', () => HUGE],
    ...Object.entries(NASTY_STRINGS).map(([label, text]): Junk => [`string: ${label}`, () => text]),
    ['empty array', () => []],
    ['array of objects', () => [{}]],
    ['array of numbers', () => [1, 2, 3]],
    ['array of pairs', () => [['query', 'milk']]],
    ['sparse array', () => sparse],
    ['array with keys', () => arrayWithProps],
    ['100k-element array', () => new Array(100_000).fill(0)],
    ['Date', () => new Date(FIXED_NOW)],
    ['invalid Date', () => new Date(NaN)],
    ['Map', () => new Map([['query', 'milk']])],
    ['Set', () => new Set([1])],
    ['RegExp', () => /milk/g],
    ['Uint8Array', () => new Uint8Array(16)],
    ['ArrayBuffer', () => new ArrayBuffer(8)],
    ['Error', () => new Error('boom')],
    ['boxed number', () => new Number(1)],
    ['boxed string', () => new String('milk')],
    ['null-prototype object', () => nullProto],
    ['empty object', () => ({})],
    ['10k keys', () => manyKeys],
    ['1 MB key', () => ({ [HUGE]: 1 })],
    ['unicode keys', () => Object.fromEntries(Object.values(NASTY_STRINGS).map((key, i) => [key, i]))],
    ['__proto__ key', pollution.proto],
    ['constructor.prototype key', pollution.constructorPrototype],
    ['prototype key', pollution.prototype],
    ['nested __proto__ keys', pollution.nestedProto],
    ['10k-deep object', () => deepObject(10_000)],
    ['10k-deep array', () => deepArray(10_000)],
    ['10k-deep parsed JSON', () => JSON.parse(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`) as unknown],
    ['circular object', circular],
  ]
}

/** Values put in place of one field of an otherwise valid input. */
function fieldJunk(): Junk[] {
  return [
    ['undefined', () => undefined],
    ['null', () => null],
    ['true', () => true],
    ['0', () => 0],
    ['-0', () => -0],
    ['-1', () => -1],
    ['0.5', () => 0.5],
    ['NaN', () => NaN],
    ['Infinity', () => Infinity],
    ['-Infinity', () => -Infinity],
    ['1e308', () => 1e308],
    ['2**53', () => 2 ** 53],
    ['-(2**53)', () => -(2 ** 53)],
    ['bigint', () => 2n ** 64n],
    ['numeric string', () => '1'],
    ['1 MB string', () => HUGE],
    ...Object.entries(NASTY_STRINGS).map(([label, text]): Junk => [`string: ${label}`, () => text]),
    ['array', () => ['1']],
    ['object', () => ({})],
    ['Date', () => new Date(FIXED_NOW)],
    ['__proto__ object', pollution.proto],
    ['10k-deep object', () => deepObject(10_000)],
    ['circular object', circular],
  ]
}

// ---------------------------------------------------------------------------------------------
// Inputs shaped by each channel's schema (through zod's JSON Schema export, a public API)
// ---------------------------------------------------------------------------------------------

interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  const?: unknown
  enum?: unknown[]
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  pattern?: string
  format?: string
  items?: JsonSchema
}

function jsonSchemaOf(channel: Channel): JsonSchema {
  try {
    return z.toJSONSchema(contract[channel].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  } catch {
    return {}
  }
}

function integerBounds(schema: JsonSchema): { min: number; max: number } {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : Number.MIN_SAFE_INTEGER)
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : Number.MAX_SAFE_INTEGER)
  return { min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) }
}

/**
 * One valid value (every optional field filled too, so each field gets its turn of junk); `variant`
 * picks which option of each union, so every option can be had.
 */
function sampleOf(schema: JsonSchema, variant = 0): unknown {
  if ('const' in schema) return schema.const
  if (schema.enum?.length) return schema.enum[0]
  const options = schema.anyOf ?? schema.oneOf
  if (options?.length) return sampleOf(options[variant % options.length]!, variant)
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, sampleOf(property, variant)]))
    case 'string':
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000'
      if (schema.format === 'date') return '2026-03-15'
      if (schema.format === 'date-time') return FIXED_NOW.toISOString()
      if (schema.pattern) return fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { numRuns: 1, seed: 1 })[0]
      return 'a'.repeat(Math.max(1, schema.minLength ?? 0))
    case 'integer':
    case 'number':
      return Math.max(0, integerBounds(schema).min)
    case 'boolean':
      return false
    case 'array':
      return []
    case 'null':
      return null
    default:
      return {}
  }
}

/** A valid value for each option of the schema's unions (one when there are none). */
function samplesOf(schema: JsonSchema): unknown[] {
  const samples = new Map<string, unknown>()
  for (let variant = 0; variant < 4; variant += 1) {
    const sample = sampleOf(schema, variant)
    samples.set(JSON.stringify(sample), sample)
  }
  return [...samples.values()]
}

/** The sample with each of its top-level keys left out in turn. */
function withOneKeyLeftOut(sample: unknown): unknown[] {
  if (!sample || typeof sample !== 'object' || Array.isArray(sample)) return []
  return Object.keys(sample).map((left) => Object.fromEntries(Object.entries(sample).filter(([key]) => key !== left)))
}

/** Text that fits a string field's length limits but is as hostile as it can be. */
function textArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0
  const maxLength = Math.min(schema.maxLength ?? 300, 300)
  const nasty = Object.values(NASTY_STRINGS).filter((text) => text.length >= minLength && text.length <= maxLength)
  return fc.oneof(
    fc.string({ minLength, maxLength, unit: 'binary' }),
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    ...(nasty.length ? [fc.constantFrom(...nasty)] : []),
  )
}

/** Values of the schema's shape (valid or nearly so), with hostile text wherever text is allowed. */
function shapedArbitrary(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.anything()
  if ('const' in schema) return fc.constant(schema.const)
  if (schema.enum?.length) return fc.constantFrom(...schema.enum)
  const options = schema.anyOf ?? schema.oneOf
  if (options?.length) return fc.oneof(...options.map((option) => shapedArbitrary(option, depth + 1)))
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties ?? {}
      const shape = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, shapedArbitrary(property, depth + 1)]))
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) })
    }
    case 'string':
      if (schema.format === 'uuid') return fc.uuid()
      if (schema.pattern) return fc.oneof(fc.stringMatching(new RegExp(schema.pattern)), textArbitrary(schema))
      return textArbitrary(schema)
    case 'integer':
    case 'number': {
      const { min, max } = integerBounds(schema)
      return fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max, min - 1, max + 1, -0, 0.5, NaN, Infinity, 2 ** 53))
    }
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.array(schema.items ? shapedArbitrary(schema.items, depth + 1) : fc.anything(), { maxLength: 5 })
    default:
      return fc.anything()
  }
}

/** Paths of every field of a sample (nested objects included). */
function fieldPaths(value: unknown, prefix: string[] = []): string[][] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return []
  return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...fieldPaths(item, [...prefix, key])])
}

/** A copy of a plain-data sample with the field at `path` replaced (or dropped when undefined). */
function replaceAt(sample: unknown, path: string[], replacement: unknown): unknown {
  const copy = structuredClone(sample) as Record<string, unknown>
  let target = copy
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>
  const last = path[path.length - 1]!
  if (replacement === undefined) delete target[last]
  else Object.defineProperty(target, last, { value: replacement, enumerable: true, writable: true, configurable: true })
  return copy
}

const JUNK_OPTIONS = {
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary',
} as const

/** fast-check's junk for one channel: anything at all, and values close to the channel's schema. */
function junkArbitrary(channel: Channel): fc.Arbitrary<unknown> {
  const schema = jsonSchemaOf(channel)
  const shaped = shapedArbitrary(schema)
  const keys = [...new Set(fieldPaths(sampleOf(schema)).map((path) => path[path.length - 1]!))]
  const key = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', ...keys))
  const extraKeyed = fc
    .tuple(shaped, key, fc.anything(JUNK_OPTIONS))
    .map(([value, extra, junk]) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.defineProperty({ ...value }, extra, { value: junk, enumerable: true, writable: true, configurable: true })
        : value,
    )
  const fieldSwapped = fc.tuple(fc.nat(), fc.anything(JUNK_OPTIONS)).map(([pick, junk]) => {
    const sample = sampleOf(schema)
    const paths = fieldPaths(sample)
    return paths.length ? replaceAt(sample, paths[pick % paths.length]!, junk) : junk
  })
  return fc.oneof(
    fc.anything(JUNK_OPTIONS),
    fc.object({ key, values: [fc.anything(JUNK_OPTIONS)], maxDepth: 3 }),
    fc.jsonValue(),
    fc.json().map((text) => JSON.parse(text) as unknown),
    fc.dictionary(key, fc.anything(JUNK_OPTIONS)),
    shaped,
    shaped,
    extraKeyed,
    fieldSwapped,
  )
}

// ---------------------------------------------------------------------------------------------
// The real system and the checks made on every reply
// ---------------------------------------------------------------------------------------------

const SESSION_NAMES = ['signed out', 'cashier', 'manager'] as const
type SessionName = (typeof SESSION_NAMES)[number]

interface Session {
  name: SessionName
  client: BackendClient
  userId: number | null
}

let store: TestStore
let reader: Database.Database
let tables: { name: string; select: Database.Statement }[]
const sessions = {} as Record<SessionName, Session>
/** A spare signed-in cashier whose sign-out is tested last. */
let spare: BackendClient
/** The demo product the fixed cases below use (DEMO-001), by id: the sweeps may have renamed or archived it. */
let milkId: number
/** The sale-relevant state every probe starts from (all carts empty). */
let baseline: StoreState
/** Every row of every table, and SQLite's count of commits by other connections, as last looked at. */
let lastDump: string
let lastVersion: number
const errorLog = vi.fn()
const stats = { probes: 0, valid: 0, skipped: 0, changedCart: 0, noValidSample: new Set<string>() }

/** Every row of every table; compared as a string so any changed cell shows. */
function dumpAll(): string {
  return JSON.stringify(tables.map(({ name, select }) => [name, select.all()]))
}

/**
 * The tables whose rows changed since the last look, or null. SQLite's data_version moves on every
 * commit by another connection, so the full dump is taken only when something was written.
 */
function rowsChangedSinceLastLook(): string | null {
  const version = reader.pragma('data_version', { simple: true }) as number
  if (version === lastVersion) return null
  lastVersion = version
  const dump = dumpAll()
  const changed = dump === lastDump ? null : describeDumpDifference(lastDump, dump)
  lastDump = dump
  return changed
}

function describeDumpDifference(before: string, after: string): string {
  const parse = (text: string) => new Map(JSON.parse(text) as [string, unknown[]][])
  const a = parse(before)
  const b = parse(after)
  return [...b.keys()].filter((name) => JSON.stringify(a.get(name)) !== JSON.stringify(b.get(name))).join(', ')
}

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype }
type PrototypeSnapshot = Record<string, Map<string | symbol, unknown>>

function snapshotPrototypes(): PrototypeSnapshot {
  return Object.fromEntries(
    Object.entries(PROTOTYPES).map(([name, proto]) => [
      name,
      new Map(
        Reflect.ownKeys(proto).map((key) => {
          const descriptor = Object.getOwnPropertyDescriptor(proto, key)!
          return [key, descriptor.value ?? descriptor.get]
        }),
      ),
    ]),
  )
}

let cleanPrototypes: PrototypeSnapshot
const cleanDescriptors = new Map<object, Map<string | symbol, PropertyDescriptor>>()

/** Fails on any change to the built-in prototypes, after undoing it so later cases start clean. */
function expectPrototypesClean(context: string): void {
  const now = snapshotPrototypes()
  const damage: string[] = []
  for (const [name, members] of Object.entries(cleanPrototypes)) {
    const proto = PROTOTYPES[name as keyof typeof PROTOTYPES] as Record<string | symbol, unknown>
    const current = now[name]!
    for (const key of current.keys()) {
      if (members.has(key)) continue
      damage.push(`${name}.prototype.${String(key)} added`)
      delete proto[key]
    }
    for (const [key, value] of members) {
      if (current.get(key) === value) continue
      damage.push(`${name}.prototype.${String(key)} changed`)
      Object.defineProperty(proto, key, { ...cleanDescriptors.get(proto)!.get(key)! })
    }
  }
  expect(damage, context).toEqual([])
  const fresh: Record<string, unknown> = {}
  expect(fresh['polluted'], context).toBeUndefined()
  expect(fresh['isAdmin'], context).toBeUndefined()
  expect(Object.getPrototypeOf(fresh), context).toBe(Object.prototype)
}

/** Who may pass the permission check (a refusal there comes before the input is even parsed). */
function mayCall(permission: ChannelPermission, session: SessionName): boolean {
  if (permission === 'public') return true
  if (session === 'signed out') return false
  return permission === 'signedIn' || roleHas(session, permission)
}

/** A caller without the permission is refused; one that brings an approval is told it cannot be used. */
function permissionRefusal(input: unknown): 'FORBIDDEN' | 'APPROVAL_REQUIRED' {
  return typeof input === 'object' && input !== null && Object.hasOwn(input, 'approvalId') ? 'APPROVAL_REQUIRED' : 'FORBIDDEN'
}

/**
 * Valid input to these signs a window in or out (leaving the demo signs every window out and empties
 * the store), or costs a key derivation: tested on their own elsewhere.
 */
const SESSION_CHANNELS: ReadonlySet<string> = new Set([
  'auth:login',
  'auth:logout',
  'auth:approve',
  'auth:recover',
  'auth:changePassword',
  'auth:setPin',
  'setup:startOwnStore',
])

function isValid(channel: Channel, input: unknown): boolean {
  try {
    return contract[channel].input.safeParse(input === undefined ? {} : input).success
  } catch {
    return false
  }
}

function describeInput(input: unknown): string {
  const special = (value: unknown) =>
    typeof value === 'bigint'
      ? `${value}n`
      : typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))
        ? Object.is(value, -0)
          ? '-0'
          : String(value)
        : value === undefined
          ? 'undefined'
          : value
  try {
    if (typeof input !== 'object' || input === null) return String(special(input)).slice(0, 120)
    const text = JSON.stringify(input, (_key, value: unknown) => special(value))
    return text === undefined ? String(input) : text.length > 120 ? `${text.slice(0, 120)}… (${text.length} chars)` : text
  } catch {
    return Object.prototype.toString.call(input)
  }
}

/** Checks the envelope itself: its shape, the data against the contract, the error's code and message. */
function checkReply(channel: Channel, reply: unknown, context: string): void {
  expect(reply, context).toBeTypeOf('object')
  const envelope = reply as IpcResult<unknown>
  expect(() => structuredClone(envelope), `${context}: the reply must cross IPC`).not.toThrow()
  if (envelope.ok) {
    expect(Object.keys(envelope).sort(), context).toEqual(['data', 'ok'])
    const parsed = contract[channel].output.safeParse(envelope.data)
    expect(parsed.success, `${context}: reply data does not match the contract: ${parsed.error?.message}`).toBe(true)
    return
  }
  expect(Object.keys(envelope).sort(), context).toEqual(['error', 'ok'])
  expect(envelope.ok, context).toBe(false)
  const keys = Object.keys(envelope.error).sort()
  expect(
    keys.filter((key) => key !== 'params'),
    context,
  ).toEqual(['code', 'message'])
  if (envelope.error.params !== undefined) {
    // Params fill a catalog's placeholders: flat, short values, never a stack or a path of the machine.
    for (const [key, value] of Object.entries(envelope.error.params)) {
      expect(['string', 'number', 'boolean'], `${context}: param ${key}`).toContain(typeof value)
      if (typeof value === 'string') expect(value.length, `${context}: param ${key}`).toBeLessThanOrEqual(300)
    }
  }
  expect(isErrorCode(envelope.error.code), `${context}: unknown code ${String(envelope.error.code)}`).toBe(true)
  expect(envelope.error.code, context).not.toBe('UNKNOWN_CHANNEL')
  expect(envelope.error.message, context).toBeTypeOf('string')
  expect(envelope.error.code, `${context}: ${envelope.error.message}`).not.toBe('INTERNAL')
  expect(envelope.error.message.length, context).toBeLessThan(500)
  expect(envelope.error.message, context).not.toMatch(/\n\s+at\s|\bat\s+\S+\s+\(.*:\d+:\d+\)|SQLITE_|TypeError|RangeError|ReferenceError/)
}

/**
 * What valid input to today's channels may change in the sale tables (`readState`): carts their
 * own cart, the rest nothing. A channel added later may change anything when it succeeds (a
 * manager action), and nothing when it refuses.
 */
const SALE_CHANGES: Partial<Record<string, 'none' | 'own cart'>> = {
  'app:info': 'none',
  'auth:session': 'none',
  'catalog:search': 'none',
  'catalog:lookup': 'none',
  'cart:get': 'own cart',
  'cart:add': 'own cart',
  'cart:setQuantity': 'own cart',
  'cart:remove': 'own cart',
  'cart:clear': 'own cart',
  // The sweeps run with every cart empty, so a valid payment can only be refused.
  'checkout:pay': 'none',
  'invoices:get': 'none',
  'invoices:list': 'none',
  'users:unlock': 'none',
  'audit:verify': 'none',
  'backup:create': 'none',
  'backup:list': 'none',
}

/**
 * Valid input may make only its expected change (a cart line is emptied again here; tables outside
 * the sale's, such as the audit trail, may grow) and must leave the window signed in as it was.
 */
async function expectOnlyItsOwnChange(session: Session, channel: Channel, reply: IpcResult<unknown>, context: string): Promise<void> {
  const after = readState(store.dbPath)
  const allowed = SALE_CHANGES[channel] ?? (reply.ok ? 'anything' : 'none')
  const othersOf = (state: StoreState) => ({ ...state, cartLines: state.cartLines.filter((line) => line.user_id !== session.userId) })
  if (allowed === 'own cart' && reply.ok && session.userId !== null) {
    expect(othersOf(after), context).toEqual(othersOf(baseline))
    if (after.cartLines.some((line) => line.user_id === session.userId)) {
      stats.changedCart += 1
      ok(await session.client.invoke('cart:clear', {}))
      expect(readState(store.dbPath), `${context}: clearing the cart again`).toEqual(baseline)
    }
  } else if (allowed !== 'anything') {
    expect(after, context).toEqual(baseline)
  }
  if (session.userId !== null) {
    const current = ok(await session.client.invoke('auth:session', {}))
    expect(current.user?.id, `${context}: the window was signed out`).toBe(session.userId)
  }
}

/**
 * Sends one input and checks everything: the reply, the rows, the prototypes, the session. Input
 * the contract rejects (or a caller the access check refuses) must change no row of any table;
 * valid input may change only its own cart (then emptied again) and, say, the audit trail.
 */
async function probe(session: Session, channel: Channel, input: unknown, label: string): Promise<void> {
  const valid = isValid(channel, input)
  const signedIn = session.userId !== null
  if (valid && SESSION_CHANNELS.has(channel) && (contract[channel].permission === 'public' || signedIn)) {
    stats.skipped += 1
    return
  }
  const context = `${channel} as ${session.name} with ${label}`
  try {
    stats.probes += 1
    const logged = errorLog.mock.calls.length
    let reply: unknown
    try {
      reply = await session.client.invokeUnknown(channel, input)
    } catch (error) {
      expect.fail(`${context}: invoke threw ${String(error)}`)
    }
    checkReply(channel, reply, context)
    expect(errorLog.mock.calls.slice(logged), `${context}: the backend logged an unexpected error`).toEqual([])

    // Refused at the door (who may call) or by the contract: nothing may have happened at all.
    const refusal = !mayCall(contract[channel].permission, session.name)
      ? signedIn
        ? permissionRefusal(input)
        : 'NOT_AUTHENTICATED'
      : valid
        ? null
        : 'VALIDATION_FAILED'
    if (refusal) {
      const envelope = reply as IpcResult<unknown>
      expect(envelope.ok ? 'ok' : envelope.error.code, context).toBe(refusal)
      const changed = rowsChangedSinceLastLook()
      if (changed) expect.fail(`${context}: rows changed in ${changed}`)
    } else {
      stats.valid += 1
      try {
        await expectOnlyItsOwnChange(session, channel, reply as IpcResult<unknown>, context)
      } finally {
        // A failure above must not fail every case after it.
        baseline = readState(store.dbPath)
        rowsChangedSinceLastLook()
      }
    }
    expectPrototypesClean(context)
  } catch (error) {
    // The input is described only on failure: some are a megabyte or 10 000 levels deep.
    if (error instanceof Error) error.message = `${error.message}\n  input: ${describeInput(input)}`
    throw error
  }
}

/**
 * The back office's channels are swept with valid input too, so a sweep may have given DEMO-001's
 * SKU to nobody, archived it or counted it down: the fixed cases put it back first, as a manager
 * would, and take the result as their baseline.
 */
async function restoreDemoMilk(): Promise<void> {
  const manager = sessions.manager.client
  const holder = ok(await manager.invoke('products:list', { query: 'DEMO-001', status: 'all', limit: 50 })).items.find(
    (item) => item.sku === 'DEMO-001' && item.id !== milkId,
  )
  if (holder) ok(await manager.invoke('products:update', { id: holder.id, sku: `MOVED-${holder.id}` }))
  ok(await manager.invoke('products:update', { id: milkId, sku: 'DEMO-001' }))
  const milk = ok(await manager.invoke('products:unarchive', { id: milkId }))
  if (milk.stock < 10) ok(await manager.invoke('stock:adjust', { productId: milkId, counted: 100, reason: 'count' }))
  baseline = readState(store.dbPath)
  rowsChangedSinceLastLook()
}

beforeAll(async () => {
  store = await openTestStore()
  const [cashier, manager, spareCashier] = await Promise.all([
    signedInClient(store.backend, 'cashier'),
    signedInClient(store.backend, 'manager'),
    signedInClient(store.backend, 'cashier'),
  ])
  spare = spareCashier
  const idOf = async (client: BackendClient) => ok(await client.invoke('auth:session', {})).user!.id
  sessions['signed out'] = { name: 'signed out', client: store.backend.connect(), userId: null }
  sessions.cashier = { name: 'cashier', client: cashier, userId: await idOf(cashier) }
  sessions.manager = { name: 'manager', client: manager, userId: await idOf(manager) }

  // One sale so invoice searches have something to find.
  const milk = ok(await cashier.invoke('catalog:lookup', { code: 'DEMO-001' }))
  milkId = milk.id
  const cart = ok(await cashier.invoke('cart:add', { productId: milk.id, quantity: 1 }))
  ok(
    await cashier.invoke('checkout:pay', {
      idempotencyKey: '5f0c9a6e-1b2d-4c3e-8f4a-5b6c7d8e9f00',
      expectedTotalCents: cart.totalCents,
      payment: { method: 'cash', tenderedCents: cart.totalCents },
    }),
  )

  reader = new Database(store.dbPath, { readonly: true, fileMustExist: true })
  // Ordered by every column, so tables without a rowid dump in a stable order too.
  tables = (
    reader.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as {
      name: string
    }[]
  ).map(({ name }) => {
    const columns = reader.pragma(`table_info("${name}")`) as unknown[]
    return { name, select: reader.prepare(`select * from "${name}" order by ${columns.map((_, i) => i + 1).join(', ')}`) }
  })
  baseline = readState(store.dbPath)
  lastDump = dumpAll()
  lastVersion = reader.pragma('data_version', { simple: true }) as number
  cleanPrototypes = snapshotPrototypes()
  for (const proto of Object.values(PROTOTYPES)) {
    cleanDescriptors.set(proto, new Map(Reflect.ownKeys(proto).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)!])))
  }
  // Unexpected errors are logged with their stack; collect them instead of printing.
  vi.spyOn(console, 'error').mockImplementation(errorLog)
}, 60_000)

// A test that failed half-way must not make the next one see its rows as changed.
beforeEach(() => {
  if (reader) rowsChangedSinceLastLook()
})

afterAll(async () => {
  vi.restoreAllMocks()
  reader?.close()
  await store?.cleanup()
  console.log(
    `hostile input: ${stats.probes} probes over ${CHANNELS.length} channels × ${SESSION_NAMES.length} sessions ` +
      `(${stats.valid} happened to be valid, ${stats.changedCart} filled a cart, ${stats.skipped} valid sign-in/out skipped)` +
      (stats.noValidSample.size ? `; no valid sample for ${[...stats.noValidSample].join(', ')}` : ''),
  )
})

// ---------------------------------------------------------------------------------------------
// The sweeps
// ---------------------------------------------------------------------------------------------

const cases = SESSION_NAMES.flatMap((session) => CHANNELS.map((channel) => ({ session, channel })))

describe('every channel refuses junk cleanly', () => {
  it.each(cases)(
    '$channel as $session',
    async ({ session: name, channel }) => {
      const session = sessions[name]
      for (const [label, make] of wholeInputJunk()) await probe(session, channel, make(), label)
      // Past the access check, junk inside an otherwise valid input reaches the parser and handlers.
      if (!mayCall(contract[channel].permission, name)) return
      const all = samplesOf(jsonSchemaOf(channel))
      let samples = all.filter((sample) => isValid(channel, sample))
      // An input that takes one field or another (`payment` or `payments`, `delta` or `counted`): leave one out.
      if (samples.length === 0) samples = all.flatMap(withOneKeyLeftOut).filter((sample) => isValid(channel, sample))
      // A schema this sampler cannot satisfy still gets its junk, around an invalid base; the summary names it.
      if (samples.length === 0) {
        stats.noValidSample.add(channel)
        samples.push(all[0])
      }
      for (const sample of samples) {
        await probe(session, channel, sample, 'the schema sample')
        for (const path of fieldPaths(sample)) {
          for (const [label, make] of fieldJunk())
            await probe(session, channel, replaceAt(sample, path, make()), `${path.join('.')} = ${label}`)
        }
      }
      const sample = samples[0]
      await probe(session, channel, { ...(sample as object), extra: 1 }, 'an extra key')
      await probe(session, channel, { ...(sample as object), [HUGE]: 1 }, 'an extra 1 MB key')
      await probe(session, channel, withKeysFromJson(sample, '"__proto__":{"polluted":"yes","role":"manager"}'), 'an extra __proto__ key')
      await probe(session, channel, withKeysFromJson(sample, '"constructor":{"prototype":{"polluted":"yes"}}'), 'an extra constructor key')
      await probe(session, channel, withKeysFromJson(sample, '"prototype":{"polluted":"yes"}'), 'an extra prototype key')
      await probe(session, channel, [sample], 'the sample in an array')
      await probe(session, channel, JSON.stringify(sample), 'the sample as JSON text')
    },
    60_000,
  )
})

describe('fast-check junk', () => {
  const junk = fc.constantFrom(...CHANNELS).chain((channel) => junkArbitrary(channel).map((input) => ({ channel, input })))
  it.each(SESSION_NAMES)(
    `%s: ${HOSTILE_RUNS} generated inputs over every channel`,
    async (name) => {
      await fc.assert(
        fc.asyncProperty(junk, async ({ channel, input }) => probe(sessions[name], channel, input, 'generated junk')),
        { numRuns: HOSTILE_RUNS, verbose: 1 },
      )
    },
    120_000,
  )
})

describe('search text with LIKE and FTS syntax', () => {
  const WORDS = [
    '%',
    '_',
    '\\',
    '"',
    "'",
    '*',
    'NEAR',
    'AND',
    'OR',
    'NOT',
    '(',
    ')',
    '^',
    '-',
    ':',
    '{',
    '}',
    '{}',
    '[',
    ']',
    '?',
    '$',
    '@',
    '#',
    ';',
    '--',
    '/*',
    '*/',
    'NEAR/2',
    'milk',
    'DEMO',
    '0',
  ]
  const SEARCHES: [Channel & ('catalog:search' | 'invoices:list'), number][] = [
    ['catalog:search', 200],
    ['invoices:list', 100],
  ]
  const FIXED = [
    ...WORDS,
    '"unbalanced',
    "o'brien",
    "'); drop table product; --",
    'a AND b OR NOT c',
    'NEAR(milk bread, 3)',
    'milk*',
    '^milk',
    'name:milk',
    '{name}: milk',
    '-milk',
    '"milk" "bread',
    '\\%',
    '\\_',
    "\\'",
    '%%%%',
    '_%_%',
    ' milk ',
    '\t',
  ]

  it.each(SEARCHES)(
    '%s never errors, and answers a well-formed result',
    async (channel, maxLength) => {
      const cashier = sessions.cashier
      const longWord = 'w'.repeat(maxLength)
      for (const query of [...FIXED, longWord, `${'a '.repeat(maxLength / 2 - 1)}b`]) {
        const reply = await cashier.client.invokeUnknown(channel, { query })
        expect(reply.ok, `${channel} '${query}': ${JSON.stringify(reply)}`).toBe(true)
        checkReply(channel, reply, `${channel} '${query}'`)
      }
      await fc.assert(
        fc.asyncProperty(
          fc
            .tuple(
              fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })), { maxLength: 20 }),
              fc.constantFrom(' ', '', '  '),
            )
            .map(([words, separator]) => words.join(separator).slice(0, maxLength)),
          async (query) => {
            const reply = await cashier.client.invokeUnknown(channel, { query })
            expect(reply.ok, `${channel} '${query}': ${JSON.stringify(reply)}`).toBe(true)
            checkReply(channel, reply, `${channel} '${query}'`)
          },
        ),
        { numRuns: 150, verbose: 1 },
      )
      expect(readState(store.dbPath)).toEqual(baseline)
    },
    60_000,
  )

  it('treats LIKE wildcards as the literal characters a cashier typed', async () => {
    await restoreDemoMilk()
    const client = sessions.cashier.client
    const found = async (query: string) => ok(await client.invoke('catalog:search', { query }))
    const search = async (query: string) => (await found(query)).total
    const invoices = async (query: string) => ok(await client.invoke('invoices:list', { query })).total
    // Every match holds the typed text itself (the sweeps may have made products named with it).
    const literal = async (query: string) =>
      (await found(query)).items.every((item) =>
        [item.name, item.sku, item.barcode ?? ''].some((text) => text.toLowerCase().includes(query.toLowerCase())),
      )
    expect(await search('')).toBeGreaterThan(0)
    expect(await literal('%')).toBe(true)
    expect(await literal('_')).toBe(true)
    expect(await literal('DEMO_001')).toBe(true)
    // An exact code comes first; '&' is just a character.
    expect((await found('DEMO-001')).items[0]?.sku).toBe('DEMO-001')
    expect((await found('Hide & Seek')).items.map((item) => item.name)).toContain('Hide & Seek Cookies')
    expect(await invoices('')).toBeGreaterThan(0)
    expect(await invoices('Kiran')).toBeGreaterThan(0)
    expect(await invoices('%')).toBe(0)
    expect(await invoices('_')).toBe(0)
    expect(await invoices('K_ran')).toBe(0)
  })

  it('refuses search text over the limit as invalid, not as an error', async () => {
    for (const [channel, maxLength] of SEARCHES) {
      const reply = await sessions.cashier.client.invokeUnknown(channel, { query: 'w'.repeat(maxLength + 1) })
      expect(reply.ok ? 'ok' : reply.error.code).toBe('VALIDATION_FAILED')
    }
  })
})

describe('hostile text that passes validation', () => {
  it('a token typed as junk at checkout is an invalid token, with the cart and the books untouched', async () => {
    await restoreDemoMilk()
    const { client, userId } = sessions.cashier
    const milk = ok(await client.invoke('catalog:lookup', { code: 'DEMO-001' }))
    const cart = ok(await client.invoke('cart:add', { productId: milk.id, quantity: 2 }))
    const withCart = readState(store.dbPath)
    let key = 0
    for (const [label, token] of Object.entries({
      ...NASTY_STRINGS,
      'longest allowed': 'T'.repeat(64),
      'too long': 'T'.repeat(65),
      '1 MB': HUGE,
    })) {
      key += 1
      const input = {
        idempotencyKey: `00000000-0000-4000-8000-${String(key).padStart(12, '0')}`,
        expectedTotalCents: cart.totalCents,
        payment: { method: 'token', token },
      }
      const valid = isValid('checkout:pay', input)
      const reply = await client.invokeUnknown('checkout:pay', input)
      const context = `token ${label}: ${JSON.stringify(reply).slice(0, 200)}`
      checkReply('checkout:pay', reply, context)
      expect(reply.ok ? 'ok' : reply.error.code, context).toBe(valid ? 'INVALID_TOKEN' : 'VALIDATION_FAILED')
      expect(readState(store.dbPath), context).toEqual(withCart)
    }
    expect(withCart.cartLines.filter((line) => line.user_id === userId)).toHaveLength(1)
    ok(await client.invoke('cart:clear', {}))
    expect(readState(store.dbPath)).toEqual(baseline)
    rowsChangedSinceLastLook()
  })

  it('split tenders with junk wallets, references and amounts are refused, with the cart and the books untouched', async () => {
    await restoreDemoMilk()
    const { client, userId } = sessions.cashier
    const milk = ok(await client.invoke('catalog:lookup', { code: 'DEMO-001' }))
    const cart = ok(await client.invoke('cart:add', { productId: milk.id, quantity: 2 }))
    const withCart = readState(store.dbPath)
    const total = cart.totalCents
    const MAX = Number.MAX_SAFE_INTEGER
    const rich = '11111111-1111-4111-8111-111111111111'
    /** [label, payments, what a valid input is refused with: the code, and VALIDATION_FAILED's rule]. */
    const cases: [string, unknown, string, string?][] = [
      ...Object.entries({ ...NASTY_STRINGS, 'longest allowed': 'W'.repeat(30), 'too long': 'W'.repeat(31), '1 MB': HUGE }).map(
        ([label, wallet]): [string, unknown, string, string] => [
          `wallet ${label}`,
          [{ method: 'wallet', wallet, amountCents: Math.max(1, total), reference: 'R-1' }],
          'VALIDATION_FAILED',
          'unknownWallet',
        ],
      ),
      // Over what is due, so even a reference that passes is refused before anything is written.
      ...Object.entries({ ...NASTY_STRINGS, 'longest allowed': 'R'.repeat(40), 'too long': 'R'.repeat(41), '1 MB': HUGE }).map(
        ([label, reference]): [string, unknown, string, string] => [
          `reference ${label}`,
          [{ method: 'card', amountCents: total + 1, reference }],
          'VALIDATION_FAILED',
          'tenderOverDue',
        ],
      ),
      ['a card of the largest safe amount', [{ method: 'card', amountCents: MAX, reference: 'r' }], 'VALIDATION_FAILED', 'tenderOverDue'],
      [
        'five cards of the largest safe amount',
        Array.from({ length: 5 }, () => ({ method: 'card', amountCents: MAX, reference: 'r' })),
        'VALIDATION_FAILED',
        'tenderOverDue',
      ],
      [
        'a token asked for the largest safe amount',
        [
          { method: 'token', token: rich, amountCents: MAX },
          { method: 'cash', tenderedCents: MAX },
        ],
        'INSUFFICIENT_BALANCE',
      ],
      [
        'the largest safe cash after the sale is paid',
        [
          { method: 'token', token: rich },
          { method: 'cash', tenderedCents: MAX },
        ],
        'VALIDATION_FAILED',
        'tenderNotNeeded',
      ],
      [
        'a token tender of junk',
        [
          { method: 'token', token: NASTY_STRINGS['SQL statement'] },
          { method: 'cash', tenderedCents: total },
        ],
        'INVALID_TOKEN',
      ],
      ['cash of 2**53', [{ method: 'cash', tenderedCents: 2 ** 53 }], 'VALIDATION_FAILED'],
      ['negative cash', [{ method: 'cash', tenderedCents: -1 }], 'VALIDATION_FAILED'],
      ['a fraction of a cent', [{ method: 'card', amountCents: 0.5, reference: 'r' }], 'VALIDATION_FAILED'],
      ['a method nobody takes', [{ method: 'cheque', amountCents: total }], 'VALIDATION_FAILED'],
      ['a tender with an extra key', [{ method: 'cash', tenderedCents: total, changeCents: 0 }], 'VALIDATION_FAILED'],
      ['six tenders', Array.from({ length: 6 }, () => ({ method: 'card', amountCents: 1, reference: 'r' })), 'VALIDATION_FAILED'],
      ['a thousand tenders', Array.from({ length: 1_000 }, () => ({ method: 'cash', tenderedCents: 0 })), 'VALIDATION_FAILED'],
      ['tenders as an object', { 0: { method: 'cash', tenderedCents: total } }, 'VALIDATION_FAILED'],
    ]
    let key = 0
    for (const [label, payments, refusal, rule] of cases) {
      key += 1
      const input = { idempotencyKey: `00000000-0000-4000-8000-${String(key).padStart(12, '0')}`, expectedTotalCents: total, payments }
      const valid = isValid('checkout:pay', input)
      const reply = await client.invokeUnknown('checkout:pay', input)
      const context = `${label}: ${JSON.stringify(reply).slice(0, 200)}`
      checkReply('checkout:pay', reply, context)
      expect(reply.ok ? 'ok' : reply.error.code, context).toBe(valid ? refusal : 'VALIDATION_FAILED')
      if (valid && rule && !reply.ok) expect(reply.error.params?.['rule'], context).toBe(rule)
      expect(readState(store.dbPath), context).toEqual(withCart)
    }
    expect(withCart.cartLines.filter((line) => line.user_id === userId)).toHaveLength(1)
    ok(await client.invoke('cart:clear', {}))
    expect(readState(store.dbPath)).toEqual(baseline)
    rowsChangedSinceLastLook()
  })

  it('a sign-in with junk names is refused as wrong credentials and signs nobody in', async () => {
    // Each costs a key derivation, so a few, in parallel, each on its own window.
    const names = ['\u202Ecashier', 'cash\u200Bier', '\uD800', "cashier' --", 'ｃａｓｈｉｅｒ', 'a\u0000b']
    const replies = await Promise.all(
      names.map(async (username) => {
        const window = store.backend.connect()
        const input = { username, password: 'cashier' }
        const reply = await window.invokeUnknown('auth:login', input)
        return { username, valid: isValid('auth:login', input), reply, session: ok(await window.invoke('auth:session', {})) }
      }),
    )
    for (const { username, valid, reply, session } of replies) {
      const context = `sign-in as ${JSON.stringify(username)}: ${JSON.stringify(reply)}`
      checkReply('auth:login', reply, context)
      expect(reply.ok ? 'ok' : reply.error.code, context).toBe(valid ? 'INVALID_CREDENTIALS' : 'VALIDATION_FAILED')
      expect(session.user, context).toBeNull()
    }
    expect(readState(store.dbPath)).toEqual(baseline)
    expectPrototypesClean('junk sign-ins')
    rowsChangedSinceLastLook()
  })

  it('unknown channel names, however odd, are UNKNOWN_CHANNEL with a short message', async () => {
    const names: unknown[] = [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'prototype',
      'cart:add ',
      'CART:ADD',
      'pos:cart:add',
      '',
      HUGE,
      '\u0000',
      null,
      undefined,
      42,
      {},
      ['cart:get'],
    ]
    for (const name of names) {
      const reply = await sessions.manager.client.invokeUnknown(name, {})
      expect(reply, String(name).slice(0, 40)).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: expect.any(String) } })
      if (!reply.ok) expect(reply.error.message.length).toBeLessThan(500)
    }
    expect(rowsChangedSinceLastLook()).toBeNull()
    expectPrototypesClean('unknown channels')
  })
})

describe('after all of it', () => {
  it('the till still works, every window is still signed in, and the database is sound', async () => {
    expect(ok(await sessions.manager.client.invoke('app:info', {})).storeName).toBeTypeOf('string')
    expect(ok(await sessions.cashier.client.invoke('auth:session', {})).user?.username).toBe('cashier')
    expect(ok(await sessions.manager.client.invoke('auth:session', {})).user?.username).toBe('manager')
    expect(ok(await sessions['signed out'].client.invoke('auth:session', {})).user).toBeNull()
    expect(ok(await sessions.cashier.client.invoke('catalog:search', { query: 'milk' })).total).toBeGreaterThan(0)
    expect(reader.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(readState(store.dbPath)).toEqual(baseline)
    expectPrototypesClean('the whole suite')
  })

  it('a valid sign-out (any empty-object shape) signs out only its own window', async () => {
    const reply = await spare.invokeUnknown('auth:logout', undefined)
    expect(reply).toEqual({ ok: true, data: {} })
    expect(ok(await spare.invoke('auth:session', {})).user).toBeNull()
    expect(ok(await sessions.cashier.client.invoke('auth:session', {})).user?.username).toBe('cashier')
    expect(readState(store.dbPath)).toEqual(baseline)
  })
})

describe('regressions', () => {
  // Found by this suite: zod's 'Unrecognized key: …' repeated every unknown key in full.
  it('a VALIDATION_FAILED message stays short, however long or many the unknown keys', async () => {
    for (const input of [{ [HUGE]: 1 }, Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]))]) {
      const reply = await sessions.cashier.client.invokeUnknown('cart:get', input)
      expect(reply.ok ? 'ok' : reply.error.code).toBe('VALIDATION_FAILED')
      if (!reply.ok) expect(reply.error.message.length).toBeLessThan(500)
    }
  })

  // Found by this suite: MikroORM writes values into the SQL text and SQLite stops reading at a NUL,
  // so a NUL in a code, search, name or token answered INTERNAL.
  it('text holding U+0000 is refused as invalid, never answered INTERNAL', async () => {
    const cashier = sessions.cashier.client
    const logged = errorLog.mock.calls.length
    for (const [channel, input] of [
      ['catalog:lookup', { code: 'DEMO-001\u0000' }],
      ['catalog:search', { query: 'a\u0000b' }],
      ['invoices:list', { query: 'a\u0000b' }],
    ] as const) {
      const reply = await cashier.invokeUnknown(channel, input)
      expect(reply.ok ? 'ok' : reply.error.code, channel).toBe('VALIDATION_FAILED')
    }
    expect(errorLog.mock.calls.slice(logged)).toEqual([])
  })
})
