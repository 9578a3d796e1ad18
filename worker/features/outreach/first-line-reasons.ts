import type { Language } from '../../../schema/vocabulary';
import { duration } from './first-line';

/**
 * Why the first-line checker (first-line-check.ts) refused a line: a code with the
 * parameters it needs, and, from `explainLineProblem`, a message for each code in English and
 * in Quebec French, so the staff screen shows the reasons in its reader's language. The
 * English message is also the `reasons` string the checker has always returned, so stored
 * reasons read as before. Quotes (`said`, `word`) are the line as written; durations the
 * facts hold are shown in the line's own language where the message quotes what the line
 * should have said, and in the reader's where it states a fact. Pure.
 */

/** How fast a line says the answer came; what each requires is the checker's (first-line-check.ts). */
export type SpeedClaim = 'immediate' | 'minutes' | 'quick' | 'same_day' | 'next_day' | 'overnight' | 'slow';

/** What the facts do not cover, that a line must not speak of (first-line-words.ts, UNCOVERED_TOPICS). */
export type UncoveredTopic =
  | 'phone'
  | 'reviews'
  | 'social_media'
  | 'prices'
  | 'staff'
  | 'opening_hours'
  | 'history'
  | 'location'
  | 'competitors'
  | 'site_quality';

/** The form test's outcome as a refusal states it: none named, no answer, or an answer after some minutes. */
export type TestState =
  | { kind: 'none' }
  | { kind: 'no_answer' }
  | { kind: 'automatic'; minutes: number }
  | { kind: 'answered'; minutes: number };

export type LineProblem =
  | { code: 'empty' }
  | { code: 'several_lines' }
  | { code: 'too_long'; length: number; max: number }
  | { code: 'template_braces' }
  | { code: 'email_address' }
  | { code: 'exclamation' }
  | { code: 'foreign_link' }
  | { code: 'too_many_sentences'; count: number }
  | { code: 'unknown_tool'; name: string; host: string }
  | { code: 'date_without_test'; said: string }
  | { code: 'wrong_date'; said: string; sentOn: string }
  | { code: 'lone_year'; said: string }
  | { code: 'relative_date'; said: string }
  | { code: 'duration_without_fact'; said: string }
  | { code: 'wrong_duration'; said: string; known: string }
  | { code: 'unknown_number'; said: string }
  | { code: 'wrong_no_booking'; found: string | null }
  | { code: 'unsupported_booking' }
  | { code: 'wrong_no_chat'; analysed: boolean }
  | { code: 'unsupported_chat' }
  | { code: 'wrong_no_form' }
  | { code: 'unsupported_form' }
  | { code: 'unsupported_inquiry' }
  | { code: 'unsupported_silence'; word: string; test: TestState }
  | { code: 'unsupported_reply'; word: string; test: TestState }
  | { code: 'automatic_reply_as_answer'; word: string }
  | { code: 'unsupported_automatic'; word: string }
  | { code: 'unsupported_speed'; word: string; speed: SpeedClaim; test: TestState }
  | { code: 'uncovered_topic'; topic: UncoveredTopic; word: string }
  | { code: 'sales_words'; word: string }
  | { code: 'wrong_language'; language: Language }
  | { code: 'unknown_name'; name: string }
  // Not the checker's: for the caller, when there is no line to check or it cannot be used.
  | { code: 'no_usable_line'; detail: string }
  | { code: 'not_renderable' };

export type LineProblemCode = LineProblem['code'];

/** A refusal as stored and shown: its code and its message in both languages. */
export interface LineProblemMessage {
  code: LineProblemCode;
  en: string;
  fr: string;
}

const LANGUAGE_NAMES: Record<Language, { en: string; fr: string }> = {
  en: { en: 'English', fr: 'anglais' },
  fr: { en: 'French', fr: 'français' },
};

/** What each speed is true of (first-line-check.ts, `speedHolds`), after « true only of » / « ne vaut que pour ». */
const SPEED_NEEDS: Record<SpeedClaim, { en: string; fr: string }> = {
  immediate: { en: 'an answer within 5 minutes', fr: 'une réponse en 5 minutes au plus' },
  minutes: { en: 'an answer within 10 minutes', fr: 'une réponse en 10 minutes au plus' },
  quick: { en: 'an answer within an hour', fr: 'une réponse en une heure au plus' },
  same_day: { en: 'an answer the same day', fr: 'une réponse le jour même' },
  next_day: { en: 'an answer the next day', fr: 'une réponse le lendemain' },
  overnight: {
    en: 'an answer the next day, within 24 hours',
    fr: 'une réponse le lendemain, en moins de 24 heures',
  },
  slow: { en: 'an answer after more than a day, or none', fr: 'une réponse après plus d’un jour, ou aucune' },
};

/** Each topic in English, and in French after « parle » (with its preposition). */
const TOPIC_NAMES: Record<UncoveredTopic, { en: string; fr: string }> = {
  phone: { en: 'the phone', fr: 'du téléphone' },
  reviews: { en: 'reviews or ratings', fr: 'd’avis ou d’évaluations' },
  social_media: { en: 'social media', fr: 'des réseaux sociaux' },
  prices: { en: 'prices', fr: 'de prix' },
  staff: { en: 'a member of staff', fr: 'd’un membre du personnel' },
  opening_hours: { en: 'opening hours or the time of day', fr: 'des heures d’ouverture ou du moment de la journée' },
  history: { en: 'the business’s history or size', fr: 'de l’historique ou de la taille de l’entreprise' },
  location: { en: 'where the business is', fr: 'de l’emplacement de l’entreprise' },
  competitors: { en: 'competitors', fr: 'de la concurrence' },
  site_quality: { en: 'how the site looks or ranks', fr: 'de l’apparence ou du référencement du site' },
};

const enQuote = (text: string) => `“${text}”`;
const frQuote = (text: string) => `« ${text} »`;

/** What the form test showed, as the end of a sentence ("but …"). */
function testState(test: TestState): { en: string; fr: string } {
  switch (test.kind) {
    case 'none':
      return { en: 'no form test shows it', fr: 'aucun test du formulaire ne le montre' };
    case 'no_answer':
      return { en: 'the form test got no answer', fr: 'le test du formulaire n’a reçu aucune réponse' };
    case 'automatic':
      return {
        en: `the only answer was an automatic acknowledgement after ${duration(test.minutes, 'en')}`,
        fr: `la seule réponse a été un accusé de réception automatique après ${duration(test.minutes, 'fr')}`,
      };
    case 'answered':
      return {
        en: `the team answered after ${duration(test.minutes, 'en')}`,
        fr: `l’équipe a répondu après ${duration(test.minutes, 'fr')}`,
      };
  }
}

/** A problem's message in English and in Quebec French. */
export function explainLineProblem(problem: LineProblem): LineProblemMessage {
  const [en, fr] = messages(problem);
  return { code: problem.code, en, fr };
}

function messages(problem: LineProblem): [string, string] {
  switch (problem.code) {
    case 'empty':
      return ['the line is empty', 'la ligne est vide'];
    case 'several_lines':
      return ['it runs over several lines', 'elle s’étend sur plusieurs lignes'];
    case 'too_long':
      return [
        `it is ${problem.length} characters long, more than ${problem.max}`,
        `elle compte ${problem.length} caractères, plus que ${problem.max}`,
      ];
    case 'template_braces':
      return ['it holds template braces', 'elle contient des accolades de gabarit'];
    case 'email_address':
      return ['it holds an email address', 'elle contient une adresse courriel'];
    case 'exclamation':
      return ['it uses an exclamation mark', 'elle contient un point d’exclamation'];
    case 'foreign_link':
      return [
        'it holds a web address other than the business’s own',
        'elle contient une adresse Web autre que celle de l’entreprise',
      ];
    case 'too_many_sentences':
      return [
        `it is ${problem.count} sentences long, not one or two`,
        `elle compte ${problem.count} phrases, au lieu d’une ou deux`,
      ];
    case 'unknown_tool':
      return [
        `it names ${problem.name}, which the site analysis did not find on ${problem.host}`,
        `elle nomme ${problem.name}, que l’analyse du site n’a pas trouvé sur ${problem.host}`,
      ];
    case 'date_without_test':
      return [
        `it names a date (${enQuote(problem.said)}), but no form test dates anything`,
        `elle donne une date (${frQuote(problem.said)}), mais aucun test du formulaire n’en fournit`,
      ];
    case 'wrong_date':
      return [
        `${enQuote(problem.said)} is not the day the form test was sent (${problem.sentOn})`,
        `${frQuote(problem.said)} n’est pas le jour où le test du formulaire a été envoyé (${problem.sentOn})`,
      ];
    case 'lone_year':
      return [
        `it names a year (${enQuote(problem.said)}) outside the full date the form test was sent`,
        `elle donne une année (${frQuote(problem.said)}) hors de la date complète de l’envoi du test du formulaire`,
      ];
    case 'relative_date':
      return [
        `it dates something from today (${enQuote(problem.said)}), which is wrong by the time it is read`,
        `elle date quelque chose par rapport à aujourd’hui (${frQuote(problem.said)}), ce qui sera faux à la lecture`,
      ];
    case 'duration_without_fact':
      return [
        `it gives a duration (${enQuote(problem.said)}), but the facts hold none`,
        `elle donne une durée (${frQuote(problem.said)}), mais les faits n’en contiennent aucune`,
      ];
    case 'wrong_duration':
      return [
        `${enQuote(problem.said)} is not a duration the facts hold (${problem.known})`,
        `${frQuote(problem.said)} n’est pas une durée que les faits contiennent (${problem.known})`,
      ];
    case 'unknown_number':
      return [
        `the number ${problem.said} is not in the facts`,
        `le nombre ${problem.said} ne figure pas dans les faits`,
      ];
    case 'wrong_no_booking':
      return problem.found === null
        ? [
            'it says the site has no online booking, but the site was not analysed',
            'elle dit que le site n’offre pas de réservation en ligne, mais le site n’a pas été analysé',
          ]
        : [
            `it says the site has no online booking, but the analysis found ${problem.found}`,
            `elle dit que le site n’offre pas de réservation en ligne, mais l’analyse a trouvé ${problem.found}`,
          ];
    case 'unsupported_booking':
      return [
        'it says the site has online booking, which the analysis did not find',
        'elle dit que le site offre la réservation en ligne, ce que l’analyse n’a pas trouvé',
      ];
    case 'wrong_no_chat':
      return problem.analysed
        ? [
            'it says the site has no chat, but the analysis found one',
            'elle dit que le site n’a pas de clavardage, mais l’analyse en a trouvé un',
          ]
        : [
            'it says the site has no chat, but the site was not analysed',
            'elle dit que le site n’a pas de clavardage, mais le site n’a pas été analysé',
          ];
    case 'unsupported_chat':
      return [
        'it speaks of a chat the analysis did not find',
        'elle parle d’un clavardage que l’analyse n’a pas trouvé',
      ];
    case 'wrong_no_form':
      return [
        'it says the site has no contact form, unlike the facts',
        'elle dit que le site n’a pas de formulaire de contact, contrairement aux faits',
      ];
    case 'unsupported_form':
      return [
        'it speaks of a contact form the facts do not show',
        'elle parle d’un formulaire de contact que les faits ne montrent pas',
      ];
    case 'unsupported_inquiry':
      return [
        'it says the business was written to, but no form test shows it',
        'elle dit qu’on a écrit à l’entreprise, mais aucun test du formulaire ne le montre',
      ];
    case 'unsupported_silence': {
      const state = testState(problem.test);
      return [
        `it says the inquiry went unanswered (${enQuote(problem.word)}), but ${state.en}`,
        `elle dit que la demande est restée sans réponse (${frQuote(problem.word)}), mais ${state.fr}`,
      ];
    }
    case 'unsupported_reply': {
      const state = testState(problem.test);
      return [
        `it says the team answered (${enQuote(problem.word)}), but ${state.en}`,
        `elle dit que l’équipe a répondu (${frQuote(problem.word)}), mais ${state.fr}`,
      ];
    }
    case 'automatic_reply_as_answer':
      return [
        `it speaks of an answer (${enQuote(problem.word)}) without saying it was only an automatic acknowledgement`,
        `elle parle d’une réponse (${frQuote(problem.word)}) sans dire que ce n’était qu’un accusé de réception automatique`,
      ];
    case 'unsupported_automatic':
      return [
        `it speaks of an automatic reply (${enQuote(problem.word)}) the form test did not get`,
        `elle parle d’une réponse automatique (${frQuote(problem.word)}) que le test du formulaire n’a pas reçue`,
      ];
    case 'unsupported_speed': {
      const state = testState(problem.test);
      const needs = SPEED_NEEDS[problem.speed];
      return [
        `it speaks of how fast the team answered (${enQuote(problem.word)}), true only of ${needs.en}, but ${state.en}`,
        `elle parle de la rapidité de la réponse (${frQuote(problem.word)}), ce qui ne vaut que pour ${needs.fr}, mais ${state.fr}`,
      ];
    }
    case 'uncovered_topic': {
      const topic = TOPIC_NAMES[problem.topic];
      return [
        `it speaks of ${topic.en} (${enQuote(problem.word)}), which the facts do not cover`,
        `elle parle ${topic.fr} (${frQuote(problem.word)}), ce que les faits ne couvrent pas`,
      ];
    }
    case 'sales_words':
      return [
        `it uses sales words (${enQuote(problem.word)})`,
        `elle emploie des mots de vente (${frQuote(problem.word)})`,
      ];
    case 'wrong_language':
      return [
        `it does not read as ${LANGUAGE_NAMES[problem.language].en}`,
        `elle n’est pas rédigée en ${LANGUAGE_NAMES[problem.language].fr}`,
      ];
    case 'unknown_name':
      return [
        `it names ${enQuote(problem.name)}, which is not in the facts`,
        `elle nomme ${frQuote(problem.name)}, qui ne figure pas dans les faits`,
      ];
    case 'no_usable_line':
      return [
        `the engine gave no usable line (${problem.detail})`,
        `le moteur n’a fourni aucune ligne utilisable (${problem.detail})`,
      ];
    case 'not_renderable':
      return ['the template could not be rendered with it', 'le gabarit n’a pas pu être rendu avec elle'];
  }
}

/** The problems of one line, each once, in the order found. */
export class LineProblems {
  private readonly found = new Map<string, LineProblemMessage>();

  add(problem: LineProblem): void {
    const message = explainLineProblem(problem);
    if (!this.found.has(message.en)) this.found.set(message.en, message);
  }

  get size(): number {
    return this.found.size;
  }

  get messages(): LineProblemMessage[] {
    return [...this.found.values()];
  }
}
