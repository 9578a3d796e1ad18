import * as v from 'valibot';
import { type Client, clients } from '../../../schema';
import { isText, mailAddress } from '../../../schema/lead-form';
import type { Language } from '../../../schema/vocabulary';
import { type DatabaseAccess, violatedUniqueConstraint } from '../../platform/db';
import { AppError, bilingual } from '../../platform/errors';
import { firstIssueText, localized } from '../../platform/http/validate';
import { newOneTimePassword, newPublicClientId, newWidgetKey } from '../../platform/identifiers';
import { allowedOrigins, bookingLink, businessName, clientLanguage, emailTone } from './client-fields';
import { hashPassword } from './password';

const EMAIL_RULE = localized('email is not a valid address', "le courriel n'est pas une adresse valide");
const INDUSTRY_RULE = localized(
  'industry must be one line of at most 100 characters',
  "le secteur doit tenir sur une ligne d'au plus 100 caractères",
);

export const newClientSchema = v.object({
  businessName,
  // Notifications go To this address and replies name it in Reply-To: the address syntax
  // the intake accepts for leads, which mail carries (schema/lead-form.ts `mailAddress`).
  email: v.pipe(
    v.string(EMAIL_RULE),
    v.trim(),
    v.toLowerCase(),
    v.maxLength(254, EMAIL_RULE),
    v.check((value) => mailAddress(value) !== null, EMAIL_RULE),
  ),
  language: v.optional(clientLanguage, 'en'),
  emailTone: v.optional(emailTone, 'Professional'),
  bookingLink: v.optional(bookingLink),
  industry: v.optional(
    v.pipe(
      v.string(INDUSTRY_RULE),
      v.trim(),
      v.maxLength(100, INDUSTRY_RULE),
      v.check((value) => isText(value, true), INDUSTRY_RULE),
    ),
  ),
  allowedOrigins: v.optional(allowedOrigins, []),
  isTest: v.optional(v.boolean(), false),
  isInternal: v.optional(v.boolean(), false),
  /** Skip the forced change at first sign-in (the local demo account). */
  passwordIsFinal: v.optional(v.boolean(), false),
});
export type NewClientFields = v.InferOutput<typeof newClientSchema>;

/**
 * Validates untrusted input (a form, the command line) into the fields of a new client;
 * each field's messages in `language` (the command line's is English).
 */
export function parseNewClient(input: unknown, language: Language = 'en'): NewClientFields {
  const parsed = v.safeParse(newClientSchema, input, { lang: language });
  if (parsed.success) return parsed.output;
  const fields = v.flatten<typeof newClientSchema>(parsed.issues).nested ?? {};
  throw new AppError('invalid_client', firstIssueText(newClientSchema, input, parsed.issues, language), { fields });
}

export interface CreatedClient {
  client: Client;
  /** Shown once; only its hash is stored. */
  oneTimePassword: string;
}

const ATTEMPTS_ON_ID_COLLISION = 3;

/** Creates a client account with a fresh widget key and a one-time password. */
export async function createClient(db: DatabaseAccess, fields: NewClientFields): Promise<CreatedClient> {
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);

  for (let attempt = 1; ; attempt++) {
    try {
      const [client] = await db.service((tx) =>
        tx
          .insert(clients)
          .values({
            clientId: newPublicClientId(fields.businessName),
            apiKey: newWidgetKey(fields.isTest),
            businessName: fields.businessName,
            email: fields.email,
            passwordHash,
            mustChangePassword: !fields.passwordIsFinal,
            language: fields.language,
            emailTone: fields.emailTone,
            bookingLink: fields.bookingLink ?? null,
            industry: fields.industry ?? null,
            allowedOrigins: fields.allowedOrigins,
            isTest: fields.isTest,
            isInternal: fields.isInternal,
          })
          .returning(),
      );
      return { client: client!, oneTimePassword };
    } catch (error) {
      const constraint = violatedUniqueConstraint(error);
      if (constraint === 'clients_email_unique') {
        throw new AppError(
          'email_taken',
          bilingual(
            `A client with the email ${fields.email} already exists.`,
            `Un client avec le courriel ${fields.email} existe déjà.`,
          ),
        );
      }
      const idCollision = constraint === 'clients_client_id_unique' || constraint === 'clients_api_key_unique';
      if (!idCollision || attempt >= ATTEMPTS_ON_ID_COLLISION) throw error;
    }
  }
}
