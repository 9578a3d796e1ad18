import { eq } from 'drizzle-orm';
import { clients } from '../../../schema';
import type { DatabaseAccess } from '../../platform/db';
import { TtlCache } from '../../platform/ttl-cache';
import { WIDGET_KEY_CACHE_SECONDS } from './widget-keys';

/**
 * Whether the form may tell the visitor "we have sent you a copy by email". The copy is the
 * automatic reply (features/enrichment/reply-step.ts), which goes only when the client has
 * it on, never to what the form's checks set aside as a bot (the hidden field, a form filled
 * too fast), and only to an address. The AI may still call a lead spam or a vendor pitch
 * after the 201 and send nothing: the widget cannot know that, and the visitor it happens
 * to is rarely a person waiting for that mail.
 */
export function promisesEmailCopy(lead: { autoReply: boolean; spam: boolean; email: string }): boolean {
  return lead.autoReply && !lead.spam && lead.email !== '';
}

const autoReplies = new TtlCache<string, boolean>(5_000);

/**
 * Whether the client has automatic replies on (`clients.ai_personalized_reply`), from the
 * isolate's cache when it can, for as long as the key itself is trusted: once a client's
 * key is known, a lead still costs one round trip. `fresh` reads the database (the
 * dashboard's preview shows the setting just saved). A failed read promises nothing.
 */
export async function autoReplyIsOn(
  db: DatabaseAccess,
  clientId: string,
  options: { fresh?: boolean } = {},
): Promise<boolean> {
  const cached = options.fresh ? undefined : autoReplies.get(clientId);
  if (cached !== undefined) return cached;
  try {
    const [row] = await db.tenant(clientId, (tx) =>
      tx.select({ on: clients.aiPersonalizedReply }).from(clients).where(eq(clients.id, clientId)),
    );
    const on = row?.on === true;
    autoReplies.set(clientId, on, WIDGET_KEY_CACHE_SECONDS * 1_000);
    return on;
  } catch (error) {
    console.error(`client ${clientId}: auto-reply setting not read`, error);
    return false;
  }
}
