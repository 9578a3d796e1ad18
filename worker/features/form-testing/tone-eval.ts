import * as v from 'valibot';
import { AUTORESPONDER_TONES, type AutoresponderTone } from '../../../schema/vocabulary';
import { withoutQuotes } from '../../platform/mail/inbound';
import { classifyToneOffline, type ToneInput, type ToneVerdict } from './tone';

/**
 * Measures a tone classifier on a labelled JSONL set (tests/fixtures/autoresponders-*.jsonl).
 * Pure: it parses text and counts; reading the file, and calling OpenAI, are the caller's.
 *
 * One line a case:
 * {"id","language":"en"|"fr","industry","inquiry":{"senderName","message","businessName"},
 *  "reply":{"from":"Name <addr>","subject","text","minutesAfter","headers":{…}},"tone","why"}
 * `reply.text` may hold quoted history below the reply; it is cut off before classification
 * by the inbound mail module's `withoutQuotes`, the same as a real reply's `newText`.
 */

const Case = v.object({
  id: v.pipe(v.string(), v.nonEmpty()),
  language: v.picklist(['en', 'fr']),
  industry: v.optional(v.nullable(v.string())),
  inquiry: v.object({
    senderName: v.string(),
    message: v.string(),
    businessName: v.optional(v.nullable(v.string())),
  }),
  reply: v.object({
    from: v.optional(v.nullable(v.string())),
    subject: v.optional(v.nullable(v.string())),
    text: v.string(),
    minutesAfter: v.pipe(v.number(), v.minValue(0)),
    headers: v.optional(v.nullable(v.record(v.string(), v.union([v.string(), v.number(), v.boolean()])))),
  }),
  tone: v.picklist(AUTORESPONDER_TONES),
  why: v.optional(v.nullable(v.string())),
});

export type ToneCase = v.InferOutput<typeof Case>;

export class ToneEvalError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'ToneEvalError';
  }
}

/** The cases of a JSONL text; blank lines are skipped. Throws ToneEvalError naming the line. */
export function parseToneCases(jsonl: string): ToneCase[] {
  const cases: ToneCase[] = [];
  const ids = new Map<string, number>();
  jsonl.split(/\r?\n/).forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ToneEvalError(`line ${line}: not JSON (${(error as Error).message})`, line);
    }
    const parsed = v.safeParse(Case, json);
    if (!parsed.success) {
      const issues = parsed.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`).join('; ');
      throw new ToneEvalError(`line ${line}: ${issues}`, line);
    }
    const earlier = ids.get(parsed.output.id);
    if (earlier !== undefined) {
      throw new ToneEvalError(`line ${line}: id "${parsed.output.id}" already used on line ${earlier}`, line);
    }
    ids.set(parsed.output.id, line);
    cases.push(parsed.output);
  });
  return cases;
}

/** Why a reply's headers mark it automatic, as "name: value" strings; empty when none do. */
export function autoReasonsOf(
  headers: Readonly<Record<string, string | number | boolean>> | null | undefined,
): string[] {
  const reasons: string[] = [];
  for (const [rawName, rawValue] of Object.entries(headers ?? {})) {
    const name = rawName.trim().toLowerCase();
    const value = String(rawValue).trim();
    const lower = value.toLowerCase();
    if (name === 'auto-submitted' && lower !== 'no' && lower !== '') reasons.push(`${name}: ${value}`);
    else if (name === 'x-autoreply' || name === 'x-autorespond' || name === 'x-autoresponder') {
      reasons.push(`${name}: ${value}`);
    } else if (name === 'precedence' && /^(?:auto_reply|bulk|junk|list)$/.test(lower))
      reasons.push(`${name}: ${value}`);
  }
  return reasons;
}

/** "Name <addr@x>" or "addr@x" → the address; null when there is none. */
export function addressOf(from: string | null | undefined): string | null {
  if (!from) return null;
  const angle = /<([^>]+)>/.exec(from)?.[1];
  const candidate = (angle ?? from).trim();
  return /^[^\s@]+@[^\s@]+$/.test(candidate) ? candidate : null;
}

export function toToneInput(tc: ToneCase): ToneInput {
  const autoReasons = autoReasonsOf(tc.reply.headers);
  return {
    inquiry: {
      message: tc.inquiry.message,
      senderName: tc.inquiry.senderName,
      businessName: tc.inquiry.businessName ?? null,
      language: tc.language,
    },
    reply: {
      subject: tc.reply.subject ?? '',
      newText: withoutQuotes(tc.reply.text),
      fromAddress: addressOf(tc.reply.from),
      minutesAfter: tc.reply.minutesAfter,
      autoSubmitted: autoReasons.length > 0,
      autoReasons,
    },
  };
}

export interface ToneMiss {
  id: string;
  language: 'en' | 'fr';
  expected: AutoresponderTone;
  got: AutoresponderTone;
  confidence: number;
  /** The English labels of the verdict's cues. */
  cues: string[];
}

export interface ToneEvalReport {
  total: number;
  correct: number;
  accuracy: number;
  perTone: Record<AutoresponderTone, { support: number; predicted: number; precision: number; recall: number }>;
  perLanguage: Record<'en' | 'fr', { total: number; correct: number; accuracy: number }>;
  /** confusion[expected][got] */
  confusion: Record<AutoresponderTone, Record<AutoresponderTone, number>>;
  misses: ToneMiss[];
}

/** Classifies every case (offline by default) and counts. */
export function measureTone(
  cases: readonly ToneCase[],
  classify: (input: ToneInput) => ToneVerdict = classifyToneOffline,
): ToneEvalReport {
  return report(cases.map((tc) => ({ tc, verdict: classify(toToneInput(tc)) })));
}

/** The same with an asynchronous classifier (the OpenAI one), one case at a time. */
export async function measureToneAsync(
  cases: readonly ToneCase[],
  classify: (input: ToneInput) => Promise<ToneVerdict>,
): Promise<ToneEvalReport> {
  const results: { tc: ToneCase; verdict: ToneVerdict }[] = [];
  for (const tc of cases) results.push({ tc, verdict: await classify(toToneInput(tc)) });
  return report(results);
}

function report(results: readonly { tc: ToneCase; verdict: ToneVerdict }[]): ToneEvalReport {
  const confusion = Object.fromEntries(
    AUTORESPONDER_TONES.map((expected) => [expected, Object.fromEntries(AUTORESPONDER_TONES.map((got) => [got, 0]))]),
  ) as Record<AutoresponderTone, Record<AutoresponderTone, number>>;
  const perLanguage = { en: { total: 0, correct: 0, accuracy: 0 }, fr: { total: 0, correct: 0, accuracy: 0 } };
  const misses: ToneMiss[] = [];
  let correct = 0;
  for (const { tc, verdict } of results) {
    confusion[tc.tone][verdict.tone]++;
    const language = perLanguage[tc.language];
    language.total++;
    if (verdict.tone === tc.tone) {
      correct++;
      language.correct++;
    } else {
      misses.push({
        id: tc.id,
        language: tc.language,
        expected: tc.tone,
        got: verdict.tone,
        confidence: verdict.confidence,
        cues: verdict.cues.map((c) => c.label.en),
      });
    }
  }
  for (const language of Object.values(perLanguage)) language.accuracy = ratio(language.correct, language.total);
  const perTone = Object.fromEntries(
    AUTORESPONDER_TONES.map((tone) => {
      const support = AUTORESPONDER_TONES.reduce((sum, got) => sum + confusion[tone][got], 0);
      const predicted = AUTORESPONDER_TONES.reduce((sum, expected) => sum + confusion[expected][tone], 0);
      const hits = confusion[tone][tone];
      return [tone, { support, predicted, precision: ratio(hits, predicted), recall: ratio(hits, support) }];
    }),
  ) as ToneEvalReport['perTone'];
  return {
    total: results.length,
    correct,
    accuracy: ratio(correct, results.length),
    perTone,
    perLanguage,
    confusion,
    misses,
  };
}

/** 0 when there is nothing to divide (a tone never expected, or never predicted). */
function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}
