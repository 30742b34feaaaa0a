/** What the app may use of staff: the back-office section, everyone's own account dialog, the slice and texts. */
export { usersSlice, type UsersDeps, type UsersState } from './users.slice'
export { usersEn } from './users.en'
export { usersNe } from './users.ne'
export { StaffSection } from './staff-section'
export { MyAccountDialog } from './my-account-dialog'
