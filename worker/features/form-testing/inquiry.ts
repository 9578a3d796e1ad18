import type { Language } from '../../../schema/vocabulary';

/**
 * The message a form test sends: an honest question a new customer of that trade would
 * ask, in the site's language, signed by a real person of the operator. It claims nothing
 * false (no burst pipe, no invented address): it asks what any business should be able to
 * answer, so the reply it gets shows how the business answers a stranger.
 */

export interface Inquiry {
  language: Language;
  subject: string;
  message: string;
  senderName: string;
}

type Questions = Record<Language, readonly string[]>;

/** Two questions per trade and language; the prospect's id picks one, so a retest can differ. */
const QUESTIONS: Record<string, Questions> = {
  plumbing: {
    fr: [
      'Faites-vous le remplacement de chauffe-eau dans mon secteur, et quel est votre délai habituel pour une visite?',
      "Offrez-vous des soumissions pour la rénovation de la plomberie d'une salle de bain? J'aimerais connaître vos délais.",
    ],
    en: [
      'Do you replace water heaters in my area, and how soon can you usually come for a visit?',
      'Do you give quotes for redoing the plumbing of a bathroom? I would like to know your lead times.',
    ],
  },
  roofing: {
    fr: [
      "Faites-vous l'inspection et la réfection de toitures en bardeaux d'asphalte? Quel est votre délai pour une soumission?",
      'Réparez-vous les infiltrations autour des cheminées? J’aimerais savoir comment se passe une soumission.',
    ],
    en: [
      'Do you inspect and redo asphalt shingle roofs? How long does it take to get a quote?',
      'Do you repair leaks around chimneys? I would like to know how a quote works.',
    ],
  },
  electrical: {
    fr: [
      "Installez-vous des bornes de recharge pour véhicule électrique à domicile? J'aimerais connaître vos délais.",
      'Faites-vous la mise à niveau de panneaux électriques de 100 à 200 ampères? Quel est votre délai pour une soumission?',
    ],
    en: [
      'Do you install home charging stations for electric cars? I would like to know your lead times.',
      'Do you upgrade electrical panels from 100 to 200 amps? How long does a quote take?',
    ],
  },
  renovation: {
    fr: [
      'Prenez-vous des projets de rénovation de cuisine cette saison? Comment se passe une première rencontre?',
      'Faites-vous la finition de sous-sols? J’aimerais savoir quel est votre délai pour une soumission.',
    ],
    en: [
      'Are you taking kitchen renovation projects this season? How does a first meeting work?',
      'Do you finish basements? I would like to know how long a quote takes.',
    ],
  },
  hvac: {
    fr: [
      'Installez-vous des thermopompes murales, et offrez-vous un entretien annuel? Quel est votre délai?',
      "Faites-vous l'entretien de fournaises au gaz? J’aimerais connaître vos disponibilités.",
    ],
    en: [
      'Do you install wall-mounted heat pumps, and do you offer yearly maintenance? What are your lead times?',
      'Do you service gas furnaces? I would like to know your availability.',
    ],
  },
  landscaping: {
    fr: [
      "Faites-vous l'aménagement de cours arrière (pavé uni, plates-bandes)? Comment se passe une soumission?",
      'Offrez-vous l’entretien de pelouse pour la saison? J’aimerais connaître vos tarifs et vos délais.',
    ],
    en: [
      'Do you design backyards (pavers, flower beds)? How does a quote work?',
      'Do you offer seasonal lawn care? I would like to know your rates and lead times.',
    ],
  },
  snow_removal: {
    fr: [
      'Avez-vous encore de la place pour le déneigement résidentiel cet hiver? Quels sont vos tarifs?',
      'Déneigez-vous aussi les entrées en pavé uni? J’aimerais connaître vos conditions.',
    ],
    en: [
      'Do you still have room for residential snow removal this winter? What are your rates?',
      'Do you also clear paver driveways? I would like to know your terms.',
    ],
  },
  cleaning: {
    fr: [
      "Offrez-vous l'entretien ménager aux deux semaines pour un condo? Quels sont vos tarifs?",
      'Faites-vous le grand ménage après rénovation? J’aimerais connaître vos disponibilités.',
    ],
    en: [
      'Do you offer cleaning every two weeks for a condo? What are your rates?',
      'Do you do post-renovation cleaning? I would like to know your availability.',
    ],
  },
  dental: {
    fr: [
      'Acceptez-vous de nouveaux patients pour un examen et un nettoyage? Quel est le délai pour un premier rendez-vous?',
      'Offrez-vous les soins dentaires pour les enfants? J’aimerais savoir comment prendre un premier rendez-vous.',
    ],
    en: [
      'Are you accepting new patients for a check-up and cleaning? How soon is a first appointment?',
      'Do you see children? I would like to know how to book a first appointment.',
    ],
  },
  physiotherapy: {
    fr: [
      "Avez-vous des disponibilités en physiothérapie pour une douleur à l'épaule? Faut-il une prescription?",
      'Traitez-vous les blessures de course à pied? J’aimerais connaître le délai pour une première évaluation.',
    ],
    en: [
      'Do you have physiotherapy openings for shoulder pain? Is a referral needed?',
      'Do you treat running injuries? I would like to know how soon a first assessment is.',
    ],
  },
  massage_therapy: {
    fr: [
      'Avez-vous des disponibilités en massothérapie en soirée? Émettez-vous des reçus pour les assurances?',
      'Offrez-vous le massage thérapeutique pour les maux de dos? J’aimerais connaître vos disponibilités.',
    ],
    en: [
      'Do you have evening massage therapy openings? Do you issue receipts for insurance?',
      'Do you offer therapeutic massage for back pain? I would like to know your availability.',
    ],
  },
  accounting: {
    fr: [
      'Acceptez-vous de nouveaux clients travailleurs autonomes pour la déclaration de revenus? Quels sont vos honoraires?',
      'Faites-vous la tenue de livres pour une petite entreprise? J’aimerais savoir comment se passe une première rencontre.',
    ],
    en: [
      'Are you taking new self-employed clients for tax returns? What are your fees?',
      'Do you do bookkeeping for a small business? I would like to know how a first meeting works.',
    ],
  },
  law: {
    fr: [
      "Offrez-vous une première consultation pour la rédaction d'un testament? Quels sont vos honoraires?",
      'Traitez-vous les dossiers de bail commercial? J’aimerais savoir comment obtenir une première consultation.',
    ],
    en: [
      'Do you offer a first consultation for drafting a will? What are your fees?',
      'Do you handle commercial lease matters? I would like to know how to get a first consultation.',
    ],
  },
  auto_repair: {
    fr: [
      'Faites-vous la pose de pneus d’hiver et l’alignement? Quel est votre délai pour un rendez-vous?',
      "Faites-vous l'entretien des véhicules hybrides? J’aimerais connaître vos disponibilités.",
    ],
    en: [
      'Do you put on winter tires and do alignments? How soon can I get an appointment?',
      'Do you service hybrid vehicles? I would like to know your availability.',
    ],
  },
  real_estate: {
    fr: [
      "Offrez-vous l'évaluation gratuite d'une maison avant une mise en vente? Comment se passe une première rencontre?",
      'Accompagnez-vous les premiers acheteurs? J’aimerais savoir comment vous travaillez.',
    ],
    en: [
      'Do you offer a free home evaluation before listing? How does a first meeting work?',
      'Do you work with first-time buyers? I would like to know how you work.',
    ],
  },
  restaurant: {
    fr: [
      'Acceptez-vous les réservations de groupe de 12 personnes un vendredi soir? Avez-vous un menu de groupe?',
      'Offrez-vous des options sans gluten? J’aimerais réserver pour un petit groupe.',
    ],
    en: [
      'Do you take group reservations for 12 people on a Friday evening? Do you have a group menu?',
      'Do you have gluten-free options? I would like to book for a small group.',
    ],
  },
  catering: {
    fr: [
      'Faites-vous le traiteur pour un dîner de bureau de 25 personnes? Quel est votre délai pour une soumission?',
      'Offrez-vous des buffets pour les fêtes de famille? J’aimerais connaître vos menus et vos prix.',
    ],
    en: [
      'Do you cater an office lunch for 25 people? How long does a quote take?',
      'Do you offer buffets for family parties? I would like to know your menus and prices.',
    ],
  },
  hair_salon: {
    fr: [
      'Avez-vous des disponibilités pour une coupe et une coloration un samedi? Quels sont vos prix?',
      'Prenez-vous de nouvelles clientes pour les mèches? J’aimerais connaître vos disponibilités.',
    ],
    en: [
      'Do you have openings for a cut and colour on a Saturday? What are your prices?',
      'Are you taking new clients for highlights? I would like to know your availability.',
    ],
  },
  veterinary: {
    fr: [
      'Acceptez-vous de nouveaux patients (un chat de 3 ans) pour un examen annuel et des vaccins?',
      'Offrez-vous la stérilisation pour les chiens? J’aimerais connaître le délai pour un rendez-vous.',
    ],
    en: [
      'Are you accepting new patients (a 3-year-old cat) for a yearly exam and vaccines?',
      'Do you spay dogs? I would like to know how soon an appointment is.',
    ],
  },
  cabinetry: {
    fr: [
      'Fabriquez-vous des armoires de cuisine sur mesure? Quel est votre délai de fabrication?',
      'Faites-vous des meubles-lavabos sur mesure? J’aimerais savoir comment se passe une soumission.',
    ],
    en: [
      'Do you build custom kitchen cabinets? What is your production lead time?',
      'Do you make custom bathroom vanities? I would like to know how a quote works.',
    ],
  },
  moving: {
    fr: [
      'Faites-vous les déménagements locaux le 1er juillet? Comment se passe une soumission?',
      'Offrez-vous l’emballage en plus du transport? J’aimerais connaître vos tarifs.',
    ],
    en: [
      'Do you do local moves around July 1st? How does a quote work?',
      'Do you offer packing as well as the move? I would like to know your rates.',
    ],
  },
};

const GENERIC: Questions = {
  fr: [
    'J’aimerais en savoir plus sur vos services et vos délais habituels. Comment se passe une première demande?',
    'Pourriez-vous me dire quels sont vos tarifs et vos disponibilités dans les prochaines semaines?',
  ],
  en: [
    'I would like to know more about your services and your usual lead times. How does a first request work?',
    'Could you tell me your rates and your availability in the coming weeks?',
  ],
};

const SUBJECT: Record<Language, string> = { fr: 'Demande d’information', en: 'Information request' };
const GREETING: Record<Language, string> = { fr: 'Bonjour,', en: 'Hello,' };
const THANKS: Record<Language, string> = { fr: 'Merci et bonne journée!', en: 'Thank you, and have a good day!' };

/** A small, stable number from the prospect's id: the same prospect gets the same question. */
function pick(id: string, count: number): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % count;
}

export function composeInquiry(input: {
  prospectId: string;
  industry: string | null;
  language: Language;
  senderName: string;
}): Inquiry {
  const questions = (input.industry && QUESTIONS[input.industry]) || GENERIC;
  const options = questions[input.language];
  const question = options[pick(input.prospectId, options.length)]!;
  return {
    language: input.language,
    subject: SUBJECT[input.language],
    message: `${GREETING[input.language]}\n\n${question}\n\n${THANKS[input.language]}\n${input.senderName}`,
    senderName: input.senderName,
  };
}
