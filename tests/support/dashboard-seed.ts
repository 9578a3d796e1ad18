import { sql } from 'drizzle-orm';
import { leadActions, leadMemory, leadNotes, sentEmails } from '../../schema';
import type { TestDatabase } from './database';

/**
 * A small, realistic set of leads for a client, written straight into the database (service
 * role), for e2e tests that need every screen of the dashboard to have something to show:
 * an urgent lead nobody answered yet (with the automatic reply it got, a summary in both
 * languages and histories of two points), a lead a person handled (tagged, noted), an older
 * French one, and one the robot check set aside. The ids by role.
 */
export interface SeededLeads {
  urgent: string;
  handled: string;
  older: string;
  spam: string;
}

export async function seedTypicalLeads(
  database: TestDatabase,
  clientId: string,
  ownerEmail: string,
): Promise<SeededLeads> {
  return database.access.service(async (tx) => {
    const [urgent, handled, older, spam] = await tx
      .insert(leadMemory)
      .values([
        {
          clientId,
          name: 'Sarah Mitchell',
          email: 'sarah.mitchell@example.ca',
          phone: '514-555-0142',
          message: 'Water is pouring from the ceiling next to the electrical panel. Can someone come today?',
          language: 'en',
          intent: 'Support request',
          urgency: 'High',
          tone: 'Frustrated',
          confidenceScore: 0.9,
          aiSummary: 'Active leak next to the electrical panel; wants someone today.',
          aiSummaryEn: 'Active leak next to the electrical panel; wants someone today.',
          aiSummaryFr: 'Fuite active près du panneau électrique; veut quelqu’un aujourd’hui.',
          enrichmentEngine: 'offline',
          enrichedAt: sql`now() - interval '2 hours'`,
          urgencyHistory: [
            { value: 'Medium', at: new Date(Date.now() - 7_200_000).toISOString(), engine: 'offline' },
            { value: 'High', at: new Date(Date.now() - 7_000_000).toISOString(), engine: 'openai' },
          ],
          toneHistory: [
            { value: 'Formal', at: new Date(Date.now() - 7_200_000).toISOString(), engine: 'offline' },
            { value: 'Frustrated', at: new Date(Date.now() - 7_000_000).toISOString(), engine: 'openai' },
          ],
          confidenceHistory: [
            { value: 0.6, at: new Date(Date.now() - 7_200_000).toISOString(), engine: 'offline' },
            { value: 0.9, at: new Date(Date.now() - 7_000_000).toISOString(), engine: 'openai' },
          ],
          createdAt: sql`now() - interval '2 hours'`,
        },
        {
          clientId,
          name: 'Martin Gagnon',
          email: 'mgagnon@example.ca',
          message: 'Bonjour, une soumission pour remplacer notre chauffe-eau de 60 gallons, svp.',
          language: 'fr',
          intent: 'Quote request',
          urgency: 'Medium',
          tone: 'Friendly',
          confidenceScore: 0.75,
          aiSummary: 'Demande de soumission pour un chauffe-eau de 60 gallons.',
          aiSummaryFr: 'Demande de soumission pour un chauffe-eau de 60 gallons.',
          aiSummaryEn: 'Quote request for a 60-gallon water heater.',
          enrichmentEngine: 'offline',
          enrichedAt: sql`now() - interval '3 hours'`,
          createdAt: sql`now() - interval '3 hours'`,
        },
        {
          clientId,
          name: 'Gabrielle Lévesque-Desrochers',
          email: 'gabrielle.levesque-desrochers@entreprise-exemple.quebec',
          message: 'Bonjour, nous aimerions une soumission pour refaire la salle de bain de notre duplex à Longueuil.',
          language: 'fr',
          intent: 'Quote request',
          urgency: 'Low',
          tone: 'Formal',
          confidenceScore: 0.4,
          aiSummaryFr: 'Soumission pour la salle de bain d’un duplex à Longueuil.',
          enrichmentEngine: 'offline',
          enrichedAt: sql`now() - interval '3 days'`,
          createdAt: sql`now() - interval '3 days'`,
        },
        {
          clientId,
          name: 'Robot',
          email: 'robot@spam.example',
          message: 'Buy now',
          language: 'en',
          isSpam: true,
          spamReason: 'too_fast',
          createdAt: sql`now() - interval '1 hour'`,
        },
      ])
      .returning({ id: leadMemory.id });
    await tx.insert(leadActions).values([
      {
        leadId: urgent!.id,
        clientId,
        actionType: 'created',
        performedBy: 'widget',
        timestamp: sql`now() - interval '2 hours'`,
      },
      {
        leadId: urgent!.id,
        clientId,
        actionType: 'replied',
        performedBy: 'system',
        timestamp: sql`now() - interval '119 minutes'`,
      },
      {
        leadId: handled!.id,
        clientId,
        actionType: 'created',
        performedBy: 'widget',
        timestamp: sql`now() - interval '3 hours'`,
      },
      {
        leadId: handled!.id,
        clientId,
        actionType: 'tagged',
        tag: 'Hot Lead',
        performedBy: ownerEmail,
        timestamp: sql`now() - interval '150 minutes'`,
      },
      {
        leadId: older!.id,
        clientId,
        actionType: 'created',
        performedBy: 'widget',
        timestamp: sql`now() - interval '3 days'`,
      },
    ]);
    await tx.insert(leadNotes).values({
      leadId: handled!.id,
      clientId,
      note: 'Rappelé : visite jeudi à 14 h.',
      performedBy: ownerEmail,
    });
    await tx.insert(sentEmails).values({
      clientId,
      leadId: urgent!.id,
      kind: 'reply',
      sendKey: `reply-${urgent!.id}`,
      status: 'sent',
      sentAt: sql`now() - interval '119 minutes'`,
      toEmail: 'sarah.mitchell@example.ca',
      subject: 'We got your message',
      textBody: 'Hello Sarah, we are on it and will call you within the hour.',
      htmlBody: '<p>Hello Sarah, we are on it and will call you within the hour.</p>',
      messageId: `<reply-${urgent!.id}@avenir.local>`,
    });
    return { urgent: urgent!.id, handled: handled!.id, older: older!.id, spam: spam!.id };
  });
}
