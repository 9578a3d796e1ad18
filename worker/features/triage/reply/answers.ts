import type { IntentKey, Language } from '../../../../schema/vocabulary';
import type { AnswerBy } from './questions';

/**
 * What a reply says about each kind of request, in each language. It promises only what an
 * automatic reply can keep: that the team has the message and will get back to the lead. No
 * client setting says how fast, or who (a manager, a technician), so no sentence does.
 */
export interface AnswerContext {
  frustrated: boolean;
  suggestion: boolean;
  /** Feedback that criticises. */
  critical: boolean;
  callback: boolean;
}

export interface Answer {
  subject: (business: string) => string;
  /** What the team will do with the message. */
  paragraphs: (context: AnswerContext) => string[];
  /** The sentence that leads into the booking link; null where a calendar does not belong. */
  bookingInvite: string | null;
  /** What happens next, or what to send, when the reply has no booking link. */
  nextStep: string;
  /** Who answers the lead's questions. */
  answeredBy: AnswerBy;
}

const ENGLISH: Record<IntentKey, Answer> = {
  quote_request: {
    subject: (business) => `Your quote request — ${business}`,
    paragraphs: () => [
      'Our team will review your project and get back to you about a quote. If we need anything else, such as measurements, photos or a visit, we will ask.',
    ],
    bookingInvite: 'If you would rather talk it over, you can book a time with us here:',
    nextStep: 'If you have photos or measurements handy, you can reply to this email with them.',
    answeredBy: 'team',
  },
  service_inquiry: {
    subject: (business) => `Your question about our services — ${business}`,
    paragraphs: () => ['A member of our team will get back to you with the details.'],
    bookingInvite: 'You can also book a time to discuss it with us here:',
    nextStep: 'If there is anything you would like to add, simply reply to this email.',
    answeredBy: 'team',
  },
  booking_request: {
    subject: (business) => `Your appointment request — ${business}`,
    paragraphs: () => ['We would be glad to find a time that works for you.'],
    bookingInvite: 'The quickest way is to choose the time that suits you best here:',
    nextStep:
      'Our team will get back to you to confirm a time. If some days or times suit you better, simply reply to this email.',
    answeredBy: 'team',
  },
  support_request: {
    subject: (business) => `Your support request — ${business}`,
    // An upset lead is apologised to once, by the reply's concerned line.
    paragraphs: ({ frustrated }) => [
      `${frustrated ? '' : 'We are sorry about the trouble. '}A member of our team will look into it and get back to you.`,
    ],
    bookingInvite: 'If it is easier, you can also book a visit or a call here:',
    nextStep: 'If you can, reply to this email with a photo or a few more details; it will help our team.',
    answeredBy: 'team',
  },
  complaint: {
    subject: (business) => `About your experience with ${business}`,
    paragraphs: () => [
      'We are sincerely sorry about your experience. We take your message seriously: this is not the service we want to give, and we take responsibility for looking into what happened.',
      'Our team will review it and get back to you.',
    ],
    bookingInvite: null,
    nextStep:
      'If you would like to add anything, such as photos, your invoice number or the best way to reach you, simply reply to this email.',
    answeredBy: 'team',
  },
  billing: {
    subject: (business) => `Your billing question — ${business}`,
    paragraphs: () => ['Our team will review your account and get back to you with an explanation.'],
    bookingInvite: null,
    nextStep: 'If you have your invoice number handy, you can reply to this email with it.',
    answeredBy: 'team',
  },
  job_application: {
    subject: (business) => `Your application — ${business}`,
    paragraphs: () => [
      'We are glad you would like to join our team. We will review your application carefully and contact you if your profile matches our needs.',
    ],
    bookingInvite: null,
    nextStep: 'If you have not sent your CV yet, you can reply to this email with it attached.',
    answeredBy: 'with_application',
  },
  partnership: {
    subject: (business) => `Your partnership proposal — ${business}`,
    paragraphs: () => [
      'We have received your proposal and will review it; if there is a fit, we will get back to you to discuss next steps.',
    ],
    bookingInvite: null,
    nextStep: 'If you have a presentation or more details to share, you can reply to this email with them.',
    answeredBy: 'if_interested',
  },
  vendor_pitch: {
    subject: (business) => `Your message to ${business}`,
    paragraphs: () => ['We have noted your offer.'],
    bookingInvite: null,
    nextStep: 'There is no need to follow up: we will contact you if it becomes relevant for us.',
    answeredBy: 'if_interested',
  },
  feedback: {
    subject: (business) => `Thank you from ${business}`,
    paragraphs: ({ suggestion, critical }) => [
      (critical
        ? 'We will share your comments with our team so we can do better.'
        : 'Your words mean a lot to our team, and we will share them with everyone.') +
        (suggestion ? ' We have also noted your suggestion.' : ''),
    ],
    bookingInvite: 'Whenever you are ready for your next visit, you can book it here:',
    nextStep: 'If you would like to tell us more, simply reply to this email.',
    answeredBy: 'team',
  },
  general_question: {
    subject: (business) => `Your question — ${business}`,
    paragraphs: ({ callback }) =>
      callback ? [] : ['We have received your message, and a member of our team will get back to you.'],
    bookingInvite: 'If you would like to meet with us, you can book a time here:',
    nextStep: 'If there is anything you would like to add, simply reply to this email.',
    answeredBy: 'team',
  },
  spam: {
    subject: (business) => `Your message to ${business}`,
    paragraphs: () => ['We have received your message.'],
    bookingInvite: null,
    nextStep: 'If you need anything else, simply reply to this email.',
    answeredBy: 'team',
  },
};

const FRENCH: Record<IntentKey, Answer> = {
  quote_request: {
    subject: (business) => `Votre demande de soumission — ${business}`,
    paragraphs: () => [
      'Notre équipe va étudier votre projet et communiquera avec vous au sujet de la soumission. S’il nous manque des renseignements, comme des mesures, des photos ou une courte visite, nous vous le dirons.',
    ],
    bookingInvite: 'Si vous préférez en discuter, vous pouvez prendre rendez-vous avec nous ici :',
    nextStep:
      'Si vous avez des photos ou des mesures sous la main, vous pouvez nous les envoyer en répondant à ce courriel.',
    answeredBy: 'team',
  },
  service_inquiry: {
    subject: (business) => `Votre demande d’information — ${business}`,
    paragraphs: () => ['Une personne de notre équipe communiquera avec vous pour vous donner tous les détails.'],
    bookingInvite: 'Vous pouvez aussi prendre rendez-vous pour en discuter ici :',
    nextStep: 'Si vous souhaitez ajouter quoi que ce soit, répondez simplement à ce courriel.',
    answeredBy: 'team',
  },
  booking_request: {
    subject: (business) => `Votre demande de rendez-vous — ${business}`,
    paragraphs: () => ['C’est avec plaisir que nous trouverons un moment qui vous convient.'],
    bookingInvite: 'Le plus simple est de choisir la plage horaire de votre choix ici :',
    nextStep:
      'Notre équipe communiquera avec vous pour confirmer une plage horaire. Si certains jours ou certaines heures vous conviennent mieux, répondez simplement à ce courriel.',
    answeredBy: 'team',
  },
  support_request: {
    subject: (business) => `Votre demande de soutien — ${business}`,
    paragraphs: ({ frustrated }) => [
      `${frustrated ? '' : 'Nous sommes désolés de cet inconvénient. '}Une personne de notre équipe va examiner la situation et communiquera avec vous.`,
    ],
    bookingInvite: 'Si c’est plus simple pour vous, vous pouvez aussi réserver une visite ou un appel ici :',
    nextStep: 'Si possible, répondez à ce courriel avec une photo ou quelques précisions : cela aidera notre équipe.',
    answeredBy: 'team',
  },
  complaint: {
    subject: (business) => `Au sujet de votre expérience avec ${business}`,
    paragraphs: () => [
      'Nous sommes sincèrement désolés de votre expérience. Nous prenons votre message très au sérieux : ce n’est pas le service que nous voulons offrir, et nous prenons la responsabilité de faire la lumière sur ce qui s’est passé.',
      'Notre équipe va examiner la situation et communiquera avec vous.',
    ],
    bookingInvite: null,
    nextStep:
      'Si vous souhaitez ajouter quoi que ce soit, comme des photos, votre numéro de facture ou le meilleur moyen de vous joindre, répondez simplement à ce courriel.',
    answeredBy: 'team',
  },
  billing: {
    subject: (business) => `Votre question de facturation — ${business}`,
    paragraphs: () => [
      'Notre équipe va vérifier votre dossier et communiquera avec vous pour vous donner une explication.',
    ],
    bookingInvite: null,
    nextStep:
      'Si vous avez votre numéro de facture sous la main, vous pouvez nous le transmettre en répondant à ce courriel.',
    answeredBy: 'team',
  },
  job_application: {
    subject: (business) => `Votre candidature — ${business}`,
    paragraphs: () => [
      'Nous sommes heureux que vous souhaitiez vous joindre à notre équipe. Nous examinerons votre candidature avec attention et communiquerons avec vous si votre profil correspond à nos besoins.',
    ],
    bookingInvite: null,
    nextStep: 'Si ce n’est pas déjà fait, vous pouvez répondre à ce courriel en y joignant votre CV.',
    answeredBy: 'with_application',
  },
  partnership: {
    subject: (business) => `Votre proposition de partenariat — ${business}`,
    paragraphs: () => [
      'Nous avons bien reçu votre proposition et allons l’étudier; si elle nous convient, nous communiquerons avec vous pour en discuter.',
    ],
    bookingInvite: null,
    nextStep:
      'Si vous avez une présentation ou d’autres détails à nous transmettre, vous pouvez simplement répondre à ce courriel.',
    answeredBy: 'if_interested',
  },
  vendor_pitch: {
    subject: (business) => `Votre message à ${business}`,
    paragraphs: () => ['Nous avons pris note de votre offre.'],
    bookingInvite: null,
    nextStep: 'Inutile de faire un suivi : nous communiquerons avec vous si elle devient pertinente pour nous.',
    answeredBy: 'if_interested',
  },
  feedback: {
    subject: (business) => `Un grand merci de la part de ${business}`,
    paragraphs: ({ suggestion, critical }) => [
      (critical
        ? 'Nous transmettrons vos commentaires à notre équipe afin de nous améliorer.'
        : 'Vos mots font vraiment plaisir à notre équipe et nous allons les partager avec tout le monde.') +
        (suggestion ? ' Nous avons aussi pris bonne note de votre suggestion.' : ''),
    ],
    bookingInvite: 'Quand vous voudrez planifier votre prochaine visite, vous pourrez réserver ici :',
    nextStep: 'Si vous souhaitez nous en dire plus, répondez simplement à ce courriel.',
    answeredBy: 'team',
  },
  general_question: {
    subject: (business) => `Votre question — ${business}`,
    paragraphs: ({ callback }) =>
      callback ? [] : ['Nous avons bien reçu votre message, et une personne de notre équipe communiquera avec vous.'],
    bookingInvite: 'Si vous souhaitez nous rencontrer, vous pouvez prendre rendez-vous ici :',
    nextStep: 'Si vous souhaitez ajouter quoi que ce soit, répondez simplement à ce courriel.',
    answeredBy: 'team',
  },
  spam: {
    subject: (business) => `Votre message à ${business}`,
    paragraphs: () => ['Nous avons bien reçu votre message.'],
    bookingInvite: null,
    nextStep: 'Pour toute autre demande, répondez simplement à ce courriel.',
    answeredBy: 'team',
  },
};

export function answerFor(language: Language, intent: IntentKey): Answer {
  return (language === 'fr' ? FRENCH : ENGLISH)[intent];
}
