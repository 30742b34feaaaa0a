import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo, useRef } from 'react'
import { useForm } from 'react-hook-form'
import { useShallow } from 'zustand/react/shallow'
import type { TokenLedgerEntryDto } from '#shared/contract/tokens'
import { useDateTime, useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { takesText } from '../../platform/lib/keys'
import { FeedbackLine } from '../../ui/feedback-line'
import { FormError } from '../../ui/form-error'
import { describedBy, FormField, hintId } from '../../ui/form-field'
import { FORM_ISSUES } from '../../ui/form-issues'
import { PrintSheet, TokenCard } from './token-card'
import { lastFour } from './token-code'
import {
  expiryFormSchema,
  holderFormSchema,
  topUpFormSchema,
  type ExpiryFormValues,
  type HolderFormValues,
  type TopUpFormValues,
  type TopUpInput,
} from './token-forms'
import { TokenStatusBadge } from './token-status-badge'
import type { TokensTexts } from './tokens.en'
import type { TokenChange, TokenDetail } from './tokens.slice'
import { useStoreCalendar, useStoreCurrency } from './use-store-calendar'
import { useTokenQr } from './use-token-qr'
import { useTokens } from './use-tokens'

function useChange(change: TokenChange) {
  return useTokens(
    useShallow((s) => ({
      pending: s.changePending === change,
      busy: s.changePending !== null,
      feedback: s.changeFeedback?.change === change ? s.changeFeedback.feedback : null,
    })),
  )
}

function TopUpForm() {
  const { t } = useI18n<TokensTexts>()
  const { currency, decimals } = useStoreCurrency()
  const { pending, busy, feedback } = useChange('topUp')
  const topUpSubmitted = useTokens((s) => s.topUpSubmitted)
  const schema = useMemo(() => topUpFormSchema(decimals), [decimals])
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<TopUpFormValues, unknown, TopUpInput>({ resolver: zodResolver(schema, FORM_ISSUES), defaultValues: { amount: '', note: '' } })

  return (
    <section className="token-change" aria-labelledby="topup-title">
      <h3 id="topup-title" className="token-change-title">
        {t('tokens.topUp')}
      </h3>
      <form
        noValidate
        onSubmit={(event) =>
          void handleSubmit(async (values) => {
            if (busy) return
            if (await topUpSubmitted(values)) reset()
          })(event)
        }
      >
        <div className="token-change-fields">
          <FormField id="topup-amount" label={t('tokens.field.amount', { currency })} error={errors.amount}>
            <input
              id="topup-amount"
              className="input"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              {...register('amount')}
              {...describedBy('topup-amount', { error: errors.amount })}
            />
          </FormField>
          <FormField id="topup-note" label={t('tokens.field.note')} optional error={errors.note}>
            <input id="topup-note" className="input" type="text" autoComplete="off" {...register('note')} />
          </FormField>
          <button type="submit" className="button button-primary" aria-disabled={busy}>
            {pending ? t('tokens.working') : t('tokens.topUpSubmit')}
          </button>
        </div>
      </form>
      <FeedbackLine feedback={feedback} />
    </section>
  )
}

function ExpiryForm({ expiresOn }: { expiresOn: string }) {
  const { t } = useI18n<TokensTexts>()
  const { today } = useStoreCalendar()
  const { pending, busy, feedback } = useChange('expiry')
  const expirySubmitted = useTokens((s) => s.expirySubmitted)
  const schema = useMemo(() => expiryFormSchema(today), [today])
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ExpiryFormValues, unknown, { expiresOn: string }>({
    resolver: zodResolver(schema, FORM_ISSUES),
    defaultValues: { expiresOn },
  })

  return (
    <section className="token-change" aria-labelledby="expiry-title">
      <h3 id="expiry-title" className="token-change-title">
        {t('tokens.expiry')}
      </h3>
      <form
        noValidate
        onSubmit={(event) =>
          void handleSubmit(async (values) => {
            if (!busy) await expirySubmitted(values.expiresOn)
          })(event)
        }
      >
        <div className="token-change-fields">
          <FormField id="expiry-date" label={t('tokens.field.expiresOn')} error={errors.expiresOn}>
            <input
              id="expiry-date"
              className="input"
              type="date"
              min={today}
              {...register('expiresOn')}
              {...describedBy('expiry-date', { error: errors.expiresOn })}
            />
          </FormField>
          <button type="submit" className="button button-quiet" aria-disabled={busy}>
            {pending ? t('tokens.working') : t('tokens.expirySubmit')}
          </button>
        </div>
      </form>
      <FeedbackLine feedback={feedback} />
    </section>
  )
}

function HolderForm({ holderName }: { holderName: string | null }) {
  const { t } = useI18n<TokensTexts>()
  const { pending, busy, feedback } = useChange('holder')
  const holderSubmitted = useTokens((s) => s.holderSubmitted)
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<HolderFormValues, unknown, { holderName: string | null }>({
    resolver: zodResolver(holderFormSchema, FORM_ISSUES),
    defaultValues: { holderName: holderName ?? '' },
  })

  return (
    <section className="token-change" aria-labelledby="holder-title">
      <h3 id="holder-title" className="token-change-title">
        {t('tokens.holderTitle')}
      </h3>
      <form
        noValidate
        onSubmit={(event) =>
          void handleSubmit(async (values) => {
            if (!busy) await holderSubmitted(values.holderName)
          })(event)
        }
      >
        <div className="token-change-fields">
          <FormField id="holder-name" label={t('tokens.field.holder')} hint={t('tokens.holderHint')} error={errors.holderName}>
            <input
              id="holder-name"
              className="input"
              type="text"
              autoComplete="off"
              {...register('holderName')}
              {...describedBy('holder-name', { hint: true, error: errors.holderName })}
            />
          </FormField>
          <button type="submit" className="button button-quiet" aria-disabled={busy}>
            {pending ? t('tokens.working') : t('tokens.holderSubmit')}
          </button>
        </div>
      </form>
      <FeedbackLine feedback={feedback} />
    </section>
  )
}

function ActiveSwitch({ active }: { active: boolean }) {
  const { t } = useI18n<TokensTexts>()
  const { pending, busy, feedback } = useChange('active')
  const activeToggled = useTokens((s) => s.activeToggled)
  return (
    <section className="token-change" aria-labelledby="active-title">
      <h3 id="active-title" className="token-change-title">
        {t('tokens.switch')}
      </h3>
      <p id={hintId('token-active')} className="field-hint">
        {t('tokens.deactivateHint')}
      </p>
      <div>
        <button
          type="button"
          className={active ? 'button tokens-button-danger' : 'button button-quiet'}
          aria-describedby={hintId('token-active')}
          aria-disabled={busy}
          onClick={() => {
            if (!busy) void activeToggled()
          }}
        >
          {pending ? t('tokens.working') : active ? t('tokens.deactivate') : t('tokens.reactivate')}
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </section>
  )
}

const REASONS = {
  issue: 'tokens.reason.issue',
  topUp: 'tokens.reason.topUp',
  sale: 'tokens.reason.sale',
  refund: 'tokens.reason.refund',
  adjust: 'tokens.reason.adjust',
  expire: 'tokens.reason.expire',
} as const satisfies Record<TokenLedgerEntryDto['reason'], keyof TokensTexts>

function Ledger({ ledger }: { ledger: readonly TokenLedgerEntryDto[] }) {
  const { t } = useI18n<TokensTexts>()
  const money = useMoney()
  const dateTime = useDateTime()
  return (
    <section className="token-ledger" aria-labelledby="ledger-title">
      <h3 id="ledger-title" className="token-change-title">
        {t('tokens.ledger')}
      </h3>
      {ledger.length === 0 ? (
        <p className="tokens-empty">{t('tokens.ledger.empty')}</p>
      ) : (
        <div className="tokens-table-scroll">
          <table className="data-table ledger-table">
            <caption className="visually-hidden">{t('tokens.ledgerCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.ledger.at')}</th>
                <th scope="col">{t('tokens.ledger.reason')}</th>
                <th scope="col" className="num">
                  {t('tokens.ledger.amount')}
                </th>
                <th scope="col" className="num">
                  {t('tokens.ledger.balanceAfter')}
                </th>
                <th scope="col">{t('tokens.ledger.by')}</th>
                <th scope="col" className="num">
                  {t('tokens.ledger.invoice')}
                </th>
                <th scope="col">{t('tokens.ledger.note')}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                  </td>
                  <th scope="row">{t(REASONS[entry.reason])}</th>
                  <td className={entry.deltaCents < 0 ? 'num ledger-debit' : 'num ledger-credit'}>
                    {entry.deltaCents > 0 ? t('tokens.ledger.credit', { amount: money(entry.deltaCents) }) : money(entry.deltaCents)}
                  </td>
                  <td className="num">{money(entry.balanceAfterCents)}</td>
                  <td className="ledger-by">{entry.by ?? t('tokens.noHolder')}</td>
                  {/* An invoice number is an identifier, read digit by digit: not grouped. */}
                  <td className="num">{entry.invoiceNumber === null ? t('tokens.noHolder') : String(entry.invoiceNumber)}</td>
                  <td className="ledger-note">{entry.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function CardPanel({ token }: { token: TokenDetail }) {
  const { t } = useI18n<TokensTexts>()
  const { pending, feedback, justIssued } = useTokens(
    useShallow((s) => ({ pending: s.pdfPending, feedback: s.pdfFeedback, justIssued: s.justIssued })),
  )
  const cardPdfChosen = useTokens((s) => s.cardPdfChosen)
  const saveRef = useRef<HTMLButtonElement>(null)
  // The PDF is the page as it shows: wait for the card's QR symbol before printing it.
  const qrReady = useTokenQr(token.code) !== null
  // Right after issuing, the card is the next thing to hand over.
  useEffect(() => {
    if (justIssued) saveRef.current?.focus()
  }, [justIssued])
  const balanceAt = token.ledger[0]?.at ?? token.createdAt

  return (
    <section className="token-card-panel" aria-labelledby="card-title">
      <h3 id="card-title" className="token-change-title">
        {t('tokens.card')}
      </h3>
      <div className="token-card-preview">
        <TokenCard token={token} balanceAt={balanceAt} />
      </div>
      <PrintSheet>
        <TokenCard token={token} balanceAt={balanceAt} />
      </PrintSheet>
      <div>
        <button
          ref={saveRef}
          type="button"
          className="button button-primary"
          aria-disabled={pending || !qrReady}
          onClick={() => {
            if (qrReady) void cardPdfChosen()
          }}
        >
          {pending ? t('tokens.savingPdf') : t('tokens.savePdf')}
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </section>
  )
}

/** One token: its figures, its changes, its card and its whole ledger. */
export function TokenPage() {
  const { t } = useI18n<TokensTexts>()
  const money = useMoney()
  const { formatDay, formatInstantDay } = useStoreCalendar()
  const { token, error, justIssued } = useTokens(useShallow((s) => ({ token: s.token, error: s.tokenError, justIssued: s.justIssued })))
  const backToListChosen = useTokens((s) => s.backToListChosen)
  const titleFocused = useRef(false)

  // A new page: its heading takes focus once (and is read out), unless the card's button takes it
  // after issuing. The section keys this page by the token's code, so another token starts afresh.
  function titleShown(node: HTMLHeadingElement | null): void {
    if (!node || titleFocused.current) return
    titleFocused.current = true
    if (!justIssued) node.focus()
  }

  return (
    // Esc goes back to the list (not out of the back office), unless a field is being typed in.
    <div
      className="token-page"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented || takesText(event.target instanceof Element ? event.target : null)) return
        event.preventDefault()
        backToListChosen()
      }}
    >
      <div className="token-title-row">
        <button type="button" className="button button-quiet tokens-back" onClick={backToListChosen}>
          ← {t('tokens.back')}
        </button>
        {token && (
          <>
            <h2 ref={titleShown} tabIndex={-1} className="tokens-page-title">
              {t('tokens.pageTitle', { last4: lastFour(token.code) })}
            </h2>
            <TokenStatusBadge token={token} />
          </>
        )}
      </div>
      {error && <FormError message={error} />}
      {token === null ? (
        !error && (
          <p className="tokens-empty" role="status">
            {t('tokens.pageLoading')}
          </p>
        )
      ) : (
        <>
          {justIssued && (
            <p className="feedback feedback-ok" role="status">
              {t('tokens.issued', { amount: money(token.balanceCents) })}
            </p>
          )}
          <div className="token-layout">
            <div className="token-main">
              <dl className="token-facts">
                <div className="token-fact token-fact-wide">
                  <dt>{t('tokens.code')}</dt>
                  <dd className="token-code" data-testid="token-code">
                    {token.code}
                  </dd>
                </div>
                <div className="token-fact">
                  <dt>{t('tokens.balance')}</dt>
                  <dd className="token-balance" data-testid="token-balance">
                    {money(token.balanceCents)}
                  </dd>
                </div>
                <div className="token-fact">
                  <dt>{t('tokens.expiresOn')}</dt>
                  <dd>{formatDay(token.expiresOn)}</dd>
                </div>
                <div className="token-fact">
                  <dt>{t('tokens.holder')}</dt>
                  <dd>{token.holderName ?? t('tokens.noHolder')}</dd>
                </div>
                <div className="token-fact">
                  <dt>{t('tokens.issuedOn')}</dt>
                  <dd>{formatInstantDay(token.createdAt)}</dd>
                </div>
                {token.note && (
                  <div className="token-fact token-fact-wide">
                    <dt>{t('tokens.note')}</dt>
                    <dd>{token.note}</dd>
                  </div>
                )}
              </dl>
            </div>
            <CardPanel token={token} />
          </div>
          <div className="token-changes">
            <TopUpForm />
            <ExpiryForm key={`expiry-${token.expiresOn}`} expiresOn={token.expiresOn} />
            <HolderForm key={`holder-${token.holderName ?? ''}`} holderName={token.holderName} />
            <ActiveSwitch active={token.active} />
          </div>
          <Ledger ledger={token.ledger} />
        </>
      )}
    </div>
  )
}
