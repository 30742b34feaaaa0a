import { zodResolver } from '@hookform/resolvers/zod'
import { useRef, type ComponentProps, type RefObject } from 'react'
import { useForm, type UseFormRegisterReturn } from 'react-hook-form'
import type { z } from 'zod'
import type { Role } from '#shared/ipc/permissions'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { DialogActions, TitledDialog } from '../../ui/dialog-form'
import { InputField, SelectField } from '../../ui/form-field'
import { FORM_ISSUES } from '../../ui/form-issues'
import { NewPasswordFields } from '../setup/public'
import { createStaffSchema, editStaffSchema, newPasswordSchema } from './staff-forms.schema'
import type { UsersTexts } from './users.en'
import type { StaffEditor } from './users.slice'
import { useUsers } from './use-users'

type FieldError = { message?: string } | undefined

function Actions({ submitLabel }: { submitLabel: string }) {
  const { t } = useI18n<UsersTexts>()
  const pending = useUsers((s) => s.editorPending)
  const error = useUsers((s) => s.editorError)
  const editorCancelled = useUsers((s) => s.editorCancelled)
  return (
    <>
      <FormError message={error} />
      <DialogActions
        cancelLabel={t('staff.cancel')}
        onCancel={editorCancelled}
        cancelWaits
        submitLabel={submitLabel}
        pendingLabel={t('staff.saving')}
        pending={pending}
      />
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
  error: FieldError
  register: UseFormRegisterReturn
}) {
  const { t } = useI18n<UsersTexts>()
  return (
    <SelectField id={id} label={t('staff.role')} error={error} {...register}>
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`staff.role.${role}`)} — {t(`staff.roleHint.${role}`)}
        </option>
      ))}
    </SelectField>
  )
}

/** The member's name as the till shows it; the form's first field. */
function DisplayNameField({
  error,
  register,
  focusRef,
}: {
  error: FieldError
  register: UseFormRegisterReturn
  focusRef: RefObject<HTMLInputElement | null>
}) {
  const { t } = useI18n<UsersTexts>()
  return <InputField id="staff-display-name" label={t('staff.name')} error={error} autoComplete="off" {...register} focusRef={focusRef} />
}

/** A member's new password, typed twice. */
function StaffPasswordFields(props: Omit<ComponentProps<typeof NewPasswordFields>, 'ids' | 'labels'>) {
  const { t } = useI18n<UsersTexts>()
  return (
    <NewPasswordFields
      ids={['staff-password', 'staff-password-confirm']}
      labels={[t('staff.password'), t('staff.passwordConfirm')]}
      {...props}
    />
  )
}

function CreateForm({ roles, firstRef }: { roles: readonly Role[]; firstRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useI18n<UsersTexts>()
  const staffCreated = useUsers((s) => s.staffCreated)
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof createStaffSchema>, unknown, z.output<typeof createStaffSchema>>({
    resolver: zodResolver(createStaffSchema, FORM_ISSUES),
    defaultValues: { username: '', displayName: '', role: 'cashier', password: '', confirm: '' },
  })
  return (
    <form
      noValidate
      className="dialog-form"
      onSubmit={(event) =>
        void handleSubmit(({ username, displayName, role, password }) => staffCreated({ username, displayName, role, password }))(event)
      }
    >
      <DisplayNameField error={errors.displayName} register={register('displayName')} focusRef={firstRef} />
      <InputField
        id="staff-username"
        label={t('staff.username')}
        error={errors.username}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        {...register('username')}
      />
      <RoleField id="staff-role" roles={roles} error={errors.role} register={register('role')} />
      <StaffPasswordFields password={register('password')} confirm={register('confirm')} errors={errors} />
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
  const { t } = useI18n<UsersTexts>()
  const staffEdited = useUsers((s) => s.staffEdited)
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof editStaffSchema>, unknown, z.output<typeof editStaffSchema>>({
    resolver: zodResolver(editStaffSchema, FORM_ISSUES),
    defaultValues: { displayName: editor.staff.displayName, role: editor.staff.role },
  })
  return (
    <form noValidate className="dialog-form" onSubmit={(event) => void handleSubmit((form) => staffEdited(form))(event)}>
      <DisplayNameField error={errors.displayName} register={register('displayName')} focusRef={firstRef} />
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
  const { t } = useI18n<UsersTexts>()
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
      <StaffPasswordFields password={register('password')} confirm={register('confirm')} errors={errors} focusRef={firstRef} />
      <Actions submitLabel={t('staff.save')} />
    </form>
  )
}

/** Adding a member of staff, editing one's name and role, or setting their password. */
export function StaffEditorDialog({ editor, roles }: { editor: StaffEditor; roles: readonly Role[] }) {
  const { t } = useI18n<UsersTexts>()
  const firstRef = useRef<HTMLInputElement>(null)
  const editorCancelled = useUsers((s) => s.editorCancelled)
  const title =
    editor.kind === 'create'
      ? t('staff.createTitle')
      : editor.kind === 'edit'
        ? t('staff.editTitle', { name: editor.staff.displayName })
        : t('staff.passwordTitle', { name: editor.staff.displayName })
  return (
    <TitledDialog titleId="staff-editor-title" title={title} className="form-dialog" onDismiss={editorCancelled} initialFocus={firstRef}>
      {editor.kind === 'create' ? (
        <CreateForm roles={roles} firstRef={firstRef} />
      ) : editor.kind === 'edit' ? (
        <EditForm editor={editor} roles={roles} firstRef={firstRef} />
      ) : (
        <PasswordForm editor={editor} firstRef={firstRef} />
      )}
    </TitledDialog>
  )
}
