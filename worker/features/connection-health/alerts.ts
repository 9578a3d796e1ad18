import type { DatabaseAccess } from '../../platform/db';
import { textToHtml } from '../../platform/mail/mime';
import type { Address, Mailer } from '../../platform/mail/port';
import { type SendOutcome, sendClientEmail } from '../../platform/mail/send-once';
import { alertMail } from './alert-mail';
import { HEALTH_WINDOW_DAYS, readHealthInputs } from './read';
import { healthView } from './view';

export interface AlertDeps {
  db: DatabaseAccess;
  mailer: Mailer;
  sender: Address;
  appUrl: string;
}

// A type, not an interface: the job's result is a plain record (runClaimed).
export type AlertRun = {
  clients: number;
  problems: number;
  sent: number;
  alreadySent: number;
  inFlight: number;
  failed: number;
};

const COUNTED: Record<SendOutcome, 'sent' | 'alreadySent' | 'inFlight' | 'failed'> = {
  sent: 'sent',
  already_sent: 'alreadySent',
  in_flight: 'inFlight',
  failed: 'failed',
};

/**
 * Reads every client's connection health and emails each problem once: the send key is
 * the client and the problem's stable key (rules.ts `problemKey`), so the hourly run, a
 * redelivered message and a problem still there next week all find it sent. A retryable
 * mail failure throws for the queue to retry; the problems told already stay told.
 */
export async function sendConnectionAlerts(deps: AlertDeps, now: Date): Promise<AlertRun> {
  const reads = await deps.db.service((tx) => readHealthInputs(tx, 'all', now));
  const run: AlertRun = { clients: reads.length, problems: 0, sent: 0, alreadySent: 0, inFlight: 0, failed: 0 };
  for (const read of reads) {
    const { client } = read;
    for (const problem of healthView(read, HEALTH_WINDOW_DAYS).problems) {
      run.problems++;
      const mail = alertMail({
        language: client.language,
        businessName: client.businessName,
        problem,
        settingsUrl: `${deps.appUrl}/app/settings#st-connection`,
        homeUrl: `${deps.appUrl}/app`,
      });
      const outcome = await sendClientEmail(deps.db, deps.mailer, {
        kind: 'connection_alert',
        sendKey: `connection-${client.id}-${problem.key}`,
        clientId: client.id,
        from: deps.sender,
        to: { email: client.email, name: client.businessName },
        subject: mail.subject,
        text: mail.text,
        html: textToHtml(mail.text),
        engine: null,
      });
      run[COUNTED[outcome]]++;
    }
  }
  return run;
}
