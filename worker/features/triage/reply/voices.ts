import type { EmailTone, Language } from '../../../../schema/vocabulary';

/** Who the reply speaks to, as each voice needs it. */
export interface Addressee {
  /** "Julie", or an organisation's name; null when the name field was unusable. */
  first: string | null;
  /** "Julie Tremblay"; null when unusable. */
  full: string | null;
}

/**
 * The frame of a reply in one tone: how it greets, opens, closes and signs. `serious` is set
 * for complaints and emergencies, where even an energetic business does not cheer.
 */
export interface Voice {
  greeting(to: Addressee, serious: boolean): string;
  opening(business: string, serious: boolean): string;
  /** A line that carries the tone's momentum after the answer; empty when the tone has none. */
  momentum(serious: boolean): string;
  closing: string;
  signOff: string;
}

const VOICES: Record<Language, Record<EmailTone, Voice>> = {
  en: {
    Professional: {
      greeting: (to) => (to.first ? `Hello ${to.first},` : 'Hello,'),
      opening: (business) => `Thank you for contacting ${business}.`,
      momentum: () => '',
      closing: 'If you have any questions in the meantime, simply reply to this email.',
      signOff: 'Best regards,',
    },
    Friendly: {
      greeting: (to) => (to.first ? `Hi ${to.first}!` : 'Hi there!'),
      opening: (business, serious) =>
        serious
          ? `Thanks for reaching out to us at ${business}, and for telling us right away.`
          : `Thanks so much for reaching out to us at ${business}, it’s always nice to hear from you.`,
      momentum: () => '',
      closing: 'Don’t hesitate to reply to this email if anything comes up. We’re happy to help!',
      signOff: 'Have a great day,',
    },
    Formal: {
      greeting: (to) => (to.full ? `Dear ${to.full},` : 'Dear Sir or Madam,'),
      opening: (business) => `We acknowledge receipt of your message and thank you for writing to ${business}.`,
      momentum: () => '',
      closing: 'Please do not hesitate to contact us should you require any further information.',
      signOff: 'Yours sincerely,',
    },
    Energetic: {
      greeting: (to, serious) =>
        serious
          ? to.first
            ? `Hi ${to.first},`
            : 'Hi,'
          : `Hi${to.first ? ` ${to.first}` : ''}, great to hear from you!`,
      opening: (business, serious) =>
        serious
          ? `Thanks for letting ${business} know right away. We’re jumping on this.`
          : `Thanks for reaching out to ${business}! We’re excited to help.`,
      momentum: (serious) => (serious ? 'We’ll keep you posted every step of the way.' : 'Let’s make it happen!'),
      closing: 'Got a question? Just hit reply, we’re right here.',
      signOff: 'Cheers,',
    },
  },
  fr: {
    Professional: {
      greeting: (to) => (to.first ? `Bonjour ${to.first},` : 'Bonjour,'),
      opening: (business) => `Merci d’avoir communiqué avec ${business}.`,
      momentum: () => '',
      closing: 'Pour toute question d’ici là, répondez simplement à ce courriel.',
      signOff: 'Cordialement,',
    },
    Friendly: {
      greeting: (to) => (to.first ? `Bonjour ${to.first}!` : 'Bonjour!'),
      opening: (business, serious) =>
        serious
          ? `Merci d’avoir écrit à ${business} et de nous avoir avertis rapidement.`
          : `Merci beaucoup d’avoir écrit à ${business}, ça nous fait toujours plaisir d’avoir de vos nouvelles.`,
      momentum: () => '',
      closing: 'N’hésitez surtout pas à répondre à ce courriel si vous avez la moindre question. Au plaisir!',
      signOff: 'Bonne journée,',
    },
    Formal: {
      greeting: () => 'Madame, Monsieur,',
      opening: (business) => `Nous accusons réception de votre message et vous remercions d’avoir écrit à ${business}.`,
      momentum: () => '',
      closing: 'Nous demeurons à votre entière disposition pour tout renseignement supplémentaire.',
      signOff: 'Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
    },
    Energetic: {
      greeting: (to, serious) =>
        serious
          ? to.first
            ? `Bonjour ${to.first},`
            : 'Bonjour,'
          : `Bonjour${to.first ? ` ${to.first}` : ''}, quel plaisir de vous lire!`,
      opening: (business, serious) =>
        serious
          ? `Merci d’avoir avisé ${business} aussi vite. On s’en occupe tout de suite.`
          : `Merci d’avoir pensé à ${business}! On a bien hâte de vous aider.`,
      momentum: (serious) => (serious ? 'On vous tient au courant à chaque étape.' : 'On passe à l’action!'),
      closing: 'Une question? Répondez simplement à ce courriel, on est là!',
      signOff: 'À très bientôt!',
    },
  },
};

export function voiceOf(language: Language, tone: EmailTone): Voice {
  return VOICES[language][tone];
}
