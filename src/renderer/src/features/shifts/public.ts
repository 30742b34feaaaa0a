/** What the app may use of shifts: the slice, its texts, the till's dialogs, the header's status, the refusal screen and the back-office section. */
export { shiftsEn, type ShiftsTexts } from './shifts.en'
export { shiftsNe } from './shifts.ne'
export { shiftsSlice, type ShiftsDeps, type ShiftsState } from './shifts.slice'
export { ShiftDialog } from './shift-dialogs'
export { ShiftStatus } from './shift-status'
export { ShiftRefusalScreen } from './shift-refusal-screen'
export { ShiftsSection } from './shifts-section'
