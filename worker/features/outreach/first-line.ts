import type { AutoresponderTone, Language } from '../../../schema/vocabulary';
import { DEFAULT_TIME_ZONE } from '../../platform/local-time';

/**
 * The offline writer of an outreach email's personal sentences: `{{form_test_summary}}`
 * and `{{first_line}}`, from facts stored about the prospect (its form test, its site
 * analysis) and nothing else. Each sentence names the facts it rests on, so the approval
 * screen can show them and a reviewer can check every claim. Deterministic and pure: the
 * same facts always give the same words.
 */

export interface FormTestFacts {
  status: 'completed' | 'timeout';
  submittedAt: Date;
  /** Minutes until the first answer; null for a timeout. */
  responseMinutes: number | null;
  tone: AutoresponderTone | null;
  /** For a timeout: the minutes of silence it was given. */
  waitedMinutes: number | null;
}

export interface SiteFacts {
  bookingTools: string[];
  chatWidgets: string[];
  hasForm: boolean;
}

export interface ProspectFacts {
  companyName: string;
  website: string;
  language: Language;
  formTest: FormTestFacts | null;
  site: SiteFacts | null;
}

export interface PersonalLines {
  formTestSummary: string | null;
  firstLine: string | null;
  /** The stored facts the sentences rest on, e.g. `form_test.response_minutes`. */
  facts: string[];
}

/** An answer slower than this is worth saying: a lead waiting a day has often gone elsewhere. */
const SLOW_ANSWER_MINUTES = 24 * 60;

export function duration(minutes: number, language: Language): string {
  const [unit, count] =
    minutes < 90
      ? (['minute', Math.max(1, Math.round(minutes))] as const)
      : minutes < 48 * 60
        ? (['hour', Math.round(minutes / 60)] as const)
        : (['day', Math.round(minutes / 1440)] as const);
  const words = {
    en: { minute: ['minute', 'minutes'], hour: ['hour', 'hours'], day: ['day', 'days'] },
    fr: { minute: ['minute', 'minutes'], hour: ['heure', 'heures'], day: ['jour', 'jours'] },
  }[language][unit];
  return `${count} ${count === 1 ? words[0] : words[1]}`;
}

/** A silence worth naming: a day or more. A shorter wait (a test swept early) proves nothing. */
const isLongSilence = (test: FormTestFacts) => (test.waitedMinutes ?? 0) >= SLOW_ANSWER_MINUTES;

const dayOf = (date: Date, language: Language) =>
  new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
    day: 'numeric',
    month: 'long',
    timeZone: DEFAULT_TIME_ZONE,
  }).format(date);

const hostOf = (website: string) => website.replace(/^https?:\/\//, '').replace(/\/$/, '');

function summarise(test: FormTestFacts, language: Language): string | null {
  const day = dayOf(test.submittedAt, language);
  const fr = language === 'fr';
  if (test.status === 'timeout') {
    if (!isLongSilence(test)) return null;
    const waited = duration(test.waitedMinutes!, language);
    return fr
      ? `La demande que j’ai envoyée par le formulaire de contact de votre site le ${day} est restée sans réponse pendant ${waited}.`
      : `The inquiry I sent through your website’s contact form on ${day} went unanswered for ${waited}.`;
  }
  if (test.responseMinutes === null) return null;
  const took = duration(test.responseMinutes, language);
  if (test.tone === 'robotic') {
    return fr
      ? `La demande que j’ai envoyée par le formulaire de contact de votre site le ${day} a reçu un accusé de réception automatique après ${took}, sans réponse à la question.`
      : `The inquiry I sent through your website’s contact form on ${day} got an automatic acknowledgement after ${took}, without an answer to the question.`;
  }
  return fr
    ? `Votre équipe a répondu en ${took} à la demande que j’ai envoyée par le formulaire de contact de votre site le ${day}.`
    : `Your team answered the inquiry I sent through your website’s contact form on ${day} in ${took}.`;
}

/**
 * The opening sentence: the site's own fact (a form but no way to book). The form test is
 * `form_test_summary`'s to tell, once, with its date: an opening that told it too made the
 * reader read the same test twice.
 */
function firstLineFrom(facts: ProspectFacts): { line: string; facts: string[] } | null {
  const fr = facts.language === 'fr';
  const host = hostOf(facts.website);
  if (facts.site && facts.site.bookingTools.length === 0 && facts.site.hasForm) {
    return {
      line: fr
        ? `Sur ${host}, un client peut vous écrire, mais pas réserver : il doit attendre votre réponse pour avoir un rendez-vous.`
        : `On ${host}, a customer can write to you but not book: they wait for your answer to get an appointment.`,
      facts: ['site.booking_tools', 'site.form'],
    };
  }
  return null;
}

export function writePersonalLines(facts: ProspectFacts): PersonalLines {
  const summary = facts.formTest ? summarise(facts.formTest, facts.language) : null;
  const first = firstLineFrom(facts);
  const used = new Set<string>(first?.facts ?? []);
  if (summary)
    for (const fact of ['form_test.status', 'form_test.submitted_at', 'form_test.response_minutes']) used.add(fact);
  return { formTestSummary: summary, firstLine: first?.line ?? null, facts: [...used] };
}
