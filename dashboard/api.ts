import type { LeadItem } from '../schema/app-api';
import type { Lang } from './i18n';

/** The JSON shapes of /api/app the dashboard reads. */
export type Lead = LeadItem;
export interface LeadPage {
  leads: Lead[];
  nextCursor: string | null;
  counts: { active: number; archived: number; deleted: number };
}
export interface Note {
  id: string;
  note: string;
  performedBy: string;
  createdAt: string;
}
export interface TimelineItem {
  id: string;
  action: string;
  tag: string | null;
  at: string;
  performedBy: string;
}
export interface LeadDetail extends Lead {
  message: string;
  notes: Note[];
  timeline: TimelineItem[];
}
export interface Account {
  businessName: string;
  mustChangePassword: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { fields?: Record<string, string[]> } };
}

let currentLang: Lang = 'en';
export const setApiLang = (lang: Lang) => {
  currentLang = lang;
};

/** Same-origin JSON call; the session cookie goes along. Errors carry the API's message. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLang };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api/app${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => null)) as ErrorBody | null;
  if (!response.ok) {
    const error = json?.error;
    const fields = error?.details?.fields;
    const fieldMessage = fields ? Object.values(fields).flat()[0] : undefined;
    throw new ApiError(response.status, error?.code ?? 'error', fieldMessage ?? error?.message ?? '');
  }
  return json as T;
}

/** GET /api/app/me, normalized. */
export async function fetchAccount(): Promise<Account> {
  const me = await api<Record<string, unknown>>('GET', '/me');
  const client = (me.client ?? me.actingAs ?? {}) as { businessName?: string };
  return { businessName: client.businessName ?? '', mustChangePassword: Boolean(me.mustChangePassword) };
}
