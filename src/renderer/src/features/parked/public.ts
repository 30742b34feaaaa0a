/** What the app may use of parked sales: their slice, texts, the two dialogs and the note after a recall. */
export { parkedEn, type ParkedTexts } from './parked.en'
export { parkedNe } from './parked.ne'
export { parkedSlice, type ParkedDeps, type ParkedState } from './parked.slice'
export { ParkDialog } from './park-dialog'
export { ParkedListDialog } from './parked-list-dialog'
export { RecallNote } from './recall-note'
