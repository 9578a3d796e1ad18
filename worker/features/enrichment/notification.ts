import { INTENTS, type Language } from '../../../schema/vocabulary';
import type { ReplyDraft } from '../../platform/ai/port';
import type { Triage } from '../../platform/ai/triage';

/** What the client is told about a new lead. */
export interface NotificationInput {
  clientLanguage: Language;
  lead: { id: string; name: string; email: string; phone: string | null; message: string };
  triage: Triage;
  /** The lead's summary in the client's language, when there is one. */
  summary: string;
  /** The dashboard page of the lead. */
  leadUrl: string;
  /** Whether the lead was sent an automatic reply. */
  replied: boolean;
}

const URGENCY: Record<Language, Record<Triage['urgency'], string>> = {
  en: { High: 'High', Medium: 'Medium', Low: 'Low' },
  fr: { High: 'Élevée', Medium: 'Moyenne', Low: 'Faible' },
};

const intentName = (key: Triage['intent'], language: Language) =>
  INTENTS.find((intent) => intent.key === key)?.[language] ?? key;

/** The notification email to the client, in the client's language; plain text. */
export function composeNotification(input: NotificationInput): ReplyDraft {
  const { lead, triage, clientLanguage: language } = input;
  const urgency = URGENCY[language][triage.urgency];
  const intent = intentName(triage.intent, language);
  const flag = triage.urgency === 'High' ? '[Urgent] ' : '';
  const contact = [lead.email, lead.phone].filter(Boolean).join(' · ');
  if (language === 'fr') {
    return {
      subject: `${flag}Nouveau prospect : ${lead.name} — ${intent}`,
      body: [
        `${lead.name} vous a écrit par votre formulaire.`,
        `Intention : ${intent}\nUrgence : ${urgency}\nCoordonnées : ${contact}`,
        `Résumé : ${input.summary}`,
        `Message :\n${lead.message}`,
        input.replied
          ? 'Une réponse automatique lui a été envoyée en votre nom.'
          : 'Aucune réponse automatique n’a été envoyée : répondez-lui directement.',
        `Voir le prospect :\n${input.leadUrl}`,
      ].join('\n\n'),
    };
  }
  return {
    subject: `${flag}New lead: ${lead.name} — ${intent}`,
    body: [
      `${lead.name} wrote to you through your form.`,
      `Intent: ${intent}\nUrgency: ${urgency}\nContact: ${contact}`,
      `Summary: ${input.summary}`,
      `Message:\n${lead.message}`,
      input.replied
        ? 'An automatic reply was sent to them on your behalf.'
        : 'No automatic reply was sent: answer them directly.',
      `Open the lead:\n${input.leadUrl}`,
    ].join('\n\n'),
  };
}
