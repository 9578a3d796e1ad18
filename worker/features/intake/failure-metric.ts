import type { DatabaseAccess } from '../../platform/db';
import { recordMetrics } from '../learning';

/**
 * A `POST /api/lead` the Worker failed (5xx) in performance_metrics (source `lead_api`),
 * for the staff System screen's error rate. A refusal (4xx) is the form working as meant.
 */
export function recordIntakeFailure(db: DatabaseAccess, status: number, elapsedMs: number): Promise<void> {
  return db.service((tx) =>
    recordMetrics(tx, [
      {
        eventType: 'api_response',
        metricName: 'error_rate',
        metricValue: 1,
        metricUnit: 'count',
        responseTimeMs: Math.round(elapsedMs),
        successRate: 0,
        errorCount: 1,
        sourceComponent: 'lead_api',
        clientId: null,
        metadata: { status },
        errorMessageEn: `The lead endpoint failed (${status}).`,
        errorMessageFr: `Le point d’entrée des clients potentiels a échoué (${status}).`,
      },
    ]),
  );
}
