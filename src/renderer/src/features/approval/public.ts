/** A manager's approval, asked for in place inside a till dialog: the step, the flow around the call, its texts. */
export { approvalEn, type ApprovalTexts } from './approval.en'
export { approvalNe } from './approval.ne'
export { ApprovalStep } from './approval-step'
export { approvalRefusal, needsApproval, withManagerApproval, type ApprovalRequest, type ApprovedResult } from './approval'
