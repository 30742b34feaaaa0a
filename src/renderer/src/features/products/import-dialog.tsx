import { useRef, type ChangeEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { ImportResultDto } from '#shared/contract/catalog'
import { useFileSize, useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { EscapeButton } from '../../ui/dialog-form'
import { ModalDialog } from '../../ui/modal-dialog'
import { currencyOf, useSession } from '../session/public'
import { problemMessage } from './import-problems'
import { mayApply, type ImportProgress } from './product-import.slice'
import type { ProductsTexts } from './products.en'
import { useProductImport } from './use-products'

type Texts = ProductsTexts

function ProgressBar({ progress }: { progress: ImportProgress | null }) {
  const { t } = useI18n<Texts>()
  const phase = progress?.phase ?? 'waiting'
  const total = progress?.total ?? 0
  const done = progress?.done ?? 0
  const label = phase === 'waiting' || phase === 'done' ? t(`import.phase.${phase}`) : t(`import.phase.${phase}`, { done, total })
  return (
    <div className="import-progress">
      <progress
        className="import-progress-bar"
        aria-label={t('import.progress')}
        aria-valuetext={label}
        max={total > 0 ? total : undefined}
        value={total > 0 ? done : undefined}
      />
      <p className="import-progress-text" role="status">
        {label}
      </p>
    </div>
  )
}

function ImportSummary({ result }: { result: ImportResultDto }) {
  const { t, render } = useI18n<Texts>()
  const counts = [
    ['import.rows', result.rows],
    ['import.creates', result.creates],
    ['import.updates', result.updates],
    ['import.unchanged', result.unchanged],
  ] as const
  return (
    <section className="import-result" aria-labelledby="import-summary-title">
      <h3 id="import-summary-title" className="import-subtitle">
        {result.applied ? t('import.summaryApplied') : t('import.summary')}
      </h3>
      <dl className="import-counts">
        {counts.map(([key, value]) => (
          <div key={key} className="import-count" data-testid={`import-${key.slice('import.'.length)}`}>
            <dt>{t(key)}</dt>
            <dd>{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {!result.applied && result.errorCount === 0 && result.newCategories > 0 && (
        <p className="field-hint">{t('import.newCategories', { count: result.newCategories })}</p>
      )}
      {result.applied ? (
        <p className="feedback feedback-ok" role="status">
          {t('import.applied', { creates: result.creates, updates: result.updates, unchanged: result.unchanged })}
        </p>
      ) : result.errorCount > 0 ? (
        <>
          <p className="feedback feedback-error" role="alert">
            {t('import.errors', { count: result.errorCount })}
            {result.errors.length < result.errorCount &&
              ` ${t('import.errorsShown', { shown: result.errors.length, count: result.errorCount })}`}
          </p>
          <div className="import-errors-scroll">
            <table className="import-errors">
              <caption className="visually-hidden">{t('import.errorsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('import.line')}
                  </th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((error, index) => (
                  <tr key={`${error.line}-${error.column ?? ''}-${index}`}>
                    <td className="num">{error.line}</td>
                    <td className="import-error-column">{error.column ?? ''}</td>
                    <td>{render(problemMessage(error))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : result.creates + result.updates === 0 ? (
        <p className="feedback feedback-ok" role="status">
          {t('import.nothingToDo')}
        </p>
      ) : (
        <p className="feedback feedback-ok" role="status">
          {t('import.ready')}
        </p>
      )}
    </section>
  )
}

/** Import a CSV: choose a file or paste it, preview what it would do, and apply it only when it is clean. */
export function ImportDialog() {
  const { t } = useI18n<Texts>()
  const fileSize = useFileSize()
  const currency = useSession((s) => currencyOf(s))
  const state = useProductImport(
    useShallow((s) => ({
      text: s.text,
      file: s.file,
      running: s.running,
      progress: s.progress,
      result: s.result,
      resultFor: s.resultFor,
      error: s.error,
    })),
  )
  const importClosed = useProductImport((s) => s.importClosed)
  const fileChosen = useProductImport((s) => s.fileChosen)
  const textPasted = useProductImport((s) => s.textPasted)
  const previewRequested = useProductImport((s) => s.previewRequested)
  const applyRequested = useProductImport((s) => s.applyRequested)
  const fileRef = useRef<HTMLInputElement>(null)
  const applicable = mayApply(state)
  const changedSincePreview = state.result !== null && !state.result.applied && state.resultFor !== state.text

  async function onFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0]
    if (!file) return
    // Only the text crosses into the app: the renderer reads the file the person picked, no path goes anywhere.
    fileChosen(file.name, file.size, await file.text())
  }

  return (
    <ModalDialog labelledBy="import-title" className="import-dialog" onDismiss={importClosed} initialFocus={fileRef}>
      <div className="dialog-body import-body">
        <h2 id="import-title" className="dialog-title">
          {t('import.title')}
        </h2>
        <p className="field-hint">{t('import.columnsHint', { currency })}</p>
        <div className="import-sources">
          <div className="field">
            <label htmlFor="import-file">{t('import.file')}</label>
            <input
              ref={fileRef}
              id="import-file"
              className="import-file"
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => void onFile(event)}
            />
            {state.file && (
              <p className="field-hint" data-testid="import-file-name">
                {t('import.loaded', { name: state.file.name, size: fileSize(state.file.size) })}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="import-paste">{t('import.paste')}</label>
            <textarea
              id="import-paste"
              className="input import-paste"
              rows={5}
              spellCheck={false}
              value={state.file ? '' : state.text}
              placeholder="sku,name,price"
              onChange={(event) => textPasted(event.target.value)}
            />
          </div>
        </div>
        {state.running && <ProgressBar progress={state.progress} />}
        <FormError message={state.error} />
        {changedSincePreview && (
          <p className="feedback feedback-error" role="status">
            {t('import.changedSincePreview')}
          </p>
        )}
        {state.result && !state.running && <ImportSummary result={state.result} />}
        <div className="dialog-actions import-actions">
          <button
            type="button"
            className="button button-quiet"
            aria-disabled={state.running !== null}
            onClick={() => void previewRequested()}
          >
            {t('import.preview')}
          </button>
          <button type="button" className="button button-primary" disabled={!applicable} onClick={() => void applyRequested()}>
            {t('import.apply')}
          </button>
          <EscapeButton label={t('import.close')} onClick={importClosed} />
        </div>
      </div>
    </ModalDialog>
  )
}
