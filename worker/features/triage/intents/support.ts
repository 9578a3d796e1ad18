import type { Cue } from '../cues';

/**
 * Cues of a customer with something to fix: a fault, a missing delivery, an access lost, a
 * symptom. Over folded text; weights as in intent-cues.ts.
 */

// "Rien n'a été brisé", "nothing was damaged": praise, not a breakage.
const NOT_NEGATED = "(?<!\\b(rien n'a ete|rien n'est|rien de|nothing (was |got )?|no) )";

export const SUPPORT_CUES: readonly Cue[] = [
  {
    pattern: new RegExp(
      `${NOT_NEGATED}\\b(not working|doesn'?t work|does not work|stopped (working|syncing|loading|printing|charging|cooling|heating|draining|responding|connecting|running|spinning|sending|showing|updating|saving|flushing|opening|closing|locking)|isn'?t working|no longer works|broken|broke|brise|brisee?|defectueu(x|se)|ne (fonctionne|marche|demarre|s'allume|s'ouvre|ferme) (plus|pas)|fonctionne plus|marche plus|bug|bugs|error (message|code)|message d'erreur|code d'erreur|failing|fails|failed|glitch|ne charge pas|(marche|fonctionne|part|demarre|chauffe|ferme|charge|imprime|s'allume|s'ouvre) (pu|pus|pas)|dans le trouble)\\b`,
    ),
    weight: 3,
  },
  {
    // A leak is a fault to fix; it is an emergency only when the water is everywhere (signals.ts).
    pattern:
      /\b(leak(s|ing|ed)?|leaky|fuite|fuites|fuit|fuient|degoutte|coule (encore|toujours|un peu|par|dans|sous|a)|coulent)\b/,
    weight: 3,
  },
  {
    // Something that used to arrive and no longer does, often since a change on the business's side.
    pattern:
      /\b((ne )?(recois|recoit|recevons|recoivent) (plus|pas|pu)|(not|no longer|stopped) (receiving|getting)|depuis (la|votre) (mise a jour|migration|changement)|since (the|your) (update|upgrade|migration|switch))\b/,
    weight: 2.5,
  },
  {
    // The fault is back, or the thing is lost: a customer's follow-up.
    pattern:
      /\b((noise|leak|problem|issue|smell|pain|bruit|probleme|fuite|odeur|douleur) (is|are|came|est|a) (back|revenue?|recommence)|started again|a recommence|(lost|perdu) (it|them|my|the|ma|mon|mes|le|la)|get (it|them) replaced|(avez-vous|vous avez) bien recu|did you (get|receive) (my|the|our))\b/,
    weight: 2,
  },
  {
    // Something delivered wrong, to exchange or return.
    pattern:
      /\b((received|got|sent me) the wrong|wrong (size|item|colou?r|product|part|model)|(recu|envoye) (le|la) mauvaise?|mauvaise? (taille|couleur|piece|article|grandeur)|how (do|can) (i|we) (exchange|return)|comment (echanger|retourner|faire un echange|faire un retour))\b/,
    weight: 2.5,
  },
  {
    // Something delivered that the lead cannot find.
    pattern:
      /\b((can'?t|cannot|unable to) (find|see|locate) (the|my|our|your|it|them)|(je|on) (ne )?(trouve|vois) (pas|pu|plus) (le|la|les|mon|ma|mes|vos|votre|ou|comment)|(can'?t|cannot) figure out (how|where|why))\b/,
    weight: 2,
  },
  {
    // "N'arrive pas à" is how French says "can't manage to".
    pattern:
      /\b(can'?t|cannot|unable to|impossible de|ne (peux|peut|peuvent|pouvons) (plus|pas)|(je|on|nous) (n')?(arrive|arrivons|arrivent) (pas|plus|pu) a|j'arrive (pas|pu) a) (log ?in|log into|sign in|get (in|into|onto)|access|connect|print|order|commander|acceder|me connecter|se connecter|nous connecter|imprimer|ouvrir|open|upload|download|telecharger|televerser|envoyer|send|entrer|payer|pay|reset|reinitialiser)\b/,
    weight: 2.5,
  },
  { pattern: /\b(reset (my|the|our) password|mot de passe|password)\b/, weight: 1.5 },
  {
    // A customer who asks how to use what they already have.
    pattern:
      /\b(how (do|can) (i|we) (change|reset|update|cancel|access|set up|setup|use|connect|add|remove|download|get into)|comment (je peux|on peut|faire pour|faut-il|est-ce que je peux|je fais pour|on fait pour) (changer|modifier|acceder|me connecter|ajouter|enlever|telecharger|annuler))\b/,
    weight: 2,
  },
  // "Error" alone may be a typo on a printed job (a complaint) as much as a software fault.
  { pattern: /\b(errors?|erreurs?)\b/, weight: 1.5 },
  {
    pattern:
      /\b((won'?t|will not|doesn'?t|does not|can'?t) (start|turn on|turn off|work|open|close|drain|load|connect|reset|charge|stop|lock|unlock|flush|heat|cool|print|sync|boot|stay on|hold)|(isn'?t|is not|aren'?t|are not|not) (kicking in|turning on|starting|charging|cooling|heating|draining|printing|syncing|loading|responding)|keeps? (on )?(flickering|tripping|shutting (off|down)|beeping|crashing|freezing|dropping|leaking|skipping|slipping|jamming|stalling|disconnecting|restarting|rebooting|logging (me )?out)|(skipping|slipping|grinding|squeaking|squealing|rattling|clicking|jammed|jamming|stalling|overheating|acting up)|flickers|flickering|tripping|saute tout le temps|clignot\w*|fige|(was|got|is|keeps getting) (declined|rejected)|(carte|paiement) (est |a ete )?refusee?|ne passe pas|fait des siennes|(marche|fonctionne) mal|surchauffe|grince|blowing (cold|hot|warm) air|souffle (de l'air )?(froid|chaud)|laisse passer (de l'air|l'air|l'eau|le froid|l'eau)|(blank|white|black|blue) (page|screen)|page blanche|ecran (noir|blanc|bleu)|(est|reste|sont|restee?s?) (pognee?s?|coincee?s?|bloquee?s?)|(fault|error|warning) (light|code|message))\b/,
    weight: 3,
  },
  {
    pattern:
      /\b(check engine|warning light|(voyant|temoin) (allume|s'est allume)|light (came|come|is) on|shaking|shakes|vibrat\w*|is it safe|est-ce (dangereux|securitaire)|c'est-tu dangereux|(weird|strange|loud|funny|grinding|rattling|clicking) (noise|sound|smell)|making (a )?(\w+ )?noise|bruit (bizarre|etrange|anormal|fort)|fait un (drole de )?bruit|chauffe (moins|plus|pas)|is (this|it|that) normal|est-ce normal|c'est normal|(c'est-tu|c'tu|est-ce que c'est|est-ce que ca est) normal|((fridge|freezer|cooler|furnace|heater|boiler|a\/c|ac|compressor|pump|engine|car|truck|battery|computer|laptop|server|printer|water heater|dishwasher|washer|dryer) (died|quit|stopped|gave out|broke))|(a lache|a rendu l'ame|est morte? (hier|ce matin|cette nuit)))\b/,
    weight: 2.5,
  },
  {
    // A pet or a patient showing symptoms: a case to look at, whatever the lead asks.
    pattern:
      /\b((won'?t|doesn'?t|isn'?t|stopped|not) (eat|eating|drink|drinking)|ne (mange|boit) (plus|pas|pu)|limping|lethargic|boite (de|depuis|beaucoup|encore)|ne veut pas (qu'on|manger|boire|marcher)|won'?t let (us|me) touch|diarrh\w*|fievre|fever)\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(should (i|we) (come in|bring (him|her|it|them))|(dois-je|devrais-je|doit-on|devrait-on) (venir|l'amener|l'emmener)|(can|could) (someone|you|somebody) (look at|look into|check|take a look|have a look)|(pouvez|pourriez)-vous (regarder|verifier|examiner) (ca|cela|le|la|les|mon|ma|mes)\b|come back (and|to) (check|look|see|fix|redo)|revenir (voir|verifier|regarder|checker)|jeter un (coup d'oeil|oeil)|send (a|an|someone|somebody|a technician|a tech)|envoyer (un|une|quelqu'un) ?(technicien|technicienne)?|what (do|should) (i|we) do|quoi faire|que (dois-je|devrais-je|doit-on) faire)\b/,
    weight: 1.5,
  },
  {
    // Something the business owes the lead has not arrived.
    pattern:
      /\b((je n'ai|j'ai|on n'a|nous n'avons) (pas|jamais) (encore )?(recu|eu)|haven'?t (yet )?(received|got|gotten)|never (received|got|arrives?|came)|didn'?t (receive|get)|(hasn'?t|haven'?t|didn'?t|never) sent|n'(avez|a) (pas|jamais) (envoye|transmis|recu)|(is|are) missing|manquant\w*|manquent|il manque|there('s| is| are) (\w+ ){0,2}missing)\b/,
    weight: 2,
  },
  {
    // Something delivered that has to be sent again: a file, a link, an access.
    pattern:
      /\b((re-?send|send (me|us)|email (me|us)|renvoyer|r?envoyez|m'envoyer|nous envoyer|m'en renvoyer|me transmettre|nous transmettre) (again |a new |another |the |my |our |le |la |les |un nouveau |une nouvelle |mon |ma |mes )?(\w+ )?(file|files|fichiers?|pdf|link|lien|code|access|acces|login|photos?|proofs?|epreuves?|gallery|galerie)|(link|lien|code|password|mot de passe|session|access|acces) (has |is |est |a )?(expired|expire)|resend)\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(under warranty|covered (by|under) (the |my |your )?warranty|sous garantie|couvert(e)? par (la|ma|votre) garantie|is (that|this|it) covered|(c'est-tu|est-ce|c'est) couvert)\b/,
    weight: 2,
  },
  {
    // Work the business did or sold: what goes wrong with it is theirs to look at.
    pattern:
      /\b((bought|purchased|got) (\w+ ){0,4}from (you|your)|picked (\w+ ){1,3}up from (you|your)|you (guys )?did (a|an|the|our|my) (?!(great|good|amazing|fantastic|fabulous|wonderful|excellent|beautiful|terrific|awesome|super|nice|lovely|fine|perfect|brilliant|stellar|top)\b)|c'est vous( autres)? qui (m'|nous )?(avez|aviez)|(achete|achetee?s?) (\w+ ){0,4}chez vous|(you|you guys|your (\w+ )?(crew|team|technician|tech|guy|guys)) (installed|sold|replaced|serviced|repaired|fixed|delivered|inspected|prepared|built|updated|upgraded)|(que vous (m'|nous )?avez|vous (m'|nous )?avez) (installee?s?|vendue?s?|remplacee?s?|reparee?s?|livree?s?|posee?s?|faite?s?))\b/,
    weight: 1.5,
  },
  {
    // A job already under way: changing what was ordered is the follow-up of a customer.
    pattern:
      /\b((order|commande|booking|reservation|dossier|ticket|case|job|work order|policy|police|account|compte|contrat|contract) ?(#|no\.? ?|number |numero |n[o°] ?)?([a-z]{1,4}-?)?\d{3,}|(ma|mon|notre|my|our) (\w+ )?(commande|order) (de \w+ )?(pour|for|de|du|est|is|was)|(is|est|are|sont) (my|our|ma|mon|notre|mes|nos) (\w+ ){0,2}(ready|pret|prete|prets|pretes|done|fini|finie|in|here|arrived|arrivee?s?|rentree?s?)|(ordered|commandee?s?) (\w+ ){0,3}(ago|il y a)|(our|my|the|notre|ma|la) (catering |delivery )?(order|commande) (for|pour|de) (tonight|today|tomorrow|ce soir|demain|aujourd'hui)|(change|modify|adjust|update) (the|our|my) (order|delivery|pickup|drop-?off|delivery time)|modifier (ma|notre|la) (commande|livraison))\b/,
    weight: 2,
  },
  {
    pattern:
      /\b((can|could) (someone|somebody|you|anyone) (come|come out|come over|send someone|swing by)|(can|could) you (see|look at) (him|her|them)|(pouvez|pourriez)-vous (le|la|les) (voir|examiner)|(pouvez|pourriez)-vous (venir|passer|envoyer quelqu'un)|quelqu'un (peut|pourrait) (venir|passer))\b/,
    weight: 1.5,
  },
  {
    // A part that gave way: something the lead owns is now broken.
    pattern:
      /\b(snapped|came (loose|off|apart)|fell (off|apart)|(s'est|se sont) (brisee?s?|cassee?s?|detachee?s?|decrochee?s?))\b/,
    weight: 2.5,
  },
  {
    // The problem outlived the business's visit: a follow-up on work done.
    pattern:
      /\b(still (hearing|seeing|getting|having|finding|noticing|smelling|feeling)|(on|j') ?(entend|entends|voit|vois|sent|sens) (encore|toujours))\b/,
    weight: 2,
  },
  {
    // An existing customer asking for a document of their own file, or who tried the usual fixes.
    pattern:
      /\b((j'ai besoin|besoin) d'(un|une) (copie de (mon|ma) )?(certificat|attestation|preuve|confirmation ecrite)|(need|send me|email me) (a |an |my |the )?(copy of (my|the) )?(certificate|proof of (insurance|coverage|purchase))|(j'ai|i'?ve|we'?ve|i have|we have|i|we) (essaye|tried) (everything|tout|restarting|resetting|rebooting|unplugging|de (le |la )?(redemarrer|debrancher|reinitialiser)))\b/,
    weight: 1.5,
  },
  {
    // A device that signals a fault, a fix already tried, an account the lead cannot use.
    pattern:
      /\b((beeps|chirps|flashes|blinks|bip|sonne) (every|constantly|non-?stop|all (the time|night)|aux|toutes les|sans arret)|beeping|chirping|low battery|batterie faible|already (replaced|tried|changed|reset|restarted|rebooted)|j'ai deja (change|remplace|essaye|redemarre)|(won'?t|doesn'?t|does not|will not) let (me|us) (check in|log ?in|in|access|pay|book|sign in|enter)|on your end|de votre cote|(ont|a) (leve|bouge|cale|fendu|craque)|(have|has) (lifted|shifted|sunk|settled|heaved|come loose))\b/,
    weight: 2.5,
  },
  {
    // A customer on a plan of the business.
    pattern:
      /\b((we'?re|we are|i'?m|i am) on your (\w+ ){0,2}(plan|contract|subscription|program|package)|(we'?re|we are|i'?m|i am) (a |an )?(existing |current )?(client|customer)s?\b|(je suis|on est|nous sommes) (deja )?(abonnee?s?|clients?|clientes?) (a|au|chez|de))\b/,
    weight: 1.5,
  },
  {
    pattern:
      /\b(help|aide[rz]?|aidez-moi|depannage|depanner|troubleshoot|fix|repair|reparer|reparation|issue|issues|problem|problems|probleme|problemes|trouble|urgence|emergency|stuck)\b/,
    weight: 1,
  },
];
