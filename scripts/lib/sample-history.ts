import { leadActions, leadMemory } from '../../schema';
import { CONVERTED_TAG, HOT_LEAD_TAG, intentOf, isSpamFolderIntent } from '../../schema/vocabulary';
import { triageOffline } from '../../worker/features/triage';
import type { DatabaseAccess } from '../../worker/platform/db';
import { seededRandom as random } from './seeded-random';

/**
 * Twelve weeks of sample leads for the demo client, written on the first `npm start` so the
 * Insights screen has history to chart and forecast from. Not sent through the form (their
 * dates are in the past): stored as a triaged lead would be, each triaged by the offline
 * engine itself, with the timeline the pipeline and a busy owner would have left (the form's
 * `created`, the automatic reply, notes, tags, conversions, archiving). Every one is marked
 * `metadata.sample` and is a test lead of the test client, and the same seed always draws
 * the same history: weekdays busier than weekends, a slow rise over the weeks, and a burst
 * of complaints in the last week for the anomaly detector to find.
 */

export const SAMPLE_WEEKS = 12;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Leads a day on average, Sunday first: a trades business hears little on weekends. */
const WEEKDAY_RATE = [0.4, 1.5, 1.4, 1.3, 1.3, 1.1, 0.6];
/** How much busier the last week is than the first. */
const GROWTH = 0.35;

const MESSAGES: readonly { message: string; language: 'en' | 'fr' }[] = [
  {
    language: 'fr',
    message: "Bonjour, j'aimerais une soumission pour refaire la toiture de mon bungalow, les bardeaux retroussent.",
  },
  { language: 'fr', message: 'Pouvez-vous me donner un prix pour repeindre le salon et la cuisine? Environ 600 pi2.' },
  {
    language: 'fr',
    message: "On aimerait finir notre sous-sol cet hiver. Est-ce que quelqu'un peut venir évaluer le projet?",
  },
  {
    language: 'fr',
    message: "J'ai une fuite sous l'évier de la salle de bain, l'eau coule dans le plafond du sous-sol. C'est urgent!",
  },
  { language: 'fr', message: 'Est-ce que vous installez des thermopompes murales? Quels sont vos délais?' },
  {
    language: 'fr',
    message: 'Je voudrais prendre rendez-vous pour une visite la semaine prochaine, mardi ou mercredi.',
  },
  { language: 'fr', message: 'Faites-vous les comptoirs de quartz? Je cherche un prix pour une cuisine en L.' },
  { language: 'fr', message: "Ma facture indique un montant différent de la soumission. Pouvez-vous m'expliquer?" },
  {
    language: 'fr',
    message: 'Bonjour, je suis électricien et je cherche un emploi à temps plein dans la région de Laval.',
  },
  { language: 'en', message: 'Hi, could you send me a quote to redo our bathroom? New tub, tiles and vanity.' },
  { language: 'en', message: 'We need a contractor for a kitchen renovation in the spring. Do you offer design help?' },
  {
    language: 'en',
    message: 'Water is coming through the ceiling after the storm, can someone come today? It is an emergency.',
  },
  { language: 'en', message: 'Can I book a visit next week to look at our deck? Any weekday after 4 pm works.' },
  { language: 'en', message: 'Do you do basement waterproofing? What would it cost for a 30 foot wall?' },
  { language: 'en', message: 'What are your hours, and do you work in Terrebonne?' },
  { language: 'en', message: 'Thanks for the great work on our kitchen last month, we love it!' },
  { language: 'fr', message: "Je suis déçue : l'équipe devait revenir finir les moulures et personne n'est venu." },
];

/** Complaints of the last week: more than the weeks before, for the anomaly detector. */
const COMPLAINTS: readonly { message: string; language: 'en' | 'fr' }[] = [
  {
    language: 'fr',
    message: 'Ça fait deux semaines que les travaux devaient être finis et personne ne me rappelle. Je suis très déçu.',
  },
  {
    language: 'en',
    message: 'I am unhappy: the crew left a mess and the door still does not close. Nobody answers my calls.',
  },
  {
    language: 'fr',
    message: "Le plancher posé la semaine dernière gondole déjà. C'est inacceptable, je veux qu'on revienne.",
  },
  {
    language: 'en',
    message: 'This is the third time I write about the leaking window you installed. Very disappointed.',
  },
];

const NAMES = [
  ['Martine', 'Lefebvre'],
  ['David', 'Chen'],
  ['Sophie', 'Tremblay'],
  ['Robert', 'Gagnon'],
  ['Emily', 'Walsh'],
  ['Karim', 'Haddad'],
  ['Julie', 'Roy'],
  ['Marc', 'Bouchard'],
  ['Priya', 'Natarajan'],
  ['Olivier', 'Côté'],
  ['Nathalie', 'Gauthier'],
  ['Luc', 'Morin'],
] as const;

/** A Poisson draw (Knuth's method: the rates here are a few a day). */
function poisson(rate: number, draw: () => number): number {
  const limit = Math.exp(-rate);
  let count = 0;
  for (let product = draw(); product > limit; product *= draw()) count++;
  return count;
}

interface SampleLead {
  lead: typeof leadMemory.$inferInsert;
  actions: Omit<typeof leadActions.$inferInsert, 'leadId'>[];
}

function sampleLead(
  clientId: string,
  ownerEmail: string,
  at: Date,
  now: Date,
  written: { message: string; language: 'en' | 'fr' },
  draw: () => number,
): SampleLead {
  const [first, last] = NAMES[Math.floor(draw() * NAMES.length)]!;
  const name = `${first} ${last}`;
  const triage = triageOffline({
    name,
    message: written.message,
    formLanguage: written.language,
    businessName: 'Rénovations Démo Laval',
    industry: 'renovation',
  });
  const domain = written.language === 'fr' ? 'exemple.ca' : 'example.com';
  const plain = `${first}.${last}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const ageDays = (now.getTime() - at.getTime()) / DAY_MS;
  const spam = isSpamFolderIntent(triage.intent);
  const sales = ['quote_request', 'booking_request', 'service_inquiry'].includes(triage.intent);
  const converted = sales && ageDays > 3 && draw() < 0.22;
  const archived = !converted && ageDays > 10 && draw() < 0.45;
  const after = (minutes: number) => new Date(Math.min(now.getTime() - MINUTE_MS, at.getTime() + minutes * MINUTE_MS));

  const actions: SampleLead['actions'] = [
    { clientId, actionType: 'created', performedBy: 'widget', timestamp: at, isTest: true },
  ];
  if (!spam)
    actions.push({
      clientId,
      actionType: 'replied',
      performedBy: 'system',
      timestamp: after(1 + draw() * 2),
      isTest: true,
    });
  // Most leads get a person's follow-up: urgent ones sooner, all of them faster lately.
  const followedUp = !spam && draw() < (ageDays < 2 ? 0.5 : 0.85);
  if (followedUp) {
    const typical =
      (triage.urgency === 'High' ? 25 : triage.urgency === 'Medium' ? 120 : 300) * (ageDays < 21 ? 0.6 : 1);
    const minutes = -Math.log(1 - draw()) * typical;
    actions.push({ clientId, actionType: 'noted', performedBy: ownerEmail, timestamp: after(minutes), isTest: true });
    if (triage.urgency === 'High' && draw() < 0.5) {
      actions.push({
        clientId,
        actionType: 'tagged',
        tag: HOT_LEAD_TAG,
        performedBy: ownerEmail,
        timestamp: after(minutes + 2),
        isTest: true,
      });
    }
  }
  if (converted)
    actions.push({
      clientId,
      actionType: 'tagged',
      tag: CONVERTED_TAG,
      performedBy: ownerEmail,
      timestamp: after(2 * 1440),
      isTest: true,
    });
  if (archived)
    actions.push({
      clientId,
      actionType: 'archived',
      performedBy: ownerEmail,
      timestamp: after(7 * 1440),
      isTest: true,
    });

  return {
    lead: {
      clientId,
      name,
      email: `${plain}@${domain}`,
      message: written.message,
      language: triage.language,
      consent: true,
      intent: intentOf(triage.intent).en,
      urgency: triage.urgency,
      tone: triage.tone,
      confidenceScore: Math.round(triage.confidence * 100) / 100,
      aiSummary: triage.summary,
      // As the enrichment stores it: the offline engine writes both languages itself.
      aiSummaryEn: triage.summaries?.en ?? (triage.language === 'en' ? triage.summary : null),
      aiSummaryFr: triage.summaries?.fr ?? (triage.language === 'fr' ? triage.summary : null),
      enrichmentEngine: 'offline',
      enrichedAt: new Date(at.getTime() + 4_000),
      currentTag: converted ? CONVERTED_TAG : null,
      archived,
      isTest: true,
      openedAt: followedUp || archived || converted ? after(5) : null,
      metadata: { sample: true, source: 'npm start: sample history' },
      createdAt: at,
      updatedAt: at,
    },
    actions,
  };
}

/** The sample history of `clientId` up to `now`; returns how many leads it wrote. */
export async function writeSampleHistory(
  db: DatabaseAccess,
  client: { id: string; email: string },
  now: Date,
  seed = 20261201,
): Promise<number> {
  const draw = random(seed);
  const samples: SampleLead[] = [];
  for (let daysAgo = SAMPLE_WEEKS * 7; daysAgo >= 1; daysAgo--) {
    const day = new Date(now.getTime() - daysAgo * DAY_MS);
    const growth = 1 + GROWTH * (1 - daysAgo / (SAMPLE_WEEKS * 7));
    const count = poisson(WEEKDAY_RATE[day.getUTCDay()]! * growth, draw);
    for (let n = 0; n < count; n++) {
      // Business hours in Montreal, 8:00 to 20:00 (13:00 to 01:00 UTC).
      const at = new Date(day.getTime() - (day.getTime() % DAY_MS) + (13 + draw() * 12) * 3_600_000 + n * 1_000);
      if (at >= now) continue;
      samples.push(sampleLead(client.id, client.email, at, now, MESSAGES[Math.floor(draw() * MESSAGES.length)]!, draw));
    }
  }
  COMPLAINTS.forEach((complaint, index) => {
    const at = new Date(now.getTime() - (index + 1) * 1.3 * DAY_MS);
    samples.push(sampleLead(client.id, client.email, at, now, complaint, draw));
  });

  samples.forEach((sample, index) => {
    sample.lead.idempotencyKey = `sample-${index + 1}`;
  });
  // Two statements for the lot: a first start should not wait on a round trip per lead.
  await db.service(async (tx) => {
    const rows = await tx
      .insert(leadMemory)
      .values(samples.map((sample) => sample.lead))
      .returning({ id: leadMemory.id, key: leadMemory.idempotencyKey });
    const ids = new Map(rows.map((row) => [row.key, row.id]));
    await tx
      .insert(leadActions)
      .values(
        samples.flatMap((sample) =>
          sample.actions.map((action) => ({ ...action, leadId: ids.get(sample.lead.idempotencyKey ?? null)! })),
        ),
      );
  });
  return samples.length;
}
