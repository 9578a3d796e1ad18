import type { Language } from '../../../../schema/vocabulary';

/**
 * The sentences a reply takes from the lead's situation rather than from the intent: an
 * urgency, a call-back request, the details they gave, how to reach them by phone.
 */
export interface SituationLines {
  urgentSubject: (business: string) => string;
  /** To someone in danger or with an urgent breakdown. */
  urgentHelp: string;
  /** To an upset lead whose message is not a complaint as such (a bill, a repair that failed). */
  concerned: string;
  /** An urgent request that is not an emergency: the truth is that the team sees it flagged. */
  flagged: { sales: string; other: string };
  /** A call-back request; `alone` when nothing else in the reply says the team will get back to them. */
  callback: (phone: string | null, alone: boolean) => string;
  details: (details: string[]) => string;
  /** The next step of someone who needs help now. */
  phoneGiven: (phone: string) => string;
  phoneWanted: string;
  /** The next step of someone who asked to be called without leaving a number. */
  callbackPhoneWanted: string;
}

const LINES: Record<Language, SituationLines> = {
  en: {
    urgentSubject: (business) => `Your urgent request — ${business}`,
    urgentHelp:
      'We understand this is urgent. Your message is flagged as urgent for our team, who will get back to you.',
    concerned: 'We are sorry for the trouble this has caused, and we take your message seriously.',
    flagged: {
      sales: 'We understand your timing is tight, so your request is flagged as urgent for our team.',
      other: 'Your message is flagged as urgent for our team.',
    },
    callback: (phone, alone) =>
      `We have noted your request for a call back${phone ? ` at ${phone}` : ''}${alone ? ', and a member of our team will get back to you' : ''}.`,
    details: (details) => `We have noted the details you gave us: ${details.join(', ')}.`,
    phoneGiven: (phone) =>
      `We will use the number you gave us, ${phone}, to reach you. If anything changes, simply reply to this email.`,
    phoneWanted: 'So we can call you, reply to this email with your phone number.',
    callbackPhoneWanted: 'So we can call you back, reply to this email with your phone number.',
  },
  fr: {
    urgentSubject: (business) => `Votre demande urgente — ${business}`,
    urgentHelp:
      'Nous comprenons que c’est urgent. Votre message est signalé comme urgent à notre équipe, qui communiquera avec vous.',
    concerned: 'Nous sommes désolés des ennuis que cela vous cause et nous prenons votre message au sérieux.',
    flagged: {
      sales: 'Nous comprenons que le temps presse : votre demande est signalée comme urgente à notre équipe.',
      other: 'Votre message est signalé comme urgent à notre équipe.',
    },
    callback: (phone, alone) =>
      `Nous avons bien noté votre demande de rappel${phone ? ` au ${phone}` : ''}${alone ? ', et une personne de notre équipe communiquera avec vous' : ''}.`,
    details: (details) => `Nous avons bien noté les précisions de votre message : ${details.join(', ')}.`,
    phoneGiven: (phone) =>
      `Nous utiliserons le numéro que vous nous avez laissé, le ${phone}, pour vous joindre. Si la situation change, répondez simplement à ce courriel.`,
    phoneWanted:
      'Pour que nous puissions vous appeler, répondez à ce courriel en nous indiquant votre numéro de téléphone.',
    callbackPhoneWanted:
      'Pour que nous puissions vous rappeler, répondez à ce courriel en nous indiquant votre numéro de téléphone.',
  },
};

export function linesFor(language: Language): SituationLines {
  return LINES[language];
}
