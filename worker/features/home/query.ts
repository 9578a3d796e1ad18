import * as v from 'valibot';
import { timeZoneParam } from '../../platform/http/time-zone';

/** `GET /api/app/home` query string: the reader's time zone, as the browser names it. */
export const homeQuery = v.object({ tz: timeZoneParam });
export type HomeQuery = v.InferOutput<typeof homeQuery>;
