import type { DatabaseAccess } from '../../platform/db';
import { recordMetrics } from '../learning';

/**
 * One `POST /api/lead` answer in performance_metrics (source `lead_api`): its response
 * time, and an error row when the Worker failed (5xx). A refusal (4xx) is the form working
 * as meant: timed, not an error.
 */
export function recordIntakeTiming(db: DatabaseAccess, status: number, elapsedMs: number): Promise<void> {
  const failed = status >= 500;
  return db.service((tx) =>
    recordMetrics(tx, [
      {
        eventType: 'api_response',
        metricName: failed ? 'error_rate' : 'response_time',
        metricValue: failed ? 1 : elapsedMs,
        metricUnit: failed ? 'count' : 'ms',
        responseTimeMs: Math.round(elapsedMs),
        successRate: failed ? 0 : 1,
        errorCount: failed ? 1 : 0,
        sourceComponent: 'lead_api',
        clientId: null,
        metadata: { status },
        ...(failed
          ? {
              errorMessageEn: `The lead endpoint failed (${status}).`,
              errorMessageFr: `Le point d’entrée des clients potentiels a échoué (${status}).`,
            }
          : {}),
      },
    ]),
  );
}
