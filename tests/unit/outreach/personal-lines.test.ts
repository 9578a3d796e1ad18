import { describe, expect, it } from 'vitest';
import { writePersonalLines } from '../../../worker/features/outreach/first-line';
import { classifyInbound } from '../../../worker/features/outreach/replies';
import type { InboundMessage } from '../../../worker/platform/mail/inbound';

const facts = {
  companyName: 'Plomberie Gagnon',
  website: 'https://plomberie-gagnon.ca',
  language: 'fr' as const,
  site: { bookingTools: [], chatWidgets: [], hasForm: true },
};

describe('the personal lines', () => {
  it('tells the form test once, with its date and what came back, and opens on the site’s own fact', () => {
    const lines = writePersonalLines({
      ...facts,
      formTest: {
        status: 'completed',
        submittedAt: new Date('2026-11-24T15:00:00Z'),
        responseMinutes: 26 * 60,
        tone: 'human',
        waitedMinutes: null,
      },
    });
    expect(lines.formTestSummary).toBe(
      'Votre équipe a répondu en 26 heures à la demande que j’ai envoyée par le formulaire de contact de votre site le 24 novembre.',
    );
    // The opening says something else: the test and its date appear once in the email.
    expect(lines.firstLine).not.toMatch(/24 novembre|heures|formulaire de contact/);
    expect(lines.facts).toEqual(expect.arrayContaining(['form_test.submitted_at', 'form_test.response_minutes']));
  });

  it('claims no silence a short sweep did not prove, and falls back on the site’s own fact', () => {
    const lines = writePersonalLines({
      ...facts,
      language: 'en',
      formTest: { status: 'timeout', submittedAt: new Date(), responseMinutes: null, tone: null, waitedMinutes: 2 },
    });
    expect(lines.formTestSummary).toBeNull();
    expect(lines.firstLine).toBe(
      'On plomberie-gagnon.ca, a customer can write to you but not book: they wait for your answer to get an appointment.',
    );
  });
});

const message = (overrides: Partial<InboundMessage>): InboundMessage => ({
  messageId: 'a@b',
  envelopeFrom: 'info@plomberie-gagnon.ca',
  envelopeTo: 'reply+or.x@in.avenir.test',
  from: { address: 'info@plomberie-gagnon.ca', name: null },
  replyTo: null,
  subject: 'Re: Votre formulaire',
  date: null,
  inReplyTo: null,
  references: [],
  text: 'Oui, appelez-moi.',
  newText: 'Oui, appelez-moi.',
  html: null,
  attachments: 0,
  rawSize: 100,
  truncated: false,
  auto: { submitted: false, reasons: [] },
  bounce: null,
  ...overrides,
});

describe('what comes back to an outreach email', () => {
  it('tells a reply from an out-of-office, an unsubscribe and hard and soft bounces', () => {
    expect(classifyInbound(message({})).kind).toBe('reply');
    expect(classifyInbound(message({ subject: 'Réponse automatique : absent jusqu’au 8 janvier' })).kind).toBe(
      'auto_reply',
    );
    expect(
      classifyInbound(message({ auto: { submitted: true, reasons: ['auto-submitted: auto-replied'] } })).kind,
    ).toBe('auto_reply');
    expect(classifyInbound(message({ newText: 'Désabonner', text: 'Désabonner' })).kind).toBe('unsubscribe');
    expect(classifyInbound(message({ subject: 'unsubscribe', newText: '' })).kind).toBe('unsubscribe');
    const bounce = (status: string | null, action = 'failed') =>
      classifyInbound(message({ bounce: { status, action, recipient: null, diagnostic: null } }));
    expect(bounce('5.1.1')).toMatchObject({ kind: 'bounce', hard: true });
    expect(bounce('4.2.2')).toMatchObject({ kind: 'bounce', hard: false });
    expect(bounce('4.4.7', 'delayed').kind).toBe('delay');
  });
});
