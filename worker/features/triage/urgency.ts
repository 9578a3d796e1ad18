import type { IntentKey, Urgency } from '../../../schema/vocabulary';
import { allMatches, blankOut, firstMatch, type Match } from './cues';
import type { LeadText } from './normalize';
import {
  CALLBACK,
  EMERGENCY,
  FAR_HORIZON,
  FLAGGED_URGENT,
  HORIZON,
  IMMEDIACY,
  NEAR_DATE,
  NO_RUSH,
  PLAYED_DOWN,
  THREAT_TO_LEAVE,
} from './signals';
import {
  ACTION_WINDOW,
  DEADLINE,
  LET_DOWN,
  RECENT_ONSET,
  REQUEST,
  SETTLE_SOON,
  THIS_WEEK,
  UPCOMING_VISIT,
  WEEKDAY,
} from './urgency-signals';

/** Why a lead needs an answer today, with the words of the message that say so. */
export interface UrgencyReason {
  kind: 'threat' | 'immediate' | 'emergency' | 'flagged' | 'near_date';
  phrase: string;
}

export interface UrgencyDecision {
  urgency: Urgency;
  /** Set when urgency is High. */
  reason: UrgencyReason | null;
  /** A cue of the message, or an intent that is never urgent, settled it; otherwise it is a default. */
  grounded: boolean;
}

// Nobody needs an answer today to a pitch or a scam, whatever it says about timing (DESIGN.md).
const ALWAYS_LOW: ReadonlySet<IntentKey> = new Set(['spam', 'vendor_pitch']);
// A résumé, a partnership offer or a thank-you waits for a convenient moment, unless the lead
// names a window to meet ("applications close Friday") or asks a favour in passing.
const LOW_BY_DEFAULT: ReadonlySet<IntentKey> = new Set(['job_application', 'partnership', 'feedback']);
// A near date makes these urgent: the lead wants something done on that date.
const DATED_NEEDS: ReadonlySet<IntentKey> = new Set([
  'quote_request',
  'booking_request',
  'service_inquiry',
  'support_request',
]);
// A deadline by name ("avant vendredi") is urgent for whatever must be done by then. A general
// question is not work to be done: its deadline only asks for the answer soon (see below).
const DEADLINE_BOUND: ReadonlySet<IntentKey> = new Set([...DATED_NEEDS, 'complaint', 'billing']);
// In a complaint the leak or the cut is what went wrong, not a call for help: its urgency comes
// from what the lead demands and by when. A threat to leave is urgent only from an unhappy one.
const UNHAPPY: ReadonlySet<IntentKey> = new Set(['complaint']);

const LOW: UrgencyDecision = { urgency: 'Low', reason: null, grounded: true };
const MEDIUM: UrgencyDecision = { urgency: 'Medium', reason: null, grounded: true };

/**
 * High: an emergency, an answer wanted today or within about two days, a customer about to
 * leave, a ready buyer with a near date. Low: no hurry, a plan months away, or an intent that
 * does not need a same-day answer. Medium: everything concrete in between.
 */
export function assessUrgency(text: LeadText, intent: IntentKey): UrgencyDecision {
  if (ALWAYS_LOW.has(intent)) return LOW;

  // "Not urgent" must not read as "urgent": blank the lead's no-hurry words out first, and the
  // words by which the lead plays the problem down ("not flooding").
  const noRush = allMatches(text.folded, NO_RUSH);
  const playedDown = allMatches(text.folded, PLAYED_DOWN);
  const folded = blankOut(text.folded, [...noRush, ...playedDown]);
  const calm = noRush.length > 0 || playedDown.length > 0;
  const phraseOf = (match: Match) => text.raw.slice(match.index, match.index + match.length);
  const high = (kind: UrgencyReason['kind'], match: Match): UrgencyDecision => ({
    urgency: 'High',
    reason: { kind, phrase: phraseOf(match) },
    grounded: true,
  });
  if (LOW_BY_DEFAULT.has(intent)) {
    // A partner who must confirm by tomorrow has a hard deadline like any buyer.
    const due =
      intent === 'partnership' && noRush.length === 0 ? firstMatch(folded, [...IMMEDIACY, ...DEADLINE]) : null;
    return due ? high('immediate', due) : lowUnlessAsked(folded, intent, noRush.length > 0);
  }

  const emergency = UNHAPPY.has(intent) ? null : firstMatch(folded, EMERGENCY);
  const immediate = firstMatch(folded, IMMEDIACY);
  // A problem the lead says can wait is still a problem, but not today's.
  if (emergency && calm && !immediate) return MEDIUM;
  const threat = UNHAPPY.has(intent) ? firstMatch(folded, THREAT_TO_LEAVE) : null;
  const flagged = firstMatch(folded, FLAGGED_URGENT);
  const deadline = DEADLINE_BOUND.has(intent) ? firstMatch(folded, DEADLINE) : null;
  // A day named by a lead who says it can wait is when something happened or a preference,
  // not a date the work must meet; a deadline by name still is one.
  const nearDate = DATED_NEEDS.has(intent) && !calm ? firstMatch(folded, NEAR_DATE) : null;
  // A problem that began this morning is still unfolding for someone who needs it fixed or seen.
  const recent = DATED_NEEDS.has(intent) && !calm ? firstMatch(folded, RECENT_ONSET) : null;
  // The provider the lead counted on dropped out: the date they had is now this lead's.
  const letDown = DATED_NEEDS.has(intent) && !calm ? firstMatch(folded, LET_DOWN) : null;
  // Any one of these makes it High; the one quoted is the most telling: a threat, then a
  // time, then the problem itself.
  if (threat) return high('threat', threat);
  if (immediate) return high('immediate', immediate);
  if (emergency) return high('emergency', emergency);
  if (flagged) return high('flagged', flagged);
  if (deadline) return high('near_date', deadline);
  if (nearDate) return high('near_date', nearDate);
  if (letDown) return high('immediate', letDown);
  if (recent) return high('emergency', recent);

  if (intent === 'general_question') return generalQuestionUrgency(folded);
  if (noRush.length > 0) return firstMatch(folded, THIS_WEEK) ? MEDIUM : LOW;
  if (firstMatch(folded, FAR_HORIZON)) return LOW;
  if (firstMatch(folded, HORIZON)) return MEDIUM;
  return { urgency: 'Medium', reason: null, grounded: false };
}

/** Job applications, partnerships and feedback: Low, unless the lead gives a reason to answer soon. */
function lowUnlessAsked(folded: string, intent: IntentKey, noRush: boolean): UrgencyDecision {
  // A thank-you with a favour in it ("could I get this photo in black and white?") wants a
  // reply, even one the lead says can wait.
  if (intent === 'feedback') return firstMatch(folded, REQUEST) ? MEDIUM : LOW;
  return !noRush && firstMatch(folded, ACTION_WINDOW) ? MEDIUM : LOW;
}

/**
 * A general question is answered when convenient, unless the lead asks to be called back (a
 * request for a reply), needs the answer by a named day, or asks about a visit of theirs that is
 * coming up. A date in the question
 * alone ("open on June 24?") is no deadline.
 */
function generalQuestionUrgency(folded: string): UrgencyDecision {
  if (firstMatch(folded, CALLBACK) || firstMatch(folded, [...DEADLINE, ...SETTLE_SOON])) return MEDIUM;
  const dated = [HORIZON, NEAR_DATE, THIS_WEEK, WEEKDAY].some((signals) => firstMatch(folded, signals));
  if (dated && firstMatch(folded, UPCOMING_VISIT)) return MEDIUM;
  return { urgency: 'Low', reason: null, grounded: false };
}
