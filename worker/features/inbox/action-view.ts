import type { LeadAction } from '../../../schema';
import type { ActionView } from '../../../schema/app-api';

export type { ActionView };

/** One lead_actions row as the dashboard shows it. */
export const actionView = (action: LeadAction, leadName: string): ActionView => ({
  id: action.id,
  leadId: action.leadId,
  leadName,
  action: action.actionType,
  tag: action.tag,
  at: action.timestamp.toISOString(),
  performedBy: action.performedBy,
  conversionOutcome: action.conversionOutcome,
  reversionReason: action.reversionReason,
  metadata: action.metadata,
  isTest: action.isTest,
});
