import { describe, expect, it } from 'vitest';
import {
  INBOUND_MAX_RAW_BYTES,
  INBOUND_MAX_TEXT_CHARS,
  InboundTooLarge,
  readInbound,
  withoutQuotes,
} from '../../../../worker/platform/mail/inbound';

/** Messages as real mail servers write them, read as the email() handler reads them. */

const envelope = { envelopeFrom: 'Info@Plomberie.test', envelopeTo: 'test+ft.x@in.avenir.example' };
const read = (lines: string[]) => readInbound({ ...envelope, raw: lines.join('\r\n') });

describe('reading an incoming message', () => {
  it('decodes quoted-printable French and an encoded subject, and keeps the reply without its quote', async () => {
    const message = await read([
      'From: =?UTF-8?Q?Luc_B=C3=A9langer?= <Luc@Plomberie.test>',
      'To: test+ft.x@in.avenir.example',
      'Subject: =?UTF-8?Q?Re=3A_Demande_d=E2=80=99information?=',
      'Message-ID: <abc-1@plomberie.test>',
      'In-Reply-To: <q-1@avenir.example>',
      'References: <q-0@avenir.example> <q-1@avenir.example>',
      'Date: Tue, 01 Dec 2026 15:02:00 -0500',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Bonjour Marie,',
      '',
      'Oui, nous rempla=C3=A7ons les chauffe-eau =C3=A0 Laval, d=C3=A8s jeudi. Un tr=',
      '=C3=A8s bon choix.',
      '',
      'Le mar. 1 d=C3=A9c. 2026 =C3=A0 10 h 02, Marie Tremblay <test@x> a =C3=A9crit :',
      '> Faites-vous le remplacement de chauffe-eau?',
    ]);
    expect(message.messageId).toBe('abc-1@plomberie.test');
    expect(message.from).toEqual({ address: 'luc@plomberie.test', name: 'Luc Bélanger' });
    expect(message.subject).toBe('Re: Demande d’information');
    expect(message.date).toBe('2026-12-01T20:02:00.000Z');
    expect(message.inReplyTo).toBe('q-1@avenir.example');
    expect(message.references).toEqual(['q-0@avenir.example', 'q-1@avenir.example']);
    expect(message.text).toContain('remplaçons les chauffe-eau à Laval, dès jeudi. Un très bon choix.');
    expect(message.newText).toBe(
      'Bonjour Marie,\n\nOui, nous remplaçons les chauffe-eau à Laval, dès jeudi. Un très bon choix.',
    );
    expect(message.auto).toEqual({ submitted: false, reasons: [] });
    expect(message.bounce).toBeNull();
  });

  it('reads ISO-8859-1 base64 and an HTML-only body as text, never as markup', async () => {
    const latin1 = Buffer.from('Merci! Nous vous répondrons très bientôt.', 'latin1').toString('base64');
    const iso = await read([
      'From: no-reply@clinique.test',
      'Subject: =?ISO-8859-1?B?Uulwb25zZSBhdXRvbWF0aXF1ZQ==?=',
      'Message-ID: <iso@clinique.test>',
      'Auto-Submitted: auto-replied',
      'Content-Type: text/plain; charset=ISO-8859-1',
      'Content-Transfer-Encoding: base64',
      '',
      latin1,
    ]);
    expect(iso.subject).toBe('Réponse automatique');
    expect(iso.text).toBe('Merci! Nous vous répondrons très bientôt.');
    expect(iso.auto.submitted).toBe(true);
    expect(iso.auto.reasons).toEqual(['auto-submitted: auto-replied', 'sender: no-reply@clinique.test']);

    const html = await read([
      'From: info@toiture.test',
      'Message-ID: <h@toiture.test>',
      'Precedence: bulk',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><p>Bonjour &amp; merci!</p><p>Nous &eacute;valuons votre demande.</p></body></html>',
    ]);
    expect(html.text).toBe('Bonjour & merci!\n\nNous évaluons votre demande.');
    expect(html.text).not.toContain('alert');
    expect(html.auto.reasons).toContain('precedence: bulk');
  });

  it('recognises a delivery failure report and counts attachments without keeping them', async () => {
    const dsn = await read([
      'From: MAILER-DAEMON@mx.plomberie.test',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn@mx.plomberie.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'I could not deliver your message.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.plomberie.test',
      '',
      'Final-Recipient: rfc822; Ancien@Plomberie.test',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
      '--b1--',
    ]);
    expect(dsn.bounce).toEqual({
      status: '5.1.1',
      action: 'failed',
      recipient: 'ancien@plomberie.test',
      diagnostic: 'smtp; 550 5.1.1 user unknown',
    });
    expect(dsn.auto.submitted).toBe(true);

    const withFiles = await read([
      'From: luc@plomberie.test',
      'Message-ID: <f@plomberie.test>',
      'Content-Type: multipart/mixed; boundary="m"',
      '',
      '--m',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Voici notre brochure.',
      '--m',
      'Content-Type: application/pdf; name="a.pdf"',
      'Content-Disposition: attachment; filename="a.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0xLjQK',
      '--m',
      'Content-Type: image/png; name="b.png"',
      'Content-Disposition: attachment; filename="b.png"',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '--m--',
    ]);
    expect(withFiles.attachments).toBe(2);
    expect(withFiles.bounce).toBeNull();
  });

  it('refuses a message above the limit and bounds a long text', async () => {
    const huge = new Uint8Array(INBOUND_MAX_RAW_BYTES + 1);
    await expect(readInbound({ ...envelope, raw: huge })).rejects.toBeInstanceOf(InboundTooLarge);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 6; i++) controller.enqueue(new Uint8Array(1024 * 1024));
        controller.close();
      },
    });
    // A rawSize that lies does not let a larger stream through.
    await expect(readInbound({ ...envelope, raw: stream, rawSize: 10 })).rejects.toBeInstanceOf(InboundTooLarge);
    const long = await read(['From: a@b.test', 'Message-ID: <l@b.test>', '', 'x'.repeat(INBOUND_MAX_TEXT_CHARS + 50)]);
    expect(long.text.length).toBe(INBOUND_MAX_TEXT_CHARS);
    expect(long.truncated).toBe(true);
  });
});

describe('a reply without what it quotes', () => {
  it('stops at the reply headers of Gmail, Outlook and Apple Mail, in English and French', () => {
    expect(withoutQuotes('Thanks Marie!\n\nOn Tue, Dec 1, 2026 at 10:02 AM Marie <m@x> wrote:\n> Hello')).toBe(
      'Thanks Marie!',
    );
    expect(withoutQuotes('Merci!\n\nDe : Marie Tremblay\nEnvoyé : 1 décembre 2026\nObjet : Demande')).toBe('Merci!');
    expect(withoutQuotes('Parfait.\n\nLe 1 déc. 2026 à 10:02, Marie a écrit :\n\n> Bonjour')).toBe('Parfait.');
    expect(withoutQuotes('Oui.\n-----Original Message-----\nFrom: x')).toBe('Oui.');
    expect(withoutQuotes('Bien reçu.\n-- \nLuc Gagnon\nPlomberie Gagnon')).toBe('Bien reçu.');
  });
});
