/**
 * What the adaptation reads of a message: its content words, accent-folded and lightly
 * stemmed, and the pairs of neighbouring content words ("how much", "pas urgent"). Function
 * words and courtesies of both languages are dropped: "bonjour, merci" says nothing of what a
 * lead wants, and would make every message look like every other.
 */
export function messageFeatures(message: string): readonly string[] {
  const known = FEATURE_CACHE.get(message);
  if (known) return known;
  const stems: string[] = [];
  const features = new Set<string>();
  for (const word of wordsOf(message)) {
    const stem = stemCached(word);
    if (stem === null) continue;
    if (!GENERIC.has(stem)) features.add(stem);
    const previous = stems[stems.length - 1];
    if (previous !== undefined) features.add(`${previous} ${stem}`);
    stems.push(stem);
  }
  const list = [...features];
  // A client's corrections come back with each of its leads: each message is read once.
  if (FEATURE_CACHE.size >= CACHE_SIZE) FEATURE_CACHE.clear();
  FEATURE_CACHE.set(message, list);
  return list;
}

// Memos of pure functions, bounded: the same answer, sooner.
const CACHE_SIZE = 4096;
const FEATURE_CACHE = new Map<string, readonly string[]>();
const STEM_CACHE = new Map<string, string | null>();

/** A word's stem, or null for a word that is no feature (a function word, a number, a letter). */
function stemCached(word: string): string | null {
  const known = STEM_CACHE.get(word);
  if (known !== undefined) return known;
  const stem = STOPWORDS.has(word) || /^\d+$/.test(word) ? null : stemOf(word);
  const kept = stem !== null && stem.length >= 2 ? stem : null;
  if (STEM_CACHE.size >= CACHE_SIZE) STEM_CACHE.clear();
  STEM_CACHE.set(word, kept);
  return kept;
}

/**
 * The words of a message, lower-cased and accent-folded, elided articles split off ("j'aurais"
 * → "j", "aurais"): the words of normalize.ts's readMessage, folded over the whole string at
 * once (the adaptation folds up to 200 corrected messages per lead, and needs no offsets).
 */
export function wordsOf(message: string): string[] {
  return message.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').match(WORD) ?? [];
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WORD = /[a-z0-9œæ]+/g;

// Words any lead may write, whatever it wants ("I need", "j'aimerais savoir"): alone they make
// no two messages alike, so they are no feature of their own; in a pair ("need quote") they are.
const GENERIC: ReadonlySet<string> = new Set(
  [
    'need want would like lik looking look know get got help question ask wonder wondering',
    'make tak give send let see go come time day one thing someth anyth any some all more',
    'besoin voudrai voudrais aimerai aimerais savoir demand question info information peux pouvez',
    'faire fai fait avoir veux voir chose quelque tout tous plu',
  ]
    .join(' ')
    .split(' ')
    .map((word) => stemOf(word)),
);

/**
 * One stem for the forms a client writes of a word, in either language: plurals, the French
 * feminine, the English past and gerund ("factures", "facturé", "facture" → "factur";
 * "charged", "charges" → "charg"). Crude on purpose: it only has to make two spellings of one
 * word meet, never to produce a word.
 */
export function stemOf(word: string): string {
  let stem = word;
  if (stem.length >= 6 && stem.endsWith('ing')) stem = stem.slice(0, -3);
  else if (stem.length >= 5 && stem.endsWith('ed')) stem = stem.slice(0, -2);
  if (stem.length >= 4 && stem.endsWith('s') && !stem.endsWith('ss')) stem = stem.slice(0, -1);
  if (stem.length >= 4 && stem.endsWith('x') && /[aeo]ux$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.length >= 5 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

// Folded forms (no accents), as readMessage gives them. Negations and question words stay:
// "not urgent", "how much", "combien" carry what a lead wants.
const STOPWORDS: ReadonlySet<string> = new Set(
  [
    // English
    'a an the and or but to of in on at for with from by as if so than then that this these those',
    'is are was were be been being am it its i me my mine we our ours us you your yours u ur he she',
    'him her his they them their there here have has had do does did doing done will would shall',
    'should can could may might must just also very really too oh ok okay well',
    'about again still even only more less much many other another such same own each',
    'hi hello hey dear thanks thank thx ty please pls plz regards cheers sincerely best',
    // French
    'le la les l un une des de du d et ou mais au aux en dans sur pour par avec ce cet cette ces',
    'c ca cela ceci je j me m moi mon ma mes tu te t toi ton ta tes il ils elle elles on nous vous',
    'votre vos notre nos leur leurs se s sa son ses qui que qu quoi dont est sont etre ete ai as a',
    'avons avez ont suis es etes y aussi tres bien donc alors pis ben la',
    'chez plus pu moins comme si ne n ni sans sous vers entre selon car puis peu trop encore deja meme autre autres',
    'bonjour bonsoir allo salut merci svp stp cordialement madame monsieur',
  ]
    .join(' ')
    .split(' '),
);
