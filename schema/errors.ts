/**
 * The closed vocabulary of API failures: every error code the Worker answers with, and
 * the one HTTP status it always has. The dashboard matches on these codes (through
 * schema/app-api.ts), never on bare strings; the Worker chooses a status only here.
 */
export const ERROR_STATUS = {
  /** A body the runtime could not read as JSON at all. */
  malformed_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  wrong_password: 401,
  invalid_key: 401,
  forbidden: 403,
  csrf: 403,
  origin_not_allowed: 403,
  password_change_required: 403,
  not_found: 404,
  client_not_found: 404,
  widget_not_found: 404,
  prompt_not_found: 404,
  test_not_found: 404,
  prospect_not_found: 404,
  icp_not_found: 404,
  form_test_batch_not_found: 404,
  form_test_batch_not_proposed: 409,
  no_form_test_candidates: 422,
  form_testing_not_configured: 503,
  template_not_found: 404,
  translation_not_found: 404,
  /** A lead's summary (it names a client's lead) or a text longer than a term: the dictionary is readable by every client. */
  translation_not_promotable: 422,
  campaign_not_found: 404,
  outreach_email_not_found: 404,
  /** A template with an unknown variable, a brace left open…: details.problems says where. */
  invalid_template: 422,
  /** The campaign cannot do that in its state (a completed campaign edited, an active one enrolled). */
  campaign_conflict: 409,
  /** The outreach email cannot do that in its state (a conversion on an email nobody answered). */
  outreach_email_conflict: 409,
  /** The campaign lacks what the law or sending needs: the sender's identification, a template, a mailbox. */
  campaign_incomplete: 422,
  /** Outreach needs INBOUND_TOKEN_SECRET and INBOUND_DOMAIN: replies, bounces and unsubscribes come back through them. */
  outreach_not_configured: 503,
  email_taken: 409,
  /** The A/B test cannot do this in its state, or another test of the prompt and language runs. */
  test_conflict: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  not_json: 415,
  invalid_request: 422,
  invalid_lead: 422,
  invalid_body: 422,
  invalid_client: 422,
  invalid_website: 422,
  /** A CSV file that cannot be read at all (its lines' own errors are in the import's result). */
  invalid_csv: 422,
  rate_limited: 429,
  too_many_attempts: 429,
  internal_error: 500,
  /** The work needs the AI (OpenAI), which is not configured or did not answer. */
  ai_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
