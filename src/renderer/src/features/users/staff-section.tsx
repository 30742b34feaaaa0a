import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { StaffDto } from '#shared/contract/users'
import { ROLES, type Role } from '#shared/ipc/permissions'
import { useDateTime, useI18n } from '../../platform/i18n/use-i18n'
import { FeedbackLine } from '../../ui/feedback-line'
import { useSession } from '../session/public'
import { StaffEditorDialog } from './staff-editor-dialog'
import type { UsersTexts } from './users.en'
import './users.css'
import { useUsers } from './use-users'

/** Whom the signed-in user may manage: a manager cashiers and managers, the owner everyone (core checks it again). */
export function mayManage(actor: Role | undefined, target: Role): boolean {
  return actor === 'owner' || (actor === 'manager' && target !== 'owner')
}

/** The roles the signed-in user may give. */
export function rolesGivenBy(actor: Role | undefined): readonly Role[] {
  return ROLES.filter((role) => mayManage(actor, role))
}

function StaffRow({ member, selfId, actor }: { member: StaffDto; selfId: number | undefined; actor: Role | undefined }) {
  const { t } = useI18n<UsersTexts>()
  const dateTime = useDateTime()
  const pending = useUsers((s) => s.rowPending !== null)
  const editChosen = useUsers((s) => s.editChosen)
  const passwordChosen = useUsers((s) => s.passwordChosen)
  const activeToggled = useUsers((s) => s.activeToggled)
  const unlockChosen = useUsers((s) => s.unlockChosen)
  const name = member.displayName
  const manageable = mayManage(actor, member.role)

  const rowButton = 'button button-quiet button-compact'

  return (
    <tr className={member.active ? 'staff-row' : 'staff-row staff-row-inactive'} data-username={member.username}>
      <th scope="row">
        <span className="staff-name">
          {name}
          {member.id === selfId && (
            <>
              {' '}
              <span className="badge">{t('staff.you')}</span>
            </>
          )}
        </span>
        <span className="staff-username">{member.username}</span>
      </th>
      <td>{t(`staff.role.${member.role}`)}</td>
      <td>
        <span className="staff-status">
          <span className={member.active ? 'pill pill-ok' : 'pill pill-muted'}>
            {member.active ? t('staff.active') : t('staff.inactive')}
          </span>
          {member.locked && <span className="pill pill-danger">{t('staff.locked')}</span>}
          {member.hasPin && <span className="pill pill-muted">{t('staff.hasPin')}</span>}
          {member.locked && manageable && (
            <button
              type="button"
              className={rowButton}
              aria-label={t('staff.unlockLabel', { name })}
              aria-disabled={pending}
              onClick={() => void unlockChosen(member.id)}
            >
              {t('staff.unlock')}
            </button>
          )}
        </span>
      </td>
      <td className="staff-last">
        {member.lastSignInAt ? <time dateTime={member.lastSignInAt}>{dateTime(member.lastSignInAt)}</time> : t('staff.never')}
      </td>
      <td className="staff-actions">
        {manageable ? (
          <div className="staff-action-row">
            <button type="button" className={rowButton} aria-label={t('staff.editLabel', { name })} onClick={() => editChosen(member.id)}>
              {t('staff.edit')}
            </button>
            <button
              type="button"
              className={rowButton}
              aria-label={t('staff.setPasswordLabel', { name })}
              onClick={() => passwordChosen(member.id)}
            >
              {t('staff.setPassword')}
            </button>
            <button
              type="button"
              className={rowButton}
              aria-label={member.active ? t('staff.deactivateLabel', { name }) : t('staff.reactivateLabel', { name })}
              aria-disabled={pending}
              onClick={() => void activeToggled(member.id)}
            >
              {member.active ? t('staff.deactivate') : t('staff.reactivate')}
            </button>
          </div>
        ) : (
          <span className="field-hint">{t('staff.notYours')}</span>
        )}
      </td>
    </tr>
  )
}

/** The back office's Staff section: everyone who signs in, and what a manager may change of them. */
export function StaffSection() {
  const { t } = useI18n<UsersTexts>()
  const addRef = useRef<HTMLButtonElement>(null)
  const { staff, includeInactive, listError, feedback, editor } = useUsers(
    useShallow((s) => ({
      staff: s.staff,
      includeInactive: s.includeInactive,
      listError: s.listError,
      feedback: s.feedback,
      editor: s.editor,
    })),
  )
  const staffRequested = useUsers((s) => s.staffRequested)
  const inactiveToggled = useUsers((s) => s.inactiveToggled)
  const createChosen = useUsers((s) => s.createChosen)
  const user = useSession((s) => s.user)

  useEffect(() => {
    void staffRequested()
  }, [staffRequested])

  // Back from a form, focus returns to where the list is worked from.
  const wasEditing = useRef(false)
  useEffect(() => {
    if (editor) wasEditing.current = true
    else if (wasEditing.current) {
      wasEditing.current = false
      addRef.current?.focus()
    }
  }, [editor])

  return (
    <div className="staff">
      <p className="field-hint">{t('staff.intro')}</p>
      <div className="section-toolbar">
        <button ref={addRef} type="button" className="button button-primary" onClick={createChosen}>
          {t('staff.add')}
        </button>
        <label className="check">
          <input type="checkbox" checked={includeInactive} onChange={(event) => void inactiveToggled(event.target.checked)} />
          <span>{t('staff.showInactive')}</span>
        </label>
      </div>
      <FeedbackLine feedback={listError ? { tone: 'error', message: listError } : feedback} />
      {staff === null ? (
        <p role="status">{t('staff.loading')}</p>
      ) : staff.length === 0 ? (
        <p>{t('staff.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table staff-table">
            <caption className="visually-hidden">{t('staff.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.nameAndUsername')}</th>
                <th scope="col">{t('staff.role')}</th>
                <th scope="col">{t('staff.status')}</th>
                <th scope="col">{t('staff.lastSignIn')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('staff.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {staff.map((member) => (
                <StaffRow key={member.id} member={member} selfId={user?.id} actor={user?.role} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editor && <StaffEditorDialog editor={editor} roles={rolesGivenBy(user?.role)} />}
    </div>
  )
}
