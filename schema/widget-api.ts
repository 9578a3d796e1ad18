/**
 * The JSON the widget and the Worker's public intake exchange, shared by both so they
 * cannot drift (as schema/app-api.ts is for the dashboard). Types only.
 */
import type { Language } from './vocabulary';

/** `GET /api/widget/config?key=…`: what the form shows of its client. */
export interface WidgetConfig {
  businessName: string;
  requireConsent: boolean;
  bookingLink: string | null;
  language: Language;
}

/** `POST /api/lead`: what the widget sends (JSON leaves out the fields left undefined). */
export interface LeadPayload {
  key: string;
  name: string;
  email: string;
  phone?: string | undefined;
  message: string;
  consent: boolean;
  language: Language;
  idempotencyKey: string;
  elapsedMs: number;
  /** The honeypot: a field people never see, so never fill. */
  website: string;
  page?: string;
  referrer?: string | undefined;
  test?: true | undefined;
}

/** `POST /api/lead` → 201: the lead is stored (a retried submission answers the same). */
export interface LeadAccepted {
  id: string;
  /**
   * Whether an automatic reply will go to the visitor's address, so the form may say "we have
   * sent you a copy by email": the client replies automatically, the form's bot checks passed,
   * and there is an address.
   */
  emailCopy: boolean;
}
