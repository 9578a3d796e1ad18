import { ERROR_STATUS, type ErrorCode } from '../../schema/errors';
import type { Language } from '../../schema/vocabulary';

export type { ErrorCode };

/** A text a person reads, in each language the product speaks. */
export type LocalizedText = Readonly<Record<Language, string>>;

export const bilingual = (en: string, fr: string): LocalizedText => ({ en, fr });

/** What each code says when the thrower has nothing more precise to say. */
const DEFAULT_TEXT: Record<ErrorCode, LocalizedText> = {
  malformed_request: bilingual('The request body could not be read.', 'Le corps de la requête est illisible.'),
  unauthenticated: bilingual('Sign in to continue.', 'Connectez-vous pour continuer.'),
  invalid_credentials: bilingual(
    'The email or password is incorrect.',
    'Le courriel ou le mot de passe est incorrect.',
  ),
  wrong_password: bilingual('The current password is incorrect.', 'Le mot de passe actuel est incorrect.'),
  invalid_key: bilingual(
    'This widget key is unknown or has been revoked.',
    'Cette clé de formulaire est inconnue ou a été révoquée.',
  ),
  forbidden: bilingual(
    'Only Avenir staff accounts can do this.',
    'Seuls les comptes du personnel d’Avenir le peuvent.',
  ),
  csrf: bilingual(
    'This request did not come from the Avenir dashboard. Reload the page and try again.',
    'Cette requête ne vient pas du tableau de bord d’Avenir. Rechargez la page et réessayez.',
  ),
  origin_not_allowed: bilingual(
    'This origin may not call the Avenir API.',
    'Cette origine ne peut pas appeler l’API d’Avenir.',
  ),
  password_change_required: bilingual(
    'Choose a new password to replace your one-time password.',
    'Choisissez un nouveau mot de passe pour remplacer votre mot de passe temporaire.',
  ),
  not_found: bilingual('Not found.', 'Introuvable.'),
  client_not_found: bilingual('No client has this id.', 'Aucun client n’a cet identifiant.'),
  widget_not_found: bilingual('No form of yours has this key.', 'Aucun de vos formulaires n’a cette clé.'),
  prompt_not_found: bilingual('No prompt variant has this id.', 'Aucune variante de requête n’a cet identifiant.'),
  test_not_found: bilingual('No A/B test has this id.', 'Aucun test A/B n’a cet identifiant.'),
  prospect_not_found: bilingual('No prospect has this id.', 'Aucun prospect n’a cet identifiant.'),
  icp_not_found: bilingual(
    'No ideal customer profile has this id.',
    'Aucun profil de client idéal n’a cet identifiant.',
  ),
  form_test_batch_not_found: bilingual(
    'No batch of form tests has this id.',
    'Aucun lot de tests de formulaires n’a cet identifiant.',
  ),
  form_test_batch_not_proposed: bilingual(
    'This batch was already approved or cancelled.',
    'Ce lot a déjà été approuvé ou annulé.',
  ),
  no_form_test_candidates: bilingual(
    'No prospect can be tested now: each needs an analysed site with a contact form, and no test in the last 90 days.',
    'Aucun prospect ne peut être testé maintenant : il faut un site analysé avec un formulaire de contact, et aucun test depuis 90 jours.',
  ),
  form_testing_not_configured: bilingual(
    'Form tests need INBOUND_TOKEN_SECRET and INBOUND_DOMAIN, so that answers can come back.',
    'Les tests de formulaires exigent INBOUND_TOKEN_SECRET et INBOUND_DOMAIN, pour que les réponses puissent revenir.',
  ),
  template_not_found: bilingual('No email template has this id.', 'Aucun modèle de courriel n’a cet identifiant.'),
  translation_not_found: bilingual(
    'No cached translation has this id.',
    'Aucune traduction en cache n’a cet identifiant.',
  ),
  translation_not_promotable: bilingual(
    'Only a term of at most 4 words, not a lead’s summary, can go into the dictionary: every client reads it.',
    'Seul un terme d’au plus 4 mots, pas le résumé d’une demande, peut aller au dictionnaire : tous les clients le lisent.',
  ),
  campaign_not_found: bilingual('No campaign has this id.', 'Aucune campagne n’a cet identifiant.'),
  outreach_email_not_found: bilingual(
    'No outreach email has this id.',
    'Aucun courriel de prospection n’a cet identifiant.',
  ),
  invalid_template: bilingual(
    'The template has errors: see each one below.',
    'Le modèle contient des erreurs : voyez chacune ci-dessous.',
  ),
  campaign_conflict: bilingual(
    'This campaign cannot do that in its current state.',
    'Cette campagne ne peut pas faire cela dans son état actuel.',
  ),
  outreach_email_conflict: bilingual(
    'This email cannot do that in its current state.',
    'Ce courriel ne peut pas faire cela dans son état actuel.',
  ),
  campaign_incomplete: bilingual(
    'This campaign cannot send yet: it lacks what the law or sending requires.',
    'Cette campagne ne peut pas encore envoyer : il lui manque ce qu’exigent la loi ou l’envoi.',
  ),
  outreach_not_configured: bilingual(
    'Outreach needs INBOUND_TOKEN_SECRET and INBOUND_DOMAIN, so that replies, bounces and unsubscribes can come back.',
    'La prospection exige INBOUND_TOKEN_SECRET et INBOUND_DOMAIN, pour que les réponses, les retours et les désabonnements puissent revenir.',
  ),
  test_conflict: bilingual(
    'This A/B test cannot do that in its current state.',
    'Ce test A/B ne peut pas faire cela dans son état actuel.',
  ),
  ai_unavailable: bilingual(
    'This needs the AI (OpenAI), which is not available right now.',
    'Il faut l’IA (OpenAI) pour cela, et elle n’est pas disponible en ce moment.',
  ),
  email_taken: bilingual('A client with this email already exists.', 'Un client avec ce courriel existe déjà.'),
  body_too_large: bilingual('The request body is too large.', 'Le corps de la requête est trop volumineux.'),
  unsupported_media_type: bilingual(
    'Send the lead as JSON (application/json or text/plain).',
    'Envoyez le client potentiel en JSON (application/json ou text/plain).',
  ),
  not_json: bilingual('The request body is not valid JSON.', 'Le corps de la requête n’est pas du JSON valide.'),
  invalid_request: bilingual('Please check the highlighted fields.', 'Veuillez vérifier les champs indiqués.'),
  invalid_lead: bilingual('Please check the highlighted fields.', 'Veuillez vérifier les champs indiqués.'),
  invalid_body: bilingual('The request body must be a JSON object.', 'Le corps de la requête doit être un objet JSON.'),
  invalid_client: bilingual('Please check the client’s fields.', 'Veuillez vérifier les champs du client.'),
  invalid_website: bilingual('This is not a website.', 'Ce n’est pas un site Web.'),
  invalid_csv: bilingual(
    'This file cannot be read as a CSV file.',
    'Ce fichier ne peut pas être lu comme un fichier CSV.',
  ),
  rate_limited: bilingual('Too many requests. Try again in a minute.', 'Trop de requêtes. Réessayez dans une minute.'),
  too_many_attempts: bilingual(
    'Too many failed attempts. Try again later.',
    'Trop de tentatives infructueuses. Réessayez plus tard.',
  ),
  internal_error: bilingual('Something went wrong on our side.', 'Un problème est survenu de notre côté.'),
};

/**
 * The one error type features throw, background jobs included. It names a code of the
 * closed vocabulary, never a status: the HTTP edge (`errorStatus`, platform/http/
 * error-envelope.ts) chooses that, and picks the text in the reader's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: LocalizedText = DEFAULT_TEXT[code],
    readonly details?: Record<string, unknown>,
    /** The language its reader is known to read (a lead's form), over the request's. */
    readonly language?: Language,
  ) {
    // English in logs; the envelope carries the reader's language.
    super(text.en);
    this.name = 'AppError';
  }
}

export const errorStatus = (code: ErrorCode) => ERROR_STATUS[code];

/** The JSON body of every error answer. */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; requestId: string; details?: Record<string, unknown> };
}
