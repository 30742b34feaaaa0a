/**
 * The i18n core: typed message keys, `{name}` interpolation and plural forms. Pure (no DOM, no
 * React) so it is unit-tested under Node and usable from store actions through a message maker.
 * It knows no dictionary: each feature types its keys against its own catalog, and the app
 * assembles the catalogs into the one dictionary it translates with.
 */

/** Plural forms, chosen by the number in `count`, or in the parameter `plural` names. */
export interface PluralTemplate {
  readonly one: string
  readonly other: string
  readonly plural?: string
}

/** A template is either text or plural forms. */
export type Template = string | PluralTemplate

/** A feature's texts (or the whole dictionary): message key → template. */
export type Catalog = { readonly [key: string]: Template }

/** Another language for catalog `C`: every key, plural keys plural and counted by the same parameter. */
export type Translation<C extends Catalog> = {
  readonly [K in keyof C]: C[K] extends string
    ? string
    : C[K] extends { readonly plural: infer P extends string }
      ? { readonly one: string; readonly other: string; readonly plural: P }
      : { readonly one: string; readonly other: string }
}

/** An amount in minor units, formatted only when shown (in the store's currency and locale). */
export interface MoneyParam {
  readonly cents: number
}

/** A store-local calendar day (`YYYY-MM-DD`), formatted only when shown (in the store's locale). */
export interface DayParam {
  readonly day: string
}

/**
 * A placeholder's value: text as it is, a number formatted for the locale, money, or a whole
 * message translated in its turn (a reason inside a sentence).
 */
export type ParamValue = string | number | MoneyParam | DayParam | Message

/** Something to show a person, kept as data in the store so the screen translates it at render time. */
export interface Message {
  readonly key: string
  readonly params?: Readonly<Record<string, ParamValue>>
}

type TemplateText<T> = T extends string ? T : T extends { readonly one: infer O; readonly other: infer X } ? O | X : never
type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never
type KeyPlaceholders<C, K extends keyof C> = Placeholders<TemplateText<C[K]>>

export type MessageKey<C> = keyof C & string
/** The keys of `C` whose texts take no parameters. */
export type PlainKey<C> = { [K in MessageKey<C>]: [KeyPlaceholders<C, K>] extends [never] ? K : never }[MessageKey<C>]
export type MessageParams<C, K extends keyof C> = { readonly [P in KeyPlaceholders<C, K>]: ParamValue }
/** Keys without placeholders take no second argument; keys with them require every one. */
export type ParamsArg<C, K extends keyof C> = [KeyPlaceholders<C, K>] extends [never] ? [] : [params: MessageParams<C, K>]

export type Translate<C> = <K extends MessageKey<C>>(key: K, ...params: ParamsArg<C, K>) => string
export type MessageMaker<C> = <K extends MessageKey<C>>(key: K, ...params: ParamsArg<C, K>) => Message

/** Builds typed message descriptors for catalog `C` (same checks as `t`). */
export function messagesOf<C extends Catalog>(): MessageMaker<C> {
  return (key, ...params) => {
    const [values] = params
    return values === undefined ? { key } : { key, params: values }
  }
}

/** Money as a message parameter. */
export function money(cents: number): MoneyParam {
  return { cents }
}

/** A calendar day as a message parameter. */
export function day(isoDay: string): DayParam {
  return { day: isoDay }
}

function isMoney(value: MoneyParam | DayParam | Message): value is MoneyParam {
  return 'cents' in value
}

function isDay(value: DayParam | Message): value is DayParam {
  return 'day' in value
}

export interface TranslatorOptions {
  /** Formats money parameters; without it they stay visible as `{name}`. */
  readonly money?: (cents: number) => string
  /** Formats calendar-day parameters; without it they show as written (`2026-03-15`). */
  readonly day?: (day: string) => string
}

const PLACEHOLDER = /\{(\w+)\}/g

/**
 * Replaces `{name}` with its value; numbers are formatted for the locale. A missing value is left
 * as `{name}` so a forgotten parameter is visible rather than silently blank.
 */
export function interpolate(
  template: string,
  params: Readonly<Record<string, ParamValue>>,
  locale: string,
  render: (value: MoneyParam | DayParam | Message) => string | undefined = () => undefined,
): string {
  const numbers = new Intl.NumberFormat(locale)
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole
    const value = params[name]
    if (value === undefined) return whole
    if (typeof value === 'number') return numbers.format(value)
    if (typeof value === 'string') return value
    return render(value) ?? whole
  })
}

/** The untyped translator the app builds once per language; features see it typed by their catalog. */
export interface TextSource {
  readonly locale: string
  text(key: string, params?: Readonly<Record<string, ParamValue>>): string
  render(message: Message): string
}

export function createTextSource(dictionary: Catalog, locale: string, options: TranslatorOptions = {}): TextSource {
  const plurals = new Intl.PluralRules(locale)

  function render(message: Message): string {
    return text(message.key, message.params)
  }

  function nested(value: MoneyParam | DayParam | Message): string | undefined {
    if (isMoney(value)) return options.money?.(value.cents)
    if (isDay(value)) return options.day?.(value.day) ?? value.day
    return render(value)
  }

  function text(key: string, params: Readonly<Record<string, ParamValue>> = {}): string {
    // A key no catalog defines shows itself, like a missing parameter: visible, never blank.
    const template: Template = Object.hasOwn(dictionary, key) ? (dictionary[key] ?? key) : key
    if (typeof template === 'string') return interpolate(template, params, locale, nested)
    const count = params[template.plural ?? 'count']
    const form = typeof count === 'number' && plurals.select(count) === 'one' ? template.one : template.other
    return interpolate(form, params, locale, nested)
  }

  return { locale, text, render }
}

export interface Translator<C> {
  readonly locale: string
  readonly t: Translate<C>
  readonly render: (message: Message) => string
}

/** The same translator, typed by the catalog a feature uses. */
export function typedTranslator<C>(source: TextSource): Translator<C> {
  const t: Translate<C> = (key, ...params) => source.text(key, params[0])
  return { locale: source.locale, t, render: source.render }
}

export function createTranslator<C extends Catalog>(
  dictionary: C | Translation<C>,
  locale: string,
  options: TranslatorOptions = {},
): Translator<C> {
  return typedTranslator<C>(createTextSource(dictionary, locale, options))
}
