import { describe, expect, it } from 'vitest';
import {
  type AnswerStep,
  answerOutreach,
  type OutreachAnswer,
  type ReceivedOutreach,
} from '../../../scripts/demo-sites/mail/outreach-answers';
import { classifyTrackingRequest } from '../../../worker/features/outreach/machine-events';
import { outgoingMail } from '../../../worker/features/outreach/outgoing';
import { classifyInbound } from '../../../worker/features/outreach/replies';
import { readInbound } from '../../../worker/platform/mail/inbound';
import { buildMimeMessage } from '../../../worker/platform/mail/mime';

/**
 * The demo businesses' answers to outreach, read by the Worker's own parser and classifiers:
 * the demo on `npm start` must show on a campaign's page what real mail would (a reply, an
 * out-of-office that is not one, a hard bounce, a one-click unsubscribe, machine opens
 * flagged), so each answer is checked the way the Worker will read it.
 */

const APP = 'http://127.0.0.1:8787';
const REPLY_ADDRESS = 'o-3f2a8c1e5b6d4e7f8a9b0c1d2e3f4a5b.sig@inbound.avenir.local';
const at = new Date('2026-12-03T15:00:00Z');

async function received(language: 'fr' | 'en'): Promise<ReceivedOutreach> {
  const mail = await outgoingMail(
    {
      emailId: '3f2a8c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      to: 'info@plomberie-gagnon.test',
      mailbox: 'replies@avenir.local',
      subject: 'Plomberie Gagnon : la réponse à votre formulaire de contact',
      plain: 'Bonjour,\n\nJ’ai écrit par votre formulaire le 2 décembre.\n\nMarie Tremblay',
      html: '<p>Bonjour,</p><p><a href="https://avenir.example/fr/exemple">Voyez un exemple</a></p><p>Marie Tremblay</p>',
      language,
      identity: {
        senderName: 'Marie Tremblay',
        businessName: 'Avenir',
        postalAddress: '1000, rue De La Gauchetière Ouest, Montréal (Québec) H3B 0A2',
        contact: 'replies@avenir.local',
      },
      publishedOn: 'https://plomberie-gagnon.test/contact',
      replyAddress: REPLY_ADDRESS,
      thread: null,
    },
    { appUrl: APP, secret: 'a-tracking-secret-of-at-least-32-chars' },
  );
  const messageId = '<outreach-1@avenir.local>';
  return {
    messageId,
    from: 'Marie Tremblay <replies@avenir.local>',
    to: mail.to.email,
    replyTo: `Marie Tremblay <${REPLY_ADDRESS}>`,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    rawMime: buildMimeMessage(mail, { date: at, messageId }),
  };
}

const business = (outreachAnswer: OutreachAnswer, languages = ['fr']) => ({
  slug: 'plomberie-gagnon',
  businessName: 'Plomberie Gagnon',
  website: 'https://plomberie-gagnon.test',
  phone: '(450) 555-0142',
  email: 'info@plomberie-gagnon.test',
  languages,
  outreachAnswer,
});

async function mailOf(steps: AnswerStep[]) {
  const step = steps.find((entry) => entry.kind === 'mail');
  if (step?.kind !== 'mail') throw new Error('no mail step');
  expect(step.to).toBe(REPLY_ADDRESS);
  return readInbound({ raw: new Uint8Array(step.raw), envelopeFrom: step.envelopeFrom, envelopeTo: step.to });
}

const fetches = (steps: AnswerStep[]) => steps.flatMap((step) => (step.kind === 'fetch' ? [step] : []));

describe('the demo businesses answering outreach', () => {
  it('replies as a person, in the thread, in French, and the Worker counts it as a reply', async () => {
    const message = await mailOf(answerOutreach(business('reply'), await received('fr'), at));
    expect(classifyInbound(message)).toEqual({ kind: 'reply' });
    expect(message.inReplyTo).toBe('outreach-1@avenir.local');
    expect(message.newText).toContain("Oui, ça m'intéresse");
    expect(message.newText).not.toContain('Voyez un exemple');
  });

  it('answers in English for an English business', async () => {
    const message = await mailOf(answerOutreach(business('reply', ['en']), await received('en'), at));
    expect(message.newText).toMatch(/^Hi Marie,/);
  });

  it('sends an out-of-office the Worker does not take for a reply', async () => {
    const message = await mailOf(answerOutreach(business('out_of_office'), await received('fr'), at));
    expect(classifyInbound(message).kind).toBe('auto_reply');
  });

  it('bounces with a 5.1.1 report, a hard bounce for the Worker', async () => {
    const message = await mailOf(answerOutreach(business('bounce'), await received('fr'), at));
    expect(classifyInbound(message)).toMatchObject({ kind: 'bounce', hard: true, status: '5.1.1' });
    expect(message.bounce?.recipient).toBe('info@plomberie-gagnon.test');
  });

  it('unsubscribes with RFC 8058’s one-click POST to the List-Unsubscribe address', async () => {
    const [post, ...rest] = fetches(answerOutreach(business('unsubscribe'), await received('fr'), at));
    expect(rest).toEqual([]);
    expect(post).toMatchObject({ method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(post!.url).toMatch(new RegExp(`^${APP}/u/`));
  });

  it('opens through Apple’s proxy and through a gateway: both machines for the classifier', async () => {
    for (const answer of ['apple_mail', 'scanner'] as const) {
      const steps = fetches(answerOutreach(business(answer), await received('fr'), at));
      const pixel = steps.find((step) => step.url.includes('/o/p/'))!;
      expect(
        classifyTrackingRequest({
          kind: 'open',
          method: pixel.method,
          userAgent: pixel.headers['user-agent'] ?? null,
          ip: '127.0.0.1',
          headers: pixel.headers,
          secondsAfterDelivery: pixel.afterMs / 1000,
          linksClickedWithin10s: 0,
        }).human,
      ).toBe(false);
    }
  });

  it('has the gateway fetch every link and the unsubscribe page only with GET, never the one-click POST', async () => {
    const steps = fetches(answerOutreach(business('scanner'), await received('fr'), at));
    expect(steps.filter((step) => step.url.includes('/o/c/')).map((step) => step.method)).toEqual(['HEAD', 'GET']);
    expect(steps.filter((step) => step.url.includes('/u/')).map((step) => step.method)).toEqual(['GET']);
  });

  it('reads like a person: opens, then clicks the email’s own link later than a scanner would', async () => {
    const [open, click] = fetches(answerOutreach(business('reads'), await received('fr'), at));
    expect(open!.url).toContain('/o/p/');
    expect(click!.url).toContain('/o/c/');
    expect(click!.afterMs).toBeGreaterThanOrEqual(10_000);
    expect(click!.headers['accept-language']).toMatch(/^fr-CA/);
  });

  it('does nothing without an answer of its own or an address to answer to', async () => {
    const email = await received('fr');
    expect(answerOutreach({ ...business('reply'), outreachAnswer: undefined }, email, at)).toEqual([]);
    expect(answerOutreach(business('reply'), { ...email, replyTo: null }, at)).toEqual([]);
  });
});
