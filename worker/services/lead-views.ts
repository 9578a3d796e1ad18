import type { LeadAction } from '../../schema';

/** One lead_actions row as the dashboard shows it, in the timeline and the activity log. */
export interface ActionView {
  id: string;
  leadId: string;
  leadName: string;
  /** The `action_type` column: the API names it `action`. */
  action: string;
  tag: string | null;
  at: string;
  performedBy: string;
  conversionOutcome: boolean | null;
  reversionReason: string | null;
  metadata: Record<string, unknown>;
  isTest: boolean;
}

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
