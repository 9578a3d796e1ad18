import * as v from 'valibot';
import type { Language } from '../../../../schema/vocabulary';
import {
  createProviderHttp,
  decodeCursor,
  encodeCursor,
  endpoint,
  type Fetch,
  type ProviderFailure,
  pageSizeFor,
} from './http';
import { countryCode, googleQueryTerms, provinceName, regionOf } from './industries';
import {
  NO_COST,
  type ProspectProviderAdapter,
  type ProspectQuery,
  ProviderError,
  type ProviderErrorKind,
  type ProviderPage,
  type ProviderRecord,
  type SearchRequest,
} from './port';

/**
 * Google Places API (New) Text Search (POST /v1/places:searchText). Google searches the way a
 * person types, one query at a time, so an ICP becomes one query per industry and city
 * ("plombier Laval, QC"), walked one after the other; the cursor says which query, and
 * Google's page token within it.
 */

export interface GooglePlacesSettings {
  apiKey: string;
  /** Default https://places.googleapis.com. */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: Fetch;
}

export const GOOGLE_PLACES_DEFAULT_BASE_URL = 'https://places.googleapis.com';
/** The largest `pageSize` Text Search accepts; it serves 60 results at most per query, over 3 pages. */
export const GOOGLE_PLACES_MAX_PAGE_SIZE = 20;

/**
 * Exactly the fields mapped below, and nothing else: Google bills by the most expensive field
 * asked for, and an unused field could only raise the SKU.
 */
export const GOOGLE_PLACES_FIELD_MASK = [
  'places.id',
  'places.displayName',
  'places.websiteUri',
  'places.nationalPhoneNumber',
  'places.internationalPhoneNumber',
  'places.formattedAddress',
  'places.addressComponents',
  'places.primaryType',
  'nextPageToken',
].join(',');

/**
 * What one request costs at list price. websiteUri and the phone numbers are Enterprise
 * fields, which bill the request as Text Search Enterprise: US$35 per 1,000 requests in the
 * first volume tier, whatever the number of places returned. The monthly free allowance is
 * not deducted here: this is the price, not the invoice.
 */
export const GOOGLE_TEXT_SEARCH_ENTERPRISE_USD_CENTS = 3.5;

/** Which query of the ICP's list, and Google's token for its next page. */
const Cursor = v.object({ c: v.pipe(v.number(), v.integer(), v.minValue(0)), t: v.optional(v.string()) });

const AddressComponent = v.looseObject({
  longText: v.nullish(v.string()),
  shortText: v.nullish(v.string()),
  types: v.nullish(v.array(v.string())),
});

const Place = v.looseObject({
  id: v.string(),
  displayName: v.nullish(v.looseObject({ text: v.nullish(v.string()) })),
  websiteUri: v.nullish(v.string()),
  nationalPhoneNumber: v.nullish(v.string()),
  internationalPhoneNumber: v.nullish(v.string()),
  formattedAddress: v.nullish(v.string()),
  addressComponents: v.nullish(v.array(AddressComponent)),
  primaryType: v.nullish(v.string()),
});
type Place = v.InferOutput<typeof Place>;

// No match is an empty object: no `places` at all.
const Answer = v.looseObject({ places: v.nullish(v.array(Place)), nextPageToken: v.nullish(v.string()) });

export function createGooglePlacesProvider(settings: GooglePlacesSettings): ProspectProviderAdapter {
  const url = endpoint(settings.baseUrl ?? GOOGLE_PLACES_DEFAULT_BASE_URL, '/v1/places:searchText');
  const http = createProviderHttp({
    provider: 'google_places',
    label: 'Google Places',
    timeoutMs: settings.timeoutMs,
    fetch: settings.fetch,
    secrets: [settings.apiKey],
    classify: classifyGoogle,
  });

  return {
    name: 'google_places',

    async search(query: ProspectQuery, request: SearchRequest): Promise<ProviderPage> {
      const pageSize = pageSizeFor('google_places', request.limit, GOOGLE_PLACES_MAX_PAGE_SIZE);
      const language = googleLanguage(query);
      const queries = googleTextQueries(query, language);
      if (queries.length === 0) {
        throw new ProviderError('google_places', 'bad_request', 'Google Places needs an industry or a keyword', {
          cost: NO_COST,
        });
      }
      const at = request.cursor ? decodeCursor('google_places', request.cursor, Cursor) : { c: 0 };
      const textQuery = queries[at.c];
      if (textQuery === undefined) {
        throw new ProviderError('google_places', 'bad_request', 'The cursor belongs to another query', {
          cost: NO_COST,
        });
      }

      const { body, cost } = await http.request({
        method: 'POST',
        url,
        headers: { 'X-Goog-Api-Key': settings.apiKey, 'X-Goog-FieldMask': GOOGLE_PLACES_FIELD_MASK },
        body: {
          textQuery,
          pageSize,
          ...(at.t ? { pageToken: at.t } : {}),
          languageCode: language,
          regionCode: 'CA',
          // Plumbers, roofers and cleaners mostly work at their customers' homes, without a storefront:
          // Google leaves such businesses out unless asked.
          includePureServiceAreaBusinesses: true,
        },
        schema: Answer,
        signal: request.signal,
        charge: () => ({ credits: 0, usdCents: GOOGLE_TEXT_SEARCH_ENTERPRISE_USD_CENTS }),
      });

      const next = body.nextPageToken
        ? { c: at.c, t: body.nextPageToken }
        : at.c + 1 < queries.length
          ? { c: at.c + 1 }
          : null;
      return {
        records: (body.places ?? []).flatMap(toRecord),
        nextCursor: next ? encodeCursor(next) : null,
        cost,
      };
    },
  };
}

/** French when the ICP's businesses work only in French; else English. */
export function googleLanguage(query: ProspectQuery): Language {
  return query.languages.length > 0 && query.languages.every((language) => language === 'fr') ? 'fr' : 'en';
}

/** One text query per industry and place, in the order they are walked. */
export function googleTextQueries(query: ProspectQuery, language: Language): string[] {
  const keywords = query.keywords
    .map((keyword) => keyword.trim())
    .filter(Boolean)
    .join(' ');
  const terms = googleQueryTerms(query.industries, language);
  const subjects = terms.length > 0 ? terms.map((term) => [term, keywords].filter(Boolean).join(' ')) : [keywords];
  const cities = query.cities.map((city) => city.trim()).filter(Boolean);
  const places =
    cities.length > 0
      ? cities.map((city) => (query.province ? `${city}, ${query.province}` : city))
      : [query.province ? provinceName(query.province, language) : 'Canada'];
  return [...new Set(subjects.filter(Boolean).flatMap((subject) => places.map((place) => `${subject} ${place}`)))];
}

function toRecord(place: Place): ProviderRecord[] {
  const businessName = place.displayName?.text?.trim() ?? '';
  if (businessName === '') return [];
  const component = (type: string) => place.addressComponents?.find((part) => part.types?.includes(type));
  const locality = component('locality') ?? component('postal_town') ?? component('sublocality');
  const province = component('administrative_area_level_1');
  const country = component('country');
  return [
    {
      source: 'google_places',
      sourceId: `google_places:${place.id}`,
      businessName,
      website: place.websiteUri ?? null,
      email: null,
      phone: place.internationalPhoneNumber ?? place.nationalPhoneNumber ?? null,
      industry: place.primaryType ?? null,
      city: locality?.longText ?? null,
      region: regionOf(province?.shortText ?? province?.longText),
      country: countryCode(country?.shortText ?? country?.longText),
      employees: null,
      linkedinUrl: null,
      address: place.formattedAddress ?? null,
    },
  ];
}

/** Google answers a wrong or restricted key with 400 INVALID_ARGUMENT, not 401. */
function classifyGoogle(status: number, failure: ProviderFailure): ProviderErrorKind | null {
  if (status !== 400) return null;
  if (/api key/i.test(failure.message ?? '')) return 'unauthorized';
  const reasons = errorReasons(failure.body);
  return reasons.some((reason) => reason.startsWith('API_KEY_')) ? 'unauthorized' : null;
}

/** The `reason` of each ErrorInfo in `error.details`. */
function errorReasons(body: unknown): string[] {
  const parsed = v.safeParse(
    v.looseObject({ error: v.looseObject({ details: v.array(v.looseObject({ reason: v.optional(v.string()) })) }) }),
    body,
  );
  if (!parsed.success) return [];
  return parsed.output.error.details.flatMap((detail) => (detail.reason ? [detail.reason] : []));
}
