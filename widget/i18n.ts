import type { Language } from '../schema/vocabulary';

/** Every string the widget shows, in both languages (Quebec French). */
export const STRINGS = {
  en: {
    name: 'Name',
    email: 'Email',
    phone: 'Phone',
    optional: '(optional)',
    message: 'How can we help?',
    // CASL: names who asks, says what they may send, and that consent can be withdrawn.
    consent: (business: string) =>
      `Yes, ${business} may email me about its services and offers. I can unsubscribe at any time.`,
    someBusiness: 'this business',
    send: 'Send',
    sending: 'Sending…',
    retrying: 'Connection problem — we’ll keep trying. Your message is safe.',
    fixErrors: 'Please check the highlighted fields.',
    notSetUp: 'This form is not set up correctly. Please contact the business directly.',
    thanks: (name: string) => `Thank you, ${name}!`,
    back: (business: string) => `${business || 'We'} will get back to you soon.`,
    copy: 'We have sent you a copy by email.',
    book: 'Book a time',
    open: 'Contact us',
    write: (business: string) => `Contact ${business}`,
    close: 'Close',
  },
  fr: {
    name: 'Nom',
    email: 'Courriel',
    phone: 'Téléphone',
    optional: '(facultatif)',
    message: 'Comment pouvons-nous vous aider?',
    consent: (business: string) =>
      `Oui, ${business} peut m’envoyer des courriels au sujet de ses services et de ses offres. Je peux me désabonner en tout temps.`,
    someBusiness: 'cette entreprise',
    send: 'Envoyer',
    sending: 'Envoi en cours…',
    retrying: 'Problème de connexion — nous réessayons. Votre message est en sécurité.',
    fixErrors: 'Veuillez vérifier les champs indiqués.',
    notSetUp: 'Ce formulaire est mal configuré. Veuillez communiquer directement avec l’entreprise.',
    // A narrow no-break space before ! keeps it on the name's line.
    thanks: (name: string) => `Merci, ${name}\u202f!`,
    back: (business: string) => (business ? `${business} vous répondra` : 'Nous vous répondrons') + ' sous peu.',
    copy: 'Nous vous avons envoyé une copie par courriel.',
    book: 'Prendre rendez-vous',
    open: 'Nous joindre',
    write: (business: string) => `Écrire à ${business}`,
    close: 'Fermer',
  },
} satisfies Record<Language, Record<string, string | ((value: string) => string)>>;

export type Strings = (typeof STRINGS)[Language];

/**
 * data-lang, else the page's <html lang> (fr-CA → fr), else the browser's: the first of them
 * that we speak decides, English when none does.
 */
export function resolveLanguage(explicit: string | null | undefined, pageLang: string, browserLang: string): Language {
  for (const candidate of [explicit, pageLang, browserLang]) {
    const language = candidate?.slice(0, 2).toLowerCase();
    if (language === 'fr' || language === 'en') return language;
  }
  return 'en';
}

/**
 * What the form says once a lead is sent: the heading, then its lines. The copy line only
 * when the server said an automatic reply will go (`emailCopy`): never a promise it cannot
 * keep.
 */
export function confirmation(t: Strings, name: string, business: string, emailCopy: boolean | undefined): string[] {
  return [t.thanks(name.trim().split(/\s/)[0]!), t.back(business), ...(emailCopy ? [t.copy] : [])];
}
