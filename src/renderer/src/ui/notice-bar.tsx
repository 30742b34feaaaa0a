import { useI18n } from '../platform/i18n/use-i18n'
import type { Message } from '../platform/i18n/translate'
import type { UiTexts } from './ui.en'

export type NoticeTone = 'info' | 'warning' | 'error'

export interface Notice {
  readonly tone: NoticeTone
  readonly message: Message
  /** Changes on every notice so the same text shown twice is announced twice. */
  readonly id: number
}

/** The register's one-line feedback: item added, unknown code, empty cart. */
export function NoticeBar({ notice }: { notice: Notice | null }) {
  const { render } = useI18n<UiTexts>()
  return (
    <div className="notice-area">
      {notice && (
        <p key={notice.id} className={`notice notice-${notice.tone}`} role={notice.tone === 'info' ? 'status' : 'alert'}>
          {render(notice.message)}
        </p>
      )}
    </div>
  )
}
