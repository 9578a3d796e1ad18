import type { Client } from '../../../schema';
import type { ClientSettings } from '../../../schema/app-api';

export type { ClientSettings };

/** The allowlist of a client's columns the dashboard sees: see ClientSettings. */
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
  weeklyDigest: client.weeklyDigest,
  apiKey: client.apiKey,
  isTest: client.isTest,
  isInternal: client.isInternal,
  lastLoginAt: client.lastLoginAt?.toISOString() ?? null,
  createdAt: client.createdAt.toISOString(),
});
