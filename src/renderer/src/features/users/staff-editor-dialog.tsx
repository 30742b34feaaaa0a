import { zodResolver } from '@hookform/resolvers/zod'
import { useRef, type RefObject } from 'react'
import { useForm, type UseFormRegisterReturn } from 'react-hook-form'
import type { z } from 'zod'
import type { Role } from '#shared/ipc/permissions'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { describedBy, FormField } from '../../ui/form-field'
import { FORM_ISSUES } from '../../ui/form-issues'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import type { SetupTexts } from '../setup/public'
import { createStaffSchema, editStaffSchema, newPasswordSchema } from './staff-forms.schema'
import type { UsersTexts } from './users.en'
import type { StaffEditor } from './users.slice'
import { useUsers } from './use-users'

type Texts = UsersTexts & SetupTexts & UiTexts

function Actions({ submitLabel }: { submitLabel: string }) {
  const { t } = useI18n<Texts>()
  const pending = useUsers((s) => s.editorPending)
  const error = useUsers((s) => s.editorError)
  const editorCancelled = useUsers((s) => s.editorCancelled)
  return (
    <>
      <FormError message={error} />
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" aria-keyshortcuts="Escape" aria-disabled={pending} onClick={editorCancelled}>
          {t('staff.cancel')} <KeyHint>{t('key.escape')}</KeyHint>
        </button>
        <button type="submit" className="button button-primary" aria-disabled={pending}>
          {pending ? t('staff.saving') : submitLabel}
        </button>
      </div>
    </>
  )
}

function RoleField({
  id,
  roles,
  error,
  register,
}: {
  id: string
  roles: readonly Role[]
  error: { message?: string } | undefined
  register: UseFormRegisterReturn
}) {
  const { t } = useI18n<Texts>()
  return (
    <FormField id={id} label={t('staff.role')} error={error}>
      <select id={id} className="input" {...describedBy(id, { error })} {...register}>
        {roles.map((role) => (
          <option key={role} value={role}>
            {t(`staff.role.${role}`)} — {t(`staff.roleHint.${role}`)}
          </option>
        ))}
      </select>
    </FormField>
  )
}

interface NewPasswordFieldsProps {
  password: UseFormRegisterReturn
  confirm: UseFormRegisterReturn
  errors: { password?: { message?: string }; confirm?: { message?: string } }
  /** Given when the password is the form's first field. */
  firstRef?: RefObject<HTMLInputElement | null>
}

/** A new password, typed twice, with the rule shown under it. */
function NewPasswordFields({ password, confirm, errors, firstRef }: NewPasswordFieldsProps) {
  const { t } = useI18n<Texts>()
  return (
    <>
      <FormField id="staff-password" label={t('staff.password')} hint={t('setup.passwordRule')} error={errors.password}>
        <input
          id="staff-password"
          className="input"
          type="password"
          autoComplete="new-password"
          {...describedBy('staff-password', { hint: true, error: errors.password })}
          {...password}
          ref={(element) => {
            password.ref(element)
            if (firstRef) firstRef.current = element
          }}
        />
      </FormField>
      <FormField id="staff-password-confirm" label={t('staff.passwordConfirm')} error={errors.confirm}>
        <input
          id="staff-password-confirm"
          className="input"
          type="password"
          autoComplete="new-password"
          {...describedBy('staff-password-confirm', { error: errors.confirm })}
          {...confirm}
        />
      </FormField>
    </>
  )
}

function CreateForm({ roles, firstRef }: { roles: readonly Role[]; firstRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useI18n<Texts>()
  const staffCreated = useUsers((s) => s.staffCreated)
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof createStaffSchema>, unknown, z.output<typeof createStaffSchema>>({
    resolver: zodResolver(createStaffSchema, FORM_ISSUES),
    defaultValues: { username: '', displayName: '', role: 'cashier', password: '', confirm: '' },
  })
  const displayName = register('displayName')
  return (
    <form
      noValidate
      className="dialog-form"
      onSubmit={(event) =>
        void handleSubmit(({ username, displayName, role, password }) => staffCreated({ username, displayName, role, password }))(event)
      }
    >
      <FormField id="staff-display-name" label={t('staff.name')} error={errors.displayName}>
        <input
          id="staff-display-name"
          className="input"
          autoComplete="off"
          {...describedBy('staff-display-name', { error: errors.displayName })}
          {...displayName}
          ref={(element) => {
            displayName.ref(element)
            firstRef.current = element
          }}
        />
      </FormField>
      <FormField id="staff-username" label={t('staff.username')} error={errors.username}>
        <input
          id="staff-username"
          className="input"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...describedBy('staff-username', { error: errors.username })}
          {...register('username')}
        />
      </FormField>
      <RoleField id="staff-role" roles={roles} error={errors.role} register={register('role')} />
      <NewPasswordFields password={register('password')} confirm={register('confirm')} errors={errors} />
      <Actions submitLabel={t('staff.createSubmit')} />
    </form>
  )
}

function EditForm({
  editor,
  roles,
  firstRef,
}: {
  editor: Extract<StaffEditor, { kind: 'edit' }>
  roles: readonly Role[]
  firstRef: RefObject<HTMLInputElement | null>
}) {
  const { t } = useI18n<Texts>()
  const staffEdited = useUsers((s) => s.staffEdited)
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof editStaffSchema>, unknown, z.output<typeof editStaffSchema>>({
    resolver: zodResolver(editStaffSchema, FORM_ISSUES),
    defaultValues: { displayName: editor.staff.displayName, role: editor.staff.role },
  })
  const displayName = register('displayName')
  return (
    <form noValidate className="dialog-form" onSubmit={(event) => void handleSubmit((form) => staffEdited(form))(event)}>
      <FormField id="staff-display-name" label={t('staff.name')} error={errors.displayName}>
        <input
          id="staff-display-name"
          className="input"
          autoComplete="off"
          {...describedBy('staff-display-name', { error: errors.displayName })}
          {...displayName}
          ref={(element) => {
            displayName.ref(element)
            firstRef.current = element
          }}
        />
      </FormField>
      <RoleField id="staff-role" roles={roles} error={errors.role} register={register('role')} />
      <Actions submitLabel={t('staff.save')} />
    </form>
  )
}

function PasswordForm({
  editor,
  firstRef,
}: {
  editor: Extract<StaffEditor, { kind: 'password' }>
  firstRef: RefObject<HTMLInputElement | null>
}) {
  const { t } = useI18n<Texts>()
  const passwordSet = useUsers((s) => s.passwordSet)
  const schema = newPasswordSchema(editor.staff.username)
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema, FORM_ISSUES),
    defaultValues: { password: '', confirm: '' },
  })
  return (
    <form noValidate className="dialog-form" onSubmit={(event) => void handleSubmit((form) => passwordSet(form.password))(event)}>
      <p className="field-hint">{t('staff.passwordHint')}</p>
      <NewPasswordFields password={register('password')} confirm={register('confirm')} errors={errors} firstRef={firstRef} />
      <Actions submitLabel={t('staff.save')} />
    </form>
  )
}

/** Adding a member of staff, editing one's name and role, or setting their password. */
export function StaffEditorDialog({ editor, roles }: { editor: StaffEditor; roles: readonly Role[] }) {
  const { t } = useI18n<Texts>()
  const firstRef = useRef<HTMLInputElement>(null)
  const editorCancelled = useUsers((s) => s.editorCancelled)
  const title =
    editor.kind === 'create'
      ? t('staff.createTitle')
      : editor.kind === 'edit'
        ? t('staff.editTitle', { name: editor.staff.displayName })
        : t('staff.passwordTitle', { name: editor.staff.displayName })
  return (
    <ModalDialog labelledBy="staff-editor-title" className="form-dialog" onDismiss={editorCancelled} initialFocus={firstRef}>
      <div className="dialog-body">
        <h2 id="staff-editor-title" className="dialog-title">
          {title}
        </h2>
        {editor.kind === 'create' ? (
          <CreateForm roles={roles} firstRef={firstRef} />
        ) : editor.kind === 'edit' ? (
          <EditForm editor={editor} roles={roles} firstRef={firstRef} />
        ) : (
          <PasswordForm editor={editor} firstRef={firstRef} />
        )}
      </div>
    </ModalDialog>
  )
}
