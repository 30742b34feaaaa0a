import type { ComponentProps, ReactNode, Ref, RefCallback, RefObject } from 'react'
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

interface FieldOf {
  id: string
  label: string
  optional?: boolean
  hint?: string
  /** The hint stands elsewhere under `hintId(id)`: one hint under a pair of fields. */
  hintElsewhere?: boolean
  error?: { message?: string } | undefined
  /** The field's class; `className` is the control's (`input` unless given). */
  fieldClassName?: string
  className?: string
}

/** A field's own props apart from its control's, the control tied to the label, the hint and the error. */
function fieldAndControl<P extends FieldOf>({
  id,
  label,
  optional,
  hint,
  hintElsewhere,
  error,
  fieldClassName,
  className = 'input',
  ...control
}: P) {
  return {
    field: { id, label, optional, hint, error, className: fieldClassName },
    control: { id, className, ...describedBy(id, { hint: hint !== undefined || hintElsewhere === true, error }), ...control },
  }
}

/** `ref` (react-hook-form's) and `focusRef` (the dialog's first field) both on one element. */
function bothRefs<T>(ref: Ref<T> | undefined, focusRef: RefObject<T | null>): RefCallback<T> {
  return (element) => {
    if (typeof ref === 'function') ref(element)
    else if (ref) ref.current = element
    focusRef.current = element
  }
}

type InputFieldProps = FieldOf & Omit<ComponentProps<'input'>, 'id'> & { focusRef?: RefObject<HTMLInputElement | null> }

/** A FormField holding a text input; `register(…)` spreads into it as into the input. */
export function InputField({ focusRef, ref, ...props }: InputFieldProps) {
  const { field, control } = fieldAndControl(props)
  return (
    <FormField {...field}>
      <input {...control} ref={focusRef ? bothRefs(ref, focusRef) : ref} />
    </FormField>
  )
}

/** A FormField holding a select; its options are the children. */
export function SelectField(props: FieldOf & Omit<ComponentProps<'select'>, 'id'>) {
  const { field, control } = fieldAndControl(props)
  return (
    <FormField {...field}>
      <select {...control} />
    </FormField>
  )
}

/** A FormField holding a textarea. */
export function TextAreaField(props: FieldOf & Omit<ComponentProps<'textarea'>, 'id'>) {
  const { field, control } = fieldAndControl(props)
  return (
    <FormField {...field}>
      <textarea {...control} />
    </FormField>
  )
}
