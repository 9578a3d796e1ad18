import type { Language } from '../../../../schema/vocabulary';
import type { LeadText } from '../normalize';

/**
 * Physical danger to people, read from the message itself (Quebec words included:
 * "boucane" is smoke): whatever the intent or urgency
 * the triage found, someone who smells gas is told to get out and call 911 before anything
 * else. Only danger to people: a leak that is only water, or a sick pet, is not a 911 call.
 */
export type Hazard = 'gas' | 'carbon_monoxide' | 'fire' | 'electric' | 'water' | 'structure' | 'injury';

// Words that hold "eau" or "water" without being loose water.
const NOT_LOOSE_WATER =
  /\b(chauffe-eau|water heater|eau chaude|hot water|eau potable|drinking water|water (tank|softener|filter|bill)|adoucisseur d'eau|compte d'eau|eaux usees)\b/g;
const WATER = /\b(water|eau|flood\w*|inond\w*|leak\w*|fuite|fuit|coule|drip\w*|degats? d'eau|mouille\w*|soaked|wet)\b/;
const ELECTRICITY =
  /\b(electri\w*|outlets?|plugs?|panel|panneau|breakers?|disjoncteurs?|light fixtures?|(ceiling|pot) lights?|lumieres?|luminaires?|plafonniers?|wiring|wires|fils|plinthes?|prises? (electriques?|de courant)|(sur|dans|pres|proche|vers|touche) (les |des |la |une |aux? )?prises?)\b/;
const NEAR = 60;

const PATTERNS: ReadonlyArray<readonly [Hazard, RegExp]> = [
  [
    'gas',
    /\b(gas leak|leaking gas|gas is leaking|fuite de gaz|propane (smell|leak)|odeur de propane|rotten eggs?|oeufs? pourris)\b|\b(gas|gaz)\b.{0,40}\b(smell\w*|odou?r|odeur|senteur|sent (le|du|comme))\b|\b(smell\w*|odou?r|odeur|senteur|sent (le|du|comme))\b.{0,40}\b(gas|gaz)\b/,
  ],
  [
    'carbon_monoxide',
    /\b(carbon monoxide|monoxyde|co (detector|alarm)|(detecteur|avertisseur|alarme) (de |du |d')?(co|monoxyde)\b)/,
  ],
  [
    'fire',
    /\b(on fire|caught fire|catching fire|there'?s a fire|a fire (in|started|broke)|flames|(en|pris|prend|a pris le|a pogne le) feu|(il y a|y'?a|y a) (un |le |du )?feu|un incendie|(smoke|smoking) (is )?(coming|pouring|everywhere|filling|from|out|in (the|our|my))|(de la|beaucoup de|y'?a de la) (fumee|boucane)|(fumee|boucane) (qui )?(sort|sortait|partout)|spark(s|ing|ed)?\b(?! ?plugs?)|etincelles?|burning smell|smells? (like )?(burning|smoke)|(sent|odeur de|ca sent) (le )?(plastique |caoutchouc )?brule|(smoke|fire) (alarm|detector)s? (is |are |keeps? )?(going off|sounding|ringing)|(detecteur|avertisseur|alarme)s? (de fumee|d'incendie) (sonne|sonnent|retenti\w*)|(outlet|panel|breaker|plug|wire|cord|prise|panneau|disjoncteur)s? (is |are |est |sont |qui |got |getting |a |ont )?(very |super |tres )?(hot|melting|melted|burning|chaud\w*|brulant\w*|fondu\w*|noirci\w*))\b/,
  ],
  [
    'electric',
    /\b(exposed wires?|live wires?|bare wires?|wires? (are )?(exposed|hanging)|fils? (electriques? )?(denudes?|exposes?|a nu)|(got|getting|received) (a |an )?electric(al)? shock|(got |get )?shocked (by|touching|when touching)|(got|get|getting) a shock (from|touching|when touching)|electrocut\w*|(choc|decharge) electrique|(recu|pris|eu) un choc (electrique|en touchant))\b/,
  ],
  [
    'water',
    /\b(flood(ed|ing|s)?|inond\w*|water (is )?(pouring|gushing|everywhere|all over)|water (is )?(coming|dripping|pouring|leaking) (in|through|down|from the ceiling)|(de l'eau|l'eau) partout|coule partout|burst pipe|(tuyau|conduite) (a )?(eclate|pete|fendu)|(l'eau|de l'eau) (coule|tombe|passe|rentre|entre) (du|par le|a travers le) plafond|dripping from the ceiling)\b/,
  ],
  [
    'structure',
    /\b(ceiling (is )?(collaps\w*|caving|sagging|coming down|falling)|roof (has )?(collapsed|caved|caving)|plafond (est |qui )?(en train de )?(s'effondr\w*|s'ecroul\w*|tomb\w*|menace de tomber)|(toit|toiture) (s'est )?(effondre|ecroule)|(balcony|deck|stairs) (is )?(collapsing|giving way)|balcon (qui )?(s'effondre|tombe))\b/,
  ],
  [
    'injury',
    /\b(can'?t breathe|cannot breathe|trouble breathing|not breathing|chest pain|passed out|unconscious|(respire|respirer) (mal|plus|difficilement)|difficulte a respirer|mal a respirer|douleur (a|dans) la poitrine|inconscient\w*|perdu connaissance|s'est evanoui\w*|bleeding (a lot|badly|heavily)|saigne (beaucoup|abondamment)|(seriously|badly) (hurt|injured)|gravement blesse\w*|(fell|fallen|tombe\w*) (off|from|du|de la|de l'|en bas du|en bas de l') ?(the |a |son |sa |mon |ma )?(ladder|roof|scaffold\w*|echelle|toit|echafaud\w*))\b/,
  ],
];
// A headache or dizziness beside something that burns fuel is carbon monoxide until proven otherwise.
const CO_SYMPTOMS = /\b(dizzy|dizziness|headaches?|nause\w*|etourdi\w*|mal a la tete|maux de tete)\b/;
const FUEL =
  /\b(gas|gaz|furnace|fournaise|foyer|fireplace|poele|stove|heater|chauffage|generator|generatrice|propane|garage)\b/;
const PETS = /\b(dog|cat|puppy|kitten|pet|chien\w*|chat|chats|chaton\w*|chiot\w*|animal|animaux)\b/;

/** The dangers the message describes, most pressing first. */
export function hazardsIn(text: LeadText): Hazard[] {
  const folded = text.folded;
  const found = new Set<Hazard>();
  for (const [hazard, pattern] of PATTERNS) if (pattern.test(folded)) found.add(hazard);
  if (CO_SYMPTOMS.test(folded) && FUEL.test(folded)) found.add('carbon_monoxide');
  if (waterNearElectricity(folded)) found.add('water');
  // A pet in trouble is the vet's emergency, not 911's.
  if (found.has('injury') && PETS.test(folded)) found.delete('injury');
  return PATTERNS.map(([hazard]) => hazard).filter((hazard) => found.has(hazard));
}

/** Loose water and something electric close together: within NEAR characters, or in one sentence. */
function waterNearElectricity(folded: string): boolean {
  const text = folded.replace(NOT_LOOSE_WATER, (match) => ' '.repeat(match.length));
  if (text.split(/[.!?\n]+/).some((sentence) => WATER.test(sentence) && ELECTRICITY.test(sentence))) return true;
  const water = new RegExp(WATER.source, 'g');
  for (const match of text.matchAll(water)) {
    const around = text.slice(Math.max(0, match.index - NEAR), match.index + match[0].length + NEAR);
    if (ELECTRICITY.test(around)) return true;
  }
  return false;
}

const SAFETY: Record<Language, Record<Hazard, string>> = {
  en: {
    gas: 'If you smell gas, leave the building without touching switches or using a phone or a flame inside, then call 911 or your gas company’s emergency line from outside.',
    carbon_monoxide:
      'If a carbon monoxide alarm is sounding or anyone has a headache, dizziness or nausea, get everyone outside into fresh air and call 911.',
    fire: 'If there is fire, smoke or sparks, get everyone out and call 911 first.',
    electric:
      'Keep everyone away from the damaged wiring and anything it touches; if anyone has been hurt or is in danger, call 911 first.',
    water:
      'Stay out of the water if it is near outlets, the electrical panel or light fixtures; if anyone is in danger, call 911 first.',
    structure: 'Keep everyone away from anything that could give way; if anyone is in danger, call 911 first.',
    injury: 'If anyone is seriously hurt or having trouble breathing, call 911 without waiting.',
  },
  fr: {
    gas: 'Si ça sent le gaz, quittez le bâtiment sans toucher aux interrupteurs ni utiliser de téléphone ou de flamme à l’intérieur, puis appelez le 911 ou la ligne d’urgence de votre distributeur de gaz, une fois dehors.',
    carbon_monoxide:
      'Si un avertisseur de monoxyde de carbone sonne ou si quelqu’un a mal à la tête, des étourdissements ou des nausées, faites sortir tout le monde à l’air frais et appelez le 911.',
    fire: 'S’il y a du feu, de la fumée ou des étincelles, faites sortir tout le monde et appelez d’abord le 911.',
    electric:
      'Gardez tout le monde loin des fils endommagés et de ce qu’ils touchent; si quelqu’un est blessé ou en danger, appelez d’abord le 911.',
    water:
      'Ne vous approchez pas de l’eau si elle est près des prises, du panneau électrique ou des luminaires; si quelqu’un est en danger, appelez d’abord le 911.',
    structure: 'Éloignez tout le monde de ce qui pourrait céder; si quelqu’un est en danger, appelez d’abord le 911.',
    injury: 'Si quelqu’un est gravement blessé ou a de la difficulté à respirer, appelez le 911 sans attendre.',
  },
};

// Gas and carbon monoxide both say "get out and call 911": two such lines are one too many.
const MAX_LINES = 2;

/** What to do first, in the reply's language; null when nobody is in danger. */
export function safetyParagraph(language: Language, hazards: readonly Hazard[]): string | null {
  if (hazards.length === 0) return null;
  return hazards
    .slice(0, MAX_LINES)
    .map((hazard) => SAFETY[language][hazard])
    .join(' ');
}
