import type { SpeedClaim, UncoveredTopic } from './first-line-reasons';

/**
 * The words the first-line checker (first-line-check.ts) reads claims by, in English and
 * French: tools and products, dates and durations, the form test's answer (replies,
 * silences, waits, speeds), and the topics the facts do not cover. Every list is matched on
 * text folded to lower case without accents, so they are written that way. Pure data.
 */

/**
 * The tools the site analysis detects (prospects' site-evidence keys), with the names a line
 * may call them by; the first is how the engine is told it.
 */
export const TOOL_NAMES: Readonly<Record<string, readonly string[]>> = {
  // Booking tools.
  calendly: ['Calendly'],
  gorendezvous: ['GoRendezvous', 'Go Rendez-vous'],
  janeapp: ['Jane App', 'Jane'],
  square: ['Square Appointments', 'Square'],
  acuity: ['Acuity Scheduling', 'Acuity'],
  setmore: ['Setmore'],
  booksy: ['Booksy'],
  simplybook: ['SimplyBook.me', 'SimplyBook'],
  cliniko: ['Cliniko'],
  mindbody: ['Mindbody'],
  fresha: ['Fresha'],
  housecallpro: ['Housecall Pro', 'Housecall'],
  jobber: ['Jobber'],
  zoho: ['Zoho Bookings', 'Zoho'],
  'google-calendar': ['Google Calendar', 'Google Agenda', 'Google'],
  // Chat widgets.
  tawk: ['Tawk.to', 'Tawk'],
  intercom: ['Intercom'],
  crisp: ['Crisp'],
  tidio: ['Tidio'],
  hubspot: ['HubSpot'],
  messenger: ['Facebook Messenger', 'Messenger', 'Facebook'],
  livechat: ['LiveChat'],
  drift: ['Drift'],
  zendesk: ['Zendesk'],
  olark: ['Olark'],
};

/** Products a line might name that no site fact ever holds: named, they are invented. */
export const OTHER_PRODUCTS: readonly string[] = [
  'ChatGPT',
  'OpenAI',
  'Zapier',
  'Salesforce',
  'WhatsApp',
  'Instagram',
  'Wix',
  'Shopify',
  'WordPress',
  'Squarespace',
  'GoDaddy',
  'Mailchimp',
  'Gmail',
  'Outlook',
  'Vagaro',
  'OpenTable',
  'Resy',
  'Yelp',
  'Trustpilot',
];

/** Names that are also common words: counted as a product only when capitalised. */
export const AMBIGUOUS_PRODUCTS = new Set(['square', 'jane', 'crisp', 'drift', 'messenger', 'google', 'outlook']);

export const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan', 'janvier', 'janv'],
  ['february', 'feb', 'fevrier', 'fevr'],
  ['march', 'mar', 'mars'],
  ['april', 'apr', 'avril'],
  ['may', 'mai'],
  ['june', 'jun', 'juin'],
  ['july', 'jul', 'juillet', 'juil'],
  ['august', 'aug', 'aout'],
  ['september', 'sept', 'sep', 'septembre'],
  ['october', 'oct', 'octobre'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'decembre'],
];

/** Month names too short or too common to be read as a month without a day beside them ("may" is a verb). */
export const MONTHS_NOT_ALONE = new Set(
  'jan janv feb fevr mar apr may jun jul juil aug sep sept oct nov dec'.split(' '),
);

/** Sunday first, as Date.getDay counts. */
export const WEEKDAYS: readonly (readonly string[])[] = [
  ['sunday', 'dimanche'],
  ['monday', 'lundi'],
  ['tuesday', 'mardi'],
  ['wednesday', 'mercredi'],
  ['thursday', 'jeudi'],
  ['friday', 'vendredi'],
  ['saturday', 'samedi'],
];

/** Days relative to now: true when the email was written, false by the time it is read. */
export const RELATIVE_DAYS =
  /\b(?:yesterday|today|tomorrow|tonight|this (?:morning|afternoon|week)|last (?:week|month|night)|hier|aujourd'hui|demain|ce matin|cet apres-midi|cette semaine|la semaine (?:derniere|passee)|le mois (?:dernier|passe))\b/;

/**
 * Spelled numbers and their values. Left out: "one", "un", "une" (pronouns and articles far
 * more often) and "neuf" (new, as often as nine).
 */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  thousand: 1000,
  dozen: 12,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  dix: 10,
  onze: 11,
  douze: 12,
  quinze: 15,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  cent: 100,
  mille: 1000,
  douzaine: 12,
};

/** Durations' units in minutes. `h` and `min` count only after digits ("26 h", "12 min"). */
export const DURATION_UNITS: Readonly<Record<string, number>> = {
  second: 1 / 60,
  seconds: 1 / 60,
  seconde: 1 / 60,
  secondes: 1 / 60,
  minute: 1,
  minutes: 1,
  min: 1,
  mins: 1,
  hour: 60,
  hours: 60,
  hr: 60,
  hrs: 60,
  heure: 60,
  heures: 60,
  h: 60,
  day: 1440,
  days: 1440,
  jour: 1440,
  jours: 1440,
  journee: 1440,
  journees: 1440,
  week: 10_080,
  weeks: 10_080,
  semaine: 10_080,
  semaines: 10_080,
  month: 43_200,
  months: 43_200,
  mois: 43_200,
  year: 525_600,
  years: 525_600,
  an: 525_600,
  ans: 525_600,
  annee: 525_600,
  annees: 525_600,
};

/** What a duration's quantity may be when spelled. */
export const QUANTITY_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  un: 1,
  une: 1,
  ...NUMBER_WORDS,
};

/** Vague quantities ("a few days"): true of a fact from 2 to 9 of the unit. */
export const VAGUE_QUANTITIES = ['a few', 'a couple of', 'several', 'quelques', 'plusieurs'];

/** Words before a duration that change what it claims. */
export const DURATION_QUALIFIERS: Readonly<Record<string, 'more' | 'less' | 'almost' | 'about'>> = {
  'more than': 'more',
  over: 'more',
  'upwards of': 'more',
  'at least': 'more',
  'plus de': 'more',
  'au moins': 'more',
  'au-dela de': 'more',
  'less than': 'less',
  under: 'less',
  'in under': 'less',
  within: 'less',
  'moins de': 'less',
  'en moins de': 'less',
  almost: 'almost',
  nearly: 'almost',
  presque: 'almost',
  'pres de': 'almost',
  about: 'about',
  around: 'about',
  roughly: 'about',
  approximately: 'about',
  environ: 'about',
  'a peu pres': 'about',
};

/** Sales words a first line never needs: hype, pressure, offers. */
export const SALES_WORDS =
  /\b(?:free|guaranteed?|act now|limited[- ]time|amazing|incredible|revolutionary|game[- ]chang(?:er|ing)|skyrocket\w*|supercharge\w*|boost(?:s|ed|ing)?|10x|best[- ]in[- ]class|cutting[- ]edge|unbeatable|don't miss|exclusive (?:offer|deal)|special offer|risk[- ]free|no obligation|click here|gratuit(?:e|s|es)?|garanti(?:e|s|es)?|offre (?:exclusive|speciale|limitee)|incroyable|revolutionnaire|exceptionnel(?:le)?s?|ne manquez pas|profitez|sans engagement|sans risque|imbattable|explos\w*|cliquez ici|a ne pas manquer)\b/;

/**
 * Frequent function words of one language that the other rarely writes; the language check
 * counts them. Words both share ("on", "a", "me", "client") are left out on purpose.
 */
export const ENGLISH_WORDS = new Set(
  (
    'the and to of your you we our is are was were with for that this it in at an by from but has have had not ' +
    'can could would they their when what after before without through i my me us who which as its'
  ).split(' '),
);
export const FRENCH_WORDS = new Set(
  (
    'le la les des du de un une et est vous votre vos nous notre nos pour avec dans sur que qui pas sans par au ' +
    'aux en ce cette ces son sa ses ete apres j l d qu n ai avez avons mais ou tres je il elle ils leur'
  ).split(' '),
);

/**
 * Common words a sentence opens with. A sentence's capitalised first word that is none of
 * these (nor a function word) may be a name ("Marc from your team…"), so it is refused too.
 */
export const OPENERS = new Set(
  (
    'on in at when while after before since last this these those there here as if so during over under within ' +
    'about almost nearly more less just only even every each most many some no yes thanks customers customer ' +
    'clients anyone someone people visitors writing booking asking trying getting reaching earlier recently ' +
    'how why who where checking looking reading testing having sending filling answering waiting once ' +
    'l j je mon ma mes sans durant lorsque quand si comme cet chez entre vers tout tous toute toutes chaque ' +
    'plusieurs quelques aucun aucune client clients ayant voici c s merci depuis pendant lors ici'
  ).split(' '),
);

// --- the form test's answer: replies, silences, speeds ------------------------------------
//
// Read on the folded, lower-case line. Sources, not patterns: first-line-check.ts wraps each
// in word boundaries (`claimPattern`).

/**
 * Words that say the team answered (or called, wrote, got back): in a line they claim an
 * answer came, unless they are part of a silence ("never answered", "sans réponse") or of a
 * wait ("they wait for your answer", "attendre votre réponse"), which claim none.
 */
export const REPLY_WORDS = [
  // English.
  'answer(?:s|ed|ing)?',
  'repl(?:y|ies|ied|ying)',
  'respond(?:s|ed|ing)?',
  'responses?',
  'callbacks?',
  '(?:wrote|write|writes|writing|written) (?:me |us )?back',
  '(?:got|get|gets|getting|gotten|came|come|comes|coming|circled) back to (?:me|us)',
  '(?:got|get|gets|getting|gotten) back',
  '(?:heard|hear|hears|hearing) back',
  '(?:heard|hear|hears|hearing) from (?:you|your team|the team|them|someone|anyone)',
  '(?:called|call|calls|calling|rang|ring|phoned|phone) (?:me |us )?back',
  'returned my (?:call|message|email|inquiry|request)',
  'follow(?:ed|s|ing)?[- ]up',
  'reached (?:back )?out to (?:me|us)',
  'contacted (?:me|us)',
  'got in touch',
  'back to me',
  "received (?:your|a|an|their|the team's) (?:message|email|note|call)",
  '(?:message|email|note)s? (?:came|arrived|reached me)',
  'took care of (?:my|the|our) (?:request|inquiry|question|message)',
  // French.
  'repond(?:u|ue|us|ues|re|s|ez|ent|ait|aient|ra|rait|iez|e|ons)?',
  'reponses?',
  'rappel(?:e|ee|es|ees|er|ez|ait|aient|le|lera|leront|lerait|ant)?',
  '(?:revenue?s?|revenir|revenez|reviendra) (?:vers moi|vers nous|aupres de moi)',
  'recontacte(?:e|s|es|r|z)?',
  '(?:donne|donner|donnez|fait|faire) suite',
  "(?:m'a|m'avez|m'ont|nous a|nous avez|nous ont) (?:ecrit|reecrit|contactee?|joint|jointe)",
  'retours?',
  'suivi',
  '(?:recu|eu|obtenu) (?:votre|un|leur|le) (?:courriel|message|appel|mot)',
  '(?:courriel|message)s? (?:est|sont) arrivee?s?',
  "(?:courriel|message)s? (?:m'est|nous est) parvenu",
  "(?:s'est|se sont) occupee?s? de ma demande",
  'pris en charge',
];

/** Negations that, a few filler words before a reply word, make it a silence: "never got a reply". */
export const NEGATIONS = [
  "n't",
  'no',
  'never',
  'not',
  'nobody',
  'nothing',
  'none',
  'without',
  'aucun',
  'aucune',
  'pas',
  'jamais',
  'personne',
  'sans',
  'rien',
  'ni',
];

/** The words a negation may reach over to its reply word ("not had any answer", "pas eu de réponse"). */
export const NEGATION_FILLERS = (
  'a an any the one single me us i we you your them their anyone someone anybody team it get got gotten receive ' +
  "received have had has hear heard been yet ever even from back de d' un une la le les l' votre vos leur leurs " +
  "vous m' m'a m'avez m'ont n'a n'ai n'avez n'ont n'avais ne n' a ai avez ont eu recu recue obtenu encore toujours " +
  "jamais pas aucun aucune ete part equipe d'une d'un nous m'en n'en"
).split(' ');

/** Silences that need no reply word. A reply word may follow them ("still waiting for an answer"). */
export const SILENCE_WORDS = [
  'unanswered',
  'went (?:silent|quiet|unanswered)',
  'radio silence',
  'silence radio',
  'silence',
  'silent',
  'still waiting',
  'heard nothing(?: back)?',
  'nothing back',
  'no word',
  'no news',
  'not a word',
  'not a peep',
  'ghosted',
  'sans nouvelles?',
  'aucune nouvelle',
  'aucun signe de vie',
  'rien recu',
  'rien eu',
  'lettre morte',
  'sans suite',
  'toujours en attente',
  "j'attends (?:encore|toujours)",
  'attends (?:encore|toujours)',
];

/** The words between a silence and the reply word it may take ("still waiting for an answer"). */
export const SILENCE_LINKS = "for to of from on an a the your their any de d'une d'un votre une la le leur".split(' ');

/** Waiting or wanting, which claims no answer came: "they wait for your answer", "attendre votre réponse". */
export const WAITING_WORDS = [
  'wait(?:s|ed|ing)?',
  'await(?:s|ed|ing)?',
  'expect(?:s|ed|ing)?',
  'want(?:s|ed|ing)?',
  'need(?:s|ed|ing)?',
  'hop(?:e|es|ed|ing) for',
  'veu(?:t|x|lent)',
  'voudrai(?:t|ent)',
  'souhait(?:e|es|ent|ait|aient|ant)',
  "(?:a|ont|avoir) besoin d'",
  'attend(?:re|s|ons|ez|ent|ait|aient|u|ue|us|ant|ra|rait)?',
  'en attente',
];

/** The words between a wait and its reply word ("wait for someone to get back", "attendre d'avoir une réponse"). */
export const WAITING_LINKS = (
  'for to on an a the your their any some you them someone anyone somebody back get hear receive ' +
  "votre vos une la leur des d'une d'un un le d'avoir avoir de recevoir obtenir que qu'on qu'il qu'elle vous on " +
  "d'etre etre l'equipe team quelqu'un"
).split(' ');

/** Words that the only answer was automatic. */
export const AUTOMATIC_WORDS = [
  'automatic(?:ally)?',
  'automated',
  'auto-?repl(?:y|ies|ied)',
  'auto-?respon\\w*',
  'acknowledg(?:e|es|ed|ing|ement|ements|ment|ments)',
  'accuses? de reception',
  'reponses? automatiques?',
  'messages? automatiques?',
  'automatiques?',
  'automatiquement',
  'robot\\w*',
];

/**
 * Speed, and what the form test must show for each (first-line-check.ts): an answer within 5
 * minutes for `immediate`, 10 for `minutes`, an hour for `quick`; on the day it was sent for
 * `same_day`, the day after for `next_day` (and within 24 hours for `overnight`); more than a
 * day, or a silence, for `slow`. Negated ("not quick", "pas rapide", "didn't take long"), a
 * speed turns into the other (first-line-check.ts, `NEGATED_SPEED`).
 */
export const SPEED_WORDS: Readonly<Record<SpeedClaim, readonly string[]>> = {
  immediate: [
    'immediately',
    'instantly',
    'instant',
    'instantaneous(?:ly)?',
    'right away',
    'straight ?away',
    'at once',
    'on the spot',
    'in no time',
    '(?:within|in) (?:a few )?seconds',
    'seconds later',
    'immediatement',
    'immediate?s?',
    'instantanee?(?:ment)?',
    'tout de suite',
    'sur-le-champ',
    'sur le champ',
    'aussitot',
    'illico',
    'sur le coup',
    'en un instant',
    'dans la seconde',
  ],
  minutes: [
    'within minutes',
    'in minutes',
    'in a matter of minutes',
    'minutes later',
    'en quelques instants',
    'quelques instants',
    'dans les minutes qui ont suivi',
    'quelques minutes plus tard',
  ],
  quick: [
    'quick(?:ly|er|est)?',
    'fast(?:er|est)?',
    'prompt(?:ly|ness)?',
    'rapid(?:ly)?',
    'swift(?:ly)?',
    'speed(?:y|ily)',
    'responsive(?:ness)?',
    'right back',
    'in a flash',
    'in a heartbeat',
    'shortly',
    'soon(?:er)?',
    '(?:shortly|soon) after(?:wards)?',
    'before long',
    'within the hour',
    'no time at all',
    'rapides?',
    'rapidement',
    'rapidite',
    'vite',
    'promptes?',
    'promptement',
    'promptitude',
    'reactif',
    'reactive',
    'reactivite',
    "dans l'heure",
    'en un rien de temps',
    'peu de temps apres',
    'peu apres',
    'sans tarder',
    'sans delai',
    'sans attendre',
    "en un clin d'(?:oe|\u0153)il",
    'en vitesse',
    'au plus vite',
    'express',
  ],
  same_day: [
    '(?:that |the )?(?:very )?same[- ]day',
    '(?:by|before) the end of the day',
    'within the day',
    'le jour meme',
    'le meme jour',
    'la journee meme',
    'dans la (?:meme )?journee',
    'avant la fin de la journee',
  ],
  next_day: ['(?:the )?(?:next|following) day', 'the day after', '(?:des )?le lendemain', 'le jour suivant'],
  overnight: ['overnight', 'du jour au lendemain', '(?:pendant|durant) la nuit'],
  slow: [
    'slow(?:ly|er|est|ness)?',
    'a (?:good |long )?while',
    'a long time',
    'long time',
    '(?:too|so|very|that) long',
    '(?:took|take|takes|taking) (?:so |too |very |that )?long',
    '(?:took|take|takes|taking) (?:(?:its|their|your|some|quite some|a lot of|much|a bit of) )?time',
    'long (?:wait|delay)',
    'lengthy',
    'ages',
    'forever',
    'eventually',
    'finally',
    'at last',
    'belated(?:ly)?',
    'delayed',
    'sluggish',
    'lente?s?',
    'lentement',
    'lenteur',
    '(?<!depuis )longtemps',
    'un bon moment',
    'un moment',
    'un certain temps',
    'une eternite',
    'tardi(?:f|fs|ve|ves|vement)',
    'tard(?:er|e|ee|ait)',
    'trop tard',
    'en retard',
    'longue attente',
    'longuement',
    'finalement',
    '(?:mis|pris|prend|prendre|prenait|mettre|fallu) (?:un peu de |beaucoup de |pas mal de |bien du |du )temps',
  ],
};

/**
 * Topics the stored facts do not cover, so a line must not speak of them: nothing in the facts
 * says whether the business has a phone line or voicemail, reviews or ratings, social media,
 * prices, which staff it has or their names, its opening hours (or at what time of day it
 * answered), history, size, place, competitors, or how its site looks or ranks. Each is a pattern on the folded, lower-case
 * line (whole words); a match is refused with its topic (first-line-reasons.ts).
 */
export const UNCOVERED_TOPICS: readonly {
  topic: UncoveredTopic;
  words: readonly string[];
  /** Signs that need no word boundary ("80 $", "$80"). */
  signs?: string;
}[] = [
  {
    topic: 'phone',
    words: [
      'phones?',
      'telephones?',
      'voice ?mails?',
      'answering (?:machine|service)s?',
      'cell ?phones?',
      'text messages?',
      'texting',
      'texted',
      'sms',
      // A call back is an answer (REPLY_WORDS), read as one.
      'call(?:s|ed|ing)?(?!(?: (?:me|us|you|them))? back)',
      'callers?',
      'dial(?:s|ed|ing|led|ling)?',
      'telephon\\w*',
      'appel(?:s|er|ez|ait|ant|ent|e|ee|es)?',
      'cellulaires?',
      'textos?',
      'boite vocale',
      'messagerie vocale',
      'repondeurs?',
    ],
  },
  {
    topic: 'reviews',
    words: [
      'reviews?',
      'reviewers?',
      'ratings?',
      'rated',
      'stars?',
      'testimonials?',
      'recommendations?',
      // Not "à mon avis" (in my opinion).
      'avis (?:google|en ligne|de (?:vos |nos |ses )?clients|clients?|positifs?|negatifs?)',
      '(?:vos|ses|leurs|les|des|nombreux|bons|excellents|mauvais) avis',
      'evaluations?',
      'etoiles?',
      'temoignages?',
      'note google',
      'recommandations?',
    ],
  },
  {
    topic: 'social_media',
    words: [
      'social (?:media|networks?|pages?|accounts?)',
      'linkedin',
      'tiktok',
      'twitter',
      'youtube',
      'pinterest',
      'followers?',
      'posts?',
      'abonnes',
      'reseaux sociaux',
      'medias sociaux',
      'publications?',
    ],
  },
  {
    topic: 'prices',
    words: [
      'prices?',
      'pricing',
      'priced',
      'costs?',
      'costly',
      'fees?',
      'rates?',
      'cheap\\w*',
      'expensive',
      'affordable',
      'dollars?',
      'discounts?',
      'rebates?',
      'budgets?',
      'prix',
      'tarifs?',
      'tarification',
      'couts?',
      'couteu(?:x|se|ses)',
      'frais',
      'abordables?',
      'rabais',
      'promotions?',
    ],
    signs: '[$€£]',
  },
  {
    topic: 'staff',
    words: [
      'receptionists?',
      'secretar(?:y|ies)',
      'assistants?',
      '(?:co-?)?owners?',
      'managers?',
      'dispatchers?',
      'technicians?',
      'front desk',
      'employees?',
      'staff members?',
      'staffers?',
      'boss',
      'ceo',
      'president',
      'mrs?',
      'ms',
      'mister',
      'receptionnistes?',
      'secretaires?',
      'adjointe?s?',
      'proprietaires?',
      'gerante?s?',
      'directeur',
      'directrice',
      'repartit(?:eur|rice)s?',
      'technicien(?:ne)?s?',
      'employee?s?',
      'patronne?',
      'monsieur',
      'madame',
      'mme',
      'named',
      'nommee?',
      'prenom',
      'first name',
    ],
  },
  {
    topic: 'opening_hours',
    words: [
      '(?:business|opening|office|working) hours',
      'after[- ]hours',
      'weekends?',
      'evenings?',
      'nights?',
      "heures d'(?:ouverture|affaires)",
      'heures de bureau',
      'fins? de semaine',
      'en soiree',
      'le soir',
      'de nuit',
      '24/7',
      '24 ?h(?:eures)? sur 24',
      '7 jours sur 7',
      // The time of day: nothing says when the answer came within its day.
      'mornings?',
      'afternoons?',
      'noon',
      'midnight',
      'lunch(?:time)?',
      'matin(?:ee)?s?',
      'apres-midi',
      'midi',
      'minuit',
      'diner',
    ],
  },
  {
    topic: 'history',
    words: [
      'in business',
      'been around',
      'founded',
      'established',
      'family[- ](?:owned|run|business)',
      '(?:years|decades) of experience',
      'of experience',
      'experienced',
      'decades?',
      'generations?',
      'locations',
      'branches',
      'trucks',
      'fleet',
      'en affaires',
      'depuis longtemps',
      'fondee?s?',
      'entreprise familiale',
      "d'experience",
      'experimentee?s?',
      'decennies?',
      'succursales?',
      'camions',
      'flotte',
    ],
  },
  {
    topic: 'location',
    words: [
      'located',
      'your (?:area|city|town|neighbou?rhood)',
      'service area',
      'neighbou?rhoods?',
      'downtown',
      'nearby',
      'near you',
      'in town',
      'locally',
      'votre (?:region|quartier|secteur|ville)',
      'situee?s?',
      'centre-ville',
      'pres de chez',
      'dans le coin',
    ],
  },
  {
    topic: 'competitors',
    words: [
      'competitors?',
      'competition',
      'competing',
      'competitive',
      'rivals?',
      'concurrents?',
      'concurrence',
      'concurrentiel(?:le)?s?',
      'competiti(?:on|f|ve|fs|ves)',
      'competiteurs?',
    ],
  },
  {
    topic: 'site_quality',
    words: [
      'seo',
      'search engines?',
      'search results?',
      'rankings?',
      'ranks?',
      'ranked',
      'mobile',
      'loads?',
      'loading',
      'design(?:ed)?',
      'outdated',
      'old-fashioned',
      'photos?',
      'pictures?',
      'gallery',
      'blog',
      'newsletters?',
      'traffic',
      'referencement',
      'moteurs? de recherche',
      'resultats de recherche',
      'chargement',
      'se charge',
      'desuete?',
      'vieillot',
      'galerie',
      'infolettres?',
      'achalandage',
    ],
  },
];

/**
 * Time units with no number: "for weeks", "within hours", "pendant des jours" are durations
 * too, true of a fact of 2 to 9 of the unit (under 10 after "within"). Singulars are left
 * out: "the day I wrote" dates, it does not last; "mois" counts only after "des".
 */
export const BARE_UNITS: Readonly<Record<string, number>> = {
  seconds: 1 / 60,
  minutes: 1,
  hours: 60,
  days: 1440,
  weeks: 10_080,
  months: 43_200,
  years: 525_600,
  secondes: 1 / 60,
  heures: 60,
  jours: 1440,
  journees: 1440,
  semaines: 10_080,
  'des mois': 43_200,
  annees: 525_600,
};
