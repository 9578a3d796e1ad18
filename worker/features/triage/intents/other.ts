import type { Cue } from '../cues';

/**
 * Cues of the leads that want nothing done: praise (feedback), a practical question about the
 * business (general_question), and junk (spam). Over folded text; weights as in intent-cues.ts.
 */

export const FEEDBACK_CUES: readonly Cue[] = [
  {
    pattern:
      /\b(thank(s| you)( \w+){0,2} for(?! (your|the) (time|consideration|attention|help in advance))|thank(s| you) to|(souligner|saluer|commend|highlight|recognize) (la qualite|le (beau |bon |superbe )?travail|l'excellen\w*|le professionnalisme|la gentillesse|l'accueil|(your|the) (team|staff|work|quality|professionalism|kindness))|just wanted to (say|thank|let you know|share)|je voulais (juste |simplement )?(vous )?(dire|dire un (gros |grand )?) ?merci|(want|wanted|like|would like) to thank|(tiens|voulais|voudrais|veux) (a )?(vous )?remercier|merci a (toute |tout )?(l'equipe|la gang|le staff|vous|tous|toutes|\w+ et \w+)|je voulais (juste )?vous (remercier|dire)|vous remercier|merci (beaucoup |encore |infiniment )?pour(?! (votre|le|la) (temps|consideration|attention))|merci (encore|infiniment|mille fois)|(great|amazing|good|excellent|fantastic|fabulous|wonderful|awesome|incredible|outstanding|superb|terrific|phenomenal|stellar|beautiful) (job|work)|bon travail|beau travail|excellent travail|travail impeccable|bravo|hats off|kudos|felicitations)\b/,
    weight: 3,
  },
  {
    pattern:
      /\b(loved|love the|we love|i love|j'ai adore|on a adore|adore|excellent service|service impeccable|impeccable|great service|super service|highly recommend|je recommande|vous recommander|recommend you|tres satisfaite?|very (happy|satisfied|pleased)|grateful|reconnaissante?|so kind|tellement gentil\w*|s'est regale|suggestion|suggestions|retroaction|feedback|au top|top notch|hors pair|as always|comme d'habitude|comme toujours|(the )?best (\w+ ){0,2}in (town|the city|montreal|quebec|the area)|(le|la) meilleure? (\w+ ){0,2}en ville|five stars|cinq etoiles|5 stars|5\/5|10\/10|(never|don'?t ever) stop (making|doing|baking|selling|serving)|(n'arretez|arretez) jamais|to die for|(looks?|looked|was|were) (amazing|great|beautiful|fantastic|incredible|gorgeous|perfect|spotless|unreal)|(handing out|hand out|give out|giving out|passing out) (your|vos|votre) (card|cards|cartes?)|(je|on) vous (ai|a) recommandee?s?|(un |une )?(client|cliente) a vie|(customer|client) for life)\b/,
    weight: 2,
  },
  {
    // A verdict on the whole experience, or a promise to come back, is a review.
    pattern:
      /\b((great|good|excellent|amazing|wonderful|fantastic|awesome|super|lovely) (experience|time|visit)|(belle|bonne|excellente|superbe|merveilleuse|super) experience|overall|dans l'ensemble|(we'?ll|we will|i'?ll|i will) (definitely|certainly|surely|for sure) (be back|come back|call|use|recommend|hire|return)|(on va|je vais|nous allons) (certainement|definitivement|surement|c'est sur) (revenir|vous rappeler|vous recommander|refaire affaire)|je vais revenir|on va revenir)\b/,
    weight: 2,
  },
  {
    // "One small thing": the lead flags a detail inside praise, which keeps it praise.
    pattern:
      /\b(one (small|little|minor) (thing|detail|issue|point)|one thing though|just one thing|(would be (great|nice|awesome|amazing) if you|ce serait (bien|le fun|genial|super) (que|si) vous|you should (really )?(open|offer|add|consider|carry|sell|stock)|vous devriez (ouvrir|offrir|ajouter|vendre|verifier)|(might|may) want to (check|look at|fix|replace))|(maybe|perhaps|peut-etre) (you could )?(open|offer|add|ouvrir|offrir|ajouter)|(my|our) only (wish|complaint|suggestion|request)|(mon|notre) seul (souhait|reproche|bemol)|(small|minor|tiny) (thing|detail|issue|point|suggestion)|petit (bemol|detail|point)|seul bemol|petite (chose|remarque))\b/,
    weight: 1.5,
  },
  {
    pattern:
      /\b((we|i|nous|j'ai|on a) (really |truly |vraiment )?(appreciated|appreciate|apprecie)|how much we appreciated|made (a|this) (hard|difficult) time easier|merci( \w+){0,3} pour(?! (votre|le|la) (temps|consideration|attention))|(un |une )?(gros|enorme|grand|immense) merci|(a |our )?(big|huge|special|sincere|heartfelt) (thank you|thanks)|(?<!\b(would|aurais|aurait|aurions) (\w+ )?)((particulierement|beaucoup|vraiment|grandement) apprecie|(have|has|had) (really |truly |greatly |particularly )?appreciated)|exactly what i wanted|exactement ce que je voulais|raved|delicious|delicieux|delicieuse|perfect|parfait|parfaite|wonderful|fantastic|exceptional|exceptionnel\w*|merveilleu\w*|impressed|five stars|5 etoiles|best (\w+ )?ever|les meilleurs|the best)\b/,
    weight: 1.5,
  },
  { pattern: /\b(thanks so much|thank you so much|merci beaucoup|commentaire)\b/, weight: 1 },
  {
    // Coming back to the business is the verdict of a satisfied customer.
    pattern:
      /\b((ferons|ferai|referons|vais|allons) (certainement |surement |assurement |sans hesiter )?(de nouveau |encore )?(faire )?appel a (vos|votre|vous)|(will|would) (definitely |certainly |surely )?(use|hire|call on) (you|your services) again)\b/,
    weight: 2,
  },
];

export const GENERAL_CUES: readonly Cue[] = [
  {
    // The practical questions anyone asks before coming: when, where, how to pay, what is
    // allowed. One cue for all of them: a lead asking two of these is not asking more.
    pattern:
      /\b((what time|when|quelle heure|a quelle heure) (do you|are you|ouvrez|fermez|etes-vous) ?(open|close|closed|ouvert|ferme)|(do you|vous) (open|close|ouvrez|fermez)|(?<!\d )hours|opening hours|business hours|open (on|today|tomorrow|late|until|sundays?|saturdays?|weekends?|during)|are you (still )?open|closed on|are you closed|(etes-vous|vous etes) fermee?s?|heures d'ouverture|ouverte?s? (le|les|ce|cette|dimanche|samedi|jusqu)|fermee?s? (le|les|ce)|horaires?|parking|stationnement|where are you|where is|located|situee?s?|(?<!(e-?mail|courriel|web|ip) )address(?! (book|list))|adresse(?! (courriel|e-?mail|web|ip))|ou etes-vous|ou etes vous|ou se trouve|(avez-vous|vous avez|have you|did you) (\w+ )?(demenage|moved)|do you speak|speak (english|french)|parlez-vous|parlez vous|parlez (anglais|francais)|parle (anglais|francais)|do (you|u) (guys )?(accept|take) (credit|debit|cash|insurance|cards|interac|visa|cheques?|checks?|e-?transfers?|apple pay|google pay|tap)|take (debit|credit|cash|e-?transfers?)|(pay|payer) (with|by|avec|par) (apple pay|google pay|e-?transfer|cheque|check|debit|credit|carte)|acceptez-vous|est-ce que vous acceptez|vous acceptez|payer (par|en|avec) (carte|comptant|interac|virement|cheque)|insurance|assurances?|wheelchair|accessible|deliver|delivery|livrez|livraison|cash only|comptant|interac|(pets|dogs?|kids|children|strollers?) (are )?allowed|(animaux|chiens?|enfants|poussettes?) (sont )?(acceptee?s|admise?s|permise?s)|without (an )?appointment|sans (prendre )?rendez-vous|walk-ins?(?! (cooler|freezer|fridge|closet|shower|tub|bath))|(do you )?allow (dogs|pets|kids|children|strollers|outside food)|(permettez|acceptez)-vous les (chiens|animaux|enfants|poussettes)|(bring|amener|emmener) (my|mon|ma|mes|our|nos) (\w+ ){0,2}(with me|avec moi|along)|(what|anything) (should|do) (i|we|he|she) (need to )?bring|(do|does) (i|we|he|she) need to bring|quoi apporter|(quels|what) documents|(il )?faut (\w+ )?(apporter|amener) (son|sa|ses|mon|ma|mes|notre|nos|un|une|des|quelque)|apporter (son|mon|notre|ses|mes) propre|(bring|brings) (my|our|your|their) own|(amener|emmener) (mon|ma|mes) (chien|chienne|chat|enfant|enfants|bebe|fils|fille) (pendant|avec moi|durant|a mon rendez-vous)|bring (my|our) (dog|cat|kids?|child|children|baby|son|daughter) (with me|along|to (my|the) appointment|while)|(dois-je|doit-il|doit-elle|faut-il|faudrait-il) (\w+ )?apporter|apporter quelque chose|guichet( automatique)?|atm|cash machine|nearby|a proximite|pres d'ici|proche d'ici|wi-?fi (for|pour|que) |washrooms?|restrooms?|toilettes|salle d'attente|waiting room|while (i'?m |we'?re )?waiting|pendant (que j'attends|l'attente)|(members?|membres?) (only|seulement)|(etre|be a) (membre|member)|bilingu\w*|how long is the wait|temps d'attente|loyalty (program|card)|punch card|carte (de )?fidelite|programme de fidelite|rewards program|minimum age|age minimum|age limit|limite d'age|how old (do|does|must)|quel age)\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(policy|policies|politique (d'annulation|de remboursement)|cancellation fee|frais d'annulation|how far (in advance|ahead)|combien de temps (a l'avance|d'avance)|delai (minimum )?pour reserver)\b/,
    weight: 2.5,
  },
  {
    // What the rules require before a job (a permit, a setback): asked of the business as an expert.
    pattern:
      /\b((need|require|requires|get) a (city |municipal |building )?permit|(ca prend|faut-il|besoin d'|il faut) un permis|permis (de la ville|municipal|de construction)|building permit|(distance|marge) (minimum|minimale|de recul))\b/,
    weight: 2,
  },
  { pattern: /\b((what'?s|what is) your|quelle est votre|c'est quoi votre)\b/, weight: 1 },
  {
    // A referral to someone else: the lead asks the business what it knows, not what it sells.
    pattern:
      /\b(do you know (anyone|someone|somebody|a good)|connaissez-vous (quelqu'un|un bon|une bonne)|(can|could) you recommend (someone|anyone|a)|pourriez-vous (me )?recommander (quelqu'un|un|une))\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(question|quick question|petite question|random question|je me demandais|i was wondering|savoir si|(do|does) (i|we) need to|faut-il|dois-je|(je|on) (dois|doit) (\w+ )?(apporter|amener)|do i (need to|have to) bring)\b/,
    weight: 1,
  },
];

export const SPAM_CUES: readonly Cue[] = [
  {
    pattern:
      /\b(crypto\w*|bitcoin|btc|ethereum|casino|viagra|cialis|cheap pills|pills online|online pharmacy|loan offer|payday loan|pret rapide|lottery|loterie|jackpot|inheritance|beneficiary|you (have )?won|vous avez gagne|winner|gagnant|claim your|reclamer votre|reclamez|click here|cliquez ici|free spins|(parcel|package|colis) (could not|couldn'?t|n'a pas pu) (be delivered|etre livre)|redelivery fee|frais de (re)?livraison de \d|no credit check|sans verification de credit|(loan|pret) (approved|approuve)|(you|your \w+) (have been|has been|were|was|'ve been) (selected|chosen)|(vous|votre \w+) (avez|a) ete (selectionnee?|choisie?)|free gift card|carte-cadeau gratuite|claim (now|it|here|before|your|today)|reclamez maintenant|make money|earn \$|work from home|hot singles|bank details|coordonnees bancaires|(\d+([.,]\d+)? )?millions? (of dollars|de dollars|usd)|transfer(er)? (the )?(funds|des fonds)|(you will|vous) recev(rez|e) \d+ ?%|(buy|acheter|achetez) (\w+ ){0,3}(followers|likes|abonnes|views|vues)|(gagne[rz]?|earn|make) \$?\d[\d ,.]* ?\$? (par|per|a|chaque) (semaine|jour|mois|week|day|month)|(shipping|freight) (agent|forwarder)|transitaire|widow\w*|terminal (illness|cancer)|maladie (terminale|incurable)|donate my (funds|money|fortune|estate)|trustworthy person|personne de confiance|my late husband|feu mon (mari|epoux)|next of kin|large sum|(grosse|importante) somme|sum of (money|\$|usd))\b/,
    weight: 3,
  },
  {
    pattern:
      /\b(account (has been|will be|is) (suspended|locked|closed|disabled|compromised)|verify your (identity|account|information)|confirm your (password|account|identity|banking)|avoid (permanent|account) (closure|suspension|deletion)|compte (a ete |sera |est )?(suspendu|bloque|desactive|compromis)|verifie[rz] votre (identite|compte)|(has been|was|a ete) (limited|restricted|limite|restreint)|restore (access|your account)|restaurer (l'acces|votre compte)|confirm your (details|information|info)|(update|verify|confirm) your (billing|payment|card|banking) (information|info|details)|mettez a jour vos (informations|coordonnees) (de paiement|bancaires)|confirme[rz] vos (informations|coordonnees))\b/,
    weight: 3,
  },
  {
    // The domain-renewal scam: an invoice for a domain that the business never bought from them.
    pattern:
      /\b(domain( name)? (is |will be )?(expir\w*|renewal)|nom de domaine (\w+ )?(expir\w*|va expirer)|renew (now|your domain|today)|renouvele[rz] (maintenant|votre (nom de )?domaine)|avoid losing your|eviter (de perdre|la perte de) votre|(pay|payez|renew|verify|update|act|confirm) now to avoid|to avoid (service |account )?(interruption|suspension|termination|deactivation|closure)|pour eviter (l'interruption|la suspension|la coupure|la fermeture))\b/,
    weight: 3,
  },
  {
    // The listing and verification scare: act today or lose the business's presence.
    pattern:
      /\b(final notice|dernier avis|(listing|fiche|page) (will be|sera) (removed|suspended|deleted|deactivated|supprimee|desactivee|retiree)|unless you (verify|confirm|act|respond)|a moins que vous (verifiiez|confirmiez))\b/,
    weight: 3,
  },
  {
    // Romance and "new friend" bait.
    pattern:
      /\b((see|view|check out|voir|regarde[rz]?|viens voir) (\w+ )?(my|mon|mes) (profile|profil|pics|photos|pictures|private)|lonely|cutie|sexy|new friends|nouveaux amis|nouvelles amies|celibataires|singles (in|near) your|meet (local )?(women|men|girls|singles)|rencontrez des (femmes|hommes|celibataires)|rencontres? (coquines?|discretes?)|dating site|site de rencontre)\b/,
    weight: 2.5,
  },
  {
    // The "is this you in the video?" bait that carries a link.
    pattern:
      /\b((is (this|that) you|c'?est (tu )?toi|cest (tu )?toi) (in|on|sur|dans) (the|this|that|la|cette|ce) (video|vid|photo|pic|picture|clip))\b/,
    weight: 3,
  },
  // The advance-fee order: "kindly", a private channel, an urgent order from a stranger, a
  // product never named.
  {
    pattern: /\b(kindly|please what|pls|(pieces|units) of your product|your products? (please|pls|price))\b/,
    weight: 1.5,
  },
  {
    pattern:
      /\b(my (personal|private) (email|e-mail|address)|(reply|write|contact me|respond) (to|at|on|via) my (personal |private )?(email|e-mail|whatsapp)|whatsapp|telegram)\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(urgent order|commande urgente|dear (webmaster|website owner|site owner|business owner|sir|madam)|cher (webmestre|proprietaire))\b/,
    weight: 2,
  },
  {
    pattern: /\b(dear sir\/?(or )?madam|dear friend|limited offer|offre limitee|act now|risk[- ]free|100% free)\b/,
    weight: 2,
  },
  // A discount shouted at the reader, the way junk mail sells.
  {
    pattern: /\b(\d{2} ?% (off|de rabais)|only today|aujourd'hui seulement|cheap \w+ (online|outlet|sale))/,
    weight: 1.5,
  },
];
