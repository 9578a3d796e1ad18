import type { Language } from '../../../schema/vocabulary';

/**
 * The lead "send a test lead" stores, in the client's language. It is addressed to the
 * client's own email: the automatic reply a real customer would get lands in their inbox,
 * which is what they are testing, and never at a made-up address.
 */
export interface SampleLead {
  name: string;
  email: string;
  message: string;
  language: Language;
}

const SAMPLE: Record<Language, { name: string; message: string }> = {
  en: {
    name: 'Test lead (Avenir)',
    message:
      "Hello, this is a test lead sent from your Avenir settings. I'd like a quote for work next week: could you call me back?",
  },
  fr: {
    name: 'Client test (Avenir)',
    message:
      "Bonjour, ceci est une demande test envoyée depuis vos paramètres Avenir. J'aimerais une soumission pour des travaux la semaine prochaine : pouvez-vous me rappeler?",
  },
};

export const sampleLead = (language: Language, clientEmail: string): SampleLead => ({
  ...SAMPLE[language],
  email: clientEmail,
  language,
});
