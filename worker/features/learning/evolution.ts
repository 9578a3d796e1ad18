import { diffLines } from 'diff';
import { and, desc, eq, sql } from 'drizzle-orm';
import { promptEvolution, promptRegistry } from '../../../schema';
import type { EditedVariantView, EvolutionView, PromptVariantView } from '../../../schema/learning-api';
import type { EvolutionType } from '../../../schema/vocabulary';
import type { AiEngine, EvolutionBrief } from '../../platform/ai/port';
import { AiError } from '../../platform/ai/port';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { AppError, bilingual } from '../../platform/errors';
import { recordMetrics } from './metrics';

/**
 * New prompt variants, each a child of the variant it came from (prompt_evolution): a
 * staff edit (`manual_edit`, with the diff), or, with OpenAI, a `mutation` (the parent
 * rewritten to get right the messages it got wrong) or a `crossover` (two variants'
 * instructions combined). A child is inactive until it wins an A/B test against its
 * parent, so writing one never changes what leads get.
 */

type RegistryRow = typeof promptRegistry.$inferSelect;
type EvolutionRow = typeof promptEvolution.$inferSelect;

/** At most this many of the parent's mistakes go to the model: enough to see a pattern. */
const MISTAKES_FOR_MUTATION = 12;
const MISTAKE_EXCERPT = 400;

const variantNotFound = () => new AppError('prompt_not_found');

export const variantView = (row: RegistryRow, parentVariantId: string | null, inUse: boolean): PromptVariantView => ({
  id: row.id,
  variantId: row.variantId,
  promptName: row.promptName,
  language: row.language,
  version: row.variantVersion,
  text: row.promptText,
  score: row.score,
  usageCount: row.usageCount,
  isActive: row.isActive,
  inUse,
  parentVariantId,
  createdAt: row.createdAt.toISOString(),
});

export const evolutionView = (row: EvolutionRow, parentVariantId: string, childVariantId: string): EvolutionView => ({
  id: row.id,
  parentVariantId,
  childVariantId,
  type: row.evolutionType,
  strategy: row.evolutionStrategy,
  improvementScore: row.improvementScore,
  evolvedAt: row.evolvedAt.toISOString(),
});

/** The diff a staff edit made, as line hunks (`+` added, `-` removed, ` ` kept). */
export function lineDiff(before: string, after: string): { op: '+' | '-' | ' '; text: string }[] {
  return diffLines(before, after).map((part) => ({
    op: part.added ? '+' : part.removed ? '-' : ' ',
    text: part.value,
  }));
}

async function variantNamed(tx: Transaction, variantId: string): Promise<RegistryRow> {
  const [row] = await tx.select().from(promptRegistry).where(eq(promptRegistry.variantId, variantId));
  if (!row) throw variantNotFound();
  return row;
}

/** Writes the child variant (next version of its prompt and language) and its lineage row. */
async function writeChild(
  tx: Transaction,
  parent: RegistryRow,
  text: string,
  lineage: { type: EvolutionType; strategy: string; algorithm: string; feedbackData: Record<string, unknown> },
): Promise<EditedVariantView> {
  // Serializes two children of one prompt and language: each takes its own version.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`prompt:${parent.promptName}:${parent.language}`}))`);
  const [latest] = await tx
    .select({ version: promptRegistry.variantVersion })
    .from(promptRegistry)
    .where(and(eq(promptRegistry.promptName, parent.promptName), eq(promptRegistry.language, parent.language)))
    .orderBy(desc(promptRegistry.variantVersion))
    .limit(1);
  const version = (latest?.version ?? 0) + 1;
  const [child] = await tx
    .insert(promptRegistry)
    .values({
      promptName: parent.promptName,
      variantVersion: version,
      variantId: `${parent.promptName}.${parent.language}.v${version}`,
      promptText: text,
      language: parent.language,
      isActive: false,
    })
    .returning();
  const [edge] = await tx
    .insert(promptEvolution)
    .values({
      parentPromptId: parent.id,
      childPromptId: child!.id,
      evolutionType: lineage.type,
      evolutionStrategy: lineage.strategy,
      evolutionAlgorithm: lineage.algorithm,
      feedbackData: lineage.feedbackData,
      optimizationGoals: ['fewer_corrections'],
    })
    .returning();
  return {
    variant: variantView(child!, parent.variantId, false),
    evolution: evolutionView(edge!, parent.variantId, child!.variantId),
  };
}

const TEXT_RULE = bilingual(
  'Write the prompt (20 to 20,000 characters), different from its parent.',
  'Écrivez la requête (20 à 20 000 caractères), différente de sa parente.',
);

/** A staff member's edit of a variant: its child, with the diff and who wrote it. */
export function editVariant(
  db: DatabaseAccess,
  variantId: string,
  text: string,
  editedBy: string,
): Promise<EditedVariantView> {
  return db.service(async (tx) => {
    const parent = await variantNamed(tx, variantId);
    const edited = text.trim();
    if (edited === parent.promptText.trim()) {
      throw new AppError('invalid_request', TEXT_RULE, { fields: { text: [TEXT_RULE.en] } });
    }
    return writeChild(tx, parent, edited, {
      type: 'manual_edit',
      strategy: `Edited by ${editedBy}`,
      algorithm: 'manual',
      feedbackData: { editedBy, diff: lineDiff(parent.promptText, edited) },
    });
  });
}

/** The parent's latest wrong predictions (OpenAI's), for a mutation to learn from. */
async function mistakesOf(tx: Transaction, variantId: string): Promise<EvolutionBrief['mistakes']> {
  const result = await tx.execute<{
    message: string;
    predicted: Record<string, string>;
    actual: Record<string, string>;
  }>(sql`
    select left(l.message, ${MISTAKE_EXCERPT}) as message, f.context_data -> 'prediction' as predicted,
      f.context_data -> 'actual' as actual
    from feedback_tracking f
    join lead_memory l on l.id = f.lead_id and l.client_id = f.client_id
    where f.action_type = 'system_performance' and f.outcome = 'negative' and f.processed_at is not null
      and f.context_data ->> 'variantId' = ${variantId} and f.context_data ->> 'engine' = 'openai' and not l.is_test
    order by f.processed_at desc
    limit ${MISTAKES_FOR_MUTATION}`);
  return result.rows;
}

/**
 * A child written by the AI: a mutation of `variantId`, or its crossover with
 * `otherVariantId`. Needs OpenAI (`ai_unavailable` otherwise, or when it fails); the
 * call's time and cost go to performance_metrics.
 */
export async function evolveVariant(
  db: DatabaseAccess,
  ai: AiEngine | null,
  request: { variantId: string; type: 'mutation' | 'crossover'; otherVariantId?: string | undefined },
): Promise<EditedVariantView> {
  if (!ai?.evolvePrompt) throw new AppError('ai_unavailable');
  const { parent, other, mistakes } = await db.service(async (tx) => {
    const parent = await variantNamed(tx, request.variantId);
    if (request.type === 'crossover') {
      if (!request.otherVariantId || request.otherVariantId === request.variantId) {
        throw new AppError(
          'invalid_request',
          bilingual('Choose the other variant to combine with.', 'Choisissez l’autre variante à combiner.'),
        );
      }
      const other = await variantNamed(tx, request.otherVariantId);
      if (other.promptName !== parent.promptName || other.language !== parent.language) {
        throw new AppError(
          'invalid_request',
          bilingual(
            'Both variants must be of the same prompt and language.',
            'Les deux variantes doivent être de la même requête et de la même langue.',
          ),
        );
      }
      return { parent, other, mistakes: [] };
    }
    return { parent, other: null, mistakes: await mistakesOf(tx, parent.variantId) };
  });
  if (request.type === 'mutation' && mistakes.length === 0) {
    throw new AppError(
      'invalid_request',
      bilingual(
        'This variant has no corrected predictions yet: there is nothing for a mutation to learn from.',
        'Cette variante n’a encore aucune prédiction corrigée : une mutation n’aurait rien à apprendre.',
      ),
    );
  }
  const brief: EvolutionBrief = {
    type: request.type,
    promptName: parent.promptName,
    language: parent.language,
    parent: parent.promptText,
    other: other?.promptText ?? null,
    mistakes,
  };
  let evolved: Awaited<ReturnType<NonNullable<AiEngine['evolvePrompt']>>>;
  try {
    evolved = await ai.evolvePrompt(brief);
  } catch (error) {
    if (error instanceof AiError) {
      throw new AppError('ai_unavailable', undefined, { reason: error.kind });
    }
    throw error;
  }
  return db.service(async (tx) => {
    await recordMetrics(tx, [
      {
        eventType: 'ai_analysis',
        metricName: 'response_time',
        metricValue: evolved.latencyMs,
        metricUnit: 'ms',
        responseTimeMs: Math.round(evolved.latencyMs),
        successRate: 1,
        sourceComponent: 'intelligence_engine',
        clientId: null,
        metadata: { task: `prompt_${request.type}`, variantId: parent.variantId, usage: evolved.usage },
      },
    ]);
    return writeChild(tx, parent, evolved.value.text, {
      type: request.type,
      strategy: evolved.value.rationale,
      algorithm: `openai:${evolved.usage?.model ?? 'unknown'}`,
      feedbackData:
        request.type === 'mutation'
          ? { mistakes: mistakes.length, diff: lineDiff(parent.promptText, evolved.value.text) }
          : { otherVariantId: other?.variantId, diff: lineDiff(parent.promptText, evolved.value.text) },
    });
  });
}
