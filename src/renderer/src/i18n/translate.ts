/**
 * The i18n core: typed message keys, `{name}` interpolation and plural forms. Pure (no DOM, no
 * React) so it is unit-tested under Node and usable from store actions through `msg()`.
 */
import { en } from './en'

/** A template is either text or plural forms chosen by the `count` parameter. */
export type Template = string | { readonly one: string; readonly other: string }

export type MessageKey = keyof typeof en

/** Another language must translate every key; plural keys stay plural. */
export type Dictionary = { readonly [K in MessageKey]: (typeof en)[K] extends string ? string : { one: string; other: string } }

type TemplateText<T> = T extends string ? T : T extends { one: infer O; other: infer X } ? O | X : never
type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never
type KeyPlaceholders<K extends MessageKey> = Placeholders<TemplateText<(typeof en)[K]>>

export type ParamValue = string | number
export type MessageParams<K extends MessageKey> = { readonly [P in KeyPlaceholders<K>]: ParamValue }
/** Keys without placeholders take no second argument; keys with them require every one. */
export type ParamsArg<K extends MessageKey> = [KeyPlaceholders<K>] extends [never] ? [] : [params: MessageParams<K>]

export type Translate = <K extends MessageKey>(key: K, ...params: ParamsArg<K>) => string

/**
 * Something to show a person, kept as data in the store so the screen translates it at render
 * time; `text` carries a message that is already for people (the backend's messages).
 */
export type Message =
  | { readonly key: MessageKey; readonly params?: Readonly<Record<string, ParamValue>> }
  | { readonly text: string }

/** Builds a typed message descriptor (same checks as `t`). */
export function msg<K extends MessageKey>(key: K, ...params: ParamsArg<K>): Message {
  const [values] = params
  return values === undefined ? { key } : { key, params: values }
}

const PLACEHOLDER = /\{(\w+)\}/g

/**
 * Replaces `{name}` with its value; numbers are formatted for the locale. A missing value is left
 * as `{name}` so a forgotten parameter is visible rather than silently blank.
 */
export function interpolate(template: string, params: Readonly<Record<string, ParamValue>>, locale: string): string {
  const numbers = new Intl.NumberFormat(locale)
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole
    const value = params[name]
    return typeof value === 'number' ? numbers.format(value) : String(value)
  })
}

export interface Translator {
  readonly locale: string
  readonly t: Translate
  readonly render: (message: Message) => string
}

export function createTranslator(dictionary: Dictionary, locale: string): Translator {
  const plurals = new Intl.PluralRules(locale)

  function lookup(key: MessageKey, params: Readonly<Record<string, ParamValue>>): string {
    const template: Template = dictionary[key]
    if (typeof template === 'string') return interpolate(template, params, locale)
    const count = params['count']
    const form = typeof count === 'number' && plurals.select(count) === 'one' ? template.one : template.other
    return interpolate(form, params, locale)
  }

  const t: Translate = (key, ...params) => lookup(key, params[0] ?? {})
  const render = (message: Message): string =>
    'text' in message ? message.text : lookup(message.key, message.params ?? {})

  return { locale, t, render }
}
