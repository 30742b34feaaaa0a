import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { PromoDto } from '#shared/contract/promos'
import type { MessageKey } from '../../platform/i18n/translate'
import { useDay, useI18n, useMoney, usePercent } from '../../platform/i18n/use-i18n'
import { InputField, SelectField } from '../../ui/form-field'
import { AdminList, AdminRow, NewButton, Pill, RowActions, RowButton, useFocusAfterForm, useNewKey } from '../../ui/admin-list'
import { PromoEditorDialog } from './promo-editor-dialog'
import type { PromosTexts } from './promos.en'
import { PROMO_STATUSES, type PromoStatus } from './promos.slice'
import { usePromos } from './use-promos'
import './promos.css'

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
  return (
    <AdminRow off={!promo.active} data-promo={code}>
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
        <Pill tone={promo.active ? 'ok' : 'muted'}>{promo.active ? t('promos.state.active') : t('promos.state.inactive')}</Pill>
      </td>
      <RowActions className="promo-actions">
        <RowButton label={t('promos.editLabel', { code })} onClick={() => void editChosen(promo.id)}>
          {t('promos.edit')}
        </RowButton>
        <RowButton
          label={promo.active ? t('promos.switchOffLabel', { code }) : t('promos.switchOnLabel', { code })}
          busy={pending}
          onClick={() => void activeToggled(promo.id)}
        >
          {promo.active ? t('promos.switchOff') : t('promos.switchOn')}
        </RowButton>
      </RowActions>
    </AdminRow>
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

  useFocusAfterForm(editor !== null, addRef)
  useNewKey(editor === null, createChosen)

  const filtered = status !== 'all' || query.trim() !== ''
  return (
    <div className="admin-section promos">
      <p className="field-hint">{t('promos.intro')}</p>
      <div className="section-toolbar promos-toolbar">
        <NewButton ref={addRef} label={t('promos.new')} keyed onClick={() => void createChosen()} />
        <InputField
          id="promos-search"
          label={t('promos.search')}
          fieldClassName="promos-search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => void queryTyped(event.target.value)}
        />
        <SelectField
          id="promos-status"
          label={t('promos.status')}
          fieldClassName="promos-status"
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
        </SelectField>
      </div>
      <AdminList
        items={promos}
        listError={listError}
        feedback={feedback}
        loadingText={t('promos.loading')}
        emptyText={filtered ? t('promos.noMatch') : t('promos.none')}
        caption={t('promos.caption')}
        className="promos-table"
        columns={[
          { label: t('promos.col.code') },
          { label: t('promos.col.name') },
          { label: t('promos.col.off'), num: true },
          { label: t('promos.col.minSpend'), num: true },
          { label: t('promos.col.dates') },
          { label: t('promos.col.uses'), num: true },
          { label: t('promos.col.status') },
          { label: t('promos.col.actions'), hidden: true },
        ]}
        row={(promo) => <PromoRow promo={promo} />}
      />
      {editor && <PromoEditorDialog key={editor.kind === 'edit' ? `edit-${editor.promo.id}` : 'create'} editor={editor} />}
    </div>
  )
}
