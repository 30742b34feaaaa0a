import type { Catalog } from '../../platform/i18n/translate'

/** The manager approval step any till dialog shows in place when an action needs a manager. */
export const approvalEn = {
  'approval.title': 'Manager approval',
  'approval.intro': 'A manager types their username and password or PIN here to approve it.',
  'approval.username': 'Manager’s username',
  'approval.secret': 'Password or PIN',
  'approval.back': 'Back',
  'approval.approve': 'Approve',
  'approval.approving': 'Approving…',
  'approval.missing': 'Type the manager’s username and their password or PIN.',
  'approval.wrongSecret': 'That username and password or PIN do not match. Try again.',
  'approval.notAllowed': '“{username}” cannot approve this. Ask a manager.',
  'approval.approvedBy': 'approved by {name}',
} as const satisfies Catalog

export type ApprovalTexts = typeof approvalEn
