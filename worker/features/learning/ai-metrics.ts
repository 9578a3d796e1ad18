import type { FailedExecution } from '../../platform/ai/fallback';
import type { AiResult } from '../../platform/ai/port';
import type { SendAttempt, SendObserver } from '../../platform/mail/send-once';
import { type MetricRow, recordMetrics } from './metrics';

/** performance_metrics rows of one AI call: its response time, and the failure it fell back from. */
export function aiMetrics<T>(
  eventType: 'ai_analysis' | 'email_response',
  clientId: string,
  result: AiResult<T>,
  failed: FailedExecution | null,
  metadata: Record<string, unknown>,
): MetricRow[] {
  const rows: MetricRow[] = [
    {
      eventType,
      metricName: 'response_time',
      metricValue: result.latencyMs,
      metricUnit: 'ms',
      responseTimeMs: Math.round(result.latencyMs),
      successRate: 1,
      sourceComponent: 'intelligence_engine',
      clientId,
      metadata: { ...metadata, engine: result.engine, usage: result.usage },
    },
  ];
  if (failed) {
    rows.push({
      eventType,
      metricName: 'error_rate',
      metricValue: 1,
      metricUnit: 'count',
      responseTimeMs: Math.round(failed.latencyMs),
      errorCount: 1,
      successRate: 0,
      sourceComponent: 'intelligence_engine',
      clientId,
      metadata: { ...metadata, engine: 'openai', kind: failed.error.kind, fellBackTo: result.engine },
      errorMessageEn: `The AI did not answer (${failed.error.kind}); the offline engine did.`,
      errorMessageFr: `L’IA n’a pas répondu (${failed.error.kind}); le moteur hors ligne a pris le relais.`,
    });
  }
  return rows;
}

/** The send-once hook every lead email goes out with: each try's figures in the learning log. */
export const recordSend: SendObserver = (tx, attempt) => recordMetrics(tx, [sendMetrics(attempt)]);

/** The performance_metrics row of one try at sending a lead's email. */
function sendMetrics({ email, ...attempt }: SendAttempt): MetricRow {
  const metadata = { kind: email.kind, provider: attempt.provider };
  if (attempt.sent) {
    return {
      eventType: 'email_response',
      metricName: 'response_time',
      metricValue: attempt.elapsedMs,
      metricUnit: 'ms',
      responseTimeMs: Math.round(attempt.elapsedMs),
      successRate: 1,
      sourceComponent: 'mailer',
      clientId: email.clientId,
      metadata,
    };
  }
  return {
    eventType: 'email_response',
    metricName: 'error_rate',
    metricValue: 1,
    metricUnit: 'count',
    errorCount: 1,
    successRate: 0,
    sourceComponent: 'mailer',
    clientId: email.clientId,
    metadata,
    errorMessageEn: `The ${email.kind} email was not sent: ${attempt.reason}`,
    errorMessageFr: `Le courriel (${email.kind === 'reply' ? 'réponse' : 'avis'}) n’a pas été envoyé : ${attempt.reason}`,
  };
}

/** The performance_metrics row of one `POST /api/lead` that stored a lead (source `lead_api`). */
export const intakeMetric = (clientId: string, elapsedMs: number): MetricRow => ({
  eventType: 'api_response',
  metricName: 'response_time',
  metricValue: elapsedMs,
  metricUnit: 'ms',
  responseTimeMs: Math.round(elapsedMs),
  successRate: 1,
  sourceComponent: 'lead_api',
  clientId,
  metadata: { status: 201 },
});
