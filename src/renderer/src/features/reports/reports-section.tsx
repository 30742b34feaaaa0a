import { useEffect, type KeyboardEvent, type ReactNode } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { REPORT_PRESETS } from '#shared/reports/report-days'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FeedbackLine } from '../../ui/feedback-line'
import type { UiTexts } from '../../ui/ui.en'
import { useSession } from '../session/public'
import { ReportPanel } from './report-panels'
import { REPORT_TABS, type ReportTab } from './reports.slice'
import type { ReportsTexts } from './reports.en'
import { useReports } from './use-reports'
import './reports.css'

type Texts = ReportsTexts & UiTexts

const tabId = (tab: ReportTab) => `report-tab-${tab}`
const PANEL_ID = 'report-panel'

/** The presets, then the days themselves; `children` go on the days' line (what they read as, the PDF button). */
function RangePicker({ children }: { children: ReactNode }) {
  const { t } = useI18n<Texts>()
  const { choice, range } = useReports(useShallow((s) => ({ choice: s.choice, range: s.range })))
  const presetChosen = useReports((s) => s.presetChosen)
  const customChosen = useReports((s) => s.customChosen)
  const dayChanged = useReports((s) => s.dayChanged)
  return (
    <fieldset className="report-range">
      <legend className="visually-hidden">{t('reports.days')}</legend>
      <div className="report-presets" role="group" aria-label={t('reports.days')}>
        {REPORT_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className="button button-quiet button-compact"
            aria-pressed={preset === choice}
            onClick={() => presetChosen(preset)}
          >
            {t(`reports.preset.${preset}`)}
          </button>
        ))}
        <button type="button" className="button button-quiet button-compact" aria-pressed={choice === 'custom'} onClick={customChosen}>
          {t('reports.preset.custom')}
        </button>
      </div>
      {/* The days can always be typed; "Pick days" only says that they were. */}
      <div className="report-days">
        <label className="report-day">
          <span>{t('reports.from')}</span>
          <input className="input" type="date" value={range.from} onChange={(event) => dayChanged('from', event.target.value)} />
        </label>
        <label className="report-day">
          <span>{t('reports.to')}</span>
          <input className="input" type="date" value={range.to} onChange={(event) => dayChanged('to', event.target.value)} />
        </label>
        {children}
      </div>
    </fieldset>
  )
}

/** The tabs, as a tab list: arrows, Home and End move between them and show each one. */
function ReportTabs() {
  const { t } = useI18n<Texts>()
  const tab = useReports((s) => s.tab)
  const tabChosen = useReports((s) => s.tabChosen)

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const index = REPORT_TABS.indexOf(tab)
    const last = REPORT_TABS.length - 1
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (index + 1) % REPORT_TABS.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (index + last) % REPORT_TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    if (next === null) return
    event.preventDefault()
    const chosen = REPORT_TABS[next]!
    tabChosen(chosen)
    document.getElementById(tabId(chosen))?.focus()
  }

  return (
    <div className="report-tabs" role="tablist" aria-label={t('reports.tabs')} onKeyDown={onKeyDown}>
      {REPORT_TABS.map((each) => (
        <button
          key={each}
          id={tabId(each)}
          type="button"
          role="tab"
          className="report-tab"
          aria-selected={each === tab}
          aria-controls={PANEL_ID}
          tabIndex={each === tab ? 0 : -1}
          onClick={() => tabChosen(each)}
        >
          {t(`reports.tab.${each}`)}
        </button>
      ))}
    </div>
  )
}

/** The back office's Reports: a range of business days, a panel per report, each table to CSV, the page to PDF. */
export function ReportsSection() {
  const { t } = useI18n<Texts>()
  const sectionOpened = useReports((s) => s.sectionOpened)
  const { tab, range, feedback, pdfPending } = useReports(
    useShallow((s) => ({ tab: s.tab, range: s.range, feedback: s.feedback, pdfPending: s.pdfPending })),
  )
  const pdfChosen = useReports((s) => s.pdfChosen)
  const storeName = useSession((s) => s.appInfo?.storeName ?? '')

  useEffect(() => {
    sectionOpened()
  }, [sectionOpened])

  const rangeText = !range.from
    ? ''
    : range.from === range.to
      ? t('reports.rangeOneDay', { day: { day: range.from } })
      : t('reports.rangeDays', { from: { day: range.from }, to: { day: range.to } })

  return (
    <div className="reports-section">
      <p className="reports-print-title">
        {t('reports.printTitle', { store: storeName, report: t(`reports.tab.${tab}`), range: rangeText })}
      </p>
      <div className="reports-toolbar">
        <RangePicker>
          <p className="reports-range-shown" data-range={`${range.from}/${range.to}`}>
            {rangeText}
          </p>
          <button type="button" className="button button-quiet reports-pdf" aria-disabled={pdfPending} onClick={() => void pdfChosen()}>
            {pdfPending ? t('reports.savingPdf') : t('reports.savePdf')}
          </button>
        </RangePicker>
      </div>
      <FeedbackLine feedback={feedback} className="reports-feedback" />
      <ReportTabs />
      <section id={PANEL_ID} className="report-panel" role="tabpanel" aria-labelledby={tabId(tab)} data-tab={tab}>
        <ReportPanel tab={tab} />
      </section>
    </div>
  )
}
