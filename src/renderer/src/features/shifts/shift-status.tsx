import { useEffect } from 'react'
import { useI18n } from '../../platform/i18n/use-i18n'
import { useSession } from '../session/public'
import type { ShiftsTexts } from './shifts.en'
import { useShifts } from './use-shifts'

const time = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
const sameDay = (iso: string) => new Date(iso).toDateString() === new Date().toDateString()

/**
 * The till header's word on the shift, when the store works in shifts: which one is open and
 * since when, or that none is. It asks for the shift state whenever someone signs in.
 */
export function ShiftStatus() {
  const { t } = useI18n<ShiftsTexts>()
  const userId = useSession((s) => s.user?.id ?? null)
  const locale = useSession((s) => s.appInfo?.locale ?? 'en')
  const current = useShifts((s) => s.current)
  const currentRequested = useShifts((s) => s.currentRequested)

  useEffect(() => {
    if (userId !== null) void currentRequested()
  }, [userId, currentRequested])

  if (!current?.enabled) return null
  const shift = current.shift
  if (!shift) {
    return (
      <p className="shift-status shift-status-none" data-testid="shift-status" role="status">
        {t('shift.status.none')}
      </p>
    )
  }
  // A shift opened on another day says the day too.
  const since = sameDay(shift.openedAt)
    ? time(shift.openedAt, locale)
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(shift.openedAt))
  return (
    <p className="shift-status" data-testid="shift-status" role="status">
      {t('shift.status.open', { number: shift.number, time: since })}
    </p>
  )
}
