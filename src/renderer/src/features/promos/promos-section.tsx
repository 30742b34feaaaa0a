import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { PromoDto } from '#shared/contract/promos'
import type { MessageKey } from '../../platform/i18n/translate'
import { useDay, useI18n, useMoney, usePercent } from '../../platform/i18n/use-i18n'
import { FeedbackLine } from '../../ui/feedback-line'
import { KeyHint } from '../../ui/key-hint'
import { PromoEditorDialog } from './promo-editor-dialog'
import type { PromosTexts } from './promos.en'
import { PROMO_STATUSES, type PromoStatus } from './promos.slice'
import { usePromos } from './use-promos'
import './promos.css'

const NEW_PROMO_KEY = { key: 'n', label: 'Alt+N', aria: 'Alt+N' } as const

const STATUS_LABELS = {
  all: 'promos.status.all',
  active: 'promos.status.active',
  inactive: 'promos.status.inactive',
} as const satisfies Record<PromoStatus, MessageKey<PromosTexts>>

/** The days a promo can be used, as people read them. */
function useValidity(): (promo: PromoDto) => string {
  const { t } = useI18n<PromosTexts>()
  const formatDay = useDay()
  // Each day stays on one line; the range may break at its dash.
  const day = (isoDay: string) => formatDay(isoDay).replace(/ /g, '\u00a0')
  return ({ startsOn, endsOn }) => {
    if (startsOn && endsOn) return t('promos.between', { start: day(startsOn), end: day(endsOn) })
    if (startsOn) return t('promos.from', { start: day(startsOn) })
    if (endsOn) return t('promos.until', { end: day(endsOn) })
    return t('promos.always')
  }
}

function PromoRow({ promo }: { promo: PromoDto }) {
  const { t } = useI18n<PromosTexts>()
  const money = useMoney()
  const percent = usePercent()
  const validity = useValidity()
  const pending = usePromos((s) => s.rowPending !== null)
  const editChosen = usePromos((s) => s.editChosen)
  const activeToggled = usePromos((s) => s.activeToggled)
  const { code } = promo
  const limited = promo.productIds.length > 0 || promo.categoryIds.length > 0
  const rowButton = 'button button-quiet button-compact'
  return (
    <tr className={promo.active ? 'promo-row' : 'promo-row promo-row-off'} data-promo={code}>
      <th scope="row" className="promo-code">
        {code}
      </th>
      <td>{promo.name}</td>
      <td className="num">
        <span className="promo-off">
          {promo.kind === 'percent'
            ? t('promos.offPercent', { percent: percent(promo.value) })
            : t('promos.offAmount', { amount: money(promo.value) })}
        </span>
        {limited && <span className="promo-limited">{t('promos.limited')}</span>}
      </td>
      <td className="num">{promo.minSpendCents === null ? t('promos.noMinimum') : money(promo.minSpendCents)}</td>
      <td className="promo-dates">{validity(promo)}</td>
      <td className="num">
        {promo.maxUses === null ? t('promos.uses', { uses: promo.uses }) : t('promos.usesOf', { uses: promo.uses, max: promo.maxUses })}
      </td>
      <td>
        <span className={promo.active ? 'pill pill-ok' : 'pill pill-muted'}>
          {promo.active ? t('promos.state.active') : t('promos.state.inactive')}
        </span>
      </td>
      <td className="promo-actions">
        <div className="promo-action-row">
          <button
            type="button"
            className={rowButton}
            aria-label={t('promos.editLabel', { code })}
            onClick={() => void editChosen(promo.id)}
          >
            {t('promos.edit')}
          </button>
          <button
            type="button"
            className={rowButton}
            aria-label={promo.active ? t('promos.switchOffLabel', { code }) : t('promos.switchOnLabel', { code })}
            aria-disabled={pending}
            onClick={() => void activeToggled(promo.id)}
          >
            {promo.active ? t('promos.switchOff') : t('promos.switchOn')}
          </button>
        </div>
      </td>
    </tr>
  )
}

/** The back office's Promo codes section: every code the till takes, searched, filtered, made, edited and switched here. */
export function PromosSection() {
  const { t } = useI18n<PromosTexts>()
  const addRef = useRef<HTMLButtonElement>(null)
  const { promos, status, query, listError, feedback, editor } = usePromos(
    useShallow((s) => ({
      promos: s.promos,
      status: s.status,
      query: s.query,
      listError: s.listError,
      feedback: s.feedback,
      editor: s.editor,
    })),
  )
  const promosRequested = usePromos((s) => s.promosRequested)
  const createChosen = usePromos((s) => s.createChosen)
  const queryTyped = usePromos((s) => s.queryTyped)
  const statusChosen = usePromos((s) => s.statusChosen)

  useEffect(() => {
    void promosRequested()
  }, [promosRequested])

  // Back from the form, focus returns to where the list is worked from.
  const wasEditing = useRef(false)
  useEffect(() => {
    if (editor) wasEditing.current = true
    else if (wasEditing.current) {
      wasEditing.current = false
      addRef.current?.focus()
    }
  }, [editor])

  // Alt+N anywhere in the back office while the section shows (the navigation keeps focus after choosing it).
  useEffect(() => {
    if (editor) return
    function onKeyDown(event: KeyboardEvent): void {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === NEW_PROMO_KEY.key) {
        event.preventDefault()
        void createChosen()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [editor, createChosen])

  const filtered = status !== 'all' || query.trim() !== ''
  return (
    <div className="promos">
      <p className="field-hint">{t('promos.intro')}</p>
      <div className="section-toolbar promos-toolbar">
        <button
          ref={addRef}
          type="button"
          className="button button-primary"
          aria-keyshortcuts={NEW_PROMO_KEY.aria}
          onClick={() => void createChosen()}
        >
          {t('promos.new')} <KeyHint>{NEW_PROMO_KEY.label}</KeyHint>
        </button>
        <div className="field promos-search">
          <label htmlFor="promos-search">{t('promos.search')}</label>
          <input
            id="promos-search"
            className="input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(event) => void queryTyped(event.target.value)}
          />
        </div>
        <div className="field promos-status">
          <label htmlFor="promos-status">{t('promos.status')}</label>
          <select
            id="promos-status"
            className="input"
            value={status}
            onChange={(event) => {
              const chosen = PROMO_STATUSES.find((option) => option === event.target.value)
              if (chosen) void statusChosen(chosen)
            }}
          >
            {PROMO_STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(STATUS_LABELS[option])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FeedbackLine feedback={listError ? { tone: 'error', message: listError } : feedback} />
      {promos === null ? (
        <p role="status">{t('promos.loading')}</p>
      ) : promos.length === 0 ? (
        <p role="status">{filtered ? t('promos.noMatch') : t('promos.none')}</p>
      ) : (
        <div className="table-scroll promos-table-scroll">
          <table className="data-table promos-table">
            <caption className="visually-hidden">{t('promos.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('promos.col.code')}</th>
                <th scope="col">{t('promos.col.name')}</th>
                <th scope="col" className="num">
                  {t('promos.col.off')}
                </th>
                <th scope="col" className="num">
                  {t('promos.col.minSpend')}
                </th>
                <th scope="col">{t('promos.col.dates')}</th>
                <th scope="col" className="num">
                  {t('promos.col.uses')}
                </th>
                <th scope="col">{t('promos.col.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('promos.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {promos.map((promo) => (
                <PromoRow key={promo.id} promo={promo} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editor && <PromoEditorDialog key={editor.kind === 'edit' ? `edit-${editor.promo.id}` : 'create'} editor={editor} />}
    </div>
  )
}
