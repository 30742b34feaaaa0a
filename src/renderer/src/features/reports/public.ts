/** What the app may use of the reports: the Dashboard and Reports sections, the slice and texts. */
export { DashboardSection } from './dashboard-section'
export { ReportsSection } from './reports-section'
export { reportsEn, type ReportsTexts } from './reports.en'
export { reportsNe } from './reports.ne'
export { reportsSlice, type ProductHistoryRequest, type ReportsDeps, type ReportsState } from './reports.slice'
