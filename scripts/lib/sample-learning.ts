import { eq, sql } from 'drizzle-orm';
import {
  clients,
  feedbackTracking,
  leadMemory,
  performanceMetrics,
  promptAbTests,
  promptEvolution,
  promptRegistry,
} from '../../schema';
import type { PredictionContext, TriageLabels } from '../../schema/learning';
import type { ArmMetrics, CorrectableField, Resolution } from '../../schema/learning-api';
import { type IntentKey, intentOf, type LeadTone, type Urgency } from '../../schema/vocabulary';
import { createClient, parseNewClient } from '../../worker/features/accounts';
import type { DatabaseAccess } from '../../worker/platform/db';
import { seededRandom as random } from './seeded-random';

/**
 * The learning loop's sample data for `npm start`, so the staff screens Learning, Prompts and
 * System open with something to read: six weeks of triage predictions of two sample clients
 * (both engines), resolved as clients resolve them (corrections, confirmations, conversions,
 * archiving, timeouts), fourteen days of performance_metrics of the four components (a few
 * errors, a few AI fallbacks), two child prompt variants (`.sample` ids) with their lineage
 * (a mutation, a manual edit), an A/B test won by the child and one still collecting.
 *
 * The demo client is a test client, and test leads never count in the learning loop, so the
 * predictions belong to two sample clients of their own (not test clients, no weekly digest,
 * no known password: staff reach them through the Clients screen). Everything is marked:
 * leads and metrics with `metadata.sample`, predictions with `context_data.sample`, variants
 * and tests by their `.sample` names. Idempotent: each part is written once, and a second
 * run writes nothing. The same seed always draws the same data.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const SAMPLE_DAYS = 42;
const METRIC_DAYS = 14;

const SAMPLE_CLIENTS = [
  {
    businessName: 'Plomberie Tremblay (exemple)',
    email: 'plomberie-tremblay@sample.avenir.local',
    language: 'fr' as const,
    industry: 'plumbing',
  },
  {
    businessName: 'Harbour Kitchens (sample)',
    email: 'harbour-kitchens@sample.avenir.local',
    language: 'en' as const,
    industry: 'renovation',
  },
];

interface Written {
  message: string;
  labels: TriageLabels;
  /** What a client sets when this triage is corrected. */
  correction: Partial<TriageLabels>;
}

const label = (intent: IntentKey, urgency: Urgency, tone: LeadTone, language: 'en' | 'fr'): TriageLabels => ({
  intent,
  urgency,
  tone,
  language,
});

const MESSAGES: readonly Written[] = [
  {
    message:
      'Bonjour, le chauffe-eau coule depuis ce matin et il y a de l’eau partout au sous-sol. Pouvez-vous venir aujourd’hui?',
    labels: label('support_request', 'High', 'Frustrated', 'fr'),
    correction: { intent: 'quote_request' },
  },
  {
    message: 'J’aimerais une soumission pour remplacer la robinetterie de la cuisine et de la salle de bain.',
    labels: label('quote_request', 'Medium', 'Friendly', 'fr'),
    correction: { urgency: 'Low' },
  },
  {
    message: 'Est-ce que vous faites le débouchage de drain principal? Ça refoule un peu quand il pleut.',
    labels: label('service_inquiry', 'Medium', 'Casual', 'fr'),
    correction: { intent: 'support_request', urgency: 'High' },
  },
  {
    message: 'Pouvez-vous passer mardi prochain pour regarder la toilette qui coule? Je suis là après 16 h.',
    labels: label('booking_request', 'Medium', 'Friendly', 'fr'),
    correction: { tone: 'Professional' },
  },
  {
    message: 'La facture de la dernière visite ne correspond pas à la soumission, il y a 200 $ de plus.',
    labels: label('billing', 'Medium', 'Frustrated', 'fr'),
    correction: { intent: 'complaint' },
  },
  {
    message: 'Bonjour, je suis plombier certifié avec 8 ans d’expérience et je cherche un poste à Laval.',
    labels: label('job_application', 'Low', 'Professional', 'fr'),
    correction: { urgency: 'Medium' },
  },
  {
    message:
      'Nous offrons des services de référencement Web pour les entreprises de plomberie. Un appel de 15 minutes?',
    labels: label('vendor_pitch', 'Low', 'Enthusiastic', 'fr'),
    correction: { intent: 'partnership' },
  },
  {
    message: 'Hi, we would like a quote for a full kitchen renovation: cabinets, quartz counters and a new island.',
    labels: label('quote_request', 'Medium', 'Professional', 'en'),
    correction: { urgency: 'High' },
  },
  {
    message: 'Could someone come next week to measure our kitchen? Any weekday morning works for us.',
    labels: label('booking_request', 'Medium', 'Friendly', 'en'),
    correction: { intent: 'quote_request' },
  },
  {
    message: 'The cabinet doors you installed last month are already sagging and nobody has called me back.',
    labels: label('complaint', 'High', 'Frustrated', 'en'),
    correction: { tone: 'Formal' },
  },
  {
    message: 'Do you also do bathroom vanities, or only kitchens? And do you work in Longueuil?',
    labels: label('service_inquiry', 'Low', 'Casual', 'en'),
    correction: { intent: 'general_question' },
  },
  {
    message: 'Bonjour, is it possible to get the quote in French for my mother? She will be the one deciding.',
    labels: label('general_question', 'Low', 'Friendly', 'en'),
    correction: { language: 'fr', intent: 'quote_request' },
  },
  {
    message: 'Thank you for the beautiful work on our kitchen, the island is the heart of the house now!',
    labels: label('feedback', 'Low', 'Enthusiastic', 'en'),
    correction: { intent: 'feedback', urgency: 'Low', tone: 'Friendly' },
  },
];

const pick = <T>(items: readonly T[], draw: () => number): T => items[Math.floor(draw() * items.length)]!;

/** The two sample children of the seeded variants (schema/migrations/0006_prompt_seed.sql). */
export const SAMPLE_VARIANTS = {
  /** A mutation of triage.en.v1 that won its A/B test. */
  en: 'triage.en.v2.sample',
  /** A manual edit of triage.fr.v1, being tested against it. */
  fr: 'triage.fr.v2.sample',
} as const;

const COMPLETED_TEST = 'triage.en: v1 vs v2 (sample)';
const RUNNING_TEST = 'triage.fr: v1 vs v2 (sample)';

/** Days ago each test started and (the first) ended. */
const COMPLETED_FROM = 38;
const COMPLETED_TO = 24;
const RUNNING_FROM = 9;

/** The variant a sample lead got on `daysAgo`, as choosePromptVariant would have chosen it. */
function variantFor(language: 'en' | 'fr', daysAgo: number, draw: () => number): string {
  if (language === 'en') {
    if (daysAgo > COMPLETED_FROM) return 'triage.en.v1';
    if (daysAgo > COMPLETED_TO) return draw() < 0.5 ? 'triage.en.v1' : SAMPLE_VARIANTS.en;
    return SAMPLE_VARIANTS.en;
  }
  return daysAgo > RUNNING_FROM || draw() < 0.5 ? 'triage.fr.v1' : SAMPLE_VARIANTS.fr;
}

/** How often each engine's triage is corrected; the winning child less than its parent. */
function correctionChance(engine: 'openai' | 'offline', variantId: string): number {
  if (engine === 'offline') return 0.22;
  if (variantId === SAMPLE_VARIANTS.en) return 0.06;
  if (variantId === SAMPLE_VARIANTS.fr) return 0.09;
  return 0.16;
}

const PROMPT_TEXT = {
  en: `You triage messages sent through a small business's website contact form. Read the lead's message and answer with JSON only, following the schema you are given.

- language: the language the message is written in ("en" or "fr"), whatever the form's language. A message that greets in French but is written in English is "en".
- intent: exactly one of quote_request, service_inquiry, booking_request, support_request, partnership, complaint, job_application, vendor_pitch, billing, feedback, general_question, spam. A visit to measure or assess a job is a quote_request, not a booking_request.
- urgency: "High" when the message needs an answer today (water, gas, no heat, an angry customer about to leave, a deadline within 48 hours); "Low" when the writer says there is no hurry; otherwise "Medium".
- tone: one of Professional, Friendly, Formal, Casual, Frustrated, Enthusiastic.
- confidence: how sure you are of intent and urgency together, from 0 to 1.
- summary: one short paragraph in the message's language for the business owner. Never invent a fact the message does not state.`,
  fr: `Tu tries les messages envoyés par le formulaire de contact du site Web d'une petite entreprise. Lis le message et réponds uniquement en JSON, selon le schéma fourni.

- language : la langue du message (« en » ou « fr »).
- intent : exactement une valeur parmi quote_request, service_inquiry, booking_request, support_request, partnership, complaint, job_application, vendor_pitch, billing, feedback, general_question, spam. Une facture contestée avec colère est une plainte (complaint), pas une question de facturation.
- urgency : « High » pour un dégât d'eau, une fuite active, un refoulement ou une échéance de moins de 48 heures; « Low » si la personne dit ne pas être pressée; sinon « Medium ».
- tone : une valeur parmi Professional, Friendly, Formal, Casual, Frustrated, Enthusiastic.
- confidence : ta certitude quant à l'intention et à l'urgence, de 0 à 1.
- summary : un court paragraphe dans la langue du message. N'invente jamais un fait. Écris en français du Québec.`,
};

const arm = (
  executions: number,
  judged: number,
  corrected: number,
  conversions: number,
  extra: Partial<ArmMetrics>,
): ArmMetrics => ({
  executions,
  quality: 0.8,
  consistency: 0.82,
  completeness: 0.9,
  judged,
  corrected,
  correctionRate: judged > 0 ? Math.round((corrected / judged) * 1000) / 1000 : null,
  conversions,
  conversionRate: executions > 0 ? Math.round((conversions / executions) * 1000) / 1000 : null,
  latencyMsP50: 1150,
  tokensMean: 610,
  costUsd: 0.04,
  ...extra,
});

/** The sample clients, created the first time. */
async function sampleClients(db: DatabaseAccess): Promise<{ id: string; language: 'en' | 'fr' }[]> {
  const found: { id: string; language: 'en' | 'fr' }[] = [];
  for (const sample of SAMPLE_CLIENTS) {
    const existing = await db.service((tx) => tx.query.clients.findFirst({ where: eq(clients.email, sample.email) }));
    if (existing) {
      found.push({ id: existing.id, language: sample.language });
      continue;
    }
    const { client } = await createClient(
      db,
      parseNewClient({
        businessName: sample.businessName,
        email: sample.email,
        language: sample.language,
        industry: sample.industry,
      }),
    );
    await db.service((tx) => tx.update(clients).set({ weeklyDigest: false }).where(eq(clients.id, client.id)));
    found.push({ id: client.id, language: sample.language });
  }
  return found;
}

/** The child variants, their lineage and the two tests; returns how many rows it wrote. */
async function writePrompts(db: DatabaseAccess, now: Date): Promise<number> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return db.service(async (tx) => {
    const added = await tx
      .insert(promptRegistry)
      .values([
        {
          promptName: 'triage',
          variantVersion: 2,
          variantId: SAMPLE_VARIANTS.en,
          language: 'en',
          promptText: PROMPT_TEXT.en,
          score: 0.872,
          usageCount: 164,
          createdAt: ago(COMPLETED_FROM + 1),
        },
        {
          promptName: 'triage',
          variantVersion: 2,
          variantId: SAMPLE_VARIANTS.fr,
          language: 'fr',
          promptText: PROMPT_TEXT.fr,
          // A child is not used outside its test until it wins (features/learning/evolution.ts).
          isActive: false,
          usageCount: 31,
          createdAt: ago(RUNNING_FROM + 1),
        },
      ])
      .onConflictDoNothing()
      .returning({ id: promptRegistry.id, variantId: promptRegistry.variantId });
    if (added.length === 0) return 0;
    // The English child won its test: promoted, as the experiment job does, the parent retired.
    await tx.update(promptRegistry).set({ isActive: false }).where(eq(promptRegistry.variantId, 'triage.en.v1'));
    const ids = new Map(
      (
        await tx.execute<{ id: string; variant_id: string }>(
          sql`select id, variant_id from prompt_registry where prompt_name = 'triage'`,
        )
      ).rows.map((row) => [row.variant_id, row.id]),
    );
    const id = (variantId: string) => ids.get(variantId)!;
    await tx.insert(promptEvolution).values([
      {
        parentPromptId: id('triage.en.v1'),
        childPromptId: id(SAMPLE_VARIANTS.en),
        evolutionType: 'mutation',
        evolutionStrategy: 'Clarify quote vs booking; mixed-language greetings (sample)',
        improvementScore: 0.118,
        optimizationGoals: ['correction_rate'],
        evolvedAt: ago(COMPLETED_FROM + 1),
        evolutionAlgorithm: 'sample',
      },
      {
        parentPromptId: id('triage.fr.v1'),
        childPromptId: id(SAMPLE_VARIANTS.fr),
        evolutionType: 'manual_edit',
        evolutionStrategy: 'Water damage is High; angry invoices are complaints (sample)',
        optimizationGoals: ['correction_rate'],
        evolvedAt: ago(RUNNING_FROM + 1),
        evolutionAlgorithm: 'sample',
      },
    ]);
    await tx
      .insert(promptAbTests)
      .values([
        {
          testName: COMPLETED_TEST,
          promptName: 'triage',
          language: 'en',
          controlVariantId: 'triage.en.v1',
          treatmentVariantId: SAMPLE_VARIANTS.en,
          minSampleSize: 60,
          maxDurationDays: 21,
          status: 'completed',
          controlMetrics: { ...arm(92, 71, 18, 11, { quality: 0.78, latencyMsP50: 1210 }) },
          treatmentMetrics: {
            ...arm(88, 68, 7, 13, {
              quality: 0.84,
              consistency: 0.86,
              latencyMsP50: 1090,
              tokensMean: 655,
              costUsd: 0.043,
            }),
          },
          statisticalSignificance: 0.0213,
          winnerVariantId: SAMPLE_VARIANTS.en,
          startedAt: ago(COMPLETED_FROM),
          endedAt: ago(COMPLETED_TO),
          createdAt: ago(COMPLETED_FROM),
        },
        {
          testName: RUNNING_TEST,
          promptName: 'triage',
          language: 'fr',
          controlVariantId: 'triage.fr.v1',
          treatmentVariantId: SAMPLE_VARIANTS.fr,
          minSampleSize: 60,
          maxDurationDays: 21,
          status: 'running',
          controlMetrics: { ...arm(27, 19, 5, 3, { quality: 0.79 }) },
          treatmentMetrics: { ...arm(25, 17, 3, 3, { quality: 0.81, latencyMsP50: 1180, tokensMean: 640 }) },
          statisticalSignificance: 0.412,
          startedAt: ago(RUNNING_FROM),
          createdAt: ago(RUNNING_FROM),
        },
      ])
      // A running triage test in French may already exist (one per prompt and language).
      .onConflictDoNothing();
    return added.length;
  });
}

/** A correction of `labels`: the client's values where they differ, the prediction's elsewhere. */
function corrected(written: Written): { actual: TriageLabels; fields: CorrectableField[] } {
  const actual = { ...written.labels, ...written.correction };
  const fields = (['intent', 'urgency', 'tone', 'language'] as const).filter(
    (field) => actual[field] !== written.labels[field],
  );
  return { actual, fields };
}

/** Six weeks of sample leads and their predictions; returns how many it wrote. */
async function writePredictions(
  db: DatabaseAccess,
  sampleClientList: { id: string; language: 'en' | 'fr' }[],
  now: Date,
  draw: () => number,
): Promise<number> {
  const already = await db.service((tx) =>
    tx.execute<{ n: number }>(
      sql`select count(*)::int as n from feedback_tracking where context_data->>'sample' = 'true'`,
    ),
  );
  if ((already.rows[0]?.n ?? 0) > 0) return 0;
  const leads: (typeof leadMemory.$inferInsert)[] = [];
  const predictions: ((id: string) => typeof feedbackTracking.$inferInsert)[] = [];
  for (let daysAgo = SAMPLE_DAYS; daysAgo >= 0; daysAgo--) {
    for (const client of sampleClientList) {
      const perDay = 1 + Math.floor(draw() * 4);
      for (let n = 0; n < perDay; n++) {
        const at = new Date(now.getTime() - daysAgo * DAY_MS - (1 + draw() * 10) * HOUR_MS);
        if (at >= now) continue;
        const pool = MESSAGES.filter((written) => (client.language === 'fr') === (written.labels.language === 'fr'));
        const written = pick(pool, draw);
        const engine: 'openai' | 'offline' = draw() < 0.62 ? 'openai' : 'offline';
        const variantId = variantFor(written.labels.language, daysAgo, draw);
        const fellBackFrom = engine === 'offline' && draw() < 0.35 ? ('openai' as const) : null;
        const age = (now.getTime() - at.getTime()) / DAY_MS;
        const roll = draw();
        const correction = correctionChance(engine, variantId);
        let resolvedBy: Resolution | null;
        if (age < 1.5 && roll < 0.6) resolvedBy = null;
        else if (roll < correction) resolvedBy = 'correction';
        else if (roll < correction + 0.32) resolvedBy = 'confirmation';
        else if (roll < correction + 0.5) resolvedBy = 'conversion';
        else if (roll < correction + 0.62) resolvedBy = 'archived';
        else resolvedBy = age > 30 ? 'timeout' : null;
        const fix = corrected(written);
        const correcting = resolvedBy === 'correction' && fix.fields.length > 0;
        if (resolvedBy === 'correction' && !correcting) resolvedBy = 'confirmation';
        const neutral = resolvedBy === 'archived' || resolvedBy === 'timeout';
        const actual = correcting ? fix.actual : written.labels;
        const key = `sample-learning-${leads.length + 1}`;
        const resolvedAt =
          resolvedBy === null
            ? null
            : new Date(
                Math.min(
                  now.getTime() - 60_000,
                  at.getTime() + (resolvedBy === 'timeout' ? 30 * DAY_MS : (0.2 + draw() * 30) * HOUR_MS),
                ),
              );
        leads.push({
          clientId: client.id,
          name: written.labels.language === 'fr' ? 'Client exemple' : 'Sample customer',
          email: `${key}@sample.avenir.local`,
          message: written.message,
          language: actual.language,
          consent: true,
          intent: intentOf(actual.intent).en,
          urgency: actual.urgency,
          tone: actual.tone,
          confidenceScore: Math.round((0.55 + draw() * 0.4) * 100) / 100,
          enrichmentEngine: engine,
          enrichedAt: new Date(at.getTime() + 4_000),
          currentTag: resolvedBy === 'conversion' ? 'Converted' : null,
          archived: resolvedBy === 'archived',
          idempotencyKey: key,
          metadata: { sample: true, source: 'npm start: sample learning' },
          createdAt: at,
          updatedAt: resolvedAt ?? at,
        });
        const context: PredictionContext & { sample: true } = {
          prediction: written.labels,
          engine,
          variantId,
          fellBackFrom,
          sample: true,
          ...(resolvedBy === null
            ? {}
            : {
                resolvedBy,
                actual,
                corrected: correcting ? fix.fields : [],
                accuracy: neutral ? null : (4 - (correcting ? fix.fields.length : 0)) / 4,
              }),
        };
        const outcome = resolvedBy === null || neutral ? 'neutral' : correcting ? 'negative' : 'positive';
        predictions.push((leadId) => ({
          leadId,
          clientId: client.id,
          actionType: 'system_performance',
          outcome,
          confidenceScore: 0.8,
          impactScore: outcome === 'negative' ? -40 : outcome === 'positive' ? 25 : 0,
          contextData: context as unknown as Record<string, unknown>,
          notesEn: `Sample prediction by the ${engine} engine.`,
          notesFr: `Prédiction d’exemple du moteur ${engine}.`,
          learningApplied: resolvedBy !== null && !neutral,
          processedAt: resolvedAt,
          createdAt: new Date(at.getTime() + 4_000),
        }));
      }
    }
  }
  await db.service(async (tx) => {
    const rows = await tx
      .insert(leadMemory)
      .values(leads)
      .returning({ id: leadMemory.id, key: leadMemory.idempotencyKey });
    const ids = new Map(rows.map((row) => [row.key, row.id]));
    await tx
      .insert(feedbackTracking)
      .values(predictions.map((make, index) => make(ids.get(leads[index]!.idempotencyKey!)!)));
  });
  return leads.length;
}

/** Fourteen days of response times and failures of the four components; returns how many rows. */
async function writeMetrics(db: DatabaseAccess, clientIds: string[], now: Date, draw: () => number): Promise<number> {
  const already = await db.service((tx) =>
    tx.execute<{ n: number }>(
      sql`select count(*)::int as n from performance_metrics where metadata->>'sample' = 'true' limit 1`,
    ),
  );
  if ((already.rows[0]?.n ?? 0) > 0) return 0;
  const rows: (typeof performanceMetrics.$inferInsert)[] = [];
  const metadata = (extra: Record<string, unknown>) => ({ sample: true, ...extra });
  const call = (
    component: 'lead_api' | 'intelligence_engine' | 'translation_service' | 'mailer',
    eventType: 'api_response' | 'ai_analysis' | 'translation' | 'email_response',
    at: Date,
    ms: number,
    extra: Record<string, unknown>,
  ) =>
    rows.push({
      eventType,
      metricName: 'response_time',
      metricValue: ms,
      metricUnit: 'ms',
      responseTimeMs: Math.round(ms),
      successRate: 1,
      sourceComponent: component,
      clientId: pick(clientIds, draw),
      recordedAt: at,
      metadata: metadata(extra),
    });
  const failure = (
    component: 'intelligence_engine' | 'mailer' | 'lead_api',
    eventType: 'ai_analysis' | 'email_response' | 'api_response',
    at: Date,
    extra: Record<string, unknown>,
    message: { en: string; fr: string },
  ) =>
    rows.push({
      eventType,
      metricName: 'error_rate',
      metricValue: 1,
      metricUnit: 'count',
      errorCount: 1,
      successRate: 0,
      sourceComponent: component,
      clientId: pick(clientIds, draw),
      recordedAt: at,
      metadata: metadata(extra),
      errorMessageEn: message.en,
      errorMessageFr: message.fr,
    });
  const skewed = (low: number, high: number) => low + (high - low) * draw() ** 2.2;
  for (let daysAgo = METRIC_DAYS - 1; daysAgo >= 0; daysAgo--) {
    const dayStart = Math.floor(now.getTime() / DAY_MS) * DAY_MS - daysAgo * DAY_MS;
    const span = daysAgo === 0 ? Math.max(HOUR_MS, now.getTime() - dayStart - 60_000) : DAY_MS - 60_000;
    const at = () => new Date(dayStart + draw() * span);
    const busy = 0.7 + draw() * 0.6;
    for (let n = 0; n < Math.round(60 * busy); n++) call('lead_api', 'api_response', at(), skewed(35, 260), {});
    for (let n = 0; n < Math.round(18 * busy); n++) {
      const when = at();
      const fellBack = draw() < (daysAgo === 4 ? 0.3 : 0.05);
      if (fellBack) {
        failure(
          'intelligence_engine',
          'ai_analysis',
          when,
          { engine: 'openai', kind: 'timeout', fellBackTo: 'offline' },
          {
            en: 'The AI did not answer (timeout); the offline engine did.',
            fr: 'L’IA n’a pas répondu (timeout); le moteur hors ligne a pris le relais.',
          },
        );
        call('intelligence_engine', 'ai_analysis', new Date(when.getTime() + 20_000), skewed(4, 25), {
          engine: 'offline',
        });
      } else if (draw() < 0.35) call('intelligence_engine', 'ai_analysis', when, skewed(4, 25), { engine: 'offline' });
      else call('intelligence_engine', 'ai_analysis', when, skewed(700, 4200), { engine: 'openai' });
    }
    for (let n = 0; n < Math.round(12 * busy); n++) {
      const cached = draw() < 0.7;
      call('translation_service', 'translation', at(), cached ? skewed(2, 14) : skewed(350, 1400), {
        source: cached ? 'cache' : 'ai',
      });
    }
    for (let n = 0; n < Math.round(14 * busy); n++) {
      if (draw() < 0.015)
        failure(
          'mailer',
          'email_response',
          at(),
          { kind: 'reply', provider: 'outbox' },
          { en: 'The reply email was not sent: timeout', fr: 'Le courriel (réponse) n’a pas été envoyé : timeout' },
        );
      else call('mailer', 'email_response', at(), skewed(120, 900), { kind: 'reply', provider: 'outbox' });
    }
    if (daysAgo === 6)
      failure(
        'lead_api',
        'api_response',
        at(),
        { status: 503 },
        { en: 'The database did not answer in time.', fr: 'La base de données n’a pas répondu à temps.' },
      );
  }
  await db.service(async (tx) => {
    for (let index = 0; index < rows.length; index += 500)
      await tx.insert(performanceMetrics).values(rows.slice(index, index + 500));
  });
  return rows.length;
}

export interface SampleLearning {
  predictions: number;
  metrics: number;
  variants: number;
}

/**
 * Writes the learning loop's sample data up to `now`, each part once: a second run writes
 * nothing (and says so with zeros).
 */
export async function writeSampleLearning(
  db: DatabaseAccess,
  now = new Date(),
  seed = 20261202,
): Promise<SampleLearning> {
  const draw = random(seed);
  const sampleClientList = await sampleClients(db);
  const variants = await writePrompts(db, now);
  const predictions = await writePredictions(db, sampleClientList, now, draw);
  const metrics = await writeMetrics(
    db,
    sampleClientList.map((client) => client.id),
    now,
    draw,
  );
  return { predictions, metrics, variants };
}
