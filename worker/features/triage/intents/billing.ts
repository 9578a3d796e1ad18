import type { Cue } from '../cues';

/**
 * Cues of a question about money owed or paid: invoices, charges, payments, receipts. Over
 * folded text; weights as in intent-cues.ts.
 */

export const BILLING_CUES: readonly Cue[] = [
  {
    pattern:
      /\b(invoices?|factures?|facturation|facture|billing|billed|overcharged|surfactur\w*|prelevee?s?|prelevement|prelevements|double charged|charged twice|charged me twice|charge(e|ee)? deux fois|debitee? deux fois|paye deux fois|paid twice|bill (them|my insurance|the insurance|\w+ directly)|facturer (directement|mon assurance|l'assurance|\w+ directement)|direct billing|facturation directe|(compte|carte) (a ete )?debitee?|debited|withdrawn from my account)\b/,
    weight: 3,
  },
  {
    pattern:
      /(?<!\b(en|in|prise en|pris en) )\b(charged|charges|chargee?)\b|(?<!\b(en|in|prise en|pris en|you|vous) )\bcharge\b/,
    weight: 2,
  },
  {
    pattern:
      /\b(payment plans?|installments?|instalments?|versements|payer en (deux|trois|plusieurs|\d+)|financement|financing|refund|remboursement|rembourse[rz]?|prorat\w*|credit (on|to) my account|reverse (it|the charge|the payment)|annuler (la|le) (charge|frais|transaction))\b/,
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
      /\b((subscription|abonnement|membership|forfait|plan|bill|facture|price|prix|tarif|frais)s? (a |has |have |went )?(augmente|increased|went up|gone up|monte|up by)|price (increase|hike)|hausse de (prix|tarif)|(balance|solde) (left|owing|remaining|due|outstanding|restant|a payer|du|impaye)|(my|our|mon|notre) (balance|solde)|pay (it|this|that|my \w+) off|(outstanding|unpaid) (balance|amount|invoice))\b/,
    weight: 3,
  },
];
