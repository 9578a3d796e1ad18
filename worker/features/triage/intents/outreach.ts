import type { Cue } from '../cues';

/**
 * Cues of a lead who offers something instead of buying: work (a job application), a product
 * or service to sell (a vendor pitch), or a deal between equals (a partnership). Over folded
 * text; weights as in intent-cues.ts.
 */

export const JOB_CUES: readonly Cue[] = [
  {
    pattern:
      /\b(resume|cv|curriculum|cover letter|lettre de (presentation|motivation)|candidature|postuler|apply(ing)? for|application for|my application|job application|applied for)\b/,
    weight: 3,
  },
  {
    // Quebec French "engager": to hire ("vous engagez-tu pour l'été?").
    pattern:
      /(?<!\bs')\b(engagez|engager|engage[sz]?-vous|embauchez|embaucher|recrutez|are you hiring|you guys hiring|still hiring|taking on (anyone|someone|staff|help|people|workers|new (staff|people|employees)))\b/,
    weight: 2.5,
  },
  {
    pattern:
      /\b(position|poste (de|d')|job (posting|opening|offer|ad)|summer job|looking for (a |an |my |some )?(first |full-time |part-time |summer |weekend |new )?(\w+ )?(job|work)|hard worker|hard-working|(bon|bonne) travaillante?|need an extra hand|besoin d'un coup de main|(me |j'?)?cherche (une |un |du )?(job|jobine|emploi|travail|poste)|jcherche (une |un |du )?(job|jobine|emploi|travail|poste)|apprentis?|apprentices?|emploi|emplois|hiring|embauche[zr]?|recrute[zr]?|recrutement|internships?|un stage|mon stage|de stage|stagiaires?|join (your|a|an) (\w+ ){0,2}team|joindre (votre|une) (\w+ )?equipe|faire partie de (votre|ton) equipe|(i'?d|i would|i want to|love to|like to) work (for|with) you|travailler (pour|chez|avec) vous|(postes?|emplois?|jobs?|positions?) (disponibles?|ouverts?|a combler|available|open)|(avez-vous|vous avez|have you got|do you have) (des |any )?(postes|jobs|positions|emplois|openings for)|cherchez quelqu'un|(do|does) (you|u) (guys )?need (any |some |extra |an extra )?(help|staff|hands|workers|employees)|(avez-vous|vous avez|auriez-vous) besoin (d'aide|de monde|de personnel|d'employes)|(vous cherchez|vous cherchiez|you'?re looking for|you are looking for|you were looking for) (un|une|a|an) \w+|(i am|i'?m|je suis) (an? |une? )?(experienced|licensed|certified|qualified|experimentee?|qualifiee?|diplomee?) \w+|help wanted|on embauche|nous embauchons|(sign|affiche|pancarte) (in|dans) (your|the|votre|la) (window|vitrine)|(looking for|cherche) (a|an|une?) (\w+ ){0,2}(to work (out of|from|in|at)|ou travailler|pour travailler)|(part|full)[- ]time|temps (plein|partiel)|(are you|you) looking for (a|an|some) (\w+ )?(staff|help|employees?|workers?|receptionist|cook|helper|assistant|technician|driver|cleaner|stylist|mechanic))\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(for \d+ years|depuis \d+ ans|\d+ years as|years? of experience|ans d'experience|annees d'experience|experience (in|en|comme|as)|my experience|mon experience|available to start|disponible pour commencer|licensed|certified|certifiee?|diplomee?|available immediately|disponible immediatement|\d+ yrs|diplome|diploma|graduat\w*|je termine (ma|mon)|student|etudiante?|finissante?|(i have|i've) worked (in|at|as|for)|j'ai travaille (dans|chez|comme|pour)|(on|sur) indeed|(your|votre) (job )?(post|posting|annonce|offre d'emploi)|\d+ (years|ans) (in|of|en|dans|d')|red seal|sceau rouge|carte (de competence|ccq)|ccq)\b/,
    weight: 1.5,
  },
];

export const VENDOR_CUES: readonly Cue[] = [
  {
    pattern:
      /\b(seo|search engine optimi\w*|(?<!\b(programme|entente|partenariat|accord) (de |ou de ))referencement|first page of google|premiere page de google|top of google( maps)?|(haut|tete) (de|des) (google|resultats)|#1 (on|in|sur) google|not ranking|ranking on|rank higher|google reviews|avis google|5-star reviews)\b/,
    weight: 3,
  },
  {
    pattern:
      /\b(we help|we'?ve helped|we have helped|nous aidons|nous avons aide|on aide|on a aide) (\d+\+? )?(local |small |smaller )?(\w+ )?(businesses|garages|salons|clinics|contractors|restaurants|companies|contractors|clinics|les (entreprises|pme|commerces)|des (entreprises|pme)|les petites entreprises)\b/,
    weight: 3,
  },
  {
    pattern:
      /\b(increase|boost|grow|double|triple|augmenter|accroitre|doubler|ameliorer) (your|votre|vos) (online |web )?(traffic|sales|revenue|leads|visibility|presence|achalandage|ventes|chiffre|visibilite|clientele|reviews|ranking|presence)\b/,
    weight: 3,
  },
  {
    // Introducing one's own services or products to the business is the heart of a pitch.
    pattern:
      /\b((present|introduce|show you) (our|my) (services|solution|products?|offer|platform|company)|vous presenter (nos|notre|mes|mon) (services|solutions?|produits?|offre|plateforme|entreprise|compagnie)|our clients include|nos clients (incluent|comprennent|sont)|trusted by|used by (over|more than) \d+|utilisee? par (plus de )?\d+|(over|more than|plus de) \d+ (salons|clinics|businesses|entreprises|cliniques|commerces|restaurants|garages|companies))\b/,
    weight: 2.5,
  },
  {
    pattern:
      /\b(nous aimerions vous proposer|we would like to (offer|propose) you|we'?d like to offer you|a prix reduit|at a (discounted|reduced|special) (price|rate)|tarif preferentiel|free audit|audit gratuit|free analysis|analyse gratuite|quick video|send you a (quick )?(video|proposal)|can i send you|puis-je vous envoyer)\b/,
    weight: 2.5,
  },
  {
    // The sender's own selling terms: a price per month, a saving, a discount, no setup fee.
    pattern:
      /\b((avantageu\w*|competiti\w*|preferenti\w*|reduit\w*|discounted|competitive|unbeatable|imbattables?|commerciaux|wholesale) (tarifs?|prix|rates|prices|pricing)|(tarifs?|prix|rates|prices|pricing) (avantageu\w*|competiti\w*|preferenti\w*|imbattables?|unbeatable|de gros)|wholesale|\d+ ?\$ ?(\/|par) ?mois|\$ ?\d+ ?(\/|per|a) ?(month|mo)|save (up to )?\d+ ?%|economisez|no (setup|set-up|installation) (cost|fee)|sans frais (d'installation|de configuration|d'adhesion)|(see|find out) if you qualify|si vous (etes )?admissible|au lieu de \d+ ?\$)/,
    weight: 2,
  },
  {
    pattern:
      /\b((businesses|clinics|salons|companies|offices|shops|garages|restaurants|firms) like yours|(entreprises|cliniques|commerces|bureaux|restaurants|garages) comme (la |le )?(votre|vous))\b/,
    weight: 2.5,
  },
  {
    // An influencer offering exposure is selling it.
    pattern:
      /\b(influencer|influenceu(r|se)|content creator|createur de contenu|createurs? de contenu|\d+ ?k (followers|abonnes)|\d[\d,]* (followers|abonnes))\b/,
    weight: 3,
  },
  {
    pattern:
      /\b(i|we) noticed (that )?(your|(\w+ ){1,5}on your (site|website|page|listing|instagram|facebook))\b|\b(j'ai|nous avons) remarque (que )?(votre|vos|(\w+ ){1,6}sur (votre|vos) (site|page|fiche|profil|instagram|facebook))\b/,
    weight: 2,
  },
  {
    // An unsolicited verdict on the business's site or listing, then a fix for a price.
    pattern:
      /\b(noticed (that )?your (site|website|page|listing|reviews|google|instagram|facebook|menu|logo)|(i|we) (could|can) (fix|do|build|redo|improve|update) (that|this|it|them) for \$?\d|(je|nous) (pourrais|pourrions|peux|pouvons) (corriger|refaire|ameliorer) (ca|cela) pour \d|(i|we) (design|build|create|develop|make|do) (\w+ ){0,3}for (small |local |independent )?(businesses|retailers|restaurants|clinics|salons|companies|shops|stores|contractors|brands))\b/,
    weight: 2.5,
  },
  {
    pattern:
      /\b((book|schedule|request|get) a (free |quick |short |personali[sz]ed )?demo|(une|votre) demo( gratuite| personnalisee)?)\b/,
    weight: 2.5,
  },
  {
    // The sender's price list, or customers promised to the reader.
    pattern:
      /\b((mes|nos|my|our) (\w+ )?(tarifs|prix|rates|prices|packages|forfaits|plans) (commencent|start|starting|debutent|a partir|from|begin)|(or|ou) (your money back|vous etes rembourse\w*)|satisfaction guaranteed|satisfait ou rembourse|would you be interested in (upgrading|switching|trying|saving|learning|a free|our)|(nous pouvons|on peut) vous (fournir|offrir|proposer|aider)|we can (provide|supply|offer|get|find) you|(agence|entreprise|firme|agency|company|firm) (de|of) (recrutement|placement|staffing|recruitment|recruiting)|(get|gain|attract|obtenez|attirez|gagnez) (\d+ )?(new |more |nouveaux |plus de )(customers|clients|leads|patients|reviews|followers)|no contract|sans contrat|cancel anytime|annulez en tout temps|sans engagement|(je|nous) (pourrais|pourrions) (mettre en valeur|ameliorer|gerer|creer|refaire|prendre en charge) (vos|votre)|(i|we) could (help|improve|manage|create|take care of|showcase|boost) (your|you))\b/,
    weight: 2.5,
  },
  {
    // The promise a pitch makes about the reader's business.
    pattern:
      /\b(our (\w+ ){0,3}(gets?|helps?|lets?|saves?|brings?) you|notre (\w+ ){0,3}vous (permet|aide|fait|apporte)|\d+x (faster|more|plus)|tired of \w+ing|fatigues? de \w+er)\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(marketing agency|agence (de )?marketing|digital agency|agence web|web (design|developer|development)|developpeur web|conception de sites?|freelance|pigiste|portfolio|lead generation|generation de (leads|prospects)|verified (emails|leads|contacts)|email lists?|listes? de courriels|decision makers|decideurs|staffing agency|agence de placement|(our|notre) (catalogue|catalog))\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(our (\w+ )?(agency|services|platform|software|solution|clients see)|notre (agence|plateforme|solution|logiciel)|offre de services|nous offrons|offrons|we offer|we supply|nous pouvons|we can (get|help|build|boost|increase|double)|if you ever need|si jamais vous avez besoin|happy to (offer|share)|offer you a discount|special offer|offre speciale|for only|pour seulement|reply (yes|for)|repondez (oui|pour))\b/,
    weight: 2,
  },
  {
    // A firm presenting itself by its specialty, the way a cold email opens.
    pattern:
      /\b(nous sommes|we are|we'?re) (une|un|a|an) (\w+ ){0,2}(entreprise|compagnie|firme|agence|company|firm|agency|supplier|fournisseur)( \w+){0,3} (specialisee?s?|specializ\w+|specialis\w+)\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(our (\w+ ){0,2}(chatbot|app|tool|software|platform|system|product|agency|service|solution|team|program) (helps|books|gets|can|will|lets|allows|places|finds)|notre (\w+ ){0,2}(outil|logiciel|plateforme|application|agence|equipe|service|programme) (aide|permet|peut|trouve))\b/,
    weight: 2,
  },
  {
    // The call a pitch asks for: short, on the sender's agenda.
    pattern:
      /\b(are you tired of|tired of (slow|losing|missing)|struggling (with|to)|fatigues? de|hop on a (\w+ )?call|(quick|short|brief|\d+[- ]?min(ute)?s?) (call|chat|demo|meeting)|(\d+|dix|quinze|cinq|vingt) minutes (pour|for) (un appel|a call|a chat|jaser|discuter)|un (court|petit|bref) appel|worth a (\w+ )?(call|chat))\b/,
    weight: 2,
  },
  {
    pattern:
      /\bfor (\w+ )?(salons|contractors|clinics|restaurants|dentists|businesses|firms|companies|offices|agencies|businesses like yours)\b|\bpour les (salons|entrepreneurs|cliniques|restaurants|pme|commerces)\b/,
    weight: 1.5,
  },
  {
    pattern:
      /\b(we (build|design|create|develop|provide|offer|sell|supply|distribute) \w+|nous (concevons|creons|developpons|offrons|fournissons|gerons|distribuons)|starting (at|from) \$?\d|a partir de \d+ ?\$|costing you (customers|money|sales|leads|clients)|vous fait perdre (des clients|de l'argent|des ventes))\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(who (handles|manages|does) your (social media|website|marketing|seo|ads|bookkeeping|payroll|it)|qui (gere|s'occupe de) (vos|votre) (reseaux sociaux|site|marketing|publicite)|intro call|introductory call|discovery call|appel (de decouverte|d'introduction)|\d+% (less|cheaper|more|de moins|moins cher)|save (up to )?\d+%|economisez (jusqu'a )?\d+|outsourc\w*|impartition)\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(buy|achetez|on autopilot|guaranteed|garanti|agence|agency|(your|votre) (site|website|site web|page))\b/,
    weight: 1,
  },
  {
    // Software sold to a trade: "the all-in-one platform for chiropractors".
    pattern:
      /\b(all-in-one|tout-en-un|(platform|software|plateforme|logiciel|app|application|solution) (\w+ ){0,2}(for|pour) (\w+ ){0,2}(businesses|clinics|chiropractors|dentists|salons|restaurants|contractors|shops|cliniques|commerces|entreprises|cabinets|professionals|professionnels))\b/,
    weight: 2,
  },
  {
    // The hooks of a sales offer: months free, a promotion that ends, a short demo, a saving.
    pattern:
      /\b((get|obtenez|recevez) \d+ (months?|mois|weeks?|semaines) (free|gratuits?)|(our|notre|nos) (\w+ ){0,2}(promo|promotion|offer|offre|deal|special) (ends|expires|se termine|prend fin)|\d+[- ]?min(ute)?s? demo|saviez-vous que|did you know that|(most|la plupart des) (\w+ ){0,3}(pay|paient) (trop|too much)|(nous|we) (reduisons|reduce|cut|lower|slash|diminuons|baissons|coupons) (vos|votre|your)|(je me permettrai|je vais me permettre|permettez-moi) de vous (appeler|contacter|rappeler|relancer))\b/,
    weight: 2.5,
  },
  // "Not a pitch": a sender who says so is after something else, usually a partnership.
  {
    pattern:
      /\b((not|n'est pas|isn'?t) (a |une )?(sales )?(pitch|sollicitation)|(not|pas) (trying to |here to )?(pitching|selling|sell|vous vendre))\b/,
    weight: -3,
  },
  {
    // A seller introducing a product line, samples or a platform they built, with its numbers.
    pattern:
      /\b((je represente|i represent|we represent|nous representons) (une|un|a|an) (\w+ ){0,2}(gamme|ligne|line|brand|marque|compagnie|company|entreprise|fournisseur|distributeur|manufacturer|fabricant)|gamme de produits|product line|(laisser|drop off|leave|send|envoyer|offrir) (\w+ ){0,2}(echantillons|samples)|free samples|echantillons gratuits|(we|nous) (built|developed|created|have built|avons (cree|developpe|concu)) (\w+ ){0,3}(platform|app|tool|software|system|solution|plateforme|outil|logiciel|application)|case stud(y|ies)|etudes? de cas|(a|an) (\w+ )?your size|de votre taille|by up to \d+ ?%|jusqu'a \d+ ?%|(j'offre|je propose|i offer|we offer) (un|une|des|a|an) (\w+ ){0,2}(forfait|package|service|offre|deal))\b/,
    weight: 2.5,
  },
];

export const PARTNERSHIP_CUES: readonly Cue[] = [
  {
    pattern:
      /\b(partnership|partenariat|collaboration|collab|collaborate|collaborer|co-marketing|comarketing|reseller|revendeur|distributeur|distributor|joint venture|referral (agreement|arrangement|program|partnership|structure|deal)|entente de (reference|referencement|partenariat)|referer mutuellement|(referer|refer|recommander|envoyer) (nos|vos|des|our|your|my|mes) (clients|customers|patients|members|membres)|cross-promot\w*|promotion croisee)\b/,
    weight: 3,
  },
  {
    // Sending people to each other is what a referral partner does.
    pattern:
      /\b((send|refer|recommend|direct) (\w+ ){0,2}(clients|customers|patients|members|people|folks|business|referrals) (your way|to you|our way|to us)|(envoyer|referer|diriger) (\w+ ){0,2}(clients|patients|membres|monde) (chez vous|vers vous|chez nous))\b/,
    weight: 3,
  },
  {
    pattern:
      /\b(partner|partners|partenaires?|affiliate|affiliation|work together|travailler ensemble|synergie|synergy|refer (clients|customers) to|send you clients|vous referer)\b/,
    weight: 2,
  },
  {
    // Something done together, each side giving to the other's customers.
    pattern:
      /\b(each other'?s?|l'un l'autre|les uns les autres|(et|pis|and) l'inverse|the other way around|(faire|organiser|monter|offrir) (une|un|des) (\w+ ){0,2}ensemble|(promo|promotion|event|evenement|offre|kiosque) (conjointe?|commune|ensemble|together)|joint (promo|promotion|event|offer)|do (a|an|some) (\w+ ){0,2}together|chez vous .{0,80}chez nous|chez nous .{0,80}chez vous|(commune?s?|conjointe?s?|ensemble) avec (vous|votre|vos)|(joint|shared|co-hosted) (\w+ ){0,2}with (you|your))\b/,
    weight: 2.5,
  },
  {
    pattern:
      /\b(vice versa|vice-versa|(recommander|recommend) (mes|nos|my|our) \w+ (a|to) (vos|your) (clients|customers)|s'entendre pour|faire equipe|team up|join forces|s'associer|partnering|partner with|travailler avec vous sur|(avec qui|with whom) (faire equipe|travailler|collaborer)|fundraiser|collecte de fonds|food bank|banque alimentaire|organisme (sans but lucratif|de charite|communautaire)|charity|non-profit|nonprofit|donating|faire un don|i represent|je represente|in exchange for|en echange de|(offer|offrir) (to )?(your|vos|a vos) (clients|customers)|(offrir|offer) (a|to) (nos|our) (clients|customers)|referrals|references|mutual(ly)?|mutuellement)\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(would (you|your \w+) be interested in (offering|partnering|collaborating|working together|cross|co-?hosting|hosting|joining|participating|sponsoring|teaming)|co-?host\w*|coanimer|co-?organiser|seriez-vous interessee?s? a (offrir|collaborer|travailler ensemble|vous associer)|promot(e|ing) (your|each other)|promouvoir (votre|vos)|(our|nos) (members|membres))\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(sponsor\w*|commandit\w*|kiosque|booth|exposants?|exhibitors?|(louer|rent|renting) (une |un |a |the |des )?(chaises?|chairs?|espace|space|local|booth|poste)|(shared|joint|commun) (booth|kiosk|event|kiosque)|kiosque commun|(cherchons|looking for) (des |other |local )?(partenaires|partners|exposants|exhibitors|entreprises|businesses|vendors|paysagistes|commercants)|(je cherche|on cherche|cherchons|looking for|seeking|searching for) (un |une |a |an |des |other |new )?(\w+ ){0,3}(partenaires?|partners?) (d'affaires|de location|commerciaux|commercial|fiables?|reliable|business|to work with|for (my|our) (business|clients|projects|company|events))|(agency|company|firm|business|entreprise|agence|compagnie) to partner with)\b/,
    weight: 2.5,
  },
  { pattern: /\b(white label|white-label|marque blanche|private label)\b/, weight: 2.5 },
  {
    // Sharing revenue or a venue: a deal between two businesses.
    pattern:
      /\b(revenue (split|share|sharing)|profit (split|share|sharing)|partage des (revenus|profits)|split (the |les |des )?(\w+ )?(revenue|profits|proceeds)|partager (les|des) (profits|revenus)|feature (your|you)|(host|hosting) (you|your)|vous (accueillir|recevoir) (chez nous|dans notre|a notre)|(s'echanger|echanger|swap|exchange) (des |nos |our )?(references|referrals|clients|flyers|depliants)|echange de (visibilite|services|publicite|references)|(visibility|service|ad|advertising) (exchange|swap)|bundle (your|our) \w+|(do|return) the same for (me|us)|(la|le) meme chose pour (moi|nous)|return the favou?r|renvoyer l'ascenseur|preferred (vendor|supplier|partner|provider)s? list|liste de (fournisseurs|partenaires) (privilegies|preferes)|(jumeler|combiner) (vos|nos) (services|offres)|(vendre|sell|carry|stock|distribuer|offrir) (nos|our) (\w+ ){0,2}(dans|in|at) (votre|your))\b/,
    weight: 2.5,
  },
  {
    // A neighbouring business introducing itself, the usual opening of a local partnership.
    pattern:
      /\b((i|we) (own|run|have|operate) (the|a|an) (\w+ ){1,3}(next door|nearby|down the street|around the corner|across the street|\w+ blocks? (away|from))|(j'ai|on a|nous avons|je tiens|on tient) (le|la|l'|un|une) ?(\S+ ){0,3}(a cote|juste a cote|en face|pres de chez vous|au coin))\b/,
    weight: 1.5,
  },
  { pattern: /\b(a nos clients|to our (clients|customers)|aupres de nos clients)\b/, weight: 1 },
  { pattern: /\b(integration|integrer nos|our platforms|nos plateformes)\b/, weight: 1 },
  {
    // An event run with the business, or work passed both ways: what partners do.
    pattern:
      /\b((organiser|organize|host|co-host|monter|faire|do|run|throw) (une|un|a|an) (\w+ )?(soiree|evenement|event|night|atelier|workshop|pop-?up|degustation|tasting|concours|contest|giveaway|promo)( \w+){0,4} (avec vous|with you|ensemble|together)|(refer|send|pass|share) (\w+ ){0,2}(work|clients|jobs|projects|contracts) back and forth)\b/,
    weight: 2.5,
  },
  {
    // A neighbour or a programme proposing something good for both sides.
    pattern:
      /\b((we'?re|we are|i'?m|i am|nous sommes|on est) (the|a|an|la|le|une?|l') ?(\w+ ){1,3}(next door|(two|three|\w+) doors? down|down the street|around the corner|across the street|a cote|juste a cote|en face|au coin)|for both of us|both (of our|our) (businesses|clients|customers)|win-win|gagnant-gagnant|pour nous deux|(programme|program) (de )?(partenariat|partnership|referencement|reference|referral|affiliation)|referral program|programme d'affiliation|joint (\w+[- ]?){0,2}(workshop|series|event|promo|promotion|offer|campaign|night|class)|(for|to|a|pour) (your|vos) (members|membres)|(faire|do|join) (\w+ ){0,4}(avec nous|with us)|(we'?d|we would|we will|we'?ll|on va|nous allons|on pourrait|nous pourrions) (promote|feature|advertise|mention|promouvoir|annoncer) (your|you|votre|vous))\b/,
    weight: 2.5,
  },
];
