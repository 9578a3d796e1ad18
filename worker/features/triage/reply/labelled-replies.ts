import {
  EMAIL_TONES,
  type EmailTone,
  INTENT_KEYS,
  type IntentKey,
  LANGUAGES,
  type Language,
  LEAD_TONES,
  type LeadTone,
  URGENCIES,
  type Urgency,
} from '../../../../schema/vocabulary';

/** A question the lead asked, and words of which one must appear in a reply that acknowledges it. */
export interface LabelledQuestion {
  text: string;
  anyOf: string[];
}

/**
 * One line of a labelled reply file (tests/fixtures/replies-*.jsonl): a lead's message and
 * the properties the reply it gets must have. The labels are the truth a reply is checked
 * against; they are never given to the composer, which works from its own triage.
 */
export interface LabelledReply {
  id: string;
  language: Language;
  /** The name the lead gave; empty when there is no usable name. */
  name: string;
  message: string;
  intent: IntentKey;
  urgency: Urgency;
  tone: LeadTone;
  /** Physical danger: the reply must tell them to call 911 first. */
  emergency: boolean;
  complaint: boolean;
  questions: LabelledQuestion[];
  /** The client's reply tone. */
  emailTone: EmailTone;
  /** The client's booking link, or null when it has none. */
  bookingLink: string | null;
}

export class LabelledReplyError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'LabelledReplyError';
  }
}

/** Parses JSONL text; throws LabelledReplyError naming the first malformed line. Blank lines are skipped. */
export function parseLabelledReplies(text: string): LabelledReply[] {
  const replies: LabelledReply[] = [];
  for (const [index, content] of text.split(/\r?\n/).entries()) {
    if (content.trim() !== '') replies.push(parseLine(content, index + 1));
  }
  return replies;
}

function parseLine(content: string, line: number): LabelledReply {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    throw new LabelledReplyError(line, 'not valid JSON');
  }
  if (!isRecord(value)) throw new LabelledReplyError(line, 'not a JSON object');
  const fail = (reason: string): never => {
    throw new LabelledReplyError(line, reason);
  };
  const text = (field: string): string => {
    const found = value[field];
    return typeof found === 'string' ? found : fail(`"${field}" must be a string`);
  };
  const flag = (field: string): boolean => {
    const found = value[field];
    return typeof found === 'boolean' ? found : fail(`"${field}" must be true or false`);
  };
  const oneOf = <T extends string>(field: string, known: readonly T[]): T => {
    const found = text(field);
    return known.find((option) => option === found) ?? fail(`unknown ${field} "${found}"`);
  };
  const bookingLink = (): string | null => {
    const link = value.bookingLink;
    if (link === null || (typeof link === 'string' && /^https?:\/\//.test(link))) return link;
    return fail('"bookingLink" must be an http(s) address or null');
  };
  return {
    id: text('id'),
    language: oneOf('language', LANGUAGES),
    name: text('name'),
    message: text('message'),
    intent: oneOf('intent', INTENT_KEYS),
    urgency: oneOf('urgency', URGENCIES),
    tone: oneOf('tone', LEAD_TONES),
    emergency: flag('emergency'),
    complaint: flag('complaint'),
    questions: questionsOf(value.questions, fail),
    emailTone: oneOf('emailTone', EMAIL_TONES),
    bookingLink: bookingLink(),
  };
}

function questionsOf(value: unknown, fail: (reason: string) => never): LabelledQuestion[] {
  if (!Array.isArray(value)) return fail('"questions" must be an array');
  return value.map((question, index) => {
    const where = `questions[${index}]`;
    if (!isRecord(question) || typeof question.text !== 'string') return fail(`${where}.text must be a string`);
    const anyOf = question.anyOf;
    if (
      !Array.isArray(anyOf) ||
      anyOf.length === 0 ||
      !anyOf.every((word) => typeof word === 'string' && word.trim())
    ) {
      return fail(`${where}.anyOf must list at least one word`);
    }
    return { text: question.text, anyOf: anyOf as string[] };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
