import type { Client } from '../../schema';

/**
 * What the dashboard may show of a client account: an allowlist, so a column added to
 * `clients` later (or the password hash now) never reaches a browser by accident. The
 * widget key is included: it is publishable (it sits in the customer's page source).
 */
export interface ClientSettings {
  id: string;
  clientId: string;
  businessName: string;
  email: string;
  language: string;
  emailTone: string;
  aiPersonalizedReply: boolean;
  bookingLink: string | null;
  industry: string | null;
  allowedOrigins: string[];
  requireConsent: boolean;
  /** The publishable widget key (`clients.api_key`). */
  apiKey: string;
  isTest: boolean;
  isInternal: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export const clientSettings = (client: Client): ClientSettings => ({
  id: client.id,
  clientId: client.clientId,
  businessName: client.businessName,
  email: client.email,
  language: client.language,
  emailTone: client.emailTone,
  aiPersonalizedReply: client.aiPersonalizedReply,
  bookingLink: client.bookingLink,
  industry: client.industry,
  allowedOrigins: client.allowedOrigins,
  requireConsent: client.requireConsent,
  apiKey: client.apiKey,
  isTest: client.isTest,
  isInternal: client.isInternal,
  lastLoginAt: client.lastLoginAt?.toISOString() ?? null,
  createdAt: client.createdAt.toISOString(),
});
