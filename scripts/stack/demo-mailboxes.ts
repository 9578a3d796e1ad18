/**
 * The demo businesses' mailboxes on `npm start`: outreach email the Worker "sends" lands in
 * its dev outbox; this reads the new messages addressed to a demo business and lets that
 * business answer as its catalogue entry says (scripts/demo-sites/mail/outreach-answers.ts):
 * replies and bounces go to the Worker's email() handler, opens, clicks and unsubscribes to
 * the email's own URLs. Only loopback URLs and the demo's test domains are ever touched,
 * each message is answered once, and `close()` cancels whatever has not happened yet.
 */
import { type AnswerStep, addressOf, answerOutreach, type ReceivedOutreach } from '../demo-sites/mail/outreach-answers';
import { isLoopbackUrl, isTestAddress } from '../demo-sites/mail/replies';
import type { DemoBusiness } from './demo-sites';

export interface DemoMailboxesOptions {
  businesses: DemoBusiness[];
  /** The outbox's messages written after `since` (oldest first), and their time. */
  readOutbox(since: Date): Promise<(ReceivedOutreach & { createdAt: Date })[]>;
  /** The Worker's local email handler, e.g. http://127.0.0.1:8787/cdn-cgi/handler/email. */
  inboundUrl: string;
  pollMs?: number;
  fetch?: typeof fetch;
}

export interface DemoMailboxes {
  close(): void;
}

const DEFAULT_POLL_MS = 3_000;
/** A mail server tries a refused delivery again: twice more, 5 and 20 seconds later. */
const RETRY_DELAYS_MS = [5_000, 20_000];

export function startDemoMailboxes(options: DemoMailboxesOptions): DemoMailboxes {
  if (!isLoopbackUrl(options.inboundUrl))
    throw new Error(`demo mailboxes: ${options.inboundUrl} is not a loopback URL`);
  const doFetch = options.fetch ?? fetch;
  // A business's mail server takes every address of its domain: the one a directory lists
  // and the one its site publishes (which prospect discovery may have kept instead).
  const byDomain = new Map<string, DemoBusiness>(
    options.businesses.flatMap((business) => (business.outreachAnswer ? [[`${business.slug}.test`, business]] : [])),
  );
  const seen = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let since = new Date();
  let closed = false;

  function later(afterMs: number, run: () => Promise<void>) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) void run();
    }, afterMs);
    timer.unref();
    timers.add(timer);
  }

  /** Posts one message to the email handler; a server error is tried again later, as a mail server does. */
  async function deliver(step: Extract<AnswerStep, { kind: 'mail' }>, attempt = 1): Promise<void> {
    const url = new URL(options.inboundUrl);
    url.searchParams.set('from', step.envelopeFrom);
    url.searchParams.set('to', step.to);
    const answer = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822' },
      body: new Uint8Array(step.raw),
    }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    if (answer instanceof Response) await answer.arrayBuffer();
    const failure = answer instanceof Response ? (answer.ok ? null : `HTTP ${answer.status}`) : answer.message;
    if (!failure || closed) return;
    const retryable = !(answer instanceof Response) || answer.status >= 500;
    const delay = RETRY_DELAYS_MS[attempt - 1];
    if (retryable && delay !== undefined) return later(delay, () => deliver(step, attempt + 1));
    console.warn(`demo mailboxes: a message to ${step.to} was not delivered (${failure}, attempt ${attempt})`);
  }

  async function visit(step: Extract<AnswerStep, { kind: 'fetch' }>) {
    if (!isLoopbackUrl(step.url)) return;
    try {
      const answer = await doFetch(step.url, {
        method: step.method,
        headers: step.headers,
        redirect: 'manual',
        ...(step.body ? { body: step.body } : {}),
      });
      await answer.arrayBuffer();
    } catch (error) {
      if (!closed) console.warn(`demo mailboxes: ${step.method} ${step.url}: ${(error as Error).message}`);
    }
  }

  async function poll() {
    try {
      for (const message of await options.readOutbox(since)) {
        if (message.createdAt > since) since = message.createdAt;
        if (seen.has(message.messageId)) continue;
        seen.add(message.messageId);
        const to = addressOf(message.to).toLowerCase();
        const business = isTestAddress(to) ? byDomain.get(to.slice(to.lastIndexOf('@') + 1)) : undefined;
        if (!business) continue;
        for (const step of answerOutreach(business, message, new Date())) {
          later(step.afterMs, () => (step.kind === 'mail' ? deliver(step) : visit(step)));
        }
      }
    } catch (error) {
      if (!closed) console.warn(`demo mailboxes: the outbox could not be read: ${(error as Error).message}`);
    }
    later(options.pollMs ?? DEFAULT_POLL_MS, poll);
  }

  later(options.pollMs ?? DEFAULT_POLL_MS, poll);
  return {
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
