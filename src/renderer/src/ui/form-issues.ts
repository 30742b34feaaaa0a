/**
 * Schema refusals as catalog messages. react-hook-form keeps a field's error as a string, so the
 * message travels encoded in it; `FieldError` decodes it and says it in the user's language. A
 * schema's own English message (the contract's) is not one of ours and reads as the generic text.
 */
import { messagesOf, type Message } from '../platform/i18n/translate'
import type { FormTexts } from './form.en'

const msg = messagesOf<FormTexts>()

const PREFIX = 'msg:'

export function encodeMessage(message: Message): string {
  return PREFIX + JSON.stringify(message)
}

export function decodeMessage(text: string | undefined): Message {
  if (text?.startsWith(PREFIX)) {
    try {
      const parsed: unknown = JSON.parse(text.slice(PREFIX.length))
      if (typeof parsed === 'object' && parsed !== null && typeof Reflect.get(parsed, 'key') === 'string') return parsed as Message
    } catch {
      // Not one of ours: the generic text below.
    }
  }
  return msg('form.invalid')
}

/** The little of a zod issue the texts need. */
interface Issue {
  readonly code?: string
  readonly origin?: string
  readonly minimum?: unknown
  readonly maximum?: unknown
  readonly expected?: string
}

const asNumber = (value: unknown): number => (typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : 0)

export function issueMessage(issue: Issue): Message {
  const text = issue.origin === 'string'
  switch (issue.code) {
    case 'too_small':
      if (text) return asNumber(issue.minimum) <= 1 ? msg('form.required') : msg('form.tooShort', { min: asNumber(issue.minimum) })
      return msg('form.tooSmall', { min: asNumber(issue.minimum) })
    case 'too_big':
      return text ? msg('form.tooLong', { max: asNumber(issue.maximum) }) : msg('form.tooBig', { max: asNumber(issue.maximum) })
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? msg('form.wholeNumber') : msg('form.invalid')
    case 'invalid_value':
    case 'invalid_union':
      return msg('form.choose')
    default:
      return msg('form.invalid')
  }
}

/** The zod resolver's parse options: every refusal without its own message becomes one of ours. */
export const FORM_ISSUES = { error: (issue: Issue) => encodeMessage(issueMessage(issue)) }
