import { sql } from 'drizzle-orm';
import type { Language } from '../../../schema/vocabulary';
import { type AiEngine, AiError, type TranslationContext } from '../../platform/ai/port';
import type { DatabaseAccess } from '../../platform/db';
import { recordMetrics } from '../learning';
import { glossaryTerms, isTerm, lookupTerm } from './dictionary';

export interface TranslationRequest {
  text: string;
  from: Language;
  to: Language;
  context: TranslationContext;
  /** Whose metrics the lookup counts towards. */
  clientId: string | null;
}

export type TranslationResult =
  | { translated: true; text: string; source: 'dictionary' | 'cache' | 'ai' }
  /** No verified term, no cached translation, and no engine that can translate: shown as "not translated". */
  | { translated: false; reason: 'engine_cannot_translate' | 'engine_failed' };

// The same normalisation as translation_cache.source_key (schema/translation.ts).
const normalized = (text: string) => sql`lower(regexp_replace(btrim(${text}), '\\s+', ' ', 'g'))`;

/**
 * Translates with the cheapest source that knows: the dictionary (a term found by its
 * folded or near key, dictionary.ts; a longer text by its key and context), then the cache
 * (a hit keeps the entry alive and is counted), then the AI, given the glossary's terms
 * the text contains, whose answer is cached for 90 days. An entry staff verified wins:
 * it never expires and the AI never overwrites it. Hits and misses are counted in
 * performance_metrics.
 */
export async function translate(
  db: DatabaseAccess,
  ai: AiEngine,
  request: TranslationRequest,
): Promise<TranslationResult> {
  const known = await db.service(async (tx) => {
    const term = isTerm(request.text) ? await lookupTerm(tx, request.text, request.from, request.to) : null;
    const dictionary = term
      ? { rows: [{ translated_text: term.translatedText }] }
      : await tx.execute<{ translated_text: string }>(sql`
          update translation_dictionary set usage_count = usage_count + 1, updated_at = now()
          where id = (select id from translation_dictionary
            where source_language = ${request.from} and target_language = ${request.to}
              and match_key = avenir_term_key(${request.text})
              and (context is null or context = ${request.context})
            order by verified desc, confidence desc nulls last limit 1)
          returning translated_text`);
    const cached = dictionary.rows[0]
      ? undefined
      : await tx.execute<{ translated_text: string }>(sql`
          update translation_cache set last_used_at = now(), use_count = use_count + 1
          where source_key = md5(${normalized(request.text)}) and source_language = ${request.from}
            and target_language = ${request.to} and context_type = ${request.context}
            and (expires_at > now() or verified)
          returning translated_text`);
    const hit = dictionary.rows[0]
      ? { text: dictionary.rows[0].translated_text, source: 'dictionary' as const }
      : cached?.rows[0]
        ? { text: cached.rows[0].translated_text, source: 'cache' as const }
        : null;
    await recordMetrics(tx, [
      {
        eventType: 'translation',
        metricName: hit ? 'cache_hit' : 'cache_miss',
        metricValue: 1,
        metricUnit: 'count',
        sourceComponent: 'translation_service',
        clientId: request.clientId,
        metadata: { source: hit?.source ?? null, context: request.context, from: request.from, to: request.to },
      },
    ]);
    return hit;
  });
  if (known) return { translated: true, ...known };

  let answer: Awaited<ReturnType<AiEngine['translate']>>;
  try {
    const glossary = await db.service((tx) => glossaryTerms(tx, request.text, request.from, request.to));
    answer = await ai.translate(request.text, request.from, request.to, request.context, glossary);
  } catch (error) {
    if (!(error instanceof AiError)) throw error;
    await db.service((tx) =>
      recordMetrics(tx, [
        {
          eventType: 'translation',
          metricName: 'error_rate',
          metricValue: 1,
          metricUnit: 'count',
          errorCount: 1,
          sourceComponent: 'translation_service',
          clientId: request.clientId,
          metadata: { engine: ai.name, kind: error.kind },
          errorMessageEn: `Translation failed: ${error.message}`,
          errorMessageFr: `La traduction a échoué : ${error.message}`,
        },
      ]),
    );
    return { translated: false, reason: 'engine_failed' };
  }
  if (!answer) return { translated: false, reason: 'engine_cannot_translate' };

  await db.service(async (tx) => {
    await tx.execute(sql`
      insert into translation_cache (source_text, source_language, target_language, translated_text, context_type)
      values (${request.text}, ${request.from}, ${request.to}, ${answer.value}, ${request.context})
      on conflict (source_key, source_language, target_language, context_type) do update set
        translated_text = excluded.translated_text, last_used_at = now(), expires_at = now() + interval '90 days'
      where not translation_cache.verified`);
    await recordMetrics(tx, [
      {
        eventType: 'translation',
        metricName: 'response_time',
        metricValue: answer.latencyMs,
        metricUnit: 'ms',
        responseTimeMs: Math.round(answer.latencyMs),
        sourceComponent: 'translation_service',
        clientId: request.clientId,
        metadata: { engine: answer.engine, tokens: answer.usage, context: request.context },
      },
    ]);
  });
  return { translated: true, text: answer.value, source: 'ai' };
}
