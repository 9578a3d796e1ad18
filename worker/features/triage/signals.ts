/**
 * Time and risk signals in folded text (see normalize.ts), shared by intent, urgency and the
 * summary. Each list is what a person triaging a lead would look for, in English and in
 * Quebec French.
 */

export const WEEKDAYS =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
export const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre';
const SEASONS = "winter|summer|spring|fall|autumn|l'hiver|l'ete|le printemps|l'automne|hiver|ete|printemps|automne";

/** Something is broken, flooding, burning or hurting right now. */
export const EMERGENCY: readonly RegExp[] = [
  /\b(water (is |was )?((coming|comes|came) (in|through|into)|dripping|pouring|leaking|everywhere|all over)|de l'eau (partout|qui coule|qui rentre|qui entre|dans le sous-sol)|l'eau (coule|rentre|entre) (partout|dans|par)|dripping from|water (on|all over) the floor|de l'eau (sur|par) (le plancher|terre)|coule partout|flood(s|ed|ing)?|inond\w*|burst( pipe)?|pouring|degat d'eau|degats d'eau|dega d'eau)\b/,
  /\b(no heat|no heating|(house|home|maison|appartement|logement|bureau|apartment|office|fridge|freezer|cooler|frigo|congelateur|chambre froide) (is |est )?(at|a) \d{1,2} ?(degrees|degres)|(blowing|blows|souffle) (\w+ )?(cold|froid)|(fridge|freezer|cooler|frigo|congelateur|chambre froide)s? (\w+ ){0,4}(not cooling|stopped cooling|warming up|is warm|died)|(ne )?refroidit (pas|pu|plus)|(alarm|alarme) (is |keeps )?(going off|sounding|beeping|sonne|retentit)|no water|no running water|(pas|plus) d'eau( courante)?|frozen pipes?|pipes? (are |have )?frozen|tuyaux? geles?|(pas|plus) de courant|pas de chauffage|plus de chauffage|chauffage (ne fonctionne|ne marche|est brise|en panne)|no hot water|pas d'eau chaude|plus d'eau chaude|furnace (quit|died|stopped|is out))\b/,
  /\b(gas smell|smells? (like |of )?gas|odeur de gaz|sent le gaz|carbon monoxide|monoxyde|on fire|(house|kitchen|electrical) fire|fire in the|un feu|incendie|smoke (coming|from|everywhere)|de la fumee|sparks?|etincelles?|sent le brule|odeur de (brule|fumee)|burning smell|smells? (like )?burning)\b/,
  /\b(breaker (won'?t reset|keeps tripping)|disjoncteur (saute|ne se reenclenche)|lights? (keep |keeps )?flickering|lumieres? (qui )?clignot\w*|outage|power (is )?out|(power|heat|heating|electricity|internet|wifi|water)('s| has| have)? been (out|off|down|cut)|no power|no electricity|plus d'electricite|pas d'electricite|panne|en panne|(is|are|went|been|site|server|system|website|network) down)\b/,
  /\b(broke down|broken down|won'?t start|locked out|locked (my |the )?keys in|(cles|clefs) (sont )?(barrees|enfermees|restees|prises) dans|(barree?|enfermee?|pognee?) dehors|ne demarre (plus|pas)|stranded|stuck on the|tow truck|remorqu\w*|sewer backup|backed up|backing up|sewage|egouts?|refoulement|refoul\w*|overflow(ing|ed|s)|deborde\w*)\b/,
  /\b(bleeding|saigne\w*|vomit\w*|threw up|throwing up|(up|of|du) blood|du sang|can'?t breathe|respire (mal|plus|difficilement)|convuls\w*|poison\w*|empoisonn\w*|bitten|mordue?|mordre|morsure|plaie|infect\w*|swollen|swelling|enflee?s?|enflure|deep (cut|wound)|ate (\w+ ){0,2}(chocolate|bones|grapes|raisins|poison|rat poison|medication|pills)|ate (a |some )|got into the (garbage|trash)|a mange (du chocolat|des os|des raisins|du poison|un |une |des ))\b/,
  /\b((we'?re|we are|we|on) (losing|lose|perd|perdons) (des )?(online )?(sales|ventes|customers|clients|money|de l'argent|business|orders|commandes|bookings|reservations|appointments|rendez-vous)|(it'?s|it is|c'est) down|(site|website|site web|page) (is |est )?(down|hors ligne|offline|inaccessible)|can'?t (take orders|sell|operate|work|open|take (card |credit card )?payments|process payments|accept payments)|(ne )?(peuvent|peut|pouvons|peux) (plus|pas|pu) (commander|vendre|travailler|ouvrir|payer|encaisser|rien)|keeps? failing|crash(es|ed|ing)?|ransom\w*|rancon\w*|hacked|piratee?s?|malware|cyber-?attac?k\w*)\b/,
  // A danger the lead cannot leave alone until someone comes.
  /\b(dangerous|dangereu(x|se)|unsafe|hazard|pas securitaire|exposed wires?|fils? (denudes?|exposes?)|live wires?)\b/,
  /\b((ca|qui|il|elle|app|application|site|systeme|logiciel|ordinateur|caisse) plante|plante (chaque|tout le temps|sans arret|quand|a chaque|encore))\b/,
];

/** An answer or a visit is wanted today, or within a day or two. */
export const IMMEDIACY: readonly RegExp[] = [
  /\b(today|tonight|this (afternoon|evening)|right now|right away|immediately|(reply|call|respond|answer|get back to me|come) (quickly|fast|right back))\b/,
  /\b(aujourd'hui|ce soir|a soir|cet apres-midi|cet apres midi|tout de suite|au plus vite|(repondez|rappelez|appelez|venez|revenez)(-moi| moi)? (vite|rapidement)|immediatement|d'ici demain|d'ici ce soir|vite,? (svp|s'il vous plait|s\.v\.p)|(svp|s'il vous plait),? vite)\b/,
  /\b(by tomorrow|tomorrow|demain|within (24|48|twenty-four|forty-eight) ?h(ours|rs)?|dans les (24|48) ?(h|heures)|end of (the )?day|d'ici la fin de la journee|avant la fin de la journee)\b/,
  /\b(avant|before|by) \d{1,2} ?(h|am|pm|a\.m\.|p\.m\.)/,
  // "As soon as possible", except for when to start: a lesson plan or a contract begun soon is
  // eager, not pressing.
  /(?<!\b(start|starting|begin|beginning|commencer|debuter|demarrer) )\b(asap|a\.s\.a\.p|as soon as possible|des que possible|le plus vite possible|le plus tot possible)\b/,
];

/** The lead calls it urgent without saying when. */
export const FLAGGED_URGENT: readonly RegExp[] = [
  /\b(urgent(ly)?|urgence|emergency|emergencies|au plus sacrant|time[- ]sensitive|pressing|(ca|c'est|c'est tres|c'est assez|ca commence a) (presse|pressant)|(je suis|on est|chu|suis) (presse|pressee|presses|pressees)|en urgence|in a (hurry|rush)|rush (fee|order|job|service|charge)|frais d'urgence|escalate|escalader)\b/,
];

/** A date within the next few days ("this Friday", "ce samedi"); "this week" may be a week away. */
export const NEAR_DATE: readonly RegExp[] = [
  new RegExp(`\\b(this|ce|cette) (coming )?(${WEEKDAYS}|weekend|week-end|week end|fin de semaine)\\b`),
  new RegExp(`\\bon (${WEEKDAYS})\\b(?!s)`),
  // A day of the coming week with a time: "Saturday morning", "dimanche à 14h"; "un samedi" is any
  // one, and "next Tuesday" is usually the one after (HORIZON).
  new RegExp(
    `(?<!\\b(un|a|any|every|chaque|tous les|les|le|some|next) )\\b(${WEEKDAYS}) (morning|afternoon|evening|night|noon|matin|apres-midi|avant-midi|soir|midi|at \\d|a \\d|vers \\d)\\b`,
  ),
  /\b(in|dans) (a|one|two|2|un|une|deux) (days?|jours?)\b/,
];

/** A concrete horizon: weeks, a month, a season to beat, a calendar date. */
export const HORIZON: readonly RegExp[] = [
  /\b(next (week|month)|this (week|month)|cette semaine|(in|dans) (about |around |environ )?(a|one|une|two|2|three|3|a few|a couple of|quelques|deux|trois) (weeks|semaines|week|semaine)|ce mois(-ci)?|le mois prochain|la semaine prochaine|the week after|within (a|one|two|2|three|3|a few|a couple of) weeks|in the next (few|two|2|couple of) weeks|next (few|two|2|couple of) weeks|couple of weeks|d'ici (une|deux|2|trois|3|quelques) semaines|dans les prochaines semaines|prochaines semaines|soon|bientot|sous peu)\b/,
  new RegExp(
    `\\b(before|avant) (the end of |la fin d[eu] |the |les )?(${SEASONS}|${MONTHS}|christmas|noel|the holidays|les fetes|month|mois|year-end|school)\\b`,
  ),
  new RegExp(`\\b(\\d{1,2}(er)? (${MONTHS})|(${MONTHS}) \\d{1,2}(st|nd|rd|th)?)\\b`),
  new RegExp(`\\b(in|en|au mois d[e'] ?) ?(${MONTHS})\\b`),
  new RegExp(
    `\\b(next (${WEEKDAYS})|(${WEEKDAYS}) prochain|la semaine du \\d{1,2}|(le|du|on the) \\d{1,2}(er|st|nd|rd|th)?)\\b(?! ?(%|\\$|h\\b|ans|years|pieds|feet|pi))`,
  ),
];

/** The lead says there is no hurry. */
export const NO_RUSH: readonly RegExp[] = [
  /\b(no (big |real )?rush|no hurry|not a big deal|not urgent|nothing urgent|not in a (rush|hurry)|whenever (you|it'?s|is|works)|at your convenience|when you (get|have) a (chance|minute)|take your time|no pressure|next time (you|you'?re|they'?re|your \w+ (is|are)) (in|around|nearby|out)|(don'?t|do not) need (a|any) (call ?back|reply|response|answer)|no need to (call|reply|respond|get back|answer)|(i'?m not|not) expecting (a|any) (reply|response|answer)|(i )?(don'?t|do not) expect (a|any) (reply|response|answer)|no (reply|response|answer) (needed|necessary|required))\b/,
  /\b(pas (de |un )?(gros )?(rush|presse\w*)|pas une grosse urgence|pas urgent\w*|rien d'urgent|sans urgence|pas de presse|quand vous (pourrez|aurez|avez) (le temps|une minute|un moment)?|quand vous pourrez|a votre convenance|prenez votre temps|(pas|pas vraiment) (une |d')urgence|la prochaine fois que (vous|vos|votre)|pas besoin de (me )?(rappeler|repondre|retour)|pas besoin d'un (retour|suivi)|(je )?(n'attends|n'attend|attends) (pas|aucune) (de )?(reponse|retour|suivi))\b/,
];

/**
 * The lead plays the problem down without saying it can wait: still a problem to deal with in
 * the coming days (Medium), only not an emergency.
 */
export const PLAYED_DOWN: readonly RegExp[] = [
  /\b(not (flooding|dangerous|an emergency|a real emergency|an urgent \w+)|nothing (dramatic|serious|major)|rien de (dramatique|grave))\b/,
];

/** A plan months away, or someone just looking around. */
export const FAR_HORIZON: readonly RegExp[] = [
  new RegExp(
    `\\b(next year|l'an prochain|l'annee prochaine|in a few months|dans quelques mois|eventually|someday|next (winter|summer|spring|fall|autumn)|(le |l')?(printemps|ete|automne|hiver) prochain|(?<!\\d(er)? )(en |au mois d'?)?(${MONTHS}) prochain|next (${MONTHS})|eventuellement)\\b`,
  ),
  // A season named as the time of the work ("for the fall", "sometime this summer"): months off,
  // whatever the date today; "this summer" alone may be weeks away, "before winter" is a deadline,
  // and a season followed by a noun is a kind of job ("the spring cleanup", "pneus pour l'hiver").
  /\b(sometime (in |this |next )?|(in|for|pour) )(the |l')?(spring|summer|fall|autumn|winter|printemps|ete|automne|hiver)(?=[ ]?([.,;:!?)]|$)| (when|quand|if|si|once|lorsque|or|ou|and|et|pis|genre|maybe|peut-etre)\b)/,
  /\b(just (looking|curious|browsing)|thinking (about|of)|planning ahead|je pense (vendre|faire|acheter|renover|demenager)|je songe a)\b/,
];

/** A customer threatening to leave or escalate. */
export const THREAT_TO_LEAVE: readonly RegExp[] = [
  /\b(cancel(l?ing)? (my|our|the) (\w+ )?(account|contract|subscription|service|membership|order)|i('ll| will|'m) cancell?ing|i('ll| will) cancel|going to cancel|(going|go) to (a|your|the) competitor|(look|looking|go|going) elsewhere|switch(ing)? (to another|provider|providers|companies|company)|take my business elsewhere|go elsewhere|find another (company|provider)|never (use|come back|again)|dispute the charge|disputing the charge|dispute (it|this|the (payment|transaction))|(call|calling|contact) my (bank|credit card company)|chargeback|or i'?m done|i'?m done with you|last time i (use|call|hire))\b/,
  /\b(change(r|rai)? de (fournisseur|compagnie|garage|clinique)|(aller|voir|magasiner|va|vais|allons) ailleurs|vais annuler|annuler mon (contrat|abonnement|compte)|annule mon (contrat|abonnement|compte)|annule(r|rai|ra|rons|ons)? (le|mon|notre|ce|nos) (contrat|abonnement|compte|service|contrats|commande)|vous ne me reverrez|contester (la|le|cette|ce) (transaction|charge|frais|paiement|facture|prelevement)|plus jamais|j'en ai assez|c'est la derniere fois|sinon c'est fini)\b/,
  /\b((my|our) (lawyer|attorney)|legal action|small claims|(mon|notre) avocat|mise en demeure|petites creances|porter plainte|protection du consommateur|better business bureau|bbb|opc|office de la protection|bad review|(leave|leaving|post|posting|write|writing) (a |an |bad |negative |\w+ )?reviews?|reviews? everywhere|(every|any) review site|sites? d'avis|report you to|vous (denoncer|signaler)|mauvais avis|mauvaise critique|(laisser|laisse|laisserai|ecrire|ecris|ecrirai|mettre|mettrai|publier|publierai) (un )?(mauvais )?(avis|commentaire)|(on|sur) (google|facebook|yelp))\b/,
];

/** The lead asks to be called or contacted back. */
export const CALLBACK: readonly RegExp[] = [
  /\b(call me( back)?|give me a (call|ring)|contact me|reach me|get back to me|rappelez-moi|rappelez moi|appelez-moi|appelez moi|contactez-moi|contactez moi|me rappeler|m'appeler|me contacter|me joindre)\b/,
];

export const PHONE_NUMBER = /(?:\+?1[ .-]?)?\(?\b\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\b/;
