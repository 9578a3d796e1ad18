import type { Language } from '../../../schema/vocabulary';
import type { OutreachLineBrief } from '../../platform/ai/outreach-line';
import { duration, type FormTestFacts, type ProspectFacts } from './first-line';
import { dayOf, localDay, readFigures } from './first-line-figures';
import { type LineProblemMessage, LineProblems, type SpeedClaim, type TestState } from './first-line-reasons';
import { blank, escapeRegExp, fold, wordPattern } from './first-line-text';
import {
  AMBIGUOUS_PRODUCTS,
  AUTOMATIC_WORDS,
  ENGLISH_WORDS,
  FRENCH_WORDS,
  NEGATION_FILLERS,
  NEGATIONS,
  OPENERS,
  OTHER_PRODUCTS,
  QUANTITY_WORDS,
  REPLY_WORDS,
  SALES_WORDS,
  SILENCE_LINKS,
  SILENCE_WORDS,
  SPEED_WORDS,
  TOOL_NAMES,
  UNCOVERED_TOPICS,
  WAITING_LINKS,
  WAITING_WORDS,
} from './first-line-words';

export {
  explainLineProblem,
  type LineProblem,
  type LineProblemCode,
  type LineProblemMessage,
} from './first-line-reasons';

/**
 * The gate an AI-written first line passes before it replaces the offline writer's. Staff are
 * told a kept line's facts were checked, so every claim in it must rest on the prospect's
 * stored facts (`ProspectFacts`: the form test, the site analysis, the business's name,
 * website and language); what they do not show is refused. The rules, in English and Quebec
 * French alike:
 *
 * 1. Form: one or two sentences, at most 280 characters, in the prospect's language; no
 *    placeholder, link (but the business's own website), email address, exclamation mark or
 *    sales talk.
 * 2. Names: a tool only if the site analysis found it; any other capitalised name only if it
 *    is a word of the business's name or website.
 * 3. Dates (first-line-figures.ts): only the day the inquiry was sent, or its month or
 *    weekday; a year only inside that full date ("November 24, 2026"), never alone; nothing
 *    relative to today ("yesterday").
 * 4. Durations: the answer's delay or the silence's length, as a reader rounds it. A unit
 *    without a number ("for weeks", "within hours", "pendant des jours") is a duration too.
 * 5. Numbers: none but those of that date and those durations; a number is not accepted for
 *    equalling the test's day or year ("24 reviews", "since 2026").
 * 6. The answer: a word of answering (answered, reply, got back, called back, heard back,
 *    répondu, réponse, rappelé, retour…) needs a completed test with an answer, and, when
 *    that answer was only an automatic acknowledgement, the line must say it was automatic.
 *    A timeout allows only silence: a negated answer ("never heard back", "pas eu de
 *    réponse") or a silence word ("unanswered", "lettre morte"). Waiting for an answer
 *    ("they wait for your answer", "attendre votre réponse") claims none, so passes.
 * 7. Speed must fit the answer's delay (`speedHolds`): immediate (right away, tout de
 *    suite) within 5 minutes, "within minutes" 10, quick (fast, prompt, rapide, vite,
 *    dans l'heure) an hour; same day (le jour même), next day (le lendemain) and overnight
 *    by the business's calendar; slow (a while, took long, finally, longtemps, tardé) only
 *    after more than a day or for a silence. Negated, a speed turns ("didn't take long" is
 *    quick, "pas rapide" slow). Speed talk with no answer to measure is refused.
 * 8. The site: booking, chat and contact-form claims must match the analysis.
 * 9. Topics the facts do not cover are refused whatever is said of them: the phone and
 *    voicemail, reviews and ratings, social media, prices, staff (receptionist, owner,
 *    names), opening hours and the time of day, the business's history, size and place,
 *    competitors, how the site looks or ranks (UNCOVERED_TOPICS in first-line-words.ts, the
 *    documented list).
 *
 * Each refusal is a code with its parameters (first-line-reasons.ts) whose message exists in
 * English and Quebec French: the result's `problems`, while `reasons` keeps the English
 * messages as before. It reads claims by patterns, so it refuses more than it should rather
 * than less ("a quick look at your site" is refused as speed): a refused line only means the
 * offline line stays. Pure: no I/O.
 */

export const MAX_FIRST_LINE_LENGTH = 280;

/**
 * Accepted with the stored facts the line cites, or refused with every problem: `problems`
 * with codes and both languages, `reasons` their English messages (as stored before codes).
 */
export type LineCheck =
  | { ok: true; facts: string[] }
  | { ok: false; reasons: string[]; problems: LineProblemMessage[] };

/** A silence worth naming: a day or more, the offline writer's rule (first-line.ts); a shorter sweep proves nothing. */
const LONG_SILENCE_MINUTES = 24 * 60;

/** The form test a line may speak of: finished and proving something, or none. */
function namedTest(test: FormTestFacts | null): FormTestFacts | null {
  if (!test) return null;
  if (test.status === 'timeout') return (test.waitedMinutes ?? 0) >= LONG_SILENCE_MINUTES ? test : null;
  return test.responseMinutes === null ? null : test;
}

const outcomeOf = (test: FormTestFacts) =>
  test.status === 'timeout' ? 'no_answer' : test.tone === 'robotic' ? 'automatic_reply_only' : 'answered';

/** The test as a refusal states it. */
function stateOf(test: FormTestFacts | null): TestState {
  if (!test) return { kind: 'none' };
  const outcome = outcomeOf(test);
  if (outcome === 'no_answer') return { kind: 'no_answer' };
  return { kind: outcome === 'answered' ? 'answered' : 'automatic', minutes: test.responseMinutes! };
}

const hostOf = (website: string) => website.replace(/^https?:\/\//i, '').replace(/\/.*$/, '');

const toolNames = (keys: readonly string[]) => keys.map((key) => TOOL_NAMES[key]?.[0] ?? key);

/** The facts as the engine is told them: the same ones, and only those, this checker holds the line to. */
export function lineBrief(facts: ProspectFacts, draft: string, summary: string | null = null): OutreachLineBrief {
  const test = namedTest(facts.formTest);
  return {
    language: facts.language,
    company: { name: facts.companyName, website: hostOf(facts.website) },
    formTest: test && {
      outcome: outcomeOf(test),
      submittedOn: dayOf(test.submittedAt, facts.language),
      answeredAfter: test.responseMinutes === null ? null : duration(test.responseMinutes, facts.language),
      unansweredFor: test.status === 'timeout' ? duration(test.waitedMinutes!, facts.language) : null,
    },
    site: facts.site && {
      bookingTools: toolNames(facts.site.bookingTools),
      chatWidgets: toolNames(facts.site.chatWidgets),
      hasContactForm: facts.site.hasForm,
    },
    draft,
    summary,
  };
}

// --- claims ------------------------------------------------------------------------------

/** Regular-expression sources as whole words of the folded line. */
const claimPattern = (sources: readonly string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${sources.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
const literal = (words: readonly string[]) => words.map(escapeRegExp).join('|');

const NO_BOOKING =
  /\b(?:no|not|without|can't|cannot|couldn't|isn't|unable to|pas|aucun|aucune|sans|impossible de|ni)\b[^.;:]{0,40}?\b(?:book|booking|schedul\w*|appointments?|reserv\w*|rendez-vous)\b/;
const HAS_BOOKING =
  /\b(?:online booking|book online|booking (?:tool|page|system|widget|link)|reservation en ligne|reserver en ligne|outil de reservation|rendez-vous en ligne)\b/;
const NO_CHAT =
  /\b(?:no|not|without|pas de|aucun|aucune|sans)\b[^.;:]{0,30}?\b(?:chat|live chat|clavardage|messagerie)\b/;
const HAS_CHAT = /\b(?:chat widget|live chat|chat window|chat bubble|clavardage|chat en direct|bulle de chat)\b/;
const FORM = /\b(?:contact form|forms?|formulaires?)\b/;
const NO_FORM = /\b(?:no|without|pas de|aucun|sans)\b[^.;:]{0,20}?\b(?:contact form|form|formulaire)\b/;
const WROTE =
  /\b(?:i wrote|we wrote|i sent|we sent|i reached out|we reached out|i (?:filled|submitted|contacted|emailed)|j'ai ecrit|nous avons ecrit|j'ai envoye|nous avons envoye|je vous ai ecrit|j'ai (?:rempli|soumis|contacte))\b/;

const REPLY = `(?:${REPLY_WORDS.join('|')})`;
/** A silence: a negated answer ("never heard back", "pas eu de réponse") or a silence word, with the answer it lacks. */
const SILENCE = new RegExp(
  `(?:(?<![\\p{L}\\p{N}])(?:${literal(NEGATIONS.filter((word) => word !== "n't"))})|n't)(?:\\s+(?:${literal(NEGATION_FILLERS)})){0,4}?\\s+${REPLY}(?![\\p{L}\\p{N}])` +
    `|(?<![\\p{L}\\p{N}])(?:${SILENCE_WORDS.join('|')})(?:(?:\\s+(?:${literal(SILENCE_LINKS)}))*\\s+${REPLY})?(?![\\p{L}\\p{N}])`,
  'giu',
);
/** A wait for an answer, which claims none came. */
const WAITING = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${WAITING_WORDS.join('|')})(?:\\s+(?:${literal(WAITING_LINKS)})){0,5}\\s+${REPLY}(?![\\p{L}\\p{N}])`,
  'giu',
);
const ANSWERED = claimPattern(REPLY_WORDS);
const AUTOMATIC = claimPattern(AUTOMATIC_WORDS);

const SPEED_ORDER = Object.keys(SPEED_WORDS) as SpeedClaim[];
/** Every speed, one capture group each, in SPEED_ORDER. */
const SPEED = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${SPEED_ORDER.map((speed) => `(${SPEED_WORDS[speed].join('|')})`).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);
/** A negation just before a speed ("not quick", "pas très rapide", "didn't take long"). */
const NEGATED_BEFORE =
  /(?:\bnot|n't|\bnever|\bpas|\bjamais|\bnullement)(?:\s+(?:be|been|was|is|very|so|that|too|particularly|really|all|ete|etait|est|etre|tres|si|trop|particulierement|vraiment|aussi|plus)){0,2}\s+$/;
/** What a negated speed claims instead; null: nothing a test can show, so never true. */
const NEGATED_SPEED: Record<SpeedClaim, SpeedClaim | null> = {
  immediate: 'slow',
  minutes: 'slow',
  quick: 'slow',
  same_day: 'slow',
  next_day: null,
  overnight: null,
  slow: 'quick',
};

const TOPICS = UNCOVERED_TOPICS.map(({ topic, words, signs }) => ({
  topic,
  pattern: signs ? new RegExp(`${claimPattern(words).source}|${signs}`, 'giu') : claimPattern(words),
}));

/** The business's calendar day, as a count of days. */
const dayNumber = (date: Date) => {
  const day = localDay(date);
  return Date.UTC(day.year, day.month - 1, day.day) / 86_400_000;
};

/** Whether the named form test shows the speed a line claims. */
function speedHolds(speed: SpeedClaim | null, test: FormTestFacts | null): boolean {
  if (!test || speed === null) return false;
  if (test.status === 'timeout') return speed === 'slow';
  const minutes = test.responseMinutes!;
  const days = dayNumber(new Date(test.submittedAt.getTime() + minutes * 60_000)) - dayNumber(test.submittedAt);
  switch (speed) {
    case 'immediate':
      return minutes <= 5;
    case 'minutes':
      return minutes <= 10;
    case 'quick':
      return minutes <= 60;
    case 'same_day':
      return days === 0;
    case 'next_day':
      return days === 1;
    case 'overnight':
      return days === 1 && minutes <= 24 * 60;
    case 'slow':
      return minutes > 24 * 60;
  }
}

// --- the check ---------------------------------------------------------------------------

export function checkFirstLine(line: string, facts: ProspectFacts): LineCheck {
  const problems = new LineProblems();
  const cited = new Set<string>();
  const text = line.normalize('NFC').trim();
  if (text === '') problems.add({ code: 'empty' });
  else readLine(text, facts, problems, cited);
  if (problems.size === 0) return { ok: true, facts: [...cited] };
  const found = problems.messages;
  return { ok: false, reasons: found.map((problem) => problem.en), problems: found };
}

function readLine(text: string, facts: ProspectFacts, problems: LineProblems, cited: Set<string>): void {
  if (/[\r\n]/.test(text)) problems.add({ code: 'several_lines' });
  if (text.length > MAX_FIRST_LINE_LENGTH) {
    problems.add({ code: 'too_long', length: text.length, max: MAX_FIRST_LINE_LENGTH });
  }
  if (/[{}]/.test(text)) problems.add({ code: 'template_braces' });
  if (/[^\s@]@[^\s@]/.test(text)) problems.add({ code: 'email_address' });
  if (text.includes('!')) problems.add({ code: 'exclamation' });

  const test = namedTest(facts.formTest);
  const site = facts.site;
  const host = hostOf(facts.website).replace(/^www\./i, '');
  const language = facts.language;
  let work = fold(text);
  const written = (match: RegExpMatchArray) => text.slice(match.index, match.index! + match[0].length).trim();

  // The business's own name and website are always allowed, as are their words alone.
  const own = new Set(
    fold(`${facts.companyName} ${host}`)
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 1),
  );
  work = blank(work, wordPattern([fold(facts.companyName).trim()]));
  work = blank(work, new RegExp(`(?:https?://)?(?:www\\.)?${escapeRegExp(fold(host))}/?`, 'gi'));

  // Tools the analysis found may be named; any other is invented.
  const found = [
    ...(site?.bookingTools ?? []).map((key) => ({ key, fact: 'site.booking_tools' })),
    ...(site?.chatWidgets ?? []).map((key) => ({ key, fact: 'site.chat_widgets' })),
  ];
  for (const { key, fact } of found) {
    work = blank(work, wordPattern((TOOL_NAMES[key] ?? [key]).map(fold)), () => cited.add(fact));
  }
  const foundKeys = new Set(found.map((item) => item.key));
  const others = [
    ...Object.entries(TOOL_NAMES)
      .filter(([key]) => !foundKeys.has(key))
      .flatMap(([, names]) => names),
    ...OTHER_PRODUCTS,
  ];
  for (const name of others) {
    const ambiguous = AMBIGUOUS_PRODUCTS.has(name.toLowerCase());
    work = blank(work, wordPattern([fold(name)], ambiguous ? 'gu' : 'giu'), () =>
      problems.add({ code: 'unknown_tool', name, host }),
    );
  }

  if (/[a-z][a-z0-9+.-]*:\/\/|\bwww\./i.test(work) || /[\p{L}\p{N}-]+\.(?:[a-z]{2,})(?![\p{L}\p{N}])/iu.test(work)) {
    problems.add({ code: 'foreign_link' });
  }
  const sentences = work.split(/[.?!…]+(?=\s|$)/).filter((part) => /\p{L}/u.test(part)).length;
  if (sentences > 2) problems.add({ code: 'too_many_sentences', count: sentences });

  // Speed, before the figures: "within minutes", "le jour même" are speeds, not durations.
  work = blank(work, SPEED, (match) => {
    const index = match.slice(1).findIndex((group) => group !== undefined);
    const said = SPEED_ORDER[index]!;
    const negated = NEGATED_BEFORE.test(work.slice(0, match.index).toLowerCase());
    const speed = negated ? NEGATED_SPEED[said] : said;
    if (speedHolds(speed, test))
      cited.add(test?.status === 'timeout' ? 'form_test.status' : 'form_test.response_minutes');
    else problems.add({ code: 'unsupported_speed', word: written(match), speed: speed ?? said, test: stateOf(test) });
  });
  // What the facts do not cover, before the figures: "business hours" is no duration.
  for (const { topic, pattern } of TOPICS) {
    work = blank(work, pattern, (match) => problems.add({ code: 'uncovered_topic', topic, word: written(match) }));
  }

  work = readFigures(work, text, test, language, problems, cited);
  checkClaims(work, text, facts, test, problems, cited);
  const sales = SALES_WORDS.exec(work.toLowerCase());
  if (sales) problems.add({ code: 'sales_words', word: text.slice(sales.index, sales.index + sales[0].length) });
  checkLanguage(work, language, problems);
  checkProperNouns(work, text, own, problems);
}

/** What the line says of the site and the form test, against what the facts show. */
function checkClaims(
  work: string,
  line: string,
  facts: ProspectFacts,
  test: FormTestFacts | null,
  problems: LineProblems,
  cited: Set<string>,
): void {
  const lower = work.toLowerCase();
  const site = facts.site;
  const written = (match: RegExpMatchArray) => line.slice(match.index, match.index! + match[0].length).trim();
  const claim = (holds: boolean, fact: string, refusal: Parameters<LineProblems['add']>[0]) => {
    if (holds) cited.add(fact);
    else problems.add(refusal);
  };
  if (NO_BOOKING.test(lower)) {
    claim(site !== null && site.bookingTools.length === 0, 'site.booking_tools', {
      code: 'wrong_no_booking',
      found: site ? toolNames(site.bookingTools).join(', ') : null,
    });
  } else if (HAS_BOOKING.test(lower)) {
    claim((site?.bookingTools.length ?? 0) > 0, 'site.booking_tools', { code: 'unsupported_booking' });
  }
  if (NO_CHAT.test(lower)) {
    claim(site !== null && site.chatWidgets.length === 0, 'site.chat_widgets', {
      code: 'wrong_no_chat',
      analysed: site !== null,
    });
  } else if (HAS_CHAT.test(lower)) {
    claim((site?.chatWidgets.length ?? 0) > 0, 'site.chat_widgets', { code: 'unsupported_chat' });
  }
  if (NO_FORM.test(lower)) {
    claim(site !== null && !site.hasForm && !test, 'site.form', { code: 'wrong_no_form' });
  } else if (FORM.test(lower)) {
    claim(Boolean(site?.hasForm || test), test ? 'form_test.status' : 'site.form', { code: 'unsupported_form' });
  }
  if (WROTE.test(lower)) {
    claim(test !== null, 'form_test.submitted_at', { code: 'unsupported_inquiry' });
  }

  // The answer: silences first, then waits (neither claims an answer), then any answer left.
  const outcome = test ? outcomeOf(test) : null;
  const state = stateOf(test);
  const automatic = [...lower.matchAll(AUTOMATIC)];
  let rest = blank(lower, SILENCE, (match) =>
    claim(outcome === 'no_answer' || outcome === 'automatic_reply_only', 'form_test.status', {
      code: 'unsupported_silence',
      word: written(match),
      test: state,
    }),
  );
  rest = blank(rest, WAITING);
  blank(rest, ANSWERED, (match) => {
    const word = written(match);
    if (outcome === 'answered' || (outcome === 'automatic_reply_only' && automatic.length > 0)) {
      cited.add('form_test.status');
    } else if (outcome === 'automatic_reply_only') {
      problems.add({ code: 'automatic_reply_as_answer', word });
    } else {
      problems.add({ code: 'unsupported_reply', word, test: state });
    }
  });
  for (const match of automatic) {
    claim(outcome === 'automatic_reply_only', 'form_test.tone', {
      code: 'unsupported_automatic',
      word: written(match),
    });
  }
}

/**
 * The language check: the line must use more common function words of its language than of
 * the other, and at least two. Crude, and enough for one or two sentences: an English line
 * sent to a French prospect (or the reverse) fails it.
 */
function checkLanguage(work: string, language: Language, problems: LineProblems): void {
  let english = 0;
  let french = 0;
  for (const word of work.toLowerCase().split(/[^\p{L}]+/u)) {
    if (ENGLISH_WORDS.has(word)) english++;
    if (FRENCH_WORDS.has(word)) french++;
  }
  const [mine, theirs] = language === 'fr' ? [french, english] : [english, french];
  if (mine < 2 || mine <= theirs) problems.add({ code: 'wrong_language', language });
}

/**
 * Proper nouns: a capitalised word past a sentence's start, or one with capitals inside
 * (HubSpot, CRM), must be a word of the business's name or website; names already read
 * (tools, months, days) were blanked out before. A sentence's first word passes only when it
 * is a common opener or function word: "Marc from your team…" is refused with the rest.
 */
function checkProperNouns(work: string, original: string, own: Set<string>, problems: LineProblems): void {
  for (const match of work.matchAll(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu)) {
    const word = match[0];
    const lower = word.toLowerCase();
    if (word === 'I' || !/\p{Lu}/u.test(word) || own.has(lower)) continue;
    const inner = /\p{Lu}/u.test(word.slice(1));
    const before = work.slice(0, match.index).replace(/[\s"'«“(\-–—]+$/u, '');
    const opensSentence = before === '' || /[.?!…:]$/.test(before);
    const common = OPENERS.has(lower) || ENGLISH_WORDS.has(lower) || FRENCH_WORDS.has(lower) || lower in QUANTITY_WORDS;
    if (inner || !opensSentence || !common) {
      problems.add({ code: 'unknown_name', name: original.slice(match.index, match.index + word.length) });
    }
  }
}
