import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import type { RotatedKeyView } from '../../../schema/app-api';
import type { AppEnv } from '../../platform/env';
import { AppError, bilingual } from '../../platform/errors';
import { jsonBody, localized } from '../../platform/http/validate';
import { RATE_LIMITS } from '../../platform/rate-limits';
import {
  allowedOrigin,
  allowedOrigins,
  bookingLink,
  businessName,
  clientLanguage,
  emailTone,
  MAX_ALLOWED_ORIGINS,
} from '../accounts';
import { WIDGET_KEY_CACHE_SECONDS } from '../intake';
import { allowOrigin, readSettings, rotateWidgetKey, sendTestLead, updateSettings } from './settings';

/**
 * The dashboard's settings under /api/app: read and change them, rotate the widget key,
 * send a test lead. Behind the dashboard guard (app.ts), which has already checked
 * the session (and CSRF on mutations); everything acts on the session's client only.
 */
export const settingsRoutes = new Hono<AppEnv>();

/** Where widget.js is served from: the dashboard's public origin, else this request's. */
function workerOrigin(c: Context<AppEnv>): string {
  if (c.env.APP_URL) {
    try {
      return new URL(c.env.APP_URL).origin;
    } catch {
      // A malformed APP_URL is a configuration slip; the request's origin still works.
    }
  }
  return new URL(c.req.url).origin;
}

const { periodSeconds } = RATE_LIMITS.SETTINGS_ACTION_LIMIT;

/** Test leads and key rotations, a few a minute per client (wrangler.toml SETTINGS_ACTION_LIMIT). */
async function limitSettingsAction(c: Context<AppEnv>): Promise<void> {
  if ((await c.env.SETTINGS_ACTION_LIMIT.limit({ key: c.var.session.clientId })).success) return;
  c.header('Retry-After', String(periodSeconds));
  throw new AppError(
    'rate_limited',
    bilingual(
      `Too many of these in a short time. Try again in ${periodSeconds} seconds.`,
      `Trop de demandes de ce genre en peu de temps. Réessayez dans ${periodSeconds} secondes.`,
    ),
  );
}

const onOffMessage = localized('Use true or false.', 'Utilisez true ou false.');

// The same rules as client creation (accounts/client-fields.ts), every field optional.
const settingsPatch = v.object(
  {
    businessName: v.optional(businessName),
    language: v.optional(clientLanguage),
    emailTone: v.optional(emailTone),
    aiPersonalizedReply: v.optional(v.boolean(onOffMessage)),
    // null clears the booking link.
    bookingLink: v.optional(v.nullable(bookingLink)),
    allowedOrigins: v.optional(
      v.pipe(
        allowedOrigins,
        v.maxLength(50, localized('List at most 50 origins.', 'Indiquez au plus 50 origines.')),
        // Two spellings of one site (a path, a trailing slash) are one origin.
        v.transform((origins) => [...new Set(origins)]),
      ),
    ),
    requireConsent: v.optional(v.boolean(onOffMessage)),
    weeklyDigest: v.optional(v.boolean(onOffMessage)),
  },
  localized('Send the fields as a JSON object.', 'Envoyez les champs dans un objet JSON.'),
);

settingsRoutes.get('/settings', async (c) =>
  c.json(await readSettings(c.var.db, c.var.session.clientId, workerOrigin(c))),
);

settingsRoutes.patch('/settings', jsonBody(settingsPatch), async (c) => {
  // Drop the keys valibot left as undefined: "not sent" is not "set to null".
  const patch = Object.fromEntries(Object.entries(c.req.valid('json')).filter(([, value]) => value !== undefined));
  return c.json(await updateSettings(c.var.db, c.var.session.clientId, patch, workerOrigin(c)));
});

const allowBody = v.object(
  { origin: allowedOrigin },
  localized('Send the site as {"origin": "https://…"}.', 'Envoyez le site ainsi : {"origin": "https://…"}.'),
);

// "Allow this site" (connection health): one origin added to the list, after the client confirmed it.
settingsRoutes.post('/settings/allowed-origins', jsonBody(allowBody), async (c) => {
  const settings = await allowOrigin(c.var.db, c.var.session.clientId, c.req.valid('json').origin, workerOrigin(c));
  if (!settings) {
    throw new AppError(
      'invalid_body',
      bilingual(
        `Your form already allows ${MAX_ALLOWED_ORIGINS} sites, the most it can. Remove one in the list first.`,
        `Votre formulaire autorise déjà ${MAX_ALLOWED_ORIGINS} sites, le maximum. Retirez-en un de la liste d’abord.`,
      ),
    );
  }
  return c.json(settings);
});

settingsRoutes.post('/settings/widget-key', async (c) => {
  await limitSettingsAction(c);
  const settings = await rotateWidgetKey(c.var.db, c.var.session.clientId, workerOrigin(c));
  const rotated: RotatedKeyView = {
    ...settings,
    previousKey: {
      // What the dashboard tells the client; README "The dashboard API" says the same.
      en: `The previous key stops working within ${WIDGET_KEY_CACHE_SECONDS} seconds (when each server forgets it), then forms using it are refused with 401. Update every page that embeds the form with the new snippet.`,
      fr: `L'ancienne clé cesse de fonctionner d'ici ${WIDGET_KEY_CACHE_SECONDS} secondes (quand chaque serveur l'oublie), puis les formulaires qui l'utilisent sont refusés (401). Mettez à jour chaque page qui intègre le formulaire avec le nouveau code.`,
    },
  };
  return c.json(rotated);
});

settingsRoutes.post('/settings/test-lead', async (c) => {
  await limitSettingsAction(c);
  const lead = await sendTestLead(c.var.db, c.env.JOBS, c.var.session.clientId, {
    endpoint: c.req.path,
    method: c.req.method,
    meta: c.var.meta,
  });
  return c.json(lead, 201);
});
