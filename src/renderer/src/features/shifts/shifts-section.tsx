import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useDateTime, useI18n } from '../../platform/i18n/use-i18n'
import { AdminList, AdminRow, RowActions, RowButton } from '../../ui/admin-list'
import { FormError } from '../../ui/form-error'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import { ReceiptPrintActions, usePrintKeys } from '../printing/public'
import { ShiftReport, VarianceText } from './shift-report'
import type { ShiftsTexts } from './shifts.en'
import { SHIFTS_PAGE, type ShiftListItem } from './shifts.slice'
import { useShifts } from './use-shifts'
import './shifts.css'

function ShiftRow({ shift }: { shift: ShiftListItem }) {
  const { t } = useI18n<ShiftsTexts>()
  const dateTime = useDateTime()
  const zReportViewed = useShifts((s) => s.zReportViewed)
  return (
    <AdminRow off={false} data-shift={shift.number}>
      <th scope="row">{t('shift.report.shiftNumber', { number: shift.number })}</th>
      <td>{t('shift.report.openedBy', { time: dateTime(shift.openedAt), name: shift.openedByName })}</td>
      <td>
        {shift.closedAt
          ? t('shift.report.openedBy', { time: dateTime(shift.closedAt), name: shift.closedByName ?? '' })
          : t('shifts.list.stillOpen')}
      </td>
      <td className="num">{shift.zNumber ?? ''}</td>
      <td className="num" data-testid="shift-row-variance">
        {shift.varianceCents === null ? '' : <VarianceText varianceCents={shift.varianceCents} />}
      </td>
      <RowActions className="shift-row-actions">
        {shift.zNumber !== null && (
          <RowButton label={t('shifts.list.open', { number: shift.zNumber })} onClick={() => void zReportViewed(shift.id)}>
            {t('shifts.list.z')}
          </RowButton>
        )}
      </RowActions>
    </AdminRow>
  )
}

/** A closed shift's Z report as it was written, to read again and reprint. */
function ZReportViewDialog() {
  const { t } = useI18n<ShiftsTexts & UiTexts>()
  const ref = useRef<HTMLDivElement>(null)
  const { z, pending, error } = useShifts(useShallow((s) => ({ z: s.viewedZ, pending: s.viewedZPending, error: s.viewedZError })))
  const closed = useShifts((s) => s.zReportViewClosed)
  const printKey = usePrintKeys(z ? { zReportId: z.id } : null, z ? `z-report-${z.number}` : null)
  return (
    <ModalDialog
      labelledBy="shift-z-view-title"
      className="shift-dialog shift-report-dialog"
      onDismiss={closed}
      initialFocus={ref}
      onKeyDown={(event) => void printKey(event)}
    >
      <div className="dialog-body" ref={ref} tabIndex={-1}>
        <h2 id="shift-z-view-title" className="dialog-title">
          {z ? t('shift.z.title', { number: z.number }) : t('shifts.z.loading')}
        </h2>
        {error && <FormError message={error} />}
        {z && <ReceiptPrintActions source={{ zReportId: z.id }} pdfName={`z-report-${z.number}`} />}
        {z && <ShiftReport figures={z.figures} z={z} />}
        <div className="dialog-actions">
          <button type="button" className="button button-primary" aria-keyshortcuts="Escape" aria-disabled={pending} onClick={closed}>
            {t('shift.done')} <KeyHint>{t('key.escape')}</KeyHint>
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}

/** The back office's Shifts section: this till's shifts, newest first, each closed one with its Z report. */
export function ShiftsSection() {
  const { t } = useI18n<ShiftsTexts>()
  const { list, listError, viewing } = useShifts(
    useShallow((s) => ({
      list: s.list,
      listError: s.listError,
      viewing: s.viewedZ !== null || s.viewedZPending || s.viewedZError !== null,
    })),
  )
  const listRequested = useShifts((s) => s.listRequested)

  useEffect(() => {
    void listRequested(0)
  }, [listRequested])

  const offset = list?.offset ?? 0
  const total = list?.total ?? 0
  return (
    <div className="admin-section shifts">
      <AdminList
        items={list?.items ?? (listError ? [] : null)}
        listError={listError}
        feedback={null}
        loadingText={t('shifts.list.loading')}
        emptyText={listError ? '' : t('shifts.list.empty')}
        caption={t('shifts.list.label')}
        className="shifts-table"
        columns={[
          { label: t('shifts.list.number') },
          { label: t('shifts.list.opened') },
          { label: t('shifts.list.closed') },
          { label: t('shifts.list.z'), num: true },
          { label: t('shifts.list.variance'), num: true },
          { label: t('shifts.list.actions'), hidden: true },
        ]}
        row={(shift) => <ShiftRow shift={shift} />}
      />
      {total > SHIFTS_PAGE && (
        <div className="section-toolbar shifts-pages">
          <button
            type="button"
            className="button button-quiet"
            disabled={offset === 0}
            onClick={() => void listRequested(Math.max(0, offset - SHIFTS_PAGE))}
          >
            {t('shifts.list.newer')}
          </button>
          <span role="status">{t('shifts.list.page', { from: offset + 1, to: Math.min(offset + SHIFTS_PAGE, total), total })}</span>
          <button
            type="button"
            className="button button-quiet"
            disabled={offset + SHIFTS_PAGE >= total}
            onClick={() => void listRequested(offset + SHIFTS_PAGE)}
          >
            {t('shifts.list.older')}
          </button>
        </div>
      )}
      {viewing && <ZReportViewDialog />}
    </div>
  )
}
