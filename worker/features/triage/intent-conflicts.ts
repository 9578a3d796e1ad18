import type { IntentKey } from '../../../schema/vocabulary';
import { firstMatch } from './cues';
import { CAPABILITY_QUESTION } from './intents/needs';
import type { LeadText } from './normalize';
import { EMERGENCY, THREAT_TO_LEAVE } from './signals';

/** Spam cues this strong outweigh whatever else a scam pretends to be. */
const CLEAR_SPAM = 3;
/** A malfunction or an emergency this clear is support, even when the lead also asks a price. */
const CLEAR_BREAKDOWN = 3;
/** A price or a visit asked this plainly ("quote me", "prendre rendez-vous") is what the lead wants. */
const CLEAR_NEED = 3;
/** A capability question ("faites-vous …?") alone is this much service evidence. */
const CLEAR_CAPABILITY = 2.5;
/** How far price evidence may trail a fault's and still be what the lead is after. */
const PRICE_MARGIN = 1;
/** Complaint evidence from which a lead reads as unhappy with the business. */
export const ANGER = 3;
/** How far complaint evidence may trail support evidence and still make a fault a grievance. */
const GRIEVANCE_MARGIN = 1;
/** What a threat to leave adds to an unhappy lead's complaint. */
export const THREAT_EVIDENCE = 1.5;

const NEEDS_OVER_BREAKDOWN: ReadonlySet<IntentKey> = new Set([
  'quote_request',
  'service_inquiry',
  'booking_request',
  'general_question',
]);

/** A bill that already exists: the lead's invoice, a charge, a payment made. */
const EXISTING_BILL =
  /\b((votre|la|ma|cette|mon|your|my|the|this|last|that|our|notre) (derniere |last |latest )?(facture|invoice|bill|statement|releve|recu|receipt)|(recu|received|got) (une|la|votre|an|a|the|your) (facture|invoice|bill)|charged|chargee?|paid|paye|payment|paiement|refund|rembours\w*|balance|solde|(the|my|our|le|mon|notre|votre|your) (depot|deposit|acompte))\b/;

/** The rules that say which of two plausible intents a message really is. */
export function resolveConflicts(best: IntentKey, scores: Record<IntentKey, number>, text: LeadText): IntentKey {
  // A scam that mentions a prize or a price is still a scam.
  if (scores.spam >= CLEAR_SPAM) return 'spam';
  const threatens = firstMatch(text.folded, THREAT_TO_LEAVE) !== null;
  // Angry and threatening to leave: the relationship is the problem, not the bill or the fault.
  if (threatens && scores.complaint - THREAT_EVIDENCE >= ANGER) return 'complaint';
  // "Charged twice" stays a billing question even when the lead is angry, if they are not leaving.
  if (best === 'complaint' && !threatens && scores.billing >= 3 && scores.billing >= scores.complaint - 1) {
    return 'billing';
  }
  // With no bill yet, talk of payments ("do you do payment plans?", "my own invoices") sits
  // around a price asked: the lead is buying.
  if (best === 'billing' && scores.quote_request >= CLEAR_NEED && !EXISTING_BILL.test(text.folded)) {
    return 'quote_request';
  }
  // An invoice mentioned next to a repair is about the invoice, unless something is an emergency.
  if (best === 'support_request' && scores.billing >= scores.support_request && !firstMatch(text.folded, EMERGENCY)) {
    return 'billing';
  }
  // "I need an estimate, can I bring it in?": the visit serves the price asked.
  if (
    best === 'booking_request' &&
    scores.quote_request >= CLEAR_NEED &&
    scores.quote_request >= scores.booking_request - 1
  ) {
    return 'quote_request';
  }
  // A lead who asks whether the business does a kind of repair is not yet its customer: what
  // they say is broken, even flooding, is why they ask; urgency carries the emergency.
  const asksCapability =
    scores.service_inquiry >= CLEAR_CAPABILITY && firstMatch(text.folded, CAPABILITY_QUESTION) !== null;
  if (best === 'support_request' && asksCapability) return 'service_inquiry';
  // Otherwise something flooding or burning needs fixing before it needs a price or a visit;
  // a mere fault does too, unless the lead plainly asks for the price or the visit.
  if (NEEDS_OVER_BREAKDOWN.has(best) && scores.support_request >= CLEAR_BREAKDOWN && !asksCapability) {
    if (firstMatch(text.folded, EMERGENCY) || scores[best] < CLEAR_NEED) return 'support_request';
  }
  // "How much to tow a car? It's not starting": a price asked plainly, with a fault no worse
  // than the price evidence and no emergency, is a buyer explaining why they shop.
  if (
    best === 'support_request' &&
    scores.quote_request >= CLEAR_NEED &&
    scores.quote_request >= scores.support_request - PRICE_MARGIN &&
    !firstMatch(text.folded, EMERGENCY)
  ) {
    return 'quote_request';
  }
  // A fault reported with anger or blame, close to the evidence of the fault itself, is a
  // grievance: the lead is past asking for a fix.
  if (
    best === 'support_request' &&
    scores.complaint >= ANGER &&
    scores.complaint >= scores.support_request - GRIEVANCE_MARGIN
  ) {
    return 'complaint';
  }
  return best;
}
