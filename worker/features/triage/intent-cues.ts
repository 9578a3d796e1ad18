import type { IntentKey } from '../../../schema/vocabulary';
import type { Cue } from './cues';
import { BILLING_CUES } from './intents/billing';
import { COMPLAINT_CUES } from './intents/complaint';
import { BOOKING_CUES, QUOTE_CUES, SERVICE_CUES } from './intents/needs';
import { FEEDBACK_CUES, GENERAL_CUES, SPAM_CUES } from './intents/other';
import { JOB_CUES, PARTNERSHIP_CUES, VENDOR_CUES } from './intents/outreach';
import { SUPPORT_CUES } from './intents/support';

/**
 * What people write when they are after each intent, in English and Quebec French, over
 * folded text. Weights: 3 = says the intent by itself ("soumission", "charged twice"),
 * 2 = a strong hint, 1 = a hint that needs company, a negative weight = evidence against
 * ("not your fault"). The lists live one file per intent or family; spam's structural
 * signals (links, keyboard mashing) are in spam-signals.ts.
 */
export const INTENT_CUES: Record<IntentKey, readonly Cue[]> = {
  quote_request: QUOTE_CUES,
  service_inquiry: SERVICE_CUES,
  booking_request: BOOKING_CUES,
  support_request: SUPPORT_CUES,
  complaint: COMPLAINT_CUES,
  billing: BILLING_CUES,
  job_application: JOB_CUES,
  vendor_pitch: VENDOR_CUES,
  partnership: PARTNERSHIP_CUES,
  feedback: FEEDBACK_CUES,
  general_question: GENERAL_CUES,
  spam: SPAM_CUES,
};
