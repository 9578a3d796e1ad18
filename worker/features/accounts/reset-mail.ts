import type { Language } from '../../../schema/vocabulary';

/**
 * The password-reset email, in the language of the screen it was asked from (else the
 * account's). Plain text; the HTML part is made from it (mail/mime.ts `textToHtml`), which
 * escapes the business name and makes the link's line clickable. It says who it is for,
 * why it came, what the link does, how long it works, and what to do when nobody asked.
 */

export interface ResetMailInput {
  language: Language;
  businessName: string;
  /** The account's email, named so the reader knows which account it is about. */
  email: string;
  /** The dashboard's reset page, the token in its fragment. */
  link: string;
}

export interface ResetMailText {
  subject: string;
  body: string;
}

const WORDING = {
  en: {
    subject: 'Reset your Avenir password',
    greeting: (name: string) => `Hello ${name},`,
    why: (email: string) => `We received a request to reset the password of your Avenir dashboard account (${email}).`,
    action: 'To choose a new password, open this link:',
    expiry:
      'The link expires in 30 minutes and works only once. Choosing a new password signs out every device where your account is open.',
    ignore: 'If you did not ask for this, ignore this email: your password is unchanged.',
    signature: 'The Avenir team',
  },
  fr: {
    subject: 'Réinitialisez votre mot de passe Avenir',
    greeting: (name: string) => `Bonjour ${name},`,
    why: (email: string) =>
      `Nous avons reçu une demande de réinitialisation du mot de passe de votre compte du tableau de bord Avenir (${email}).`,
    action: 'Pour choisir un nouveau mot de passe, ouvrez ce lien :',
    expiry:
      'Le lien expire dans 30 minutes et ne fonctionne qu’une seule fois. Choisir un nouveau mot de passe ferme votre session sur tous les appareils où votre compte est ouvert.',
    ignore: 'Si vous n’avez rien demandé, ignorez ce courriel : votre mot de passe reste inchangé.',
    signature: 'L’équipe Avenir',
  },
} as const;

/** A name on one line: a line break in a stored name means a space here. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

export function composeResetMail({ language, businessName, email, link }: ResetMailInput): ResetMailText {
  const words = WORDING[language];
  return {
    subject: words.subject,
    body: [
      words.greeting(oneLine(businessName)),
      words.why(email),
      `${words.action}\n${link}`,
      words.expiry,
      words.ignore,
      words.signature,
    ].join('\n\n'),
  };
}

/** The link the mail carries: the token in the fragment, which browsers never send to a server or in a Referer. */
export const resetLink = (appUrl: string, token: string) => `${appUrl}/app/reset-password#token=${token}`;
