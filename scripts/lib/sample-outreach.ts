import { count } from 'drizzle-orm';
import { emailTemplates, outreachCampaigns } from '../../schema';
import type { TemplateInput } from '../../schema/outreach-api';
import { createCampaign } from '../../worker/features/outreach/campaigns';
import { createTemplate } from '../../worker/features/outreach/template-store';
import type { DatabaseAccess } from '../../worker/platform/db';
import type { LocalInbound } from './local-inbound';

/**
 * Outreach on a first start: a first-contact template in each language and a draft
 * campaign of the operator's internal client, aimed at the demo sites' trades whose form
 * answered slowly. Nothing is enrolled or sent: the operator runs discovery and form
 * tests, enrols, reads and approves, as they would for real. Written once.
 */

export const SAMPLE_TEMPLATES: TemplateInput[] = [
  {
    name: 'Premier contact : réponse au formulaire',
    description: 'Premier courriel aux entreprises dont le formulaire de contact a répondu lentement ou pas du tout.',
    language: 'fr',
    category: 'first_contact',
    subject: '{{company_name}} : la réponse à votre formulaire de contact',
    plainContent:
      'Bonjour,\n\n{{first_line | J’ai visité votre site et regardé comment un client peut vous joindre.}}\n\n{{form_test_summary | Un client qui vous écrit par votre site attend souvent votre réponse avant de choisir.}}\n\nAvenir répond à chaque demande de votre site en quelques secondes, en français ou en anglais, dans votre ton et avec votre lien de réservation. Voulez-vous voir ce que vos clients recevraient ? Un exemple : https://avenir.example/fr/exemple — ou répondez simplement à ce courriel.\n\n{{sender_name}}\n{{sender_company}}',
    htmlContent:
      '<p>Bonjour,</p><p>{{first_line | J’ai visité votre site et regardé comment un client peut vous joindre.}}</p><p>{{form_test_summary | Un client qui vous écrit par votre site attend souvent votre réponse avant de choisir.}}</p><p>Avenir répond à chaque demande de votre site en quelques secondes, en français ou en anglais, dans votre ton et avec votre lien de réservation. Voulez-vous voir ce que vos clients recevraient ? <a href="https://avenir.example/fr/exemple">Voyez un exemple</a>, ou répondez simplement à ce courriel.</p><p>{{sender_name}}<br>{{sender_company}}</p>',
    isActive: true,
  },
  {
    name: 'First contact: contact-form answer',
    description: 'First email to businesses whose contact form answered slowly or not at all.',
    language: 'en',
    category: 'first_contact',
    subject: '{{company_name}}: the answer to your contact form',
    plainContent:
      'Hello,\n\n{{first_line | I visited your website and looked at how a customer can reach you.}}\n\n{{form_test_summary | A customer who writes through your site often waits for your answer before choosing.}}\n\nAvenir answers every inquiry from your site within seconds, in English or French, in your tone and with your booking link. Would you like to see what your customers would receive? An example: https://avenir.example/en/example (or just reply to this email).\n\n{{sender_name}}\n{{sender_company}}',
    htmlContent:
      '<p>Hello,</p><p>{{first_line | I visited your website and looked at how a customer can reach you.}}</p><p>{{form_test_summary | A customer who writes through your site often waits for your answer before choosing.}}</p><p>Avenir answers every inquiry from your site within seconds, in English or French, in your tone and with your booking link. Would you like to see what your customers would receive? <a href="https://avenir.example/en/example">See an example</a>, or just reply to this email.</p><p>{{sender_name}}<br>{{sender_company}}</p>',
    isActive: true,
  },
];

export async function writeSampleOutreach(
  db: DatabaseAccess,
  staffClientId: string,
  local: Pick<LocalInbound, 'FORM_TEST_SENDER_NAME' | 'OUTREACH_POSTAL_ADDRESS'>,
  mailbox: string,
): Promise<boolean> {
  const [templates] = await db.service((tx) => tx.select({ n: count() }).from(emailTemplates));
  const [campaigns] = await db.service((tx) => tx.select({ n: count() }).from(outreachCampaigns));
  if (templates!.n > 0 || campaigns!.n > 0) return false;
  const [fr, en] = await Promise.all(SAMPLE_TEMPLATES.map((template) => createTemplate(db, template)));
  await createCampaign(db, {
    name: 'Réponses lentes — métiers du Québec (démo)',
    clientId: staffClientId,
    targetCriteria: { regions: ['QC'], limit: 20 },
    templateIds: { en: en!.id, fr: fr!.id },
    followUpSchedule: [3, 7],
    mailbox,
    dailyCap: 20,
    identity: {
      senderName: local.FORM_TEST_SENDER_NAME,
      businessName: 'Avenir',
      postalAddress: local.OUTREACH_POSTAL_ADDRESS,
      contact: mailbox,
    },
  });
  return true;
}
