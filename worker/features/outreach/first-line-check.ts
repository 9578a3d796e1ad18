import type { Language } from '../../../schema/vocabulary';
import type { OutreachLineBrief } from '../../platform/ai/outreach-line';
import { duration, type FormTestFacts, type ProspectFacts } from './first-line';
import { dayOf, readFigures } from './first-line-figures';
import { blank, escapeRegExp, fold, wordPattern } from './first-line-text';
import {
  AMBIGUOUS_PRODUCTS,
  ENGLISH_WORDS,
  FRENCH_WORDS,
  OPENERS,
  OTHER_PRODUCTS,
  QUANTITY_WORDS,
  SALES_WORDS,
  TOOL_NAMES,
} from './first-line-words';

/**
 * The gate an AI-written first line passes before it replaces the offline writer's: every
 * number, duration, date, tool and proper noun in it must be one of the prospect's stored
 * facts (or its name and website), every claim about the site or the form test must be what
 * the facts show, and the line must look like an opening line (one or two sentences, at most
 * 280 characters, no placeholder, link, exclamation or sales talk) in the prospect's
 * language. It reads claims by patterns, so it refuses more than it should rather than less:
 * a refused line only means the offline line stays. Pure: no I/O.
 */

export const MAX_FIRST_LINE_LENGTH = 280;

/** Accepted with the stored facts the line cites, or refused with every reason. */
export type LineCheck = { ok: true; facts: string[] } | { ok: false; reasons: string[] };

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

const NO_BOOKING =
  /\b(?:no|not|without|can't|cannot|couldn't|isn't|unable to|pas|aucun|aucune|sans|impossible de|ni)\b[^.;:]{0,40}?\b(?:book|booking|schedul\w*|appointments?|reserv\w*|rendez-vous)\b/;
const HAS_BOOKING =
  /\b(?:online booking|book online|booking (?:tool|page|system|widget|link)|reservation en ligne|reserver en ligne|outil de reservation|rendez-vous en ligne)\b/;
const NO_CHAT =
  /\b(?:no|not|without|pas de|aucun|aucune|sans)\b[^.;:]{0,30}?\b(?:chat|live chat|clavardage|messagerie)\b/;
const HAS_CHAT = /\b(?:chat widget|live chat|chat window|chat bubble|clavardage|chat en direct|bulle de chat)\b/;
const FORM = /\b(?:contact form|forms?|formulaires?)\b/;
const NO_FORM = /\b(?:no|without|pas de|aucun|sans)\b[^.;:]{0,20}?\b(?:contact form|form|formulaire)\b/;
const SILENCE =
  /\b(?:never (?:answered|replied|heard back|got back)|no (?:answer|reply|response|word)|unanswered|without (?:an? )?(?:answer|reply|response)|did(?:n't| not) (?:answer|reply|respond|hear back|get back)|went silent|no one (?:answered|replied)|heard nothing|nothing back|still waiting|sans reponse|sans nouvelles|aucune nouvelle|jamais (?:recu de reponse|repondu|eu de reponse)|aucune reponse|pas (?:eu|recu) de reponse|rien recu|n'a pas repondu|n'avez pas repondu|restee? sans reponse|toujours en attente|j'attends encore|j'attends toujours)\b/;
const AUTOMATIC =
  /\b(?:automatic|automated|auto-?reply|autoresponder|accuse de reception|reponse automatique|message automatique|automatique)\b/;
const ANSWERED =
  /\b(?:answered|replied|responded|got back to|heard back|(?:got|received|had) (?:a|an|your|their) (?:reply|answer|response)|a repondu|avez repondu|ont repondu|votre reponse est arrivee|(?:recu|obtenu|eu) (?:une|votre|la) reponse|(?:d'avoir|d'obtenir|de recevoir) (?:une|votre) reponse)\b/;
const WROTE =
  /\b(?:i wrote|we wrote|i sent|we sent|i reached out|we reached out|j'ai ecrit|nous avons ecrit|j'ai envoye|nous avons envoye|je vous ai ecrit)\b/;

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'French' };

// --- the check ---------------------------------------------------------------------------

export function checkFirstLine(line: string, facts: ProspectFacts): LineCheck {
  const reasons = new Set<string>();
  const cited = new Set<string>();
  const text = line.normalize('NFC').trim();
  if (text === '') return { ok: false, reasons: ['the line is empty'] };
  if (/[\r\n]/.test(text)) reasons.add('it runs over several lines');
  if (text.length > MAX_FIRST_LINE_LENGTH) {
    reasons.add(`it is ${text.length} characters long, more than ${MAX_FIRST_LINE_LENGTH}`);
  }
  if (/[{}]/.test(text)) reasons.add('it holds template braces');
  if (/[^\s@]@[^\s@]/.test(text)) reasons.add('it holds an email address');
  if (text.includes('!')) reasons.add('it uses an exclamation mark');

  const test = namedTest(facts.formTest);
  const site = facts.site;
  const host = hostOf(facts.website).replace(/^www\./i, '');
  const language = facts.language;
  let work = fold(text);

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
      reasons.add(`it names ${name}, which the site analysis did not find on ${host}`),
    );
  }

  if (/[a-z][a-z0-9+.-]*:\/\/|\bwww\./i.test(work) || /[\p{L}\p{N}-]+\.(?:[a-z]{2,})(?![\p{L}\p{N}])/iu.test(work)) {
    reasons.add('it holds a web address other than the business’s own');
  }
  const sentences = work.split(/[.?!…]+(?=\s|$)/).filter((part) => /\p{L}/u.test(part)).length;
  if (sentences > 2) reasons.add(`it is ${sentences} sentences long, not one or two`);

  work = readFigures(work, text, test, language, reasons, cited);
  checkClaims(work.toLowerCase(), facts, test, reasons, cited);
  if (SALES_WORDS.test(work.toLowerCase())) reasons.add('it uses sales words');
  checkLanguage(work, language, reasons);
  checkProperNouns(work, text, own, reasons);

  return reasons.size > 0 ? { ok: false, reasons: [...reasons] } : { ok: true, facts: [...cited] };
}

/** What the line says of the site and the form test, against what the facts show. */
function checkClaims(
  lower: string,
  facts: ProspectFacts,
  test: FormTestFacts | null,
  reasons: Set<string>,
  cited: Set<string>,
): void {
  const site = facts.site;
  const claim = (holds: boolean, fact: string, refusal: string) => {
    if (holds) cited.add(fact);
    else reasons.add(refusal);
  };
  const tools = toolNames(site?.bookingTools ?? []).join(', ');
  if (NO_BOOKING.test(lower)) {
    claim(
      site !== null && site.bookingTools.length === 0,
      'site.booking_tools',
      site
        ? `it says the site has no online booking, but the analysis found ${tools}`
        : 'it says the site has no online booking, but the site was not analysed',
    );
  } else if (HAS_BOOKING.test(lower)) {
    claim(
      (site?.bookingTools.length ?? 0) > 0,
      'site.booking_tools',
      'it says the site has online booking, which the analysis did not find',
    );
  }
  if (NO_CHAT.test(lower)) {
    claim(
      site !== null && site.chatWidgets.length === 0,
      'site.chat_widgets',
      site
        ? 'it says the site has no chat, but the analysis found one'
        : 'it says the site has no chat, but the site was not analysed',
    );
  } else if (HAS_CHAT.test(lower)) {
    claim((site?.chatWidgets.length ?? 0) > 0, 'site.chat_widgets', 'it speaks of a chat the analysis did not find');
  }
  if (NO_FORM.test(lower)) {
    claim(
      site !== null && !site.hasForm && !test,
      'site.form',
      'it says the site has no contact form, unlike the facts',
    );
  } else if (FORM.test(lower)) {
    claim(
      Boolean(site?.hasForm || test),
      test ? 'form_test.status' : 'site.form',
      'it speaks of a contact form the facts do not show',
    );
  }
  if (WROTE.test(lower)) {
    claim(test !== null, 'form_test.submitted_at', 'it says the business was written to, but no form test shows it');
  }
  const outcome = test ? outcomeOf(test) : null;
  const answeredAfter = test?.responseMinutes != null ? duration(test.responseMinutes, facts.language) : '';
  if (SILENCE.test(lower)) {
    claim(
      outcome === 'no_answer' || outcome === 'automatic_reply_only',
      'form_test.status',
      outcome
        ? `it says the inquiry went unanswered, but the team answered after ${answeredAfter}`
        : 'it says an inquiry went unanswered, but no form test shows it',
    );
  } else if (ANSWERED.test(lower)) {
    claim(
      outcome === 'answered' || outcome === 'automatic_reply_only',
      'form_test.status',
      outcome
        ? 'it says the team answered, but the form test got no answer'
        : 'it says the team answered, but no form test shows it',
    );
  }
  if (AUTOMATIC.test(lower)) {
    claim(
      outcome === 'automatic_reply_only',
      'form_test.tone',
      'it speaks of an automatic reply the form test did not get',
    );
  }
}

/**
 * The language check: the line must use more common function words of its language than of
 * the other, and at least two. Crude, and enough for one or two sentences: an English line
 * sent to a French prospect (or the reverse) fails it.
 */
function checkLanguage(work: string, language: Language, reasons: Set<string>): void {
  let english = 0;
  let french = 0;
  for (const word of work.toLowerCase().split(/[^\p{L}]+/u)) {
    if (ENGLISH_WORDS.has(word)) english++;
    if (FRENCH_WORDS.has(word)) french++;
  }
  const [mine, theirs] = language === 'fr' ? [french, english] : [english, french];
  if (mine < 2 || mine <= theirs) reasons.add(`it does not read as ${LANGUAGE_NAMES[language]}`);
}

/**
 * Proper nouns: a capitalised word past a sentence's start, or one with capitals inside
 * (HubSpot, CRM), must be a word of the business's name or website; names already read
 * (tools, months, days) were blanked out before. A sentence's first word passes only when it
 * is a common opener or function word: "Marc from your team…" is refused with the rest.
 */
function checkProperNouns(work: string, original: string, own: Set<string>, reasons: Set<string>): void {
  for (const match of work.matchAll(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu)) {
    const word = match[0];
    const lower = word.toLowerCase();
    if (word === 'I' || !/\p{Lu}/u.test(word) || own.has(lower)) continue;
    const inner = /\p{Lu}/u.test(word.slice(1));
    const before = work.slice(0, match.index).replace(/[\s"'«“(\-–—]+$/u, '');
    const opensSentence = before === '' || /[.?!…:]$/.test(before);
    const common = OPENERS.has(lower) || ENGLISH_WORDS.has(lower) || FRENCH_WORDS.has(lower) || lower in QUANTITY_WORDS;
    if (inner || !opensSentence || !common) {
      reasons.add(`it names “${original.slice(match.index, match.index + word.length)}”, which is not in the facts`);
    }
  }
}
