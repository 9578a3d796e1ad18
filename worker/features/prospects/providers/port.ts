import type { Language, Province, SearchProvider } from '../../../../schema/vocabulary';

/**
 * The one port every prospect source speaks: People Data Labs, Apollo, Google Places and
 * the local demo sites. A provider turns an ICP's criteria into its own query, pages through
 * its results with an opaque cursor, and says what each page cost.
 */

/** What an ICP asks for, in provider-neutral terms. */
export interface ProspectQuery {
  /** Industry names as staff wrote them ("plumbing", "toiture", "dental clinic"). */
  industries: readonly string[];
  /** Canadian province or territory, by postal abbreviation; null: all of Canada. */
  province: Province | null;
  cities: readonly string[];
  /** Distance around the first city, for providers that can search by distance. */
  radiusKm: number | null;
  /** Languages the business works in; empty: any. */
  languages: readonly Language[];
  employeesMin: number | null;
  employeesMax: number | null;
  /** Extra words the business should match ("urgence", "residential"). */
  keywords: readonly string[];
}

export interface SearchRequest {
  /** The provider's own cursor from the previous page; absent on the first page. */
  cursor?: string;
  /** At most this many records: providers that bill per record are asked for no more. */
  limit: number;
  signal?: AbortSignal;
}

/** One business as a provider describes it, before dedupe. */
export interface ProviderRecord {
  source: SearchProvider | 'csv';
  /** The provider's id for the business, for the evidence trail ("pdl:abc123"). */
  sourceId: string;
  businessName: string;
  /** As the provider gave it (may lack a scheme, carry a path or "www."); null when none. */
  website: string | null;
  email: string | null;
  /** As the provider gave it; normalised to E.164 on upsert. */
  phone: string | null;
  industry: string | null;
  city: string | null;
  /** Province abbreviation when known (QC), else the provider's region name. */
  region: string | null;
  /** ISO country code, upper case (CA). */
  country: string | null;
  employees: number | null;
  linkedinUrl: string | null;
  address: string | null;
  /** The languages the provider says the business works in, when it says (the demo sites do). */
  languages?: readonly Language[];
}

/** What a request to a provider cost, as the provider bills it. */
export interface ProviderCost {
  requests: number;
  /** Credits the provider's plan counts (PDL: one per record returned; Apollo: one per page). */
  credits: number;
  /** Estimated cost in US cents at list price (Google Places bills per request, by SKU). */
  usdCents: number;
}

export interface ProviderPage {
  records: ProviderRecord[];
  /** Pass back for the next page; null when the provider has no more for this query. */
  nextCursor: string | null;
  cost: ProviderCost;
}

export interface ProspectProviderAdapter {
  readonly name: SearchProvider;
  search(query: ProspectQuery, request: SearchRequest): Promise<ProviderPage>;
}

export type ProviderErrorKind =
  /** The key is missing, wrong or revoked (401/403). */
  | 'unauthorized'
  /** The plan's credits or quota are used up (PDL 402, Apollo 422 credits, Google 403 quota). */
  | 'out_of_credits'
  /** 429, after honouring a short retry-after once; `retryAfterSeconds` says when to come back. */
  | 'rate_limited'
  /** The request was refused as malformed (400): a defect in the adapter or the ICP. */
  | 'bad_request'
  /** No answer within the timeout. */
  | 'timeout'
  /** 5xx or a network failure. */
  | 'unavailable'
  /** An answer that does not have the documented shape. */
  | 'invalid_response';

/** Every provider failure, whichever the provider: a run records it and goes on with what it found. */
export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    readonly provider: SearchProvider,
    readonly kind: ProviderErrorKind,
    message: string,
    readonly options: { status?: number; retryAfterSeconds?: number; cost?: ProviderCost } = {},
  ) {
    super(message);
  }
}

export const NO_COST: ProviderCost = { requests: 0, credits: 0, usdCents: 0 };
