import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReceivedOutreach } from '../../../scripts/demo-sites/mail/outreach-answers';
import { startDemoMailboxes } from '../../../scripts/stack/demo-mailboxes';
import type { DemoBusiness } from '../../../scripts/stack/demo-sites';

/**
 * The demo businesses' mailboxes on `npm start`: each outreach email in the outbox is
 * answered once, by the business whose domain it went to, a refused delivery is tried again
 * as a mail server would, and nothing leaves the machine.
 */

const INBOUND = 'http://127.0.0.1:8787/cdn-cgi/handler/email';
const REPLY_TO = 'reply+or.abc.def@inbound.avenir.local';

const business = (slug: string, outreachAnswer: DemoBusiness['outreachAnswer']): DemoBusiness => ({
  slug,
  businessName: slug,
  website: `https://${slug}.test`,
  industry: 'plumbing',
  city: 'Laval',
  province: 'QC',
  phone: '450 555-0142',
  email: null,
  employees: 4,
  languages: ['fr'],
  outreachAnswer,
});

const mail = (to: string, id: string, html = '<p>Bonjour</p>'): ReceivedOutreach & { createdAt: Date } => ({
  messageId: `<${id}@avenir.local>`,
  from: 'Marie Tremblay <replies@avenir.local>',
  to,
  replyTo: `Marie Tremblay <${REPLY_TO}>`,
  subject: 'Bonjour',
  text: 'Bonjour',
  html,
  rawMime: 'Subject: Bonjour\r\n\r\nBonjour',
  createdAt: new Date(),
});

let requests: { url: string; method: string }[];
let answers: number[];
const fakeFetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
  requests.push({ url: String(input), method: init?.method ?? 'GET' });
  return new Response('ok', { status: answers.shift() ?? 200 });
}) as unknown as typeof fetch;

beforeEach(() => {
  vi.useFakeTimers();
  requests = [];
  answers = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the demo mailboxes', () => {
  it('answers each email once, as the business its domain names, and ignores the rest of the world', async () => {
    const outbox = [
      mail('info@plomberie-gagnon.test', 'one'),
      mail('Someone <owner@gmail.com>', 'two'),
      mail('contact@no-answer.test', 'three'),
    ];
    const mailboxes = startDemoMailboxes({
      businesses: [business('plomberie-gagnon', 'reply'), business('no-answer', undefined)],
      readOutbox: async () => outbox,
      inboundUrl: INBOUND,
      pollMs: 1_000,
      fetch: fakeFetch,
    });
    // Three polls see the same outbox: still one reply.
    await vi.advanceTimersByTimeAsync(3_000 + 31_000);
    mailboxes.close();
    const delivered = requests.filter((request) => request.url.startsWith(INBOUND));
    expect(delivered).toHaveLength(1);
    expect(new URL(delivered[0]!.url).searchParams.get('to')).toBe(REPLY_TO);
  });

  it('tries a refused delivery again, twice, then gives up', async () => {
    answers = [503, 503, 503];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const mailboxes = startDemoMailboxes({
      businesses: [business('physio', 'bounce')],
      readOutbox: async () => [mail('info@physio.test', 'bounce')],
      inboundUrl: INBOUND,
      pollMs: 1_000,
      fetch: fakeFetch,
    });
    await vi.advanceTimersByTimeAsync(1_000 + 1_000 + 5_000 + 20_000 + 1_000);
    mailboxes.close();
    expect(requests.filter((request) => request.url.startsWith(INBOUND))).toHaveLength(3);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('attempt 3'));
    warn.mockRestore();
  });

  it('fetches only the email’s own local addresses', async () => {
    const html =
      '<a href="https://evil.example/o/c/c.token">x</a><img src="http://127.0.0.1:8787/o/p/o.token">' +
      '<a href="http://169.254.169.254/o/c/c.meta">y</a>';
    const mailboxes = startDemoMailboxes({
      businesses: [business('scanned', 'scanner')],
      readOutbox: async () => [mail('info@scanned.test', 'scan', html)],
      inboundUrl: INBOUND,
      pollMs: 1_000,
      fetch: fakeFetch,
    });
    await vi.advanceTimersByTimeAsync(5_000);
    mailboxes.close();
    expect(requests.map((request) => new URL(request.url).hostname)).toEqual(['127.0.0.1']);
  });

  it('refuses an inbound endpoint that is not on this machine', () => {
    expect(() =>
      startDemoMailboxes({ businesses: [], readOutbox: async () => [], inboundUrl: 'https://mail.example/handler' }),
    ).toThrow(/loopback/);
  });
});
