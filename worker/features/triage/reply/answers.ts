import type { IntentKey, Language } from '../../../../schema/vocabulary';

/** What an answer can draw on besides the intent. */
export interface AnswerContext {
  urgent: boolean;
  /** Details of the lead's message in their words ("à Laval", "environ 1200 pi2"), at most three. */
  details: string[];
  /** People or property may be in danger (gas, fire, water near electricity, an injured animal). */
  danger: boolean;
  /** The lead asked to be called back. */
  callback: boolean;
  /** The lead made a suggestion worth acknowledging. */
  suggestion: boolean;
}

export interface Answer {
  subject: (business: string, urgent: boolean) => string;
  /** The reply's core paragraphs. */
  paragraphs: (context: AnswerContext) => string[];
  /** The sentence that leads into the booking link; null when a booking link does not belong. */
  bookingInvite: string | null;
}

const noted = (language: Language, details: string[]) =>
  details.length === 0
    ? ''
    : language === 'fr'
      ? ` (nous avons noté : ${details.join(', ')})`
      : ` (we noted: ${details.join(', ')})`;

const ENGLISH: Record<IntentKey, Answer> = {
  quote_request: {
    subject: (business) => `Your quote request — ${business}`,
    paragraphs: ({ urgent, details }) => [
      `We will prepare a quote for your project${noted('en', details)}. If we need more information, such as measurements, photos or a quick visit, we will let you know.` +
        (urgent ? ' Since your date is close, we are making it a priority today.' : ''),
    ],
    bookingInvite: 'If you would rather talk it over, you can book a time with us here:',
  },
  service_inquiry: {
    subject: (business) => `Your question about our services — ${business}`,
    paragraphs: ({ urgent, details }) => [
      `Thank you for your interest in our services${noted('en', details)}. A member of our team will get back to you ${urgent ? 'today' : 'shortly'} with the details.`,
    ],
    bookingInvite: 'You can also book a time to discuss it with us here:',
  },
  booking_request: {
    subject: (business) => `Your appointment request — ${business}`,
    paragraphs: ({ urgent, details }) => [
      `We would be happy to set that up${noted('en', details)}.` +
        (urgent ? ' Since you need it soon, we will confirm a time with you today.' : ''),
    ],
    bookingInvite: 'The quickest way is to choose the time that suits you best here:',
  },
  support_request: {
    subject: (business, urgent) => (urgent ? `We’re on it today — ${business}` : `Your support request — ${business}`),
    paragraphs: ({ urgent, danger, details }) =>
      urgent
        ? [
            'We are on it today: someone from our team will contact you as soon as possible to take care of it.',
            ...(danger
              ? [
                  'If anyone is in danger (a gas smell, fire, smoke or water near electricity), leave the area and call 911 first.',
                ]
              : []),
          ]
        : [
            `We are sorry about the trouble${noted('en', details)}. A member of our team will look into it and get back to you shortly.`,
          ],
    bookingInvite: 'If it is easier, you can also book a visit or a call here:',
  },
  complaint: {
    subject: (business) => `About your experience with ${business}`,
    paragraphs: ({ urgent }) => [
      'We are sincerely sorry about your experience. This is not the service we want to give, and we take responsibility for making it right.',
      `A manager will personally review your message and contact you ${urgent ? 'today' : 'very soon'} to find a solution with you.`,
    ],
    bookingInvite: null,
  },
  billing: {
    subject: (business) => `Your billing question — ${business}`,
    paragraphs: ({ urgent }) => [
      `We will review your account and get back to you ${urgent ? 'today' : 'shortly'} with an explanation. If a correction is needed, we will send you an updated invoice.`,
    ],
    bookingInvite: null,
  },
  job_application: {
    subject: (business) => `Your application — ${business}`,
    paragraphs: () => [
      'Thank you for your interest in joining our team. We will review your application carefully and contact you if your profile matches our needs.',
    ],
    bookingInvite: null,
  },
  partnership: {
    subject: (business) => `Your partnership proposal — ${business}`,
    paragraphs: () => [
      'Thank you for thinking of us. We have received your proposal and will review it; if there is a fit, we will get back to you to discuss next steps.',
    ],
    bookingInvite: null,
  },
  vendor_pitch: {
    subject: (business) => `Your message to ${business}`,
    paragraphs: () => [
      'Thank you for your message. We have noted your offer and will contact you if it becomes relevant for us.',
    ],
    bookingInvite: null,
  },
  feedback: {
    subject: (business) => `Thank you from ${business}`,
    paragraphs: ({ suggestion }) => [
      'Thank you so much for taking the time to write to us. Your words mean a lot to our team, and we will share them with everyone.' +
        (suggestion ? ' We have also noted your suggestion.' : ''),
    ],
    bookingInvite: 'Whenever you are ready for your next visit, you can book it here:',
  },
  general_question: {
    subject: (business) => `Your question — ${business}`,
    paragraphs: ({ callback }) => [
      callback
        ? 'We have received your message and will call you back as soon as possible.'
        : 'We have received your question and a member of our team will answer you shortly.',
    ],
    bookingInvite: 'If you would like to meet with us, you can book a time here:',
  },
  spam: {
    subject: (business) => `Your message to ${business}`,
    paragraphs: () => ['We have received your message.'],
    bookingInvite: null,
  },
};

const FRENCH: Record<IntentKey, Answer> = {
  quote_request: {
    subject: (business) => `Votre demande de soumission — ${business}`,
    paragraphs: ({ urgent, details }) => [
      `Nous allons préparer une soumission pour votre projet${noted('fr', details)}. S’il nous manque des renseignements, comme des mesures, des photos ou une courte visite, nous vous le dirons.` +
        (urgent ? ' Comme votre date approche, nous en faisons une priorité aujourd’hui.' : ''),
    ],
    bookingInvite: 'Si vous préférez en discuter, vous pouvez prendre rendez-vous avec nous ici :',
  },
  service_inquiry: {
    subject: (business) => `Votre demande d’information — ${business}`,
    paragraphs: ({ urgent, details }) => [
      `Merci de l’intérêt que vous portez à nos services${noted('fr', details)}. Une personne de notre équipe vous répondra ${urgent ? 'aujourd’hui même' : 'sous peu'} avec tous les détails.`,
    ],
    bookingInvite: 'Vous pouvez aussi prendre rendez-vous pour en discuter ici :',
  },
  booking_request: {
    subject: (business) => `Votre demande de rendez-vous — ${business}`,
    paragraphs: ({ urgent, details }) => [
      `C’est avec plaisir que nous planifierons ce rendez-vous${noted('fr', details)}.` +
        (urgent ? ' Comme c’est pour bientôt, nous vous confirmerons une plage horaire aujourd’hui.' : ''),
    ],
    bookingInvite: 'Le plus simple est de choisir le moment qui vous convient ici :',
  },
  support_request: {
    subject: (business, urgent) =>
      urgent ? `Nous nous en occupons aujourd’hui — ${business}` : `Votre demande de soutien — ${business}`,
    paragraphs: ({ urgent, danger, details }) =>
      urgent
        ? [
            'Nous nous en occupons aujourd’hui même : une personne de notre équipe communiquera avec vous dès que possible pour régler la situation.',
            ...(danger
              ? [
                  'S’il y a un danger (odeur de gaz, feu, fumée ou eau près de l’électricité), quittez les lieux et appelez d’abord le 911.',
                ]
              : []),
          ]
        : [
            `Nous sommes désolés de cet inconvénient${noted('fr', details)}. Une personne de notre équipe va examiner la situation et vous répondra rapidement.`,
          ],
    bookingInvite: 'Si c’est plus simple pour vous, vous pouvez aussi réserver une visite ou un appel ici :',
  },
  complaint: {
    subject: (business) => `Au sujet de votre expérience avec ${business}`,
    paragraphs: ({ urgent }) => [
      'Nous sommes sincèrement désolés de votre expérience. Ce n’est pas le service que nous voulons offrir, et nous prenons la responsabilité de corriger la situation.',
      `Un responsable examinera personnellement votre message et communiquera avec vous ${urgent ? 'aujourd’hui même' : 'très bientôt'} pour trouver une solution avec vous.`,
    ],
    bookingInvite: null,
  },
  billing: {
    subject: (business) => `Votre question de facturation — ${business}`,
    paragraphs: ({ urgent }) => [
      `Nous allons vérifier votre dossier et vous répondre ${urgent ? 'aujourd’hui même' : 'sous peu'} avec une explication. Si une correction est nécessaire, nous vous enverrons une facture corrigée.`,
    ],
    bookingInvite: null,
  },
  job_application: {
    subject: (business) => `Votre candidature — ${business}`,
    paragraphs: () => [
      'Merci de votre intérêt à vous joindre à notre équipe. Nous examinerons votre candidature avec attention et communiquerons avec vous si votre profil correspond à nos besoins.',
    ],
    bookingInvite: null,
  },
  partnership: {
    subject: (business) => `Votre proposition de partenariat — ${business}`,
    paragraphs: () => [
      'Merci d’avoir pensé à nous. Nous avons bien reçu votre proposition et allons l’étudier; si elle nous convient, nous communiquerons avec vous pour en discuter.',
    ],
    bookingInvite: null,
  },
  vendor_pitch: {
    subject: (business) => `Votre message à ${business}`,
    paragraphs: () => [
      'Merci pour votre message. Nous avons pris note de votre offre et communiquerons avec vous si elle devient pertinente pour nous.',
    ],
    bookingInvite: null,
  },
  feedback: {
    subject: (business) => `Un grand merci de la part de ${business}`,
    paragraphs: ({ suggestion }) => [
      'Merci beaucoup d’avoir pris le temps de nous écrire. Vos mots font vraiment plaisir à notre équipe et nous allons les partager avec tout le monde.' +
        (suggestion ? ' Nous avons aussi pris bonne note de votre suggestion.' : ''),
    ],
    bookingInvite: 'Quand vous voudrez planifier votre prochaine visite, vous pourrez réserver ici :',
  },
  general_question: {
    subject: (business) => `Votre question — ${business}`,
    paragraphs: ({ callback }) => [
      callback
        ? 'Nous avons bien reçu votre message et nous vous rappellerons dès que possible.'
        : 'Nous avons bien reçu votre question et une personne de notre équipe vous répondra sous peu.',
    ],
    bookingInvite: 'Si vous souhaitez nous rencontrer, vous pouvez prendre rendez-vous ici :',
  },
  spam: {
    subject: (business) => `Votre message à ${business}`,
    paragraphs: () => ['Nous avons bien reçu votre message.'],
    bookingInvite: null,
  },
};

export function answerFor(language: Language, intent: IntentKey): Answer {
  return (language === 'fr' ? FRENCH : ENGLISH)[intent];
}
