import { INTENTS, type Language } from '../../../schema/vocabulary';
import type { ReplyDraft } from '../../platform/ai/port';
import type { Triage } from '../../platform/ai/triage';
import type { Summaries } from './context';

/** What the client is told about a new lead. */
export interface NotificationInput {
  clientLanguage: Language;
  lead: { id: string; name: string; email: string; phone: string | null; message: string };
  /** The triage; `language` is the language the lead wrote in, `summary` the summary in it. */
  triage: Triage;
  /** The summary in each language, null where it was not translated. */
  summaries: Summaries;
  /** The dashboard page of the lead. */
  leadUrl: string;
  /** Whether the lead was sent an automatic reply. */
  replied: boolean;
}

const URGENCY: Record<Language, Record<Triage['urgency'], string>> = {
  en: { High: 'High', Medium: 'Medium', Low: 'Low' },
  fr: { High: 'Élevée', Medium: 'Moyenne', Low: 'Faible' },
};

/** Every word the client reads, in the client's language; the lead's own words are labelled with theirs. */
const WORDING = {
  en: {
    in: { en: 'in English', fr: 'in French' },
    someone: 'Someone',
    subject: (flag: string, who: string, intent: string) => `${flag}New lead: ${who} — ${intent}`,
    wrote: (who: string) => `${who} wrote to you through your form.`,
    facts: (intent: string, urgency: string, contact: string) =>
      `Intent: ${intent}\nUrgency: ${urgency}\nContact: ${contact}`,
    summary: 'Summary:',
    untranslated: (language: string) => `Summary (not translated, ${language}):`,
    noSummary: 'Summary: none yet, see the message below.',
    message: (language: string | null) => (language ? `Message (${language}):` : 'Message:'),
    replied: (language: string | null) =>
      `An automatic reply was sent to them on your behalf${language ? `, ${language}` : ''}.`,
    notReplied: 'No automatic reply was sent: answer them directly.',
    open: 'Open the lead:',
  },
  fr: {
    in: { en: 'en anglais', fr: 'en français' },
    someone: 'Quelqu’un',
    subject: (flag: string, who: string, intent: string) => `${flag}Nouveau prospect : ${who} — ${intent}`,
    wrote: (who: string) => `${who} vous a écrit par votre formulaire.`,
    facts: (intent: string, urgency: string, contact: string) =>
      `Type de demande : ${intent}\nUrgence : ${urgency}\nCoordonnées : ${contact}`,
    summary: 'Résumé :',
    untranslated: (language: string) => `Résumé (non traduit, ${language}) :`,
    noSummary: 'Résumé : pas encore disponible, voyez le message ci-dessous.',
    message: (language: string | null) => (language ? `Message (${language}) :` : 'Message :'),
    replied: (language: string | null) =>
      `Une réponse automatique lui a été envoyée en votre nom${language ? `, ${language}` : ''}.`,
    notReplied: 'Aucune réponse automatique n’a été envoyée : répondez-lui directement.',
    open: 'Voir le prospect :',
  },
} as const;

const intentName = (key: Triage['intent'], language: Language) =>
  INTENTS.find((intent) => intent.key === key)?.[language] ?? key;

/** The notification email to the client, in the client's language; plain text. */
export function composeNotification(input: NotificationInput): ReplyDraft {
  const { lead, triage, clientLanguage: language } = input;
  const words = WORDING[language];
  const intent = intentName(triage.intent, language);
  const flag = triage.urgency === 'High' ? '[Urgent] ' : '';
  const who = lead.name.trim() || lead.email || words.someone;
  const contact = [lead.email, lead.phone].filter(Boolean).join(' · ');
  // The lead's language, named in the client's, wherever the client reads the lead's own words.
  const theirs = triage.language === language ? null : words.in[triage.language];
  return {
    subject: words.subject(flag, who, intent),
    body: [
      words.wrote(who),
      words.facts(intent, URGENCY[language][triage.urgency], contact),
      summaryLine(input),
      `${words.message(theirs)}\n${lead.message}`,
      input.replied ? words.replied(theirs) : words.notReplied,
      `${words.open}\n${input.leadUrl}`,
    ].join('\n\n'),
  };
}

/** The summary in the client's language; else the original, said to be untranslated, in the client's words. */
function summaryLine({ clientLanguage: language, triage, summaries }: NotificationInput): string {
  const words = WORDING[language];
  const own = summaries[language] ?? (triage.language === language ? triage.summary : null);
  if (own?.trim()) return `${words.summary} ${own}`;
  const original = summaries[triage.language] ?? triage.summary;
  if (original.trim()) return `${words.untranslated(words.in[triage.language])} ${original}`;
  return words.noSummary;
}
