import type { AutoresponderTone } from '../../../schema/vocabulary';
import { stem } from '../../platform/ai/offline-embedding';

/**
 * The tone of the email a business sends back after Avenir submits an inquiry through its
 * contact form (prospect_form_tests.autoresponder_tone), decided offline from documented cues.
 * Pure: no I/O, no clock, no randomness; the same input gives the same verdict.
 *
 * Vocabulary: `robotic` a template that does not refer to the message (echoing the submitted
 * fields back is still robotic); `human` written by a person, from timing and content, but
 * generic; `personalized` engages with what was asked (refers to it, often naming the sender);
 * `none` no answer to the inquiry (out-of-office, vacation or closure notice, delivery failure,
 * retired address, newsletter or subscription mail).
 *
 * Rule order:
 *  0. Prepare the reply's own text (`newText`, quoted history already removed): drop the
 *     mobile signature ("Sent from my iPhone", a person cue) and every echo of the submitted
 *     form (lines "Name: …", "Courriel : …", and lines copying six or more consecutive words
 *     of the inquiry, or a short inquiry whole). Echoes are a robotic cue, never engagement.
 *  1. none: delivery failure or retired address (mailer-daemon / postmaster sender,
 *     "Undeliverable", "Message non remis", "address not found", "n'est plus utilisée"…).
 *  2. none: out-of-office / vacation / closure notice ("out of the office", "absente du
 *     bureau", "en vacances", "de retour le", "vacances de la construction"…, 2 each, +1 for
 *     an absence subject) when that weighs at least 1.5 × the number of acknowledgement
 *     phrases ("we have received your", "nous avons bien reçu"…: a normal template that
 *     mentions a holiday closure stays robotic) and the reply does not engage strongly
 *     (content < 2.5, rule 4).
 *  3. none: newsletter or subscription mail ("unsubscribe", "infolettre", "confirm your
 *     subscription", "% off"; a bulk sender or Precedence: bulk adds 1) scoring ≥ 2.5, with
 *     no acknowledgement phrase, not naming the sender, content < 2.5.
 *     An empty reply (nothing left after step 0) is none, or robotic if it only echoed the
 *     form, at low confidence.
 *  4. personalized: engagement with the inquiry. Content units are runs of the inquiry's
 *     distinctive words found in the reply: folded (case, accents), EN+FR stop words removed,
 *     stemmed, a small EN↔FR concept table (chauffe-eau ↔ water heater…); words of the
 *     business's name, the sender's name and generic service words (quote, soumission,
 *     appointment, repair…) never count; time words (days, months, seasons) count half; words
 *     the reply only uses to describe the business ("serving Ottawa for 20 years", "depuis
 *     25 ans") count a quarter; calling one of them the sender's own ("your water heater",
 *     "votre chauffe-eau") adds one unit. Personalized when content ≥ 2; or ≥ 1 and the reply
 *     reads as a person (person score > robot score); or ≥ 1 and it names the sender, unless
 *     template cues dominate by 4 or more and content < 1.5 (a merged first name and one
 *     coincidental word stay robotic). Below that, a shared word is shown as "shares only …".
 *  5. robotic vs human: robot score (auto headers 2.5, no-reply sender 2.5, mailing-list
 *     footer 2.5, echo 3, instant < 3 min 2, template phrases 0.75–2.5 each capped at 6,
 *     ticket/case number 2, "Automatic reply" subject 1.5, team signature 1, ≥ 120 words 0.5)
 *     against person score (delay ≥ 3 min 1, ≥ 30 min 2, first-person singular 1.5, ≤ 40 words
 *     0.75, informal wording 1, first-name signature 1.5 or person signature 0.75, a question
 *     asked back 1, mobile signature 2.5, personal mailbox 0.5, greets the sender 0.5).
 *     Robotic on a tie.
 * Confidence grows with the winning margin; `personalization` is the share of the
 * inquiry's distinctive content the reply engages with (plus a little for naming the sender).
 */

export interface ToneInput {
  inquiry: { message: string; senderName: string; businessName: string | null; language: 'en' | 'fr' };
  reply: {
    subject: string;
    /** The reply's own text, quoted history already removed. */
    newText: string;
    fromAddress: string | null;
    minutesAfter: number;
    autoSubmitted: boolean;
    autoReasons: string[];
  };
}

export interface ToneCue {
  key: string;
  label: { en: string; fr: string };
}

export interface ToneVerdict {
  tone: AutoresponderTone;
  /** 0..1 */
  confidence: number;
  /** 0..1: how much of the inquiry it engages with. */
  personalization: number;
  /** Shown on the staff screen, most telling first. */
  cues: ToneCue[];
  engine: 'offline' | 'openai';
}

// --- text -------------------------------------------------------------------------------

/** Lower case, accents and ligatures folded, apostrophes unified, whitespace collapsed. */
function fold(text: string): string {
  return foldKeepCase(text).toLowerCase();
}

/** Accents stripped but case kept (same length as the input for precomposed text). */
function foldKeepCase(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae');
}

interface Token {
  /** Folded, elision and possessive removed. */
  word: string;
  stem: string;
  /** Offsets in the original text, for display. */
  start: number;
  end: number;
}

const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’](.+)$/i;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
    let raw = match[0];
    let start = match.index;
    const elision = ELISION.exec(raw);
    if (elision) {
      start += raw.length - elision[1]!.length;
      raw = elision[1]!;
    }
    const word = fold(raw).replace(/'s$/, '').replace(/'/g, '');
    if (word === '') continue;
    tokens.push({ word, stem: stem(word), start, end: match.index + match[0].length });
  }
  return tokens;
}

function words(list: string): string[] {
  return list.split(/\s+/).filter((w) => w !== '');
}

// Folded forms. Greetings, courtesy and the verbs any inquiry uses are here too.
const STOP_WORDS: ReadonlySet<string> = new Set(
  words(`
  a an the and or but if then else of to in on at by for with from into onto over under about as is are was were
  be been being am do does did doing done have has had having it its this that these those there here their them
  they we us our ours you your yours he him his she her hers i me my mine myself who whom whose which what when
  where why how all any both each few more most other some such no nor not only own same so than too very can
  will just should would could may might must shall also get got getting out up down off again once per via vs
  etc im ive id ill dont doesnt cant wont isnt thats theres whats lets yes ok okay oh well really much many still
  even back around about like want wanted wants need needs needed looking look know let see go come make take
  give send tell ask asking wondering wonder think hoping hope please thanks thank hi hello hey dear regards best
  sincerely cheers someone something anything anyone everyone thing things way lot bit kind sort sure maybe
  le la les un une des du de et ou mais donc or ni car au aux en dans par pour sur sous avec sans chez vers entre
  ce cet cette ces ca cela ceci celui celle ceux celles il ils elle elles on nous vous je tu te toi moi lui leur
  leurs se son sa ses mon ma mes ton ta tes notre nos votre vos qui que quoi dont est sont etait etaient etre ete
  suis es sommes etes avoir ai as avons avez ont avait avais aurais aurait aurions fait faire fais faites font ne
  pas plus moins tres tout tous toute toutes aussi comme si y soit peut peux pouvez pourriez pourrait pourrais
  pouvons veux veut voulons voulez voudrais voudrait voudrions aimerais aimerait aimerions souhaite souhaiterais
  serait serais seriez sera seront deja encore ici bien autre autres meme memes quand alors ainsi oui non merci
  bonjour bonsoir allo salut svp stp cordialement madame monsieur mme alors ben pis quelque quelqu quelques chose
  est-ce estce savoir besoin cherche cherchons recherche vient vien venir voir aller mettre prendre donner
  envoyer dire demander question questions ete etre keep keeps kept try tried trying use used using put find
  found seem seems say said going started start regarder check checking verifier
`),
);

// Generic service words: any business, any inquiry, any template has them, so they are
// never evidence that a reply engages with this inquiry. Listed in plain words; stemmed at load.
const GENERIC_WORDS = words(`
  service services quote quotes estimate estimates estimation soumission soumissions devis price prices pricing
  prix tarif tarifs rate rates cost costs coute couts cout combien fee fees frais charge budget
  appointment appointments rendez-vous rdv booking book booked reserve reservation reserver
  request requests demande demandes inquiry inquiries enquiry info information informations contact contacting
  message messages courriel courriels email e-mail mail phone telephone call calls appel appeler number numero
  work works travail travaux job jobs project projects projet projets company entreprise entreprises compagnie
  business team equipe client clients customer customers help aide aider assist assistance
  possible soon asap rapidement vite urgent urgence urgently emergency emergencies
  available availability disponible disponibles disponibilite disponibilites open ouvert
  repair repairs repairing reparation reparations reparer repare install installing installation installer
  replace replacing replacement remplacer remplacement changer change fix fixing entretien maintenance
  new nouveau nouvelle nouveaux old vieux vieille good bon bonne great super small petit petite big grand grande
  offer offers offrez offrir offre provide fournir do faites interest interested interet interesse interessee
  merci thanks thank journee day soiree evening semaine week bonjour hello salut regards cordialement
  plumber plumbing plombier plomberie roofer roofing couvreur electrician electricien electrical electricite
  painter peintre contractor entrepreneur lawyer avocat avocats notary notaire accountant comptable
  accounting comptabilite dentist dentiste dental dentaire vet veterinaire veterinary mechanic mecanicien
  landscaper landscaping paysagiste paysagement cleaner cleaners photographer photographe caterer catering
  traiteur mover movers moving demenagement demenageur demenageurs realtor agent courtier broker brokers
  tutor tuteur coach technician technicien renovation renovations construction
`);

// Time words: the same weekday or month in an inquiry and in an office-hours line means
// little, so they count half.
const WEAK_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday weekend lundi mardi mercredi jeudi vendredi samedi
  dimanche january february march april may june july august september october november december janvier
  fevrier mars avril mai juin juillet aout septembre octobre novembre decembre spring summer fall autumn winter
  printemps ete automne hiver morning afternoon evening night tonight matin apres-midi soir soiree nuit week
  weeks semaine semaines month months mois year years an ans annee annees day days jour jours today tomorrow
  yesterday aujourd'hui demain hier time temps home house maison residence property propriete
`);

/** Bilingual concepts: a reply in the other language, or in other words, still refers to them. */
const CONCEPTS: Record<string, readonly string[]> = {
  water_heater: ['water heater', 'hot water tank', 'chauffe-eau'],
  heat_pump: ['heat pump', 'thermopompe'],
  furnace: ['furnace', 'fournaise'],
  basement: ['basement', 'sous-sol'],
  roof: ['roof', 'toit', 'toiture'],
  shingle: ['shingle', 'shingles', 'bardeau', 'bardeaux'],
  leak: ['leak', 'leaking', 'leaks', 'fuite', 'coule', 'couler'],
  window: ['window', 'windows', 'fenetre', 'fenetres'],
  door: ['door', 'doors', 'porte', 'portes'],
  kitchen: ['kitchen', 'cuisine'],
  bathroom: ['bathroom', 'salle de bain', 'salle de bains'],
  storey: ['storey', 'story', 'floor', 'etage', 'etages'],
  yard: ['yard', 'backyard', 'cour'],
  snow: ['snow removal', 'deneigement'],
  chimney: ['chimney', 'cheminee'],
  wedding: ['wedding', 'mariage'],
  cake: ['cake', 'gateau', 'gateaux'],
  dog: ['dog', 'chien'],
  cat: ['cat', 'chat'],
  tooth: ['tooth', 'teeth', 'dent', 'dents'],
  car: ['car', 'voiture'],
  brake: ['brake', 'brakes', 'frein', 'freins'],
  tire: ['tire', 'tires', 'pneu', 'pneus'],
  lawn: ['lawn', 'sod', 'pelouse', 'gazon', 'tourbe'],
  hedge: ['hedge', 'haie'],
  deck: ['deck', 'patio', 'terrasse'],
  crack: ['crack', 'fissure'],
  mold: ['mold', 'mould', 'moisissure'],
  ceiling: ['ceiling', 'plafond'],
  wall: ['wall', 'mur'],
  paint: ['paint', 'painting', 'peinture', 'peinturer'],
  duct: ['duct', 'ducts', 'conduit', 'conduits'],
  course: ['class', 'classes', 'course', 'courses', 'cours'],
  insurance: ['insurance', 'assurance'],
  pool: ['pool', 'piscine'],
  wheelchair: ['wheelchair', 'fauteuil roulant'],
};

interface ConceptTable {
  words: Map<string, string>;
  phrases: Map<string, { stems: string[]; concept: string }[]>;
}

const CONCEPT_TABLE: ConceptTable = (() => {
  const table: ConceptTable = { words: new Map(), phrases: new Map() };
  for (const [concept, entries] of Object.entries(CONCEPTS)) {
    for (const entry of entries) {
      const stems = tokenize(entry).map((t) => t.stem);
      if (stems.length === 1) table.words.set(stems[0]!, concept);
      else if (stems.length > 1) {
        const list = table.phrases.get(stems[0]!) ?? [];
        list.push({ stems, concept });
        list.sort((a, b) => b.stems.length - a.stems.length);
        table.phrases.set(stems[0]!, list);
      }
    }
  }
  return table;
})();

const GENERIC_STEMS: ReadonlySet<string> = new Set(
  GENERIC_WORDS.flatMap((w) => tokenize(w).map((t) => t.stem)).concat(GENERIC_WORDS.map((w) => stem(fold(w)))),
);
const WEAK_STEMS: ReadonlySet<string> = new Set(
  WEAK_WORDS.flatMap((w) => tokenize(w).map((t) => t.stem)).concat(WEAK_WORDS.map((w) => stem(fold(w)))),
);

/** The concept of each token position (phrases first, longest first). */
function conceptsOf(tokens: readonly Token[]): (string | null)[] {
  const out: (string | null)[] = tokens.map(() => null);
  for (let i = 0; i < tokens.length; i++) {
    if (out[i]) continue;
    const phrase = (CONCEPT_TABLE.phrases.get(tokens[i]!.stem) ?? []).find((p) =>
      p.stems.every((s, offset) => tokens[i + offset]?.stem === s),
    );
    if (phrase) {
      for (let k = 0; k < phrase.stems.length; k++) out[i + k] = phrase.concept;
      i += phrase.stems.length - 1;
      continue;
    }
    out[i] = CONCEPT_TABLE.words.get(tokens[i]!.stem) ?? null;
  }
  return out;
}

// --- phrase lists -------------------------------------------------------------------------

interface Pattern {
  /** Shown to staff, as people write it. */
  label: string;
  /** Matched against folded text (lower case, no accents, apostrophes unified). */
  re: RegExp;
  weight: number;
}

/** A phrase: its label folded is the pattern, unless a regex source is given. */
function p(label: string, weight: number, source?: string): Pattern {
  const body = source ?? escapeRegex(fold(label)).replace(/\s+/g, '\\s+');
  return { label, re: new RegExp(`(?<![a-z0-9])(?:${body})`), weight };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ACK = 1.25;
const WEAK = 0.75;
const AUTOMATED = 2.5;

/** Template phrases of acknowledgements and boilerplate, EN and FR. */
const TEMPLATE_PHRASES: readonly Pattern[] = [
  // English
  p('we have received your', ACK, "we(?:\\s+have|'ve)?\\s+(?:received|got)\\s+your"),
  p('has been received', ACK, '(?:has|have)\\s+been\\s+received'),
  p('received your request', ACK, 'received\\s+your\\s+(?:request|inquiry|enquiry|submission|form|appointment)'),
  p(
    'thank you for contacting',
    ACK,
    'thank(?:s|\\s+you)\\s+for\\s+(?:contacting|choosing|your\\s+(?:inquiry|enquiry|submission|request))',
  ),
  p('thank you for your interest', WEAK, 'thank(?:s|\\s+you)\\s+(?:so\\s+much\\s+)?for\\s+your\\s+interest'),
  p(
    'thanks for reaching out',
    WEAK,
    'thank(?:s|\\s+you)\\s+(?:so\\s+much\\s+)?for\\s+(?:reaching\\s+out|getting\\s+in\\s+touch)',
  ),
  p('thank you for your message', WEAK, 'thank(?:s|\\s+you)\\s+for\\s+your\\s+(?:message|e-?mail|note)'),
  p(
    'a member of our team',
    ACK,
    '(?:a|one)\\s+(?:member|of\\s+the\\s+members)\\s+of\\s+our\\s+team|one\\s+of\\s+our(?:\\s+[a-z-]+){0,2}?\\s+(?:team|representatives?|agents?|advisors?|specialists?|technicians?|estimators?|consultants?|experts?|brokers?|staff)',
  ),
  p(
    'a representative will',
    ACK,
    'a\\s+(?:[a-z-]+\\s+)?(?:representative|specialist|consultant|technician|advisor|agent|coordinator)\\s+will',
  ),
  p('our team will', ACK, 'our\\s+(?:[a-z-]+\\s+){0,2}team\\s+(?:will|answers|responds|reviews)'),
  p(
    'will get back to you',
    WEAK,
    "(?:will|'ll)\\s+(?:get\\s+back\\s+to\\s+you|be\\s+in\\s+touch|contact\\s+you|respond|follow\\s+up|reach\\s+out\\s+to\\s+you)",
  ),
  p('as soon as possible', WEAK, 'as\\s+soon\\s+as\\s+possible|shortly|at\\s+your\\s+earliest'),
  p(
    'within 24 hours',
    ACK,
    'within\\s+(?:the\\s+next\\s+)?(?:\\d+(?:\\s*-\\s*\\d+)?|one|two|three|a)\\s+(?:[a-z]+\\s+)?(?:hours?|days?|h)(?![a-z])',
  ),
  p(
    'business days',
    WEAK,
    'business\\s+(?:days?|hours)|working\\s+days?|office\\s+hours|hours\\s+of\\s+operation|opening\\s+hours',
  ),
  p('in the meantime', 1, 'in\\s+the\\s+meantime'),
  p(
    'your request has been',
    ACK,
    '(?:your|the)\\s+(?:request|message|inquiry|enquiry|submission|form|ticket)\\s+(?:has\\s+been|was|will\\s+be|is\\s+being)',
  ),
  p('copy of your submission', ACK, 'copy\\s+of\\s+(?:your|the)\\s+(?:submission|message|request|information)'),
  p(
    'in the order it was received',
    ACK,
    'order\\s+(?:it\\s+was\\s+|they\\s+were\\s+|in\\s+which\\s+it\\s+was\\s+)?received',
  ),
  p('we appreciate your patience', WEAK, 'we\\s+(?:appreciate|value)\\s+your|your\\s+patience'),
  p(
    'if this is an emergency',
    1,
    'if\\s+(?:this|it|your\\s+(?:matter|request))\\s+is\\s+(?:urgent|an\\s+emergency)|for\\s+(?:[a-z]+\\s+)?(?:urgent|emergency|emergencies)[a-z]*(?:\\s+[a-z]+)?,?\\s+(?:please\\s+)?call',
  ),
  p('we acknowledge receipt', ACK, 'acknowledge\\s+receipt|acknowledgement\\s+of\\s+receipt'),
  p(
    'do not reply',
    AUTOMATED,
    "(?:please\\s+)?do\\s+not\\s+reply|don't\\s+reply|not\\s+monitored|please\\s+do\\s+not\\s+respond",
  ),
  p(
    'automated message',
    AUTOMATED,
    'automated\\s+(?:message|response|reply|e-?mail|notification)|automatic\\s+(?:message|response|notification)|auto-?(?:reply|response)|(?:sent|generated)\\s+automatically',
  ),
  p('virtual assistant', AUTOMATED, 'virtual\\s+assistant|assistante?\\s+virtuel(?:le)?|chatbot'),
  p(
    'follow us on',
    WEAK,
    'follow\\s+us|visit\\s+our\\s+website|visit\\s+us\\s+(?:at|online)|shop\\s+our|like\\s+us\\s+on',
  ),
  // French
  p('nous avons bien reçu', ACK, "nous\\s+avons\\s+(?:bien\\s+)?recu|(?:j'ai|avons)\\s+bien\\s+recu"),
  p('a bien été reçue', ACK, '(?:a|ont)\\s+(?:bien\\s+)?ete\\s+recue?s?'),
  p('accusé de réception', ACK, 'accus(?:e|ons)\\s+(?:de\\s+)?reception|confirm(?:er|ons)\\s+la\\s+reception'),
  p(
    'merci de nous avoir contactés',
    ACK,
    "merci\\s+(?:de\\s+nous\\s+avoir\\s+(?:contacte|ecrit|joint)s?|d'avoir\\s+(?:communique|contacte|choisi|pris\\s+contact|ecrit))",
  ),
  p(
    'merci de votre intérêt',
    WEAK,
    'merci\\s+(?:de|pour)\\s+votre\\s+(?:interet|confiance)|nous\\s+vous\\s+remercions',
  ),
  p('merci pour votre message', WEAK, 'merci\\s+(?:de|pour)\\s+votre\\s+(?:message|courriel|demande)'),
  p(
    'un membre de notre équipe',
    ACK,
    "un\\s+(?:membre|des\\s+membres)\\s+de\\s+(?:notre|l')\\s*equipe|(?:un|une|l'un)\\s+de\\s+nos\\s+[a-z]+|notre\\s+equipe(?:\\s+[a-z]+){0,3}?\\s+(?:vous|communiquera|repond|traitera)|un\\s+(?:conseiller|representant|agent|estimateur|technicien|specialiste)(?:\\s+[a-z]+)?\\s+(?:vous|communiquera)",
  ),
  p(
    'communiquera avec vous',
    WEAK,
    'communiquer(?:a|ons|ont)\\s+avec\\s+vous|vous\\s+(?:contacter(?:a|ons|ont)|reviendr(?:a|ons|ont)|repondr(?:a|ons|ont))|(?:nous|je)\\s+vous\\s+reviens|reviendrons\\s+(?:vers\\s+vous|sous\\s+peu)|traiter(?:a|ons|ont)\\s+(?:votre|la)',
  ),
  p('dans les plus brefs délais', ACK, 'dans\\s+les\\s+(?:plus\\s+brefs|meilleurs)\\s+delais'),
  p('sous peu', WEAK, 'sous\\s+peu|des\\s+que\\s+possible|le\\s+plus\\s+rapidement\\s+possible'),
  p(
    "d'ici 24 heures",
    ACK,
    "(?:dans\\s+un\\s+delai\\s+de|d'ici|sous|en\\s+dedans\\s+de)\\s+(?:\\d+|deux|un|une|vingt-quatre)(?:\\s+a\\s+\\d+)?\\s+(?:heures?|jours?|h)(?![a-z])",
  ),
  p('jours ouvrables', WEAK, "jours?\\s+ouvrables?|heures?\\s+ouvrables?|heures\\s+d'ouverture|heures\\s+d'affaires"),
  p('en attendant', 1, 'en\\s+attendant'),
  p(
    'votre demande a été',
    ACK,
    '(?:votre|la)\\s+(?:demande|message|courriel|requete)\\s+(?:a|sera|est)\\s+(?:bien\\s+)?(?:ete\\s+)?(?:recue?|traitee?|transmise?|acheminee?)',
  ),
  p("selon l'ordre de réception", ACK, 'ordre\\s+de\\s+reception'),
  p(
    'pour toute urgence',
    1,
    "pour\\s+toute\\s+(?:urgence|demande\\s+urgente)|en\\s+cas\\s+d'urgence|si\\s+(?:votre\\s+demande|c'est)\\s+(?:est\\s+)?urgent",
  ),
  p('merci de votre patience', WEAK, 'merci\\s+de\\s+votre\\s+patience|nous\\s+apprecions\\s+votre'),
  p('ne pas répondre à ce courriel', AUTOMATED, 'ne\\s+(?:pas\\s+)?(?:y\\s+)?repond(?:re|ez)|ne\\s+pas\\s+repondre'),
  p(
    'message automatique',
    AUTOMATED,
    '(?:message|reponse|courriel)\\s+automatique|envoye\\s+automatiquement|genere\\s+automatiquement',
  ),
  p('suivez-nous', WEAK, 'suivez-nous|visitez\\s+notre\\s+site|consultez\\s+notre\\s+site'),
  p(
    'du lundi au vendredi',
    WEAK,
    '(?:du\\s+)?lundi\\s+au\\s+(?:vendredi|samedi|jeudi)|monday\\s+(?:to|through|-|–)\\s+(?:friday|saturday|thursday)',
  ),
];

/** The acknowledgement phrases among the template phrases: they answer the inquiry, formally. */
const ACK_LABELS: ReadonlySet<string> = new Set(
  TEMPLATE_PHRASES.filter((x) => x.weight >= ACK && x.weight < AUTOMATED).map((x) => x.label),
);

const TICKET =
  /(?<![a-z])(?:ticket|case|reference|ref|dossier|billet|requete|request|confirmation)\s*(?:no\.?|number|numero|n°|#|:)\s*#?\s*[a-z]*-?\d{3,}|numero\s+de\s+(?:dossier|billet|reference|confirmation|demande)\s*#?\s*\d{3,}|\[#?\s*\d{3,}\]|#\d{4,}/;

const DELIVERY_FAILURE: readonly Pattern[] = [
  p(
    'undeliverable',
    3,
    'undeliverable|undelivered\\s+mail|delivery\\s+status\\s+notification|mail\\s+delivery\\s+(?:failed|failure|subsystem)|delivery\\s+(?:has\\s+)?failed|delivery\\s+failure|failure\\s+notice|returned\\s+mail',
  ),
  p(
    "wasn't delivered",
    3,
    "(?:wasn't|was\\s+not|couldn't\\s+be|could\\s+not\\s+be)\\s+delivered|address\\s+not\\s+found|recipient\\s+address\\s+rejected|user\\s+unknown|mailbox\\s+(?:unavailable|not\\s+found|does\\s+not\\s+exist)|does\\s+not\\s+exist|recipientnotfound",
  ),
  p(
    'message non remis',
    3,
    "non\\s+remis|echec\\s+de\\s+(?:la\\s+)?remise|n'a\\s+pas\\s+pu\\s+etre\\s+(?:remis|livre|distribue)|adresse\\s+introuvable|destinataire\\s+inconnu|est\\s+introuvable",
  ),
  p(
    'address no longer in use',
    3,
    "no\\s+longer\\s+(?:in\\s+use|monitored|active|valid|used)|n'est\\s+plus\\s+(?:utilisee?|active?|valide|en\\s+fonction|surveillee?)",
  ),
];

const OUT_OF_OFFICE: readonly Pattern[] = [
  p(
    'out of the office',
    2,
    "out\\s+of\\s+(?:the\\s+)?office|away\\s+from\\s+(?:the|my)\\s+(?:office|desk)|currently\\s+(?:away|out)|i\\s+am\\s+away|i'm\\s+away",
  ),
  p('on vacation', 2, 'on\\s+(?:vacation|holidays?|leave)|(?:maternity|paternity|parental|sick)\\s+leave'),
  p('limited access to email', 2, 'limited\\s+access\\s+to\\s+(?:my\\s+)?e-?mail'),
  p(
    'when I return',
    2,
    "(?:when|until)\\s+(?:i|we)\\s+(?:return|get\\s+back|am\\s+back)|upon\\s+my\\s+return|i\\s+will\\s+be\\s+back|i'll\\s+be\\s+back|back\\s+in\\s+the\\s+office|when\\s+we\\s+return",
  ),
  p(
    'closed for the holidays',
    2,
    "(?:office|offices|we|we're|store|shop)\\s+(?:is\\s+|are\\s+|will\\s+be\\s+)?(?:currently\\s+|now\\s+)?closed\\s+(?:for|until|from|till)|closed\\s+for\\s+the\\s+(?:holidays|season|winter|summer)|(?:will\\s+)?re-?open\\s+(?:on\\s+)?(?:in\\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the|next|\\d)",
  ),
  p(
    'absent du bureau',
    2,
    'absente?s?\\s+du\\s+bureau|je\\s+suis\\s+absente?|hors\\s+du\\s+bureau|absence\\s+du\\s+bureau',
  ),
  p('en vacances', 2, 'en\\s+(?:vacances|conge)|conge\\s+(?:de\\s+maternite|parental|de\\s+paternite|de\\s+maladie)'),
  p('accès limité à mes courriels', 2, 'acces\\s+limite\\s+a\\s+(?:mes|mon)\\s+(?:courriels|courriel|boite)'),
  p(
    'de retour le',
    2,
    'de\\s+retour\\s+(?:le|a\\s+partir|au\\s+bureau|lundi|mardi|mercredi|jeudi|vendredi)|(?:des|a)\\s+(?:mon|notre)\\s+retour',
  ),
  p(
    'fermés pour les vacances',
    2,
    "fermee?s?\\s+pour\\s+(?:les\\s+vacances|la\\s+periode\\s+des\\s+fetes|les\\s+fetes|les\\s+conges|la\\s+saison|l'hiver|l'ete)|vacances\\s+de\\s+la\\s+construction|(?:nous\\s+sommes|sera|seront|est|sont)\\s+(?:presentement\\s+|actuellement\\s+)?fermee?s?\\s+(?:jusqu|du\\s+\\d|pour)|reouverture\\s+(?:le|en|au)|rouvrir(?:a|ons|ont)\\s",
  ),
];

const OOO_SUBJECT = /out\s+of\s+(?:the\s+)?office|absence|absent|vacation|vacances|fermeture|closed/;

const NEWSLETTER: readonly Pattern[] = [
  p(
    'unsubscribe',
    1.5,
    'unsubscribe|opt\\s+out|stop\\s+receiving|update\\s+your\\s+preferences|manage\\s+your\\s+subscription',
  ),
  p('se désabonner', 1.5, 'desabonner|ne\\s+plus\\s+recevoir|gerer\\s+vos\\s+preferences'),
  p('newsletter', 1, 'newsletter|infolettre|bulletin|community\\s+news'),
  p(
    'confirm your subscription',
    3,
    "confirm\\s+your\\s+subscription|confirmez\\s+votre\\s+(?:abonnement|inscription\\s+a\\s+l'infolettre)",
  ),
  p(
    '% off',
    1,
    '\\d+\\s*%\\s*(?:off|de\\s+rabais|de\\s+reduction)|promo\\s+code|code\\s+promo|with\\s+code|avec\\s+le\\s+code',
  ),
  p(
    'view in browser',
    1,
    'view\\s+(?:this\\s+e-?mail\\s+)?in\\s+your\\s+browser|voir\\s+(?:ce\\s+courriel|la\\s+version)\\s+en\\s+ligne',
  ),
];

const MOBILE_SIGNATURE =
  /^(?:sent from my|sent from (?:yahoo|outlook|mail) for|get outlook for|envoye de mon|envoye a partir de mon|obtenir outlook pour)\b/i;

const NO_REPLY_LOCAL =
  /^(?:no-?reply|do-?not-?reply|donotreply|ne-?pas-?repondre|nepasrepondre|notifications?|notify|mailer|automated|auto-?reply|wordpress|wp|forms?|formulaires?|system|bounces?|leads?|alerts?)(?![a-z])/;
const BULK_LOCAL = /^(?:news|newsletter|infolettre|marketing|communications?|promo|promotions|offers)(?![a-z])/;
const BOUNCE_LOCAL = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)(?![a-z])/;
const ROLE_LOCAL =
  /^(?:info|contact|admin|office|bureau|sales|ventes|service|services|support|soutien|hello|bonjour|reception|accueil|booking|bookings|rdv|reservations?|team|equipe|mail|courriel|web|jobs|billing|facturation|studio|general|inquiries|inscriptions?)$/;
const PERSONAL_DOMAIN =
  /@(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|icloud|me|videotron|sympatico|bellnet|bell|cgocable|cogeco|globetrotter|telus|rogers|shaw|xplornet|sasktel)\./;

const FORM_LABELS: ReadonlySet<string> = new Set(
  [
    'name',
    'full name',
    'first name',
    'last name',
    'your name',
    'nom',
    'prenom',
    'nom complet',
    'votre nom',
    'email',
    'e-mail',
    'email address',
    'courriel',
    'adresse courriel',
    'votre courriel',
    'phone',
    'phone number',
    'telephone',
    'tel',
    'cell',
    'cellulaire',
    'mobile',
    'message',
    'your message',
    'votre message',
    'comments',
    'comment',
    'commentaires',
    'subject',
    'sujet',
    'objet',
    'company',
    'entreprise',
    'compagnie',
    'address',
    'adresse',
    'city',
    'ville',
    'service',
    'service requested',
    'service demande',
    'preferred date',
    'date souhaitee',
    'budget',
    'postal code',
    'code postal',
    'how did you hear about us',
  ].map(fold),
);

const INFORMAL_EN = new Set(
  words('hey hiya yep yeah yup nope gonna wanna thx lol awesome cool np ur u pls plz congrats ya btw hrs lemme'),
);
const INFORMAL_FR = new Set(words('salut allo ouin ouais pis ben tu toi ta tes pantoute tse bin'));
const INFORMAL_FR_PHRASES =
  /pas de trouble|pas de probleme|pas de souci|ca te va|t'as|appelle-moi|ecris-moi|texte-moi|ca marche|c'est beau/;

const CLOSING_WORDS = new Set(
  words(
    'thanks thank cheers regards best sincerely respectfully merci cordialement salutations bonjour hello hi hey salut allo dear yes oui non no ok unsubscribe lawyer avocat notaire realtor broker courtier coach',
  ),
);
const GREETING_START = /^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon)|bonjour|bonsoir|allo|salut|cher|chere)\b/i;
const TEAM_SIGNATURE =
  /(?:^|\s)(?:team|equipe|customer\s+(?:service|care)|service\s+(?:a\s+la\s+)?client(?:ele)?|service\s+desk|help\s+desk|soutien\s+technique|support\s+team|reception\s+team)(?:\s|$)|^l'equipe|^the\s.+\steam$/;
// Sentences in which a business describes itself: the words there are its own services.
const SELF_DESCRIPTION =
  /depuis\s+(?:plus\s+de\s+)?\d+\s+ans|for\s+(?:over|more\s+than)\s+\d+\s+years|since\s+(?:19|20)\d\d|serving\s|au\s+service\s+de|we\s+specialize|specializ(?:e|es|ing)\s+in|specialis|partout\s+(?:dans|au|en|a)|throughout\s|full\s+range|wide\s+range|gamme\s+complete|our\s+services\s+include|nos\s+services\s+(?:incluent|comprennent)/;

const POSSESSIVES: ReadonlySet<string> = new Set(words('your yours votre vos ton ta tes'));

const TITLES = /^(?:m|mr|mrs|ms|mme|mlle|dr|dre|me|madame|monsieur|mister|miss)\.?$/i;

// --- the classifier -----------------------------------------------------------------------

interface Prepared {
  /** The reply's own lines, echoes and mobile signature removed. */
  lines: string[];
  body: string;
  echoLines: number;
  fieldLines: number;
  mobile: boolean;
}

function prepareReply(newText: string, inquiryMessage: string): Prepared {
  const inquiryWords = tokenize(inquiryMessage).map((t) => t.word);
  const inquiryJoined = ` ${inquiryWords.join(' ')} `;
  const grams = new Set<string>();
  for (let i = 0; i + 6 <= inquiryWords.length; i++) grams.add(inquiryWords.slice(i, i + 6).join(' '));
  const copies = (text: string): boolean => {
    const w = tokenize(text).map((t) => t.word);
    if (w.length >= 3 && w.length >= 0.6 * inquiryWords.length && inquiryJoined.includes(` ${w.join(' ')} `)) {
      return true;
    }
    for (let i = 0; i + 6 <= w.length; i++) if (grams.has(w.slice(i, i + 6).join(' '))) return true;
    return false;
  };

  const lines: string[] = [];
  let echoLines = 0;
  let fieldLines = 0;
  let mobile = false;
  for (const rawLine of newText.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') {
      lines.push('');
      continue;
    }
    if (MOBILE_SIGNATURE.test(fold(line))) {
      mobile = true;
      continue;
    }
    const field = /^[-*•]?\s*([\p{L}][\p{L}\s'’-]{0,30}?)\s*:\s*(.*)$/u.exec(line);
    if (field && FORM_LABELS.has(fold(field[1]!).replace(/\s+/g, ' '))) {
      fieldLines++;
      echoLines++;
      continue;
    }
    if (copies(line)) {
      echoLines++;
      continue;
    }
    lines.push(line);
  }
  // A single "Date: …" line is no echo; two form fields, or a copied inquiry, are.
  if (fieldLines === 1 && echoLines === 1) echoLines = 0;
  return { lines, body: lines.join('\n').trim(), echoLines, fieldLines, mobile };
}

function sentencesOf(body: string): string[] {
  return body
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

interface Engagement {
  /** Weighted content units found in the reply. */
  score: number;
  /** Weighted distinctive content of the inquiry (the most the reply could engage with). */
  available: number;
  /** How the inquiry says what the reply picked up, best first. */
  references: string[];
}

function measureEngagement(input: ToneInput, body: string): Engagement {
  const message = input.inquiry.message;
  const inquiry = tokenize(message);
  const inquiryConcepts = conceptsOf(inquiry);

  const ignored = new Set<string>();
  const ignoredConcepts = new Set<string>();
  const business = tokenize(input.inquiry.businessName ?? '');
  const businessConcepts = conceptsOf(business);
  business.forEach((t, i) => {
    ignored.add(t.stem);
    const concept = businessConcepts[i];
    if (concept) ignoredConcepts.add(concept);
  });
  for (const t of tokenize(input.inquiry.senderName)) ignored.add(t.stem);

  // The reply's stems and concepts, each with the weight its best sentence gives it.
  const replyStems = new Map<string, number>();
  const replyConcepts = new Map<string, number>();
  // What the reply calls the sender's own ("your water heater", "votre chauffe-eau").
  const possessed = new Set<string>();
  for (const sentence of sentencesOf(body)) {
    const factor = SELF_DESCRIPTION.test(fold(sentence)) ? 0.25 : 1;
    const tokens = tokenize(sentence);
    const concepts = conceptsOf(tokens);
    let sincePossessive = Number.POSITIVE_INFINITY;
    tokens.forEach((t, i) => {
      replyStems.set(t.stem, Math.max(replyStems.get(t.stem) ?? 0, factor));
      const concept = concepts[i];
      if (concept) replyConcepts.set(concept, Math.max(replyConcepts.get(concept) ?? 0, factor));
      sincePossessive = POSSESSIVES.has(t.word) ? 0 : sincePossessive + 1;
      if (sincePossessive >= 1 && sincePossessive <= 3 && factor === 1) {
        possessed.add(t.stem);
        if (concept) possessed.add(`c:${concept}`);
      }
    });
  }

  // The inquiry's distinctive positions, in order, with their weight and whether the reply has them.
  interface Position {
    index: number;
    key: string;
    weight: number;
    found: number;
  }
  const positions: Position[] = [];
  let possessive = false;
  inquiry.forEach((t, index) => {
    const concept = inquiryConcepts[index] ?? null;
    if (concept && ignoredConcepts.has(concept)) return;
    const distinctive =
      concept !== null ||
      (!STOP_WORDS.has(t.word) &&
        t.word.length >= 3 &&
        !/\d/.test(t.word) &&
        !GENERIC_STEMS.has(t.stem) &&
        !ignored.has(t.stem));
    if (!distinctive) return;
    if (!concept && ignored.has(t.stem)) return;
    const weight = WEAK_STEMS.has(t.stem) ? 0.5 : 1;
    // A word of the business's name ("Heating") never finds the inquiry's "heater"; its concept may.
    const byWord = ignored.has(t.stem) || GENERIC_STEMS.has(t.stem) ? 0 : (replyStems.get(t.stem) ?? 0);
    const found = Math.max(byWord, concept ? (replyConcepts.get(concept) ?? 0) : 0);
    const theirs = found > 0 && (possessed.has(t.stem) || (concept !== null && possessed.has(`c:${concept}`)));
    if (theirs && weight === 1) possessive = true;
    positions.push({ index, key: concept ?? t.stem, weight, found });
  });

  const seen = new Set<string>();
  let available = 0;
  for (const position of positions) {
    if (seen.has(position.key)) continue;
    seen.add(position.key);
    available += position.weight;
  }

  // Runs of neighbouring found positions are one unit ("water heater", "patte arrière").
  const counted = new Set<string>();
  const units: { score: number; text: string }[] = [];
  let run: Position[] = [];
  const flush = () => {
    if (run.length === 0) return;
    let score = 0;
    let first = true;
    for (const position of run) {
      if (counted.has(position.key)) continue;
      counted.add(position.key);
      score += position.weight * position.found * (first ? 1 : 0.5);
      first = false;
    }
    if (score > 0) {
      const start = inquiry[run[0]!.index]!.start;
      const end = inquiry[run[run.length - 1]!.index]!.end;
      units.push({ score: Math.min(2, score), text: message.slice(start, end) });
    }
    run = [];
  };
  positions.forEach((position, k) => {
    const previous = positions[k - 1];
    const adjacent = previous !== undefined && position.index - previous.index <= 2;
    if (position.found === 0 || !adjacent) flush();
    if (position.found > 0) run.push(position);
  });
  flush();

  // Calling it the sender's own is a reference, not a coincidence: one more unit.
  const score = units.reduce((sum, unit) => sum + unit.score, 0) + (possessive ? 1 : 0);
  const references = [...units]
    .sort((a, b) => b.score - a.score)
    .map((unit) => unit.text)
    .filter((text, i, all) => all.indexOf(text) === i);
  return { score, available, references };
}

function namesOf(senderName: string): { first: string | null; last: string | null } {
  const parts = senderName
    .trim()
    .split(/\s+/)
    .filter((part) => part !== '' && !TITLES.test(part));
  const head = parts[0];
  const first = head !== undefined && head.replace(/[^\p{L}'’-]/gu, '').length >= 2 ? head : null;
  const last = parts.length >= 2 ? parts[parts.length - 1]! : null;
  return { first, last };
}

/** Whether the reply greets or addresses the sender: first name, or title and last name. */
function namesSender(senderName: string, body: string): boolean {
  const { first, last } = namesOf(senderName);
  const text = foldKeepCase(body);
  const allLower = text === text.toLowerCase();
  const find = (name: string, prefix: string): boolean => {
    const source = escapeRegex(foldKeepCase(name)).replace(/[-\s]+/g, '[-\\s]?');
    const re = new RegExp(`(?<![\\p{L}\\p{N}@.])${prefix}(${source})(?![\\p{L}\\p{N}@])`, 'giu');
    for (const match of text.matchAll(re)) {
      const found = match[1]!;
      if (allLower || found[0] !== found[0]!.toLowerCase()) return true;
    }
    return false;
  };
  if (first && find(first, '')) return true;
  if (last && find(last, '(?:m|mr|mrs|ms|mme|mlle|madame|monsieur|mister|miss|dr|dre|me)\\.?\\s+')) return true;
  return false;
}

type Signature = 'first-name' | 'person' | 'team' | null;

function signatureOf(lines: readonly string[], businessName: string | null): Signature {
  const content = lines.filter((line) => line !== '');
  const businessStems = new Set(tokenize(businessName ?? '').map((t) => t.stem));
  const bodyLower = content.join(' ') === content.join(' ').toLowerCase();
  const tail = content.slice(Math.max(1, content.length - 4));
  let found: Signature = null;
  for (const rawLine of tail) {
    const folded = fold(rawLine).trim();
    if (TEAM_SIGNATURE.test(folded.replace(/^[-–—~\s]+/, ''))) return 'team';
    if (GREETING_START.test(rawLine)) continue;
    let line = rawLine.replace(/^[-–—~_*\s]+/, '').trim();
    line = line.replace(/^(?:thanks|thank you|cheers|best|regards|merci|a bientôt|au plaisir)[,!.]?\s+/i, '');
    // "Kim, RVT", "Chris - Backyard Builders", "Alexandre Roy, pht": the name part.
    const namePart = line.split(/\s*(?:,|\s[-–—|]\s)\s*/)[0]!.trim();
    if (!/^[\p{L}][\p{L}'’.-]*(?:\s+[\p{L}][\p{L}'’.-]*){0,2}$/u.test(namePart)) continue;
    const parts = namePart.split(/\s+/);
    const capitalised = parts.every((part) => part[0] !== part[0]!.toLowerCase());
    if (!capitalised && !(bodyLower && parts.length === 1)) continue;
    const tokens = tokenize(namePart);
    if (tokens.some((t) => businessStems.has(t.stem) || CLOSING_WORDS.has(t.word))) continue;
    if (parts.length === 1 && parts[0]!.length >= 2 && parts[0]!.length <= 15) found = 'first-name';
    else if (parts.length >= 2 && found === null) found = 'person';
  }
  return found;
}

function matchPatterns(patterns: readonly Pattern[], folded: string): Pattern[] {
  return patterns.filter((pattern) => pattern.re.test(folded));
}

function localPart(address: string | null): { local: string; address: string } | null {
  if (!address) return null;
  const bare = /<([^>]+)>/.exec(address)?.[1] ?? address;
  const clean = bare.trim().toLowerCase();
  const at = clean.lastIndexOf('@');
  return at > 0 ? { local: clean.slice(0, at), address: clean } : null;
}

function quoteList(items: readonly string[], max = 3): string {
  return items
    .slice(0, max)
    .map((item) => `'${item}'`)
    .join(', ');
}

function delayLabel(minutes: number): { en: string; fr: string } {
  if (minutes < 60) {
    const m = Math.round(minutes);
    return { en: `after ${m} min`, fr: `après ${m} min` };
  }
  if (minutes < 48 * 60) {
    const h = Math.round(minutes / 6) / 10;
    const hs = Number.isInteger(h) ? String(h) : h.toFixed(1);
    return { en: `after ${hs} h`, fr: `après ${hs.replace('.', ',')} h` };
  }
  const d = Math.round(minutes / 1440);
  return { en: `after ${d} days`, fr: `après ${d} jours` };
}

const INSTANT_MINUTES = 3;

export function classifyToneOffline(input: ToneInput): ToneVerdict {
  const { reply, inquiry } = input;
  const prepared = prepareReply(reply.newText, inquiry.message);
  const body = prepared.body;
  const foldedBody = fold(body).replace(/\s+/g, ' ');
  const foldedSubject = fold(reply.subject).replace(/\s+/g, ' ');
  const foldedAll = `${foldedSubject}\n${foldedBody}`;
  const sender = localPart(reply.fromAddress);
  const cues: ToneCue[] = [];
  const cue = (key: string, en: string, fr: string) => cues.push({ key, label: { en, fr } });

  const finish = (tone: AutoresponderTone, confidence: number, personalization: number): ToneVerdict => ({
    tone,
    confidence: round(clamp(confidence, 0.05, 0.99)),
    personalization: round(clamp(personalization, 0, 1)),
    cues,
    engine: 'offline',
  });

  // 1. Delivery failure or retired address.
  const failures = matchPatterns(DELIVERY_FAILURE, foldedAll);
  const bounceSender = sender !== null && BOUNCE_LOCAL.test(sender.local);
  if (failures.length > 0 || bounceSender) {
    const retired = failures.length === 1 && failures[0]!.label === 'address no longer in use';
    if (retired) cue('retired-address', 'address no longer in use', 'adresse qui n’est plus utilisée');
    else cue('delivery-failure', 'delivery failure', 'échec de livraison');
    if (bounceSender) cue('bounce-sender', `bounce sender (${sender.local})`, `expéditeur de rebond (${sender.local})`);
    return finish('none', bounceSender && failures.length > 0 ? 0.97 : 0.9, 0);
  }

  const engagement = measureEngagement(input, body);
  const content = engagement.score;
  const named = namesSender(inquiry.senderName, body);
  const personalization = (available: number) =>
    Math.min(1, content / Math.max(2, Math.min(available, 5))) * 0.85 + (named ? 0.15 : 0);
  const strongEngagement = content >= 2.5;

  const templates = matchPatterns(TEMPLATE_PHRASES, foldedAll);
  const ackCount = templates.filter((t) => ACK_LABELS.has(t.label)).length;
  const templateWeight = templates.reduce((sum, t) => sum + t.weight, 0);

  // 2. Out-of-office, vacation, closure.
  const absences = matchPatterns(OUT_OF_OFFICE, foldedBody);
  let absenceScore = absences.reduce((sum, x) => sum + x.weight, 0);
  if (absenceScore > 0 && OOO_SUBJECT.test(foldedSubject)) absenceScore += 1;
  if (absenceScore > 0 && absenceScore >= ackCount * 1.5 && !strongEngagement) {
    cue(
      'out-of-office',
      `out-of-office / closure notice: ${quoteList(absences.map((a) => a.label))}`,
      `avis d’absence ou de fermeture : ${quoteList(absences.map((a) => a.label))}`,
    );
    if (reply.autoSubmitted) autoHeaderCue(cue, reply.autoReasons);
    return finish('none', 0.7 + Math.min(0.25, absenceScore * 0.05), 0);
  }

  // 3. Newsletter, subscription.
  const bulkHeader = reply.autoReasons.some((reason) => /bulk|list|junk/i.test(reason));
  const bulkSender = sender !== null && BULK_LOCAL.test(sender.local);
  const letters = matchPatterns(NEWSLETTER, foldedAll);
  const newsletterScore =
    letters.reduce((sum, x) => sum + x.weight, 0) + (letters.length > 0 && bulkHeader ? 1 : 0) + (bulkSender ? 1 : 0);
  if (newsletterScore >= 2.5 && ackCount === 0 && !strongEngagement && !named) {
    cue(
      'newsletter',
      `newsletter / subscription mail: ${quoteList(letters.map((x) => x.label))}`,
      `infolettre ou abonnement : ${quoteList(letters.map((x) => x.label))}`,
    );
    if (bulkHeader) cue('bulk-header', 'bulk mail header', 'en-tête d’envoi en masse');
    return finish('none', 0.65 + Math.min(0.3, newsletterScore * 0.05), 0);
  }

  const bodyTokens = tokenize(body);
  if (bodyTokens.length === 0) {
    cue('empty-reply', 'no text of its own', 'aucun texte propre');
    if (prepared.echoLines > 0) cue('echoes-form', 'echoes the submitted form', 'renvoie le formulaire soumis');
    return finish(prepared.echoLines > 0 ? 'robotic' : 'none', 0.5, 0);
  }

  // 5 (scores first, engagement decides on them). Robot side.
  let robot = 0;
  let person = 0;
  const robotCues: ToneCue[] = [];
  const personCues: ToneCue[] = [];
  const robotCue = (weight: number, key: string, en: string, fr: string) => {
    robot += weight;
    robotCues.push({ key, label: { en, fr } });
  };
  const personCue = (weight: number, key: string, en: string, fr: string) => {
    person += weight;
    personCues.push({ key, label: { en, fr } });
  };

  if (prepared.echoLines > 0) robotCue(3, 'echoes-form', 'echoes the submitted form', 'renvoie le formulaire soumis');
  if (templates.length > 0) {
    // Strongest first: "do not reply" says more than "as soon as possible".
    const labels = quoteList([...templates].sort((a, b) => b.weight - a.weight).map((t) => t.label));
    robotCue(
      Math.min(6, templateWeight),
      'template-phrases',
      `template phrases: ${labels}`,
      `formules types : ${labels}`,
    );
  }
  if (letters.some((x) => x.label === 'unsubscribe' || x.label === 'se désabonner')) {
    robotCue(2.5, 'mailing-list', 'mailing-list footer (unsubscribe)', 'pied de liste d’envoi (désabonnement)');
  }
  if (TICKET.test(foldedAll)) robotCue(2, 'ticket-number', 'ticket or case number', 'numéro de billet ou de dossier');
  if (/^(?:automatic\s+reply|auto(?:matic)?[-\s]?reply|reponse\s+automatique|auto-?response)\b/.test(foldedSubject)) {
    robotCue(1.5, 'auto-reply-subject', 'automatic-reply subject', 'objet « réponse automatique »');
  }
  if (reply.autoSubmitted) {
    robot += 2.5;
    autoHeaderCue((key, en, fr) => robotCues.push({ key, label: { en, fr } }), reply.autoReasons);
  }
  if (sender && NO_REPLY_LOCAL.test(sender.local)) {
    robotCue(
      2.5,
      'no-reply-sender',
      `no-reply sender (${sender.local}@)`,
      `expéditeur sans réponse (${sender.local}@)`,
    );
  }
  if (reply.minutesAfter < INSTANT_MINUTES) {
    const m = Math.max(0, Math.round(reply.minutesAfter));
    robotCue(2, 'instant', `instant (${m} min)`, `instantané (${m} min)`);
  }
  const signature = signatureOf(prepared.lines, inquiry.businessName);
  if (signature === 'team') robotCue(1, 'team-signature', 'signed by a team', 'signé par une équipe');
  if (bodyTokens.length >= 120) robotCue(0.5, 'long', 'long, polished text', 'texte long et soigné');

  // Person side.
  if (reply.minutesAfter >= INSTANT_MINUTES) {
    const label = delayLabel(reply.minutesAfter);
    personCue(reply.minutesAfter >= 30 ? 2 : 1, 'delay', label.en, label.fr);
  }
  if (firstPersonSingular(body))
    personCue(1.5, 'first-person', 'first person singular', 'première personne du singulier');
  if (bodyTokens.length <= 40) personCue(0.75, 'short', 'short', 'court');
  if (informal(body, inquiry.senderName)) personCue(1, 'informal', 'informal wording', 'ton familier');
  if (signature === 'first-name')
    personCue(1.5, 'first-name-signature', 'signed with a first name', 'signé d’un prénom');
  if (signature === 'person') personCue(0.75, 'person-signature', 'signed by a person', 'signé par une personne');
  if (body.includes('?')) personCue(1, 'asks-back', 'asks a question back', 'pose une question en retour');
  if (prepared.mobile) personCue(2.5, 'mobile-signature', 'sent from a phone', 'envoyé d’un téléphone');
  if (sender && !NO_REPLY_LOCAL.test(sender.local) && !BULK_LOCAL.test(sender.local)) {
    const businessStems = new Set(tokenize(inquiry.businessName ?? '').map((t) => t.stem.slice(0, 5)));
    const localWords = sender.local.split(/[._-]+/);
    const looksPersonal =
      !ROLE_LOCAL.test(sender.local) &&
      /^[a-z][a-z._-]{1,24}$/.test(sender.local) &&
      !localWords.some((w) => [...businessStems].some((s) => s.length >= 4 && w.includes(s)));
    if (looksPersonal || PERSONAL_DOMAIN.test(sender.address)) {
      personCue(0.5, 'personal-mailbox', 'personal mailbox', 'boîte personnelle');
    }
  }
  if (named) person += 0.5;

  // 4. Engagement.
  const margin = robot - person;
  const engaged =
    strongEngagement ||
    (content >= 1 && person > robot) ||
    (content >= 1 && named && (margin < 4 || content >= 1.5)) ||
    content >= 2;

  if (engagement.references.length > 0 && content >= 0.5) {
    const refs = quoteList(engagement.references);
    if (engaged) cues.push({ key: 'refers-to', label: { en: `refers to ${refs}`, fr: `mentionne ${refs}` } });
    else cues.push({ key: 'shared-words', label: { en: `shares only ${refs}`, fr: `n’a en commun que ${refs}` } });
  }
  if (named) cues.push({ key: 'names-sender', label: { en: 'names the sender', fr: 'nomme l’expéditeur' } });

  if (engaged) {
    cues.push(...personCues, ...robotCues);
    const confidence = 0.55 + 0.1 * Math.min(content, 3) + (named ? 0.1 : 0) - (margin > 0 ? 0.05 : 0);
    return finish('personalized', confidence, personalization(engagement.available));
  }
  if (content < 0.5 && cues.length === 0) {
    cues.push({ key: 'generic', label: { en: 'nothing from the inquiry', fr: 'rien de la demande' } });
  } else if (content < 1) {
    cues.push({
      key: 'generic',
      label: { en: 'nothing specific to the inquiry', fr: 'rien de précis sur la demande' },
    });
  }
  const confidence = 0.5 + 0.45 * (1 - Math.exp(-Math.abs(margin) / 3));
  if (robot >= person) {
    cues.push(...robotCues, ...personCues);
    return finish('robotic', confidence, personalization(engagement.available));
  }
  cues.push(...personCues, ...robotCues);
  return finish('human', confidence, personalization(engagement.available));
}

function autoHeaderCue(add: (key: string, en: string, fr: string) => void, reasons: readonly string[]): void {
  const shown = reasons.length > 0 ? ` (${reasons.slice(0, 2).join(', ')})` : '';
  add('auto-headers', `automatic-reply headers${shown}`, `en-têtes de réponse automatique${shown}`);
}

function firstPersonSingular(body: string): boolean {
  const text = foldKeepCase(body);
  if (/(?<![\p{L}])I(?:'m|'ll|'ve|'d)?(?![\p{L}])/u.test(text)) return true;
  const lower = text.toLowerCase();
  if (
    /(?<![\p{L}])(?:me|my|myself)(?![\p{L}'])/u.test(lower) &&
    /(?<![\p{L}])(?:the|and|you|to)(?![\p{L}])/u.test(lower)
  ) {
    return true;
  }
  return /(?<![\p{L}])(?:je|j'|moi|m'(?=\p{L}))/u.test(lower);
}

function informal(body: string, senderName: string): boolean {
  const text = fold(body);
  if (INFORMAL_FR_PHRASES.test(text)) return true;
  const name = new Set(tokenize(senderName).map((t) => t.word));
  const tokens = text.match(/[a-z0-9']+/g) ?? [];
  if (tokens.some((t) => !name.has(t) && (INFORMAL_EN.has(t) || INFORMAL_FR.has(t)))) return true;
  // Typed in a hurry: it starts in lower case.
  const firstLetter = /\p{L}/u.exec(body)?.[0];
  return (
    firstLetter !== undefined && firstLetter === firstLetter.toLowerCase() && firstLetter !== firstLetter.toUpperCase()
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
