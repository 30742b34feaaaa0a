import { useI18n } from '../platform/i18n/use-i18n'
import type { Message } from '../platform/i18n/translate'
import type { UiTexts } from './ui.en'

/** A section's last result: what happened, and whether it went well. */
export interface Feedback {
  readonly tone: 'ok' | 'error'
  readonly message: Message
}

/**
 * A section's last result, in a region that is always there so the layout does not jump. Errors
 * are alerts; a success is a status.
 */
export function FeedbackLine({ feedback, className }: { feedback: Feedback | null; className?: string }) {
  const { render } = useI18n<UiTexts>()
  return (
    <div className={className ? `feedback-area ${className}` : 'feedback-area'}>
      {feedback && (
        <p className={`feedback feedback-${feedback.tone}`} role={feedback.tone === 'ok' ? 'status' : 'alert'}>
          {render(feedback.message)}
        </p>
      )}
    </div>
  )
}
