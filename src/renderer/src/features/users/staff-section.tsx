import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { StaffDto } from '#shared/contract/users'
import { ROLES, type Role } from '#shared/ipc/permissions'
import { useDateTime, useI18n } from '../../platform/i18n/use-i18n'
import { AdminList, AdminRow, NewButton, Pill, RowActions, RowButton, useFocusAfterForm } from '../../ui/admin-list'
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

  return (
    <AdminRow off={!member.active} data-username={member.username}>
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
          <Pill tone={member.active ? 'ok' : 'muted'}>{member.active ? t('staff.active') : t('staff.inactive')}</Pill>
          {member.locked && <Pill tone="danger">{t('staff.locked')}</Pill>}
          {member.hasPin && <Pill tone="muted">{t('staff.hasPin')}</Pill>}
          {member.locked && manageable && (
            <RowButton label={t('staff.unlockLabel', { name })} busy={pending} onClick={() => void unlockChosen(member.id)}>
              {t('staff.unlock')}
            </RowButton>
          )}
        </span>
      </td>
      <td className="staff-last">
        {member.lastSignInAt ? <time dateTime={member.lastSignInAt}>{dateTime(member.lastSignInAt)}</time> : t('staff.never')}
      </td>
      {manageable ? (
        <RowActions className="staff-actions" wrap>
          <RowButton label={t('staff.editLabel', { name })} onClick={() => editChosen(member.id)}>
            {t('staff.edit')}
          </RowButton>
          <RowButton label={t('staff.setPasswordLabel', { name })} onClick={() => passwordChosen(member.id)}>
            {t('staff.setPassword')}
          </RowButton>
          <RowButton
            label={member.active ? t('staff.deactivateLabel', { name }) : t('staff.reactivateLabel', { name })}
            busy={pending}
            onClick={() => void activeToggled(member.id)}
          >
            {member.active ? t('staff.deactivate') : t('staff.reactivate')}
          </RowButton>
        </RowActions>
      ) : (
        <td className="admin-actions staff-actions">
          <span className="field-hint">{t('staff.notYours')}</span>
        </td>
      )}
    </AdminRow>
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

  useFocusAfterForm(editor !== null, addRef)

  return (
    <div className="admin-section staff">
      <p className="field-hint">{t('staff.intro')}</p>
      <div className="section-toolbar">
        <NewButton ref={addRef} label={t('staff.add')} onClick={createChosen} />
        <label className="check">
          <input type="checkbox" checked={includeInactive} onChange={(event) => void inactiveToggled(event.target.checked)} />
          <span>{t('staff.showInactive')}</span>
        </label>
      </div>
      <AdminList
        items={staff}
        listError={listError}
        feedback={feedback}
        loadingText={t('staff.loading')}
        emptyText={t('staff.none')}
        caption={t('staff.caption')}
        className="staff-table"
        columns={[
          { label: t('staff.nameAndUsername') },
          { label: t('staff.role') },
          { label: t('staff.status') },
          { label: t('staff.lastSignIn') },
          { label: t('staff.actions'), hidden: true },
        ]}
        row={(member) => <StaffRow member={member} selfId={user?.id} actor={user?.role} />}
      />
      {editor && <StaffEditorDialog editor={editor} roles={rolesGivenBy(user?.role)} />}
    </div>
  )
}
