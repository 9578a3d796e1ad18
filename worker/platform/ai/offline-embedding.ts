import { EMBEDDING_DIMENSIONS, type Embedder } from './embeddings';

/**
 * The offline embedder, for development, tests and a deployment without an OpenAI key: a
 * deterministic 1536-number vector per text, comparable with cosine similarity like OpenAI's
 * (but only with other vectors of this model, `avenir-offline-hash-v1`).
 *
 * How: lower case, accents stripped, French elisions (l’, d’, qu’) and English possessives
 * removed; tokens of letters and digits; English and French stop words dropped; a light,
 * conservative stemmer (plurals, -ing, -ed, -ment, -ation, -er…); a small bilingual concept
 * table ("plombier", "plomberie", "plumbing" → one concept token); then signed feature hashing
 * (FNV-1a, mixed) of every unigram (weight 1), every bigram of neighbouring content words
 * (weight ½) and every concept (weight 1) into 1536 buckets, with sublinear term frequency
 * (1 + ln tf), L2-normalised. A text with no content word is the zero vector.
 *
 * What it can do: rank texts that share words (after stemming, in either language) or
 * concepts of the table above texts that do not, the same way every time, for free.
 * What it cannot: it sees shared words and the concept table, not meaning. Synonyms outside
 * the table, paraphrase, negation ("we do not do roofing" is about roofing) and word order
 * beyond neighbouring pairs are invisible to it, and hash collisions add a little noise.
 */

export const OFFLINE_EMBEDDING_MODEL = 'avenir-offline-hash-v1';

const UNIGRAM_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.5;
const CONCEPT_WEIGHT = 1;

// Accent-free, lower case: they are compared with folded tokens.
const STOP_WORDS = new Set(
  [
    // English
    'a an the and or but if then else of to in on at by for with from into onto over under about as is are was were be been being am do does did doing have has had having it its this that these those there here their them they we us our ours you your yours he him his she her hers i me my mine who whom whose which what when where why how all any both each few more most other some such no nor not only own same so than too very can will just should would could may might must shall also get got out up down off again once per via vs etc',
    // French
    'le la les l un une des du de d et ou mais donc or ni car a au aux en dans par pour sur sous avec sans chez vers entre ce cet cette ces c ca cela ceci celui celle ceux celles il ils elle elles on nous vous je j tu te t me m moi toi lui leur leurs se s son sa ses mon ma mes ton ta tes notre nos votre vos qui que qu quoi dont ou est sont etait etaient etre ete suis es sommes etes avoir ai as avons avez ont avait fait faire ne n pas plus moins tres tout tous toute toutes aussi comme si y soit sont peut peuvent deja encore ici la bien sans autre autres meme memes quand alors ainsi',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Concepts shared by the two languages, written naturally; each word or phrase is folded and
 * stemmed at load like the text, so a table entry matches every form the stemmer joins.
 */
const CONCEPTS: Record<string, readonly string[]> = {
  plumbing: ['plumber', 'plumbing', 'plombier', 'plomberie', 'drain', 'water heater', 'chauffe-eau', 'debouchage'],
  roofing: ['roof', 'roofing', 'roofer', 'toit', 'toiture', 'couvreur', 'shingles', 'bardeaux'],
  booking: [
    'booking',
    'appointment',
    'rendez-vous',
    'rdv',
    'reservation',
    'reserver',
    'book online',
    'schedule',
    'calendar',
    'calendrier',
    'prise de rendez-vous',
  ],
  quote: ['quote', 'estimate', 'soumission', 'devis', 'estimation', 'free quote', 'soumission gratuite'],
  dental: ['dentist', 'dental', 'dentiste', 'dentaire', 'orthodontist', 'orthodontiste', 'hygienist', 'hygieniste'],
  renovation: ['renovation', 'renovate', 'renover', 'remodel', 'remodeling', 'contractor', 'entrepreneur general'],
  electrical: ['electrician', 'electrical', 'electricien', 'electricite', 'electricity'],
  hvac: ['hvac', 'heating', 'chauffage', 'air conditioning', 'climatisation', 'heat pump', 'thermopompe', 'furnace'],
  landscaping: ['landscaping', 'landscaper', 'paysagiste', 'amenagement paysager', 'lawn', 'pelouse'],
  cleaning: ['cleaning', 'cleaner', 'nettoyage', 'entretien menager', 'menage', 'janitorial'],
  bakery: ['bakery', 'baker', 'boulangerie', 'boulanger', 'patisserie', 'pastry', 'bread', 'pain', 'croissant'],
  restaurant: ['restaurant', 'dining', 'menu', 'chef', 'cuisine', 'traiteur', 'catering'],
  legal: ['lawyer', 'attorney', 'law firm', 'avocat', 'notary', 'notaire', 'cabinet juridique'],
  accounting: [
    'accountant',
    'accounting',
    'bookkeeping',
    'comptable',
    'comptabilite',
    'tenue de livres',
    'tax',
    'impot',
  ],
  lead: ['lead', 'prospect', 'client', 'customer', 'client potentiel', 'clientele', 'inquiry', 'demande'],
  form: ['form', 'formulaire', 'contact form', 'formulaire de contact'],
  contact: [
    'contact',
    'contactez',
    'contact us',
    'contactez-nous',
    'joindre',
    'get in touch',
    'write us',
    'ecrivez-nous',
  ],
  reply: ['reply', 'response', 'respond', 'answer', 'reponse', 'repondre', 'follow up', 'suivi'],
  automation: ['automation', 'automate', 'automated', 'automatic', 'automatisation', 'automatiser', 'automatique'],
  ai: ['ai', 'artificial intelligence', 'ia', 'intelligence artificielle', 'chatbot', 'assistant virtuel'],
  small_business: [
    'small business',
    'pme',
    'entreprise',
    'petite entreprise',
    'business',
    'company',
    'compagnie',
    'smb',
  ],
  bilingual: ['bilingual', 'bilingue', 'english and french', 'francais et anglais', 'french', 'francais'],
  speed: [
    'instantly',
    'instant',
    'immediately',
    'fast',
    'quick',
    'rapide',
    'rapidement',
    'immediatement',
    'instantanement',
  ],
  emergency: ['emergency', 'urgence', 'urgent', '24/7', '24 7', '24h'],
  email: ['email', 'e-mail', 'courriel', 'mail'],
  phone: ['phone', 'call', 'telephone', 'appeler', 'appelez', 'cell'],
  website: ['website', 'site web', 'site internet', 'web site', 'web'],
  price: ['price', 'pricing', 'prix', 'tarif', 'rate', 'cost', 'cout'],
  free: ['free', 'gratuit', 'gratuite', 'no charge', 'sans frais'],
};

// --- text to features ------------------------------------------------------------------

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** Letters-and-digits runs, with French elisions ("l'entreprise", "qu'il") and English possessives taken off. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of fold(text).matchAll(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu)) {
    let word = match[0];
    const elision = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(.+)$/.exec(word);
    if (elision) word = elision[1]!;
    word = word.replace(/'s$/, '').replace(/'/g, '');
    if (word !== '') tokens.push(word);
  }
  return tokens;
}

/**
 * A light stemmer for English and French, conservative on purpose: it joins plurals and a
 * few common endings, and leaves short words alone, so two different words rarely collapse.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  // Plurals: -ies → -y (companies); -aux/-eux → -au/-eu (bureaux); a final -s otherwise.
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (/(?:au|eu)x$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // Derivational and verbal endings, each only on a word long enough to keep a real stem.
  const rules: readonly [RegExp, string, number][] = [
    [/ements?$/, '', 4], // rapidement → rapid, equipement → equip
    [/ments?$/, '', 4], // management → manage, equipment → equip
    [/(?:at|it)ions?$/, '', 4], // automation → autom, installation → instal, reservation → reserv
    [/(?:t|s)ions?$/, '', 4], // construction → construc, discussion → discus
    [/ings?$/, '', 3], // plumbing → plumb, booking → book
    [/(?:ee|e)d$/, '', 4], // automated → automat, booked → book
    [/(?:iere|ier)$/, '', 4], // plombier → plomb, fermiere → ferm
    [/(?:erie)$/, '', 4], // plomberie → plomb, boulangerie → boulang
    [/(?:euse|eur)$/, '', 4], // couvreur → couvr
    [/er$/, '', 4], // plumber → plumb, installer → instal, reserver → reserv
    [/ez$/, '', 4], // demandez → demand, contactez → contact
    [/(?:ee|e)$/, '', 5], // gratuite → gratuit, entreprise → entrepris
  ];
  for (const [pattern, replacement, minStem] of rules) {
    const match = pattern.exec(w);
    if (match && w.length - match[0].length >= minStem) {
      w = w.slice(0, match.index) + replacement;
      break;
    }
  }
  // A doubled final consonant, whether an ending left it or not: "running" → "run", "install" → "instal".
  if (w.length >= 4 && /([bcdfgklmnprst])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

interface ConceptTable {
  /** Stemmed single words → concept. */
  words: Map<string, string>;
  /** Stemmed phrases ("small busines"), by their first word, longest first. */
  phrases: Map<string, { stems: string[]; concept: string }[]>;
}

const CONCEPT_TABLE: ConceptTable = (() => {
  const words = new Map<string, string>();
  const phrases = new Map<string, { stems: string[]; concept: string }[]>();
  for (const [concept, entries] of Object.entries(CONCEPTS)) {
    for (const entry of entries) {
      const stems = tokenize(entry).map(stem);
      if (stems.length === 0) continue;
      if (stems.length === 1) {
        if (!words.has(stems[0]!)) words.set(stems[0]!, concept);
        continue;
      }
      const list = phrases.get(stems[0]!) ?? [];
      list.push({ stems, concept });
      list.sort((a, b) => b.stems.length - a.stems.length);
      phrases.set(stems[0]!, list);
    }
  }
  return { words, phrases };
})();

/** The features of a text with their counts: `u:` unigrams, `b:` bigrams, `c:` concepts. */
export function offlineFeatures(text: string): Map<string, { count: number; weight: number }> {
  const features = new Map<string, { count: number; weight: number }>();
  const add = (key: string, weight: number) => {
    const feature = features.get(key);
    if (feature) feature.count++;
    else features.set(key, { count: 1, weight });
  };

  // Phrases are matched on every token, stop words included ("prise de rendez vous").
  const all = tokenize(text).map((token) => ({ token, stem: stem(token), stop: STOP_WORDS.has(token) }));
  const content: string[] = [];
  // Inside a matched phrase, its words count as words but not again as concepts.
  let phraseEnd = 0;
  for (let i = 0; i < all.length; i++) {
    const here = all[i]!;
    if (i >= phraseEnd) {
      for (const phrase of CONCEPT_TABLE.phrases.get(here.stem) ?? []) {
        if (phrase.stems.every((s, offset) => all[i + offset]?.stem === s)) {
          add(`c:${phrase.concept}`, CONCEPT_WEIGHT);
          phraseEnd = i + phrase.stems.length;
          break;
        }
      }
    }
    if (here.stop || here.token.length < 2) continue;
    content.push(here.stem);
    add(`u:${here.stem}`, UNIGRAM_WEIGHT);
    const concept = i < phraseEnd ? undefined : CONCEPT_TABLE.words.get(here.stem);
    if (concept) add(`c:${concept}`, CONCEPT_WEIGHT);
  }
  for (let i = 1; i < content.length; i++) add(`b:${content[i - 1]} ${content[i]}`, BIGRAM_WEIGHT);
  return features;
}

// --- hashing ---------------------------------------------------------------------------

/** 32-bit FNV-1a over UTF-16 code units, then murmur3's finaliser so low bits mix well. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function offlineEmbedding(text: string): Float32Array {
  const vector = new Float64Array(EMBEDDING_DIMENSIONS);
  for (const [key, { count, weight }] of offlineFeatures(text)) {
    const h = hash(key);
    const sign = h & 0x80000000 ? -1 : 1;
    vector[h % EMBEDDING_DIMENSIONS]! += sign * weight * (1 + Math.log(count));
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  const result = new Float32Array(EMBEDDING_DIMENSIONS);
  if (norm === 0) return result;
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < vector.length; i++) result[i] = vector[i]! * scale;
  return result;
}

export function createOfflineEmbedder(): Embedder {
  return {
    model: OFFLINE_EMBEDDING_MODEL,
    dimensions: EMBEDDING_DIMENSIONS,
    async embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
      signal?.throwIfAborted();
      return texts.map(offlineEmbedding);
    },
  };
}
