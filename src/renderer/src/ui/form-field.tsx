import type { ReactNode } from 'react'
import { useI18n } from '../platform/i18n/use-i18n'
import { decodeMessage } from './form-issues'
import type { FormTexts } from './form.en'
import './form-field.css'

/** Ids a field's control points at with aria-describedby. */
export const hintId = (id: string) => `${id}-hint`
export const errorId = (id: string) => `${id}-error`

/** What a control needs to be tied to its field's hint and error. */
export function describedBy(id: string, { hint = false, error }: { hint?: boolean; error?: { message?: string } | undefined }) {
  const ids = [hint ? hintId(id) : null, error ? errorId(id) : null].filter((part) => part !== null)
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined }
}

interface FormFieldProps {
  /** The control's id: the label points at it. */
  id: string
  label: string
  optional?: boolean
  hint?: string
  /** The field's error as react-hook-form keeps it. */
  error?: { message?: string } | undefined
  className?: string
  children: ReactNode
}

/** A labelled control with its hint and its error line (refusals of the form's schema). */
export function FormField({ id, label, optional = false, hint, error, className, children }: FormFieldProps) {
  const { t, render } = useI18n<FormTexts>()
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> {t('form.optional')}</span>}
      </label>
      {children}
      {hint && (
        <p id={hintId(id)} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId(id)} className="field-error">
          {render(decodeMessage(error.message))}
        </p>
      )}
    </div>
  )
}
