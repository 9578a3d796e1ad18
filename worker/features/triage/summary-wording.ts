import type { IntentKey, Language } from '../../../schema/vocabulary';

// The summary's own words, in each reader's language; everything else in it is the lead's.

/** What the lead is after, as a verb phrase after their name. */
export const WANTS: Record<Language, Record<IntentKey, string>> = {
  en: {
    quote_request: 'is asking for a quote',
    service_inquiry: 'is asking about a service',
    booking_request: 'wants to book an appointment',
    support_request: 'needs help with a problem',
    partnership: 'is proposing a partnership',
    complaint: 'is making a complaint',
    job_application: 'is applying for a job',
    vendor_pitch: 'is pitching their services',
    billing: 'has a billing question',
    feedback: 'is sharing feedback',
    general_question: 'has a question',
    spam: 'sent what looks like spam',
  },
  fr: {
    quote_request: 'demande une soumission',
    service_inquiry: 's’informe sur un service',
    booking_request: 'souhaite prendre rendez-vous',
    support_request: 'a besoin d’aide pour un problème',
    partnership: 'propose un partenariat',
    complaint: 'formule une plainte',
    job_application: 'pose sa candidature',
    vendor_pitch: 'offre ses services (sollicitation commerciale)',
    billing: 'a une question de facturation',
    feedback: 'laisse un commentaire',
    general_question: 'pose une question',
    spam: 'a envoyé ce qui ressemble à un pourriel',
  },
};

export const WORDING = {
  en: {
    someone: 'The sender',
    open: '“',
    close: '”',
    colon: ':',
    details: 'Details',
    urgent: 'Urgent',
    // Said once, after what they want, when the reader's language is not the lead's.
    writtenIn: { en: 'written in English', fr: 'written in French' },
    // Between two quotes that are not next to each other in the message.
    gap: ' … ',
    phone: (phone: string) => `Left a phone number (${phone}).`,
    empty: (who: string) => `${who} sent a message with no words in it.`,
    callback: 'asks to be called back',
    reason: {
      threat: (phrase: string) => `at risk of leaving or escalating (“${phrase}”)`,
      immediate: (phrase: string) => `time-sensitive (“${phrase}”)`,
      emergency: (phrase: string) => `urgent problem (“${phrase}”)`,
      flagged: (phrase: string) => `the lead writes “${phrase}”`,
      near_date: (phrase: string) => `near date (“${phrase}”)`,
    },
  },
  fr: {
    someone: 'La personne',
    // Non-breaking spaces: a French colon or guillemet never starts a line.
    open: '«\u00a0',
    close: '\u00a0»',
    colon: '\u00a0:',
    details: 'Précisions',
    urgent: 'Urgent',
    writtenIn: { en: 'message en anglais', fr: 'message en français' },
    gap: ' … ',
    phone: (phone: string) => `Numéro de téléphone laissé\u00a0: ${phone}.`,
    empty: (who: string) => `${who} a envoyé un message sans aucun mot.`,
    callback: 'demande un rappel',
    reason: {
      threat: (phrase: string) => `risque de perdre le client («\u00a0${phrase}\u00a0»)`,
      immediate: (phrase: string) => `délai serré («\u00a0${phrase}\u00a0»)`,
      emergency: (phrase: string) => `problème urgent («\u00a0${phrase}\u00a0»)`,
      flagged: (phrase: string) => `la personne écrit «\u00a0${phrase}\u00a0»`,
      near_date: (phrase: string) => `date rapprochée («\u00a0${phrase}\u00a0»)`,
    },
  },
} as const;
