import { WEEKDAYS } from './signals';

/**
 * Time signals that only urgency reads, over folded text: when a problem began, a deadline
 * the lead must meet, a window for a decision, a visit coming up, a favour asked.
 */

/** The problem began within the day: it is still fresh and usually still getting worse. */
export const RECENT_ONSET: readonly RegExp[] = [
  /\b(this morning|since (yesterday|last night|this morning)|since (about |around )?\d{1,2} ?(am|pm|h|a\.m\.|p\.m\.)|overnight|last night|ce matin|a matin|hier soir|cette nuit|depuis (hier|ce matin|a matin|la nuit|midi|\d{1,2} ?h))\b/,
];

/** The provider the lead counted on dropped out: the replacement is needed by the same date. */
export const LET_DOWN: readonly RegExp[] = [
  /\b((bailed|backed out|walked out|cancell?ed) on (us|me)|backed out|fell through|no-?showed|left (us|me) (hanging|stranded)|(vient|viennent) de (se desister|nous laisser tomber|me laisser tomber|nous lacher|annuler)|(s'est|se sont) desistee?s?|(nous|m') (a|ont) laisse tomber)\b/,
];

/** A deadline named by its day: "by Wednesday noon", "avant vendredi", "pour jeudi au plus tard". */
export const DEADLINE: readonly RegExp[] = [
  new RegExp(
    `\\b(by|before|no later than|avant|d'ici|pour|au plus tard) (this |next |ce |cette )?(${WEEKDAYS})\\b(?!s)`,
  ),
  new RegExp(`\\b(${WEEKDAYS}) (at the latest|au plus tard|noon|midi)\\b`),
  /\b(deadline|date limite|echeance) (is |est )?(today|tomorrow|demain|aujourd'hui)\b/,
];

/** A plan to be settled soon: by a named week or month start, or finalised within weeks. */
export const SETTLE_SOON: readonly RegExp[] = [
  /\b((pour|by|for|avant) (le debut|the (start|beginning)|la fin|the end) (du|de la|of (the|next)) (mois|month|semaine|week)|(by|before|avant|d'ici) (next week|la semaine prochaine)|(finali[sz]e|finalis\w*|boucler|bouclons|lock in) (\w+ ){0,4}(in|within|by|dans|d'ici|avant) (about |around |environ )?(\w+ )?(days?|weeks?|jours|semaines))\b/,
];

/** A decision window the lead must meet: what turns a no-hurry intent into a Medium one. */
export const ACTION_WINDOW: readonly RegExp[] = [
  ...DEADLINE,
  ...SETTLE_SOON,
  /\b(within the next|in the next (\d|few|couple|two|three)|d'ici (la fin|le \d|au |\d|deux|trois|quelques|une)|by the end of|avant la fin|deadline|date limite|au plus tard|at the latest)\b/,
  // A meeting asked for a given week: the lead has a date in mind.
  /\b(rencontre|meeting|call|appel|cafe|coffee|chat|discussion|entrevue|interview)( \w+){0,3} (la semaine (du|prochaine)|next week|this week|cette semaine|the week of)\b/,
  /\b((applications?|postings?|candidatures?|inscriptions?|offer|offre|posting) (close|closes|closing|end|ends|ferment|se terminent|se termine|expire|expires)|(must|need to|have to) (confirm|decide|finali[sz]e)|(doit|doivent|dois|devons) (confirmer|decider|finaliser))\b/,
];

/** Within the week: enough to keep a "no rush" lead at Medium. */
export const THIS_WEEK: readonly RegExp[] = [
  new RegExp(
    `\\b(this week|cette semaine|this weekend|cette fin de semaine|ce week-end|end of the week|fin de la semaine|tomorrow|demain|(this|ce|cette) (${WEEKDAYS}))\\b`,
  ),
];

/** A day of the week named alone: in a question about a visit, the coming one. */
export const WEEKDAY: readonly RegExp[] = [new RegExp(`\\b(${WEEKDAYS})\\b(?!s)`)];

/** The lead has a visit, a class or an appointment coming up, and asks about it. */
export const UPCOMING_VISIT: readonly RegExp[] = [
  /\b((my|his|her|our|their|mon|son|sa|notre|leur|ses|mes) (\w+ ){0,2}(appointment|appt|visit|visite|rendez-vous|rdv|cours|class|lesson|session|seance)|(je|on|nous) (passe|passerai|viens|viendrai|vais passer|va passer)|(i'?m|we'?re|i am|we are) (coming|stopping by|dropping by)|(il|elle|he|she|i|we|je|on) (commence|starts?|begins?)|(voudrait|voudrions|voudrais|aimerait|aimerions|aimerais|veut|veux|want to|wants to|'d like to|plan to|planning to|prevoit|prevoyons|compte|comptons) (commencer|start|begin|debuter))\b/,
];

/** A direct request for something to be done, inside a message that is mostly something else. */
export const REQUEST: readonly RegExp[] = [
  /\b((could|can|would) you|(might|may) want to (check|look|fix|replace)|vous (devriez|voudrez peut-etre) (verifier|regarder|changer)|(could|can) (someone|i get|i have|we get|we have)|pourriez-vous|pouvez-vous|serait-il possible|est-ce possible|est-ce que (ce serait|c'est) possible|(is it|would it be) possible|(je|on) (pourrais|pourrait) (avoir|recevoir))\b/,
];
