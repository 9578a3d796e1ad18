import type { Cue } from '../cues';

/**
 * Cues of a lead unhappy with what the business did: feelings, delays, damage, demands. Over
 * folded text; weights as in intent-cues.ts.
 */

export const COMPLAINT_CUES: readonly Cue[] = [
  {
    pattern:
      /\b(annoyed|annoying|irritated|disappointed|disappointing|unacceptable|inacceptable|inadmissible|outrageous|ridiculous|ridicule|terrible|horrible|awful|worst|pire|rude|impolie?s?|unprofessional|pas professionnel\w*|not impressed|pas impressionnee?|honteu(x|se)|shameful|degoutee?|disgusted|disgusting|ecoeuree?|tannee?|fed up|sick of|insatisfaite?|dissatisfied|unhappy|mecontente?|frustrated|frustrating|frustrante?|frustree?|furious|furieu(x|se)|livid|fachee?|angry|upset|outraged|outree?|choquee?|decue?s?|decevant|let down|en colere|en beau (fusil|maudit)|en (maudit|calvaire|tabarnak)|scandaleu(x|se)|incompetent\w*|nul|poor service|bad service|mauvais service|n'importe quoi|pas serieux|treated (so |very |really )?(poorly|badly|rudely)|condescend\w*|disrespect\w*|manque de respect|mal (traitee?|recue?)|made me feel (stupid|small|bad|terrible|like)|(pas|not|no longer|plus|pu) (du tout )?(satisfaite?|contente?|happy|satisfied|pleased))\b/,
    weight: 3,
  },
  {
    pattern:
      /\b(complaint|complain|complaining|plainte|porter plainte|refund|money back|mon argent|remboursement|rembourse[rz]?)\b/,
    weight: 1.5,
  },
  {
    // Asking for the money back, or refusing to pay, is a grievance, not a billing question.
    pattern:
      /\b((want|demand|expect|need) (a|a full|the) (refund|full refund)|(my|our) money back|je (veux|demande|exige) (etre )?rembours\w*|je veux (mon argent|un remboursement)|(won'?t|will not|refuse to|not going to|am not going to) pay|je (ne )?(paierai|payerai) (pas|rien)|(ne )?(vais|veux) pas payer|pas payer (le solde|tant que))\b/,
    weight: 2.5,
  },
  {
    pattern:
      /\b((no one|nobody|personne) (has )?(ne )?(called|call|calls|me rappelle|m'a rappelee?|m'a repondu|got back|gets back|responded|answers?|repond|m'appelle)|(won'?t|doesn'?t|don'?t|never) (answer|call back|return my calls?)|(nobody|no one|personne) (ever )?(returns?|returned|ne retourne) (my|mes|our|nos) (calls?|messages?|emails?|appels|courriels)|(nobody|no one)('s| has)? (told|called|updated|said|explained)|personne (ne )?m'a (rien )?(dit|appelee?|informee?|explique)|ne (repond|rappelle) (pas|jamais|plus|pu))\b/,
    weight: 2,
  },
  {
    // Kept waiting: days gone by, calls repeated, the same fault again.
    pattern:
      /\b(still waiting|(it'?s|it has) been (\w+ ){0,4}\d+ (days|weeks|months)|(still|toujours) (aren'?t|isn'?t|not|pas) (\w+ )?(here|ready|in|done|arrived|arrivee?s?|prete?s?|fait|faite|livree?s?)|hung up|raccroche|j'attends (toujours|encore|depuis)|que j'attends|(i'?ve|we'?ve) been waiting|ca fait (deux|trois|quatre|plusieurs|\d+) (fois|jours|semaines|mois)|(two|three|four|several|\d+) times (now|already|this|about)|called (two|three|four|several|\d+) times|(same|meme) (problem|issue|leak|thing|noise|sound|probleme|fuite|affaire|bruit)|(left|laisse) (two|three|four|several|\d+|deux|trois|quatre|plusieurs) (\w+ )?messages)\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(was missing|were missing|il manquait|never showed|didn'?t show up|no-?show\w*|jamais venue?s?|pas venue?s?|pas presentee?s?|left (a )?mess|left mud|(left|laisse) (\w+ ){0,2}(debris|dechets|mess|garbage|trash|mud|boue|traces|clous|nails) (partout|everywhere|all over|sur|on|dans)|damaged|abimee?s?|endommagee?s?|scratched|egratigne\w*|gouged|dented|chipped|stained|ruined|gache|not what (i|we) (asked|ordered)|pas ce que j'(ai|avais) demande|(always|again|toujours|encore) (late|en retard)|(arrived|showed up|came) (\w+ ){0,3}late|arrivee?s? (\w+ ){0,3}en retard|(still|encore|toujours) (leaking|broken|bleeding|sticky|dirty|filthy|stained|wet|sales?|collante?s?|tachee?s?|not (working|fixed|done|clean))|skipped)\b/,
    weight: 2,
  },
  {
    // Something the business did, now gone wrong.
    pattern:
      /\b((que vous avez|you|your (guy|guys|team|crew|technician|employee|tech|techs|installer|installers|driver|staff)|votre (gars|equipe|employee?|technicien|installateur)) (a |ont |have |has )?(installed|did|fixed|repaired|replaced|put in|laid|built|delivered|cleaned|posee?s?|installee?s?|faite?s?|reparee?s?|livree?s?|nettoyee?s?|supposed to|etait cense|devait))\b/,
    weight: 1.5,
  },
  {
    pattern:
      /\b((we|i) paid (\$? ?[\d,.]+ ?\$? )?for|(on a|j'ai|nous avons) paye (\d[\d ,.]* ?\$ )?pour|i paid \$?[\d,.]+|j'ai paye \d[\d ,.]* ?\$|lose patience|perdre patience|dead|morte?s?|cracked|fissuree?s?|peeling|leaking again|mal fait|poorly done|sloppy|botched|bacle|not done|pas fait|pas finie?|not finished|unfinished|(second|2nd|third|3rd|fourth|deuxieme|troisieme|quatrieme) (time|fois)|never showed|jamais (venue?|arrivee?))\b/,
    weight: 1.5,
  },
  {
    pattern:
      /\b(your|votre|vos) \w+( \w+)? (a |ont |has |have )?(arrache|brise|endommage|abime|egratigne|casse|fissure|tache|damaged|broke|hit|scratched|dented|gouged|ruined|destroyed|cracked|stained|ripped|lost|perdu)\b/,
    weight: 2.5,
  },
  {
    // What the business's people did wrong, or what its work failed.
    pattern:
      /\b((your|votre|vos) (\w+ ){0,2}(was|were|a ete|etait|ont ete|etaient) (speeding|rude|drunk|yelling|careless|dangerous|impolie?s?|negligente?s?|agressi\w*)|nearly (hit|ran over)|(a failli|ont failli) (frapper|heurter)|this (needs|has) to be (addressed|dealt with)|(the ones|the one|what|that) you (took|did|made|printed|cut|sent) (were|was|got|are|is) (rejected|refused|wrong|ruined|crooked|blurry|unusable))\b/,
    weight: 2.5,
  },
  {
    // Harm that came back with the lead from the business.
    pattern:
      /\b(came (home|back) (from (\w+ ){1,3})?with|(est|sont) (revenue?s?|rentree?s?) (\w+ ){0,3}(avec|du|de la))\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(wasted (my|our) (time|afternoon|morning|day|evening)|(j'ai|on a|nous avons) perdu (mon|notre|ma) (temps|journee|apres-midi|avant-midi)|no record of|aucune trace de|showed up and|je me suis presentee? et|on m'a dit qu'il n'y avait)\b/,
    weight: 2.5,
  },
  {
    pattern:
      /\b(dedommagement|dedommager|compensation|compensate|indemnisation|indemniser|j'attends (des|vos) explications|i (want|expect|demand) an explanation|explain what happened|m'expliquer ce qui s'est passe|(speak|talk) (to|with) (a|the|your) (manager|owner|supervisor)|(want|need) (a|the|your) (manager|owner|supervisor)|parler (au|a un|a la|avec le|avec la) (gerante?|responsable|patron|proprio|proprietaire|superviseur|directeur|directrice|manager))\b/,
    weight: 2.5,
  },
  {
    // The business's mistake to put right at its own cost.
    pattern:
      /\b((your|votre|vos) (mistake|error|erreur|faute)|not my fault|pas (de )?ma faute|at your (own )?(cost|expense)|a vos frais|free of charge|sans frais pour moi|make (this|it) right|made right|reprint\w*|reimprim\w*|(me la|me le|le|la) refaire gratuitement|even though (i|we|the proof) (approved|paid|asked|was)|alors que (c'etait|j'avais|j'ai) )\b/,
    weight: 2,
  },
  {
    pattern:
      /\b((food|nourriture|bouffe|repas|plats?|order|commande) (was|were|etait|etaient|est arrivee?s?|arrive[sd]?) (cold|late|froids?|froides?|en retard)|(staff|crew|team|employes|equipe) (left|sont partis?) (early|tot|plus tot))\b/,
    weight: 2,
  },
  {
    // The same fault back after the business was told: the problem is now the business.
    pattern:
      /\b((coule|fuit|fuient|brise|plante|saigne|bloque|leaks?|leaking|broken|broke) (encore|toujours|again|still|de nouveau)|(deuxieme|troisieme|quatrieme|\d+e) fois que (je|j'|on)|(second|third|fourth|\d+(nd|rd|th)) time (i|we|i'?ve|we'?ve)|(pay|paying|paye|payons|paie|paies) (\S+ ){0,8}(pour|for) (ca|this|that|rien|nothing)\b)/,
    weight: 2,
  },
  {
    // A mistake in the work delivered, as opposed to a fault in something that runs.
    pattern:
      /\b((une|des) erreurs? (dans|sur) (le|la|les|mon|ma|mes|notre|nos|votre|vos)|(an )?(error|mistake|typo)s? (in|on) (the|my|our|your)|faute (de frappe|d'orthographe)|typo)\b/,
    weight: 2,
  },
  {
    // A promise recalled: a hint of a grievance, or just a reminder.
    pattern: /\b((you|vous) (m'|nous )?(told|promised|aviez (dit|promis)|avez (dit|promis)))\b/,
    weight: 1.5,
  },
  {
    // Kept waiting past the time given, with nobody sorry for it: a pattern the lead will not accept.
    pattern:
      /\b((waited|waiting|attendu) (over |more than |plus de |pendant )?\d+ (minutes|min|hours|heures|h)|no (apology|explanation)|without (an |any )?(apology|explanation)|sans (aucune )?(excuse|explication)|aucune (excuse|explication)|(this|it) is a pattern|my time is valuable|mon temps est precieux|if this (continues|keeps happening|happens again)|si (ca|cela) se reproduit|(look|looking|shop|shopping) for (another|a new|a different) (\w+ )?(clinic|company|provider|garage|salon|dentist|vet|contractor|place|business)|(chercher|trouver|magasiner) (un|une) autre (clinique|compagnie|fournisseur|garage|salon|dentiste|entrepreneur|place))\b/,
    weight: 2,
  },
  {
    // The price held against what was delivered, an ultimatum, a cancelled service still billed.
    pattern:
      /\b(\$ ?\d[\d,.]* for (this|that)|\d[\d ,.]* ?\$ pour (ca|cela|ce resultat)|expected (a lot |much |way |so much )?(better|more)|je m'attendais a (beaucoup |bien )?(mieux|plus)|(this is|c'est) (my|mon) (last|final|dernier) (email|message|warning|courriel|avertissement)|(mon )?dernier (courriel|message|avertissement) avant|(cancell?ed|annule) (\w+ ){0,5}(and|but|mais|pis|et) (you'?re|you are|vous) (still|toujours|continuez))\b/,
    weight: 2.5,
  },
  {
    // Disputing the payment with the bank: a fight over the bill, not a question about it.
    pattern:
      /\b(chargeback|dispute (the charge|it|this|the (payment|transaction))|disputing the charge|(call|calling|contact) my (bank|credit card company)|contester (la|le|cette|ce) (transaction|charge|frais|paiement|facture|prelevement))\b/,
    weight: 2,
  },
  // "Not your fault": the lead is upset, but not with the business.
  { pattern: /\b(not your fault|pas (de )?votre faute|not blaming you|je ne vous blame pas)\b/, weight: -3 },
  {
    // The loyalty a grievance leans on: "I've been a client for ten years".
    pattern:
      /\b((i'?ve|i have|we'?ve|we have) been (a |your )?(loyal )?(client|customer|patient)s? (for|since)|(je suis|on est|nous sommes) (client|cliente|clients|patient|patiente)s? (depuis|fidele))\b/,
    weight: 1,
  },
  {
    pattern: /\b(i expect|we expect|j'exige|nous exigeons|je m'attends a|i demand|fix this|reglez|un geste)\b/,
    weight: 1.5,
  },
];
