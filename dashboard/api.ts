import type { AccountView, ErrorCode } from '../schema/app-api';
import type { Lang } from './i18n';

/** The JSON shapes of /api/app the dashboard reads: one definition, shared with the Worker. */
export type {
  ActionView,
  ActivityPage,
  HistoryPoint,
  InsightsRefreshView,
  InsightsView,
  LeadDetail,
  LeadItem as Lead,
  LeadPage,
  NoteView as Note,
  TagCount,
} from '../schema/app-api';

/** GET /api/app/me. */
export type Account = AccountView;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The API's code; 'unreadable' when the answer carried none (a proxy's error page, say). */
    readonly code: ErrorCode | 'unreadable',
    message: string,
    /** A 422's messages by field (`details.fields`), for forms that show each by its input. */
    readonly fields: Record<string, string[]> = {},
    /** A 429's wait before asking again, in seconds (its `Retry-After`); null when it gave none. */
    readonly retryAfterSeconds: number | null = null,
    /** The envelope's `details` as sent (a template's `problems`, a campaign's `missing`…), for the screen that reads them. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: {
    code?: ErrorCode;
    message?: string;
    details?: { fields?: Record<string, string[]>; retryAfterSeconds?: number } & Record<string, unknown>;
  };
}

/** `Retry-After` in seconds (the API sends seconds, never an HTTP date), else the envelope's own. */
function retryAfter(response: Response, body: ErrorBody | null): number | null {
  const raw = response.headers.get('Retry-After')?.trim();
  const header = raw ? Number(raw) : Number.NaN;
  if (Number.isFinite(header) && header >= 0) return header;
  const detail = body?.error?.details?.retryAfterSeconds;
  return typeof detail === 'number' && detail >= 0 ? detail : null;
}

let currentLang: Lang = 'en';
export const setApiLang = (lang: Lang) => {
  currentLang = lang;
};

/**
 * Same-origin JSON call; the session cookie goes along. Errors carry the API's message. A
 * FormData body (a file upload) goes as multipart, its boundary set by the browser; the
 * Origin the browser names lets it through the CSRF check, as JSON's does.
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLang };
  const multipart = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api/app${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? null : multipart ? body : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => null)) as ErrorBody | null;
  if (!response.ok) {
    const error = json?.error;
    const fields = error?.details?.fields;
    const fieldMessage = fields ? Object.values(fields).flat()[0] : undefined;
    throw new ApiError(
      response.status,
      error?.code ?? 'unreadable',
      fieldMessage ?? error?.message ?? '',
      fields,
      retryAfter(response, json),
      error?.details ?? {},
    );
  }
  return json as T;
}

export const fetchAccount = () => api<Account>('GET', '/me');

/** What a failed call says to the person: the API's own words, else that the connection failed. */
export function errorText(error: unknown, t: { error: string; offline: string }): string {
  if (error instanceof ApiError) return error.message || t.error;
  return t.offline;
}
