/**
 * The words the first-line checker (first-line-check.ts) reads claims by, in English and
 * French. Every list is matched on text folded to lower case without accents, so they are
 * written that way. Pure data.
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
