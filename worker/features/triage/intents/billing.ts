import type { Cue } from '../cues';

/**
 * Cues of a question about money owed or paid: invoices, charges, payments, receipts. Over
 * folded text; weights as in intent-cues.ts.
 */

export const BILLING_CUES: readonly Cue[] = [
  {
    pattern:
      /\b(invoices?|factures?|facturation|facture|billing|billed|overcharged|(i|we) (was|were|got|have been|'ve been) charged|on m'a (charge|facture)|surfactur\w*|prelevee?s?|prelevement|prelevements|double charged|charged twice|charged me twice|charge(e|ee)? deux fois|debitee? deux fois|paye deux fois|paid twice|bill (them|my insurance|the insurance|\w+ directly)|facturer (directement|mon assurance|l'assurance|\w+ directement)|direct billing|facturation directe|(compte|carte) (a ete )?debitee?|debited|withdrawn from my account)\b/,
    weight: 3,
  },
  {
    pattern:
      /(?<!\b(en|in|prise en|pris en) )\b(charged|charges|chargee?)\b|(?<!\b(en|in|prise en|pris en|you|vous) )\bcharge\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(payment plans?|installments?|instalments?|versements|payer (\w+ ){0,5}en (deux|trois|plusieurs|\d+)( fois| versements)?|pay (\w+ ){0,5}in (two|three|several|\d+) (payments|parts)|financement|financing|refund|remboursement|rembourse[rz]?|prorat\w*|credit (on|to) my account|reverse (it|the charge|the payment)|annuler (la|le) (charge|frais|transaction))\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(receipts?|un recu|mon recu|recu fiscal|recus fiscaux|tax receipt|statement|releve de compte|mon releve|etat de compte|etats de compte)\b/,
    weight: 3,
  },
  {
    pattern:
      /\b(payment|payments|paiement|paiements|bill|credit card|carte de credit|subscription fee|auto-?pay|montant|combien (je vous|vous) dois|how much (do )?i owe)\b/,
    weight: 1.5,
  },
  {
    pattern:
      /\b((subscription|abonnement|membership|forfait|plan|bill|facture|price|prix|tarif|frais|premium|prime|rate|taux|cotisation|fee)s? (d'\w+ |de \w+ |\w+ ){0,2}(a |has |have |went )?(augmente|increased|went up|gone up|go up|goes up|monte|up by)|price (increase|hike)|hausse de (prix|tarif)|(balance|solde) (left|owing|remaining|due|outstanding|restant|a payer|du|impaye)|(my|our|mon|notre) (balance|solde)|pay (it|this|that|my \w+) off|(outstanding|unpaid) (balance|amount|invoice))\b/,
    weight: 3,
  },
  {
    // A receipt of fees paid, for the lead's taxes (childcare's relevé 24, tuition's T2202), is
    // about what the lead paid; employment slips (T4, relevé 1) are not, they are paperwork.
    pattern:
      /\b(releve 24|t2202|(recus?|receipts?) (pour fins d'impots?|d'impots?|pour (mes|les) impots|for (my )?tax(es)?)|pour fins d'impots?|for tax purposes)\b/,
    weight: 3,
  },
  {
    // The terms of money changing hands: a deposit, whether it comes back, what taxes add.
    pattern:
      /\b(deposit|depot|acompte|(non-?)?refundable|(non )?remboursable|(inclut|incluent|comprend|comprennent|include|includes|including) (les |the )?(taxes|tps|tvq|tax|hst|gst)|taxes (incluses|comprises|included|en sus|extra))\b/,
    weight: 1.5,
  },
  {
    // Money taken from the lead's account, a notice about an unpaid bill, a way to pay it.
    pattern:
      /\b((taking|took|take|taken|pulling|debiting|charging) (\$ ?[\d.,]+ )?(out of|from) (my|our) (account|card|bank)|avis de (coupure|retard|recouvrement|debranchement|paiement)|(disconnection|late|overdue|past due|collection) notice|past due|en souffrance|(comment|how) (est-ce que )?(je peux|puis-je|can i|do i|on peut|can we) (vous )?(payer|pay)|payer autrement|another way to pay)\b/,
    weight: 3,
  },
  // Renewal is when a premium or a plan changes price: a hint of a question about the bill.
  { pattern: /\b(at|upon|a la|au) (renewal|renouvellement)\b/, weight: 1.5 },
];
