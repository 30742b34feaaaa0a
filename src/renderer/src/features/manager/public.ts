/** What the app may use of the manager tools: their slice, the dialog, and who may open it. */
export { MANAGER_TOOLS_PERMISSION, managerSlice, type ManagerDeps, type ManagerState } from './manager.slice'
export { managerEn } from './manager.en'
export { managerNe } from './manager.ne'
export { ManagerToolsDialog } from './manager-tools-dialog'
