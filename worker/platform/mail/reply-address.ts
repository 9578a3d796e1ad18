import { INBOUND_PURPOSES, type InboundPurpose } from '../../../schema/vocabulary';
import type { Env } from '../env';
import { isUuid } from '../identifiers';
import { hmacHex, sameText } from '../signing';

/**
 * The addresses Avenir hands out to receive mail: `<mailbox>+<code>.<id>.<mac>@<domain>`,
 * e.g. `test+ft.3f2a…9c.k7m2…@in.avenir.example`. The token names what the mail is for (a
 * form test) and which row, and carries an HMAC of both under a secret, so an address
 * cannot be guessed from another or forged. Everything is lower case: mail servers may
 * change the case of a local part, and the token survives it.
 */

export interface ReplyAddressConfig {
  /** INBOUND_TOKEN_SECRET: at least 32 characters. */
  secret: string;
  /** INBOUND_DOMAIN: the domain whose Email Routing delivers to the Worker. */
  domain: string;
}

/** INBOUND_TOKEN_SECRET and INBOUND_DOMAIN, or null: without both no address is handed out or accepted. */
export function replyAddressConfig(
  env: Pick<Env, 'INBOUND_TOKEN_SECRET' | 'INBOUND_DOMAIN'>,
): ReplyAddressConfig | null {
  const secret = env.INBOUND_TOKEN_SECRET?.trim();
  const domain = env.INBOUND_DOMAIN?.trim();
  return secret && domain ? { secret, domain } : null;
}

export interface ReplyTarget {
  purpose: InboundPurpose;
  id: string;
}

const MAILBOX: Record<InboundPurpose, string> = { form_test: 'test', outreach: 'reply' };
const CODE: Record<InboundPurpose, string> = { form_test: 'ft', outreach: 'or' };
/** 20 hex characters: 80 bits, beyond guessing at any rate a mail server accepts. */
const MAC_LENGTH = 20;
export const MIN_SECRET_LENGTH = 32;

const mac = (secret: string, purpose: InboundPurpose, id: string) =>
  hmacHex(secret, `avenir-inbound:${purpose}:${id}`, MAC_LENGTH);

function checkSecret(config: ReplyAddressConfig): void {
  if (config.secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`INBOUND_TOKEN_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  }
}

export async function replyAddress(config: ReplyAddressConfig, target: ReplyTarget): Promise<string> {
  checkSecret(config);
  if (!isUuid(target.id)) throw new TypeError(`a reply address names a row by its uuid, not ${target.id}`);
  const id = target.id.toLowerCase().replaceAll('-', '');
  const signature = await mac(config.secret, target.purpose, id);
  return `${MAILBOX[target.purpose]}+${CODE[target.purpose]}.${id}.${signature}@${config.domain.toLowerCase()}`;
}

const TOKEN = /^([a-z0-9-]+)\+([a-z]{2})\.([0-9a-f]{32})\.([0-9a-f]+)@(.+)$/;

/** What a recipient address is for, or null: not ours, malformed, or signed with another secret. */
export async function readReplyAddress(config: ReplyAddressConfig, address: string): Promise<ReplyTarget | null> {
  checkSecret(config);
  const match = TOKEN.exec(address.trim().toLowerCase());
  if (!match) return null;
  const [, mailbox, code, hex, signature, domain] = match;
  if (domain !== config.domain.toLowerCase()) return null;
  const purpose = INBOUND_PURPOSES.find((candidate) => CODE[candidate] === code);
  if (!purpose || MAILBOX[purpose] !== mailbox) return null;
  if (!sameText(signature!, await mac(config.secret, purpose, hex!))) return null;
  const id = `${hex!.slice(0, 8)}-${hex!.slice(8, 12)}-${hex!.slice(12, 16)}-${hex!.slice(16, 20)}-${hex!.slice(20)}`;
  return { purpose, id };
}
