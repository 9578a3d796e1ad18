import type { PredictiveInsights, Recommendation } from '../../../schema/insights';
import { LANGUAGES, type Language } from '../../../schema/vocabulary';
import { type AiEngine, AiError, type AiUsage, type InsightsDraft } from '../../platform/ai/port';
import { numbersIn } from './figure-format';
import { type Advice, evidenceOf, offlineRecommendations, recommendation } from './recommendations';

/**
 * Who words the week's recommendations: OpenAI when configured, held to the figures, and
 * the deterministic writer otherwise or when OpenAI fails or strays. The advice itself (what
 * to recommend, its evidence and its link) is always the analysis's: an engine only words it.
 */

export interface WrittenInsights {
  insights: PredictiveInsights;
  /** The call to OpenAI, when it was asked: for the learning log (performance_metrics). */
  aiCall: { latencyMs: number; usage: AiUsage | null; error: AiError | null } | null;
  /** Why OpenAI's words were not used, when it was asked. */
  fallbackReason: string | null;
}

/** The numbers a text may quote: those in the displays of its advice's evidence. */
function allowedNumbers(advice: Advice, language: Language): Set<number> {
  return new Set(evidenceOf(advice, language).flatMap((item) => numbersIn(item.display, language)));
}

/** The numbers in `text` that are not figures of `advice` (none, for words that keep to the figures). */
export function strayNumbers(text: string, advice: Advice, language: Language): number[] {
  const allowed = allowedNumbers(advice, language);
  return numbersIn(text, language).filter((value) => !allowed.has(value));
}

/** OpenAI's words, checked: every piece of advice once, in order, and no number the figures do not hold. */
function checkedDraft(draft: InsightsDraft, advice: readonly Advice[]): Record<Language, Recommendation[]> {
  const ids = draft.recommendations.map((item) => item.id);
  if (ids.join('\n') !== advice.map((item) => item.id).join('\n')) {
    throw new AiError(
      `the recommendations came back as [${ids.join(', ')}], not the advice given`,
      'invalid_output',
      false,
    );
  }
  const written = { en: [] as Recommendation[], fr: [] as Recommendation[] };
  draft.recommendations.forEach((words, index) => {
    const item = advice[index]!;
    for (const language of LANGUAGES) {
      const { title, body } = words[language];
      const stray = strayNumbers(`${title}\n${body}`, item, language);
      if (stray.length > 0) {
        throw new AiError(
          `"${item.id}" (${language}) quotes ${stray.join(', ')}, not a figure of its evidence`,
          'invalid_output',
          false,
        );
      }
      written[language].push(recommendation(item, language, { title, body }));
    }
  });
  return written;
}

export async function writeInsights(
  ai: AiEngine | null,
  advice: readonly Advice[],
  business: { name: string; industry: string | null },
): Promise<WrittenInsights> {
  const drafts = offlineRecommendations(advice);
  const offline = (aiCall: WrittenInsights['aiCall']): WrittenInsights => ({
    insights: { en: { recommendations: drafts.en }, fr: { recommendations: drafts.fr }, engine: 'offline' },
    aiCall,
    fallbackReason: aiCall?.error ? `${aiCall.error.kind}: ${aiCall.error.message}` : null,
  });
  if (!ai?.writeInsights || advice.length === 0) return offline(null);
  const started = performance.now();
  let result: Awaited<ReturnType<NonNullable<AiEngine['writeInsights']>>>;
  try {
    result = await ai.writeInsights({
      business,
      advice: advice.map((item, index) => ({
        id: item.id,
        facts: item.facts.map((_, factIndex) => ({
          label: { en: drafts.en[index]!.evidence[factIndex]!.label, fr: drafts.fr[index]!.evidence[factIndex]!.label },
          display: {
            en: drafts.en[index]!.evidence[factIndex]!.display,
            fr: drafts.fr[index]!.evidence[factIndex]!.display,
          },
        })),
        draft: {
          en: { title: drafts.en[index]!.title, body: drafts.en[index]!.body },
          fr: { title: drafts.fr[index]!.title, body: drafts.fr[index]!.body },
        },
      })),
    });
  } catch (error) {
    if (!(error instanceof AiError)) throw error;
    return offline({ latencyMs: performance.now() - started, usage: null, error });
  }
  try {
    const words = checkedDraft(result.value, advice);
    return {
      insights: { en: { recommendations: words.en }, fr: { recommendations: words.fr }, engine: 'openai' },
      aiCall: { latencyMs: result.latencyMs, usage: result.usage, error: null },
      fallbackReason: null,
    };
  } catch (error) {
    if (!(error instanceof AiError)) throw error;
    // The call answered and cost what it cost: its usage is logged though its words are not kept.
    return offline({ latencyMs: result.latencyMs, usage: result.usage, error });
  }
}
