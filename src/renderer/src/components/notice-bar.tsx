import { useI18n } from '../i18n/use-i18n'
import { usePos } from '../store/pos-store'

/** The register's one-line feedback: item added, unknown code, empty cart. */
export function NoticeBar() {
  const notice = usePos((s) => s.notice)
  const { render } = useI18n()
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
