import type { EmailTone, Language } from '../../../../schema/vocabulary';
import type { Addressee } from './addressee';
import type { Register } from './situation';

/**
 * The frame of a reply in one tone: how it greets, opens, closes and signs. Every part
 * depends on the register too: an energetic business does not cheer at a complaint or a gas
 * leak, and no voice presumes the lead has written before (the reply cannot know).
 */
export interface Voice {
  greeting(to: Addressee, register: Register): string;
  opening(business: string, register: Register): string;
  /** A line that carries the tone's momentum to someone who wants to buy or book; empty otherwise. */
  momentum(register: Register): string;
  /** The invitation to reply; left out when the next step already invites one. */
  closing(register: Register): string;
  signOff(to: Addressee, register: Register): string;
}

const serious = (register: Register) => register === 'concerned' || register === 'urgent';

const VOICES: Record<Language, Record<EmailTone, Voice>> = {
  en: {
    Professional: {
      greeting: (to) => (to.first ? `Hello ${to.first},` : 'Hello,'),
      opening: (business, register) =>
        register === 'concerned'
          ? `Thank you for telling ${business} about this.`
          : register === 'urgent'
            ? `Thank you for alerting ${business}.`
            : `Thank you for contacting ${business}.`,
      momentum: () => '',
      closing: (register) =>
        serious(register)
          ? 'If anything changes in the meantime, simply reply to this email.'
          : 'If you have any questions in the meantime, simply reply to this email.',
      signOff: () => 'Best regards,',
    },
    Friendly: {
      greeting: (to, register) =>
        serious(register) ? (to.first ? `Hi ${to.first},` : 'Hi,') : to.first ? `Hi ${to.first}!` : 'Hi there!',
      opening: (business, register) =>
        register === 'concerned'
          ? `Thank you for writing to ${business} and telling us about this.`
          : register === 'urgent'
            ? `Thanks for alerting ${business}.`
            : `Thanks so much for reaching out to ${business}.`,
      momentum: () => '',
      closing: (register) =>
        serious(register)
          ? 'If anything comes up, just reply to this email.'
          : 'Don’t hesitate to reply to this email if anything comes up. We’re happy to help!',
      signOff: (_, register) => (serious(register) ? 'Take care,' : 'Have a great day,'),
    },
    Formal: {
      greeting: (to) => (to.full ? `Dear ${to.full},` : 'Dear Sir or Madam,'),
      opening: (business, register) =>
        serious(register)
          ? `We acknowledge receipt of your message and thank you for bringing this matter to the attention of ${business}.`
          : `We acknowledge receipt of your message and thank you for writing to ${business}.`,
      momentum: () => '',
      closing: () => 'Please do not hesitate to contact us should you require any further information.',
      signOff: () => 'Yours sincerely,',
    },
    Energetic: {
      greeting: (to, register) =>
        serious(register) ? (to.first ? `Hi ${to.first},` : 'Hi,') : to.first ? `Hey ${to.first}!` : 'Hey there!',
      opening: (business, register) =>
        register === 'concerned'
          ? `Thank you for telling ${business} about this.`
          : register === 'urgent'
            ? `Thank you for alerting ${business}.`
            : register === 'sales'
              ? `Thanks for reaching out to ${business}! We’d love to help.`
              : `Thanks for reaching out to ${business}!`,
      momentum: (register) => (register === 'sales' ? 'Let’s make it happen!' : ''),
      closing: (register) =>
        serious(register)
          ? 'If anything changes, just reply to this email.'
          : 'Got a question? Just hit reply, we’re right here.',
      signOff: (_, register) => (serious(register) ? 'All the best,' : 'Cheers,'),
    },
  },
  fr: {
    Professional: {
      greeting: (to) => (to.first ? `Bonjour ${to.first},` : 'Bonjour,'),
      opening: (business, register) =>
        register === 'concerned'
          ? `Merci d’avoir pris le temps d’écrire à ${business} à ce sujet.`
          : register === 'urgent'
            ? `Merci d’avoir avisé ${business}.`
            : `Merci d’avoir communiqué avec ${business}.`,
      momentum: () => '',
      closing: (register) =>
        serious(register)
          ? 'Si la situation change d’ici là, répondez simplement à ce courriel.'
          : 'Pour toute question d’ici là, répondez simplement à ce courriel.',
      signOff: () => 'Cordialement,',
    },
    Friendly: {
      greeting: (to, register) =>
        serious(register)
          ? to.first
            ? `Bonjour ${to.first},`
            : 'Bonjour,'
          : to.first
            ? `Bonjour ${to.first}!`
            : 'Bonjour!',
      opening: (business, register) =>
        register === 'concerned'
          ? `Merci d’avoir pris le temps d’écrire à ${business} pour nous en parler.`
          : register === 'urgent'
            ? `Merci d’avoir avisé ${business}.`
            : `Merci beaucoup d’avoir écrit à ${business}.`,
      momentum: () => '',
      closing: (register) =>
        serious(register)
          ? 'Si quoi que ce soit change, répondez simplement à ce courriel.'
          : 'N’hésitez surtout pas à répondre à ce courriel si vous avez la moindre question. Ça nous fera plaisir de vous aider!',
      signOff: (_, register) => (serious(register) ? 'Bien à vous,' : 'Bonne journée,'),
    },
    Formal: {
      // "Bonjour Madame Tremblay" would guess a gender; the full name does not.
      greeting: (to) => (to.full ? `Bonjour ${to.full},` : 'Madame, Monsieur,'),
      opening: (business, register) =>
        serious(register)
          ? `Nous accusons réception de votre message et vous remercions d’avoir porté cette situation à l’attention de ${business}.`
          : `Nous accusons réception de votre message et vous remercions d’avoir écrit à ${business}.`,
      momentum: () => '',
      closing: () => 'Nous demeurons à votre entière disposition pour tout renseignement supplémentaire.',
      signOff: (to) =>
        to.full
          ? 'Veuillez agréer l’expression de nos salutations distinguées.'
          : 'Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
    },
    Energetic: {
      greeting: (to, register) =>
        serious(register)
          ? to.first
            ? `Bonjour ${to.first},`
            : 'Bonjour,'
          : to.first
            ? `Bonjour ${to.first}!`
            : 'Bonjour!',
      opening: (business, register) =>
        register === 'concerned'
          ? `Merci d’avoir pris le temps d’écrire à ${business} à ce sujet.`
          : register === 'urgent'
            ? `Merci d’avoir avisé ${business}.`
            : `Merci d’avoir pensé à ${business}!`,
      momentum: (register) => (register === 'sales' ? 'On a bien hâte de vous aider!' : ''),
      closing: (register) =>
        serious(register)
          ? 'Si quoi que ce soit change, répondez simplement à ce courriel.'
          : 'Une question? Répondez simplement à ce courriel, on est là!',
      signOff: (_, register) => (serious(register) ? 'Merci,' : 'Au plaisir!'),
    },
  },
};

export function voiceOf(language: Language, tone: EmailTone): Voice {
  return VOICES[language][tone];
}
