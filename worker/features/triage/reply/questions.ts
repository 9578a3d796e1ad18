import type { Language } from '../../../../schema/vocabulary';
import { firstMatch } from '../cues';
import { foldText } from '../normalize';
import { CALLBACK } from '../signals';

/**
 * The questions a lead asked, in their words, so the reply can show each was read and say
 * the team will answer it. An automatic reply cannot know whether the business does cedar
 * roofs or delivers to Gatineau, so it quotes the question and never answers it.
 */

const MAX_QUESTIONS = 4;
const MAX_LENGTH = 200;

// What opens a sentence without being part of the question: "Hi,", "Also,", "Petite question :".
const LEAD_IN =
  /^(?:(?:hi|hello|hey|yo|allo|allô|bonjour|bonsoir|salut|good (?:morning|afternoon|evening)|also|and|so|but|ok|okay|oh|et|pis|puis|aussi|mais|donc|alors|bref|sinon|enfin|question|one more thing|another question|quick question|autre question|petite question|une question)\b(?!-)[\s,;:!.-]*)+/i;
// A question without its question mark starts like one...
const DIRECT_OPENERS =
  /(?:(?:do|does|did|can|could|would|will|is|are|have|has|should)\s+(?:you|u|ya|your|we|i|they|it|there|someone|anyone|somebody|one)\b|(?:what|how|when|where|which|who|why)\s+(?:is|are|do|does|did|can|could|would|will|should|much|many|long|soon|often|about|to)\b|est-ce (?:que|qu')|combien\b|pourquoi\b|comment (?:est-ce|faire|ca|puis-je|pouvez|pourriez)|quand (?:est-ce|pouvez|pourriez|etes|seriez)|quel(?:le)?s? (?:est|sont|serait|seraient)\b|(?:[a-z]+(?:ez|ons)|etes|faites|dites)-(?:vous|nous)\b|puis-je\b|peut-on\b|y a-t-il\b|[a-z]+-t-(?:il|elle|on)\b)/
    .source;
const DIRECT = new RegExp(`^${DIRECT_OPENERS}`);
// ...or asks it indirectly.
const INDIRECT =
  /\b(?:(?:i'm |i am |i was |we're |we are |we were )?wondering (?:if|whether|about)|(?:want|wanted|would like|i'd like|like|need) to know|let me know (?:if|whether|what|how|when|where|your|the|about)|(?:please|kindly) advise|advise (?:if|whether)|(?:could|can) you (?:tell|let) me|tell me (?:if|whether|what|how)|je me demand(?:e|ais)|(?:j'|je |on )?(?:voulais|voudrais|aimerais|souhaiterais|veux|voulait|aimerait) savoir|(?:j'ai |on a )?besoin de savoir|dites-moi (?:si|combien|quand|comment)|(?:faites|laissez)-moi savoir|(?:pourriez|pouvez)-vous me dire)\b/;
// Where, inside a long sentence, the question starts.
const QUESTION_START = new RegExp(`\\b${DIRECT_OPENERS}|${INDIRECT.source}`, 'g');
// Said in anger, not waiting for an answer: "How hard is it to call back?"
const RHETORICAL =
  /^(?:seriously|really|are you kidding|is this a joke|how hard is it|what kind of (?:company|business|service)|who does that|is it too much to ask|c'est quoi (?:ce|le|cette) (?:service|probleme|niaisage|affaire)|how (?:is|was) (?:this|that) (?:acceptable|possible|ok|okay|normal)|what is wrong with (?:you|your)|why is it so hard|comment (?:est-ce|c'est|ca se fait) (?:possible|acceptable|normal)|(?:is|does) (?:anyone|anybody) (?:actually |even )?(?:work|working|there|listening|care|read)|vous etes serieux|serieux|franchement|est-ce trop demander|voyons donc|(?:est-ce qu'il y a|y a-t-il) (?:quelqu'un|quelqu'un qui) (?:qui )?(?:travaille|lit|ecoute))\b/;

/** The questions of a message, each as the lead wrote it (a long one cut to its question). */
export function questionsIn(message: string): { questions: string[]; more: boolean } {
  const found: string[] = [];
  for (const sentence of sentencesOf(message)) {
    const question = asQuestion(sentence);
    if (!question) continue;
    const previous = found.at(-1);
    // "Do you do decks? and fences?": a fragment belongs to the question before it.
    if (previous && question.split(' ').length <= 2 && /^[\p{Ll}]|^(and|or|et|ou)\b/iu.test(sentence)) {
      found[found.length - 1] = `${previous} ${sentence}`;
    } else if (!found.some((known) => foldText(known) === foldText(question))) {
      found.push(question);
    }
  }
  return { questions: found.slice(0, MAX_QUESTIONS).map(tidy), more: found.length > MAX_QUESTIONS };
}

/** Sentences of the message, markup and quotation marks taken out. */
function sentencesOf(message: string): string[] {
  return message
    .replace(/<[^>]*>/g, ' ')
    .replace(/[<>«»“”"]/g, '')
    .replace(/\p{Cc}/gu, '\n')
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?…])\s+/))
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

// What ends a clause before the question starts: "I'm an accountant and I'd like to know…".
const CLAUSE_END = /(?:[,;:–—-]|\s(?:and|so|but|et|donc|mais|alors|pis))\s*$/;

function asQuestion(sentence: string): string | null {
  let text = sentence.replace(LEAD_IN, '');
  // "A few questions: do you serve the West Island?" asks what follows the colon.
  const colon = text.lastIndexOf(': ');
  if (colon >= 0 && text.endsWith('?')) text = text.slice(colon + 2);
  text = text.replace(LEAD_IN, '').trim();
  const folded = foldText(text);
  if (text.split(' ').length < 2 && !text.endsWith('?')) return null;
  const asked = text.endsWith('?') || DIRECT.test(folded) || INDIRECT.test(folded);
  if (!asked || RHETORICAL.test(folded)) return null;
  // A request to be called is acknowledged as such (the callback line), not as a question.
  if (firstMatch(folded, CALLBACK)) return null;
  return shorten(fromQuestionStart(text));
}

/** The question without the clause before it: "…, do you also do gutters?" */
function fromQuestionStart(text: string): string {
  // Only where the asking starts: "do you do X, and how much is Y?" is one question of two parts.
  const start = foldText(text).search(new RegExp(QUESTION_START.source));
  return start > 0 && CLAUSE_END.test(text.slice(0, start)) ? text.slice(start) : text;
}

/** A long question cut to where it starts asking: "…wondering if you could replace the panel?" */
function shorten(question: string): string {
  if (question.length <= MAX_LENGTH) return question;
  // Folding keeps one character for one, so an offset in the folded text is one in the question.
  for (const match of foldText(question).matchAll(QUESTION_START)) {
    if (question.length - match.index <= MAX_LENGTH) return question.slice(match.index);
  }
  const clauses = question.split(/,\s+|;\s+|\s+(?=(?:so|and|but|donc|alors|mais|et|pis)\s)/);
  const last = clauses.at(-1)?.replace(LEAD_IN, '') ?? question;
  if (last.split(' ').length >= 3 && last.length <= MAX_LENGTH) return last;
  const tail = question.slice(-MAX_LENGTH);
  return `…${tail.slice(tail.indexOf(' ') + 1)}`;
}

/** Capital first, one question mark, and one added where the lead left it out of a direct question. */
function tidy(question: string): string {
  let text = question.replace(/([?!])[?!]+/g, '$1');
  text = text.charAt(0).toUpperCase() + text.slice(1);
  if (!/[.?!…]$/.test(text) && !INDIRECT.test(foldText(text))) text += '?';
  return text;
}

/** Who answers: the team in general, or the business only if a proposal interests it. */
export type AnswerBy = 'team' | 'if_interested' | 'with_application';

const WORDING = {
  en: {
    quote: (question: string) => `“${question}”`,
    one: 'You asked:',
    several: 'You asked:',
    more: ' and the other questions in your message',
    join: (quotes: string[]) => list(quotes, ', ', ' and '),
    answer: {
      team: (several: boolean, more: string) =>
        several
          ? `Our team will answer each of them${more} when they get back to you.`
          : 'Our team will answer that when they get back to you.',
      if_interested: (several: boolean, more: string) =>
        `We will answer ${several ? `them${more}` : 'that'} if we follow up on your proposal.`,
      with_application: (several: boolean, more: string) =>
        `Our team will answer ${several ? `each of them${more}` : 'that'} when they review your application and get back to you.`,
    },
  },
  fr: {
    quote: (question: string) => `« ${question} »`,
    one: 'Vous nous demandez :',
    several: 'Vous nous posez ces questions :',
    more: ', ainsi qu’aux autres questions de votre message',
    join: (quotes: string[]) => list(quotes, ', ', ' et '),
    answer: {
      team: (several: boolean, more: string) =>
        several ? `Notre équipe répondra à chacune d’elles${more}.` : 'Notre équipe vous répondra à ce sujet.',
      if_interested: (several: boolean, more: string) =>
        `Nous ${several ? `répondrons à ces questions${more}` : 'vous répondrons à ce sujet'} si nous donnons suite à votre proposition.`,
      with_application: (several: boolean, more: string) =>
        `Notre équipe ${several ? `répondra à chacune d’elles${more}` : 'vous répondra à ce sujet'} en examinant votre candidature.`,
    },
  },
} as const;

/** The paragraph that quotes the lead's questions back and says who will answer; null when none. */
export function acknowledgeQuestions(
  language: Language,
  asked: { questions: string[]; more: boolean },
  by: AnswerBy,
): string | null {
  const { questions, more } = asked;
  if (questions.length === 0) return null;
  const words = WORDING[language];
  const several = questions.length > 1;
  const quotes = words.join(questions.map(words.quote));
  return `${several ? words.several : words.one} ${quotes} ${words.answer[by](several, more ? words.more : '')}`;
}

function list(items: string[], separator: string, last: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(separator)}${last}${items.at(-1)}`;
}
