import { useI18n } from '../platform/i18n/use-i18n'
import type { Message } from '../platform/i18n/translate'
import type { UiTexts } from './ui.en'

/**
 * A form's one error line, in a region that is always there so the form does not jump when it
 * appears. An alert, so a screen reader says it at once.
 */
export function FormError({ message }: { message: Message | null }) {
  const { render } = useI18n<UiTexts>()
  return (
    <div className="form-error-area">
      {message && (
        <p className="form-error" role="alert">
          {render(message)}
        </p>
      )}
    </div>
  )
}
