import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  htmlToText,
  INBOUND_MAX_HTML_CHARS,
  INBOUND_MAX_RAW_BYTES,
  INBOUND_MAX_TEXT_CHARS,
  InboundTooLarge,
  readInbound,
  withoutQuotes,
} from '../../../../worker/platform/mail/inbound';

/**
 * Messages as real mail servers and clients write them (tests/fixtures/mail/*.eml, CRLF as
 * on the wire), read the way the email() handler reads them: from a stream, in chunks that
 * cut lines and characters anywhere.
 */

const FIXTURES = 'tests/fixtures/mail';
const OUR_ADDRESS = 'test+ft.abc@in.avenir.example';

const fixture = (name: string) => new Uint8Array(readFileSync(`${FIXTURES}/${name}`));

/** A stream as Email Routing gives one: small chunks, pulled on demand. */
function streamOf(bytes: Uint8Array, chunkSize = 61): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

function read(name: string, envelopeFrom = 'Sender@Example.test') {
  const bytes = fixture(name);
  return readInbound({ raw: streamOf(bytes), rawSize: bytes.byteLength, envelopeFrom, envelopeTo: OUR_ADDRESS });
}

const readLines = (lines: string[]) =>
  readInbound({ raw: lines.join('\r\n'), envelopeFrom: 'a@example.test', envelopeTo: OUR_ADDRESS });

describe('the fixtures', () => {
  it('are stored with CRLF line endings, as mail travels', () => {
    const bareLineFeeds = readdirSync(FIXTURES).filter((name) =>
      /(^|[^\r])\n/.test(readFileSync(`${FIXTURES}/${name}`, 'latin1')),
    );
    expect(bareLineFeeds).toEqual([]);
  });
});

describe('reading French however it was encoded', () => {
  it('decodes quoted-printable UTF-8, soft line breaks included (one splits "ç" in two)', async () => {
    const message = await read('qp-utf8-french.eml');
    expect(message.from).toEqual({ address: 'luc@plomberie-belanger.test', name: 'Luc Bélanger' });
    expect(message.subject).toBe('Re: Demande d’information');
    expect(message.messageId).toBe('CAF3kq9x=7Qm@mail.plomberie-belanger.test');
    expect(message.date).toBe('2026-12-01T15:07:29.000Z');
    expect(message.text).toContain(
      'Oui, nous remplaçons les chauffe-eau à Laval et à Montréal, dès jeudi prochain. Le coût d’un remplacement complet est d’environ 1 450 $',
    );
    // The signature below "-- " is not part of what Luc wrote.
    expect(message.text).toContain('Plomberie Bélanger inc.');
    expect(message.newText.endsWith('Êtes-vous disponible à 9 h?')).toBe(true);
    expect(message.newText).not.toContain('450 555-0199');
    expect(message).toMatchObject({ envelopeFrom: 'sender@example.test', envelopeTo: OUR_ADDRESS });
    expect(message).toMatchObject({ attachments: 0, truncated: false, bounce: null, html: null });
    expect(message.auto).toEqual({ submitted: false, reasons: [] });
  });

  it('decodes base64 UTF-8, emoji included, and a base64 encoded-word sender', async () => {
    const message = await read('base64-utf8.eml');
    expect(message.from.name).toBe('Toitures Côté');
    expect(message.subject).toBe('Merci de votre message');
    expect(message.text).toBe(
      'Bonjour,\n\nMerci pour votre message! Nous serons fermés du 24 décembre au 2 janvier; nous vous répondrons dès notre retour.\n\nJoyeuses fêtes 🎄\n\nL’équipe Toitures Côté',
    );
  });

  it('decodes ISO-8859-1 quoted-printable, as Outlook classic writes it', async () => {
    const message = await read('iso-8859-1-qp.eml');
    expect(message.text).toContain(
      'Nous avons bien reçu votre demande de soumission pour la réfection de votre toiture',
    );
    expect(message.text).toContain('à Sainte-Thérèse');
    expect(message.text.endsWith('Josée Pelletier\nToitures Pelletier')).toBe(true);
  });

  it('decodes Windows-1252 8bit, with the characters ISO-8859-1 does not have (’ € œ)', async () => {
    const message = await read('windows-1252-8bit.eml');
    expect(message.from).toEqual({ address: 'marc@renovations-dube.test', name: 'Marc Dubé' });
    expect(message.subject).toBe('Évaluation jeudi');
    expect(message.text).toContain(
      'C’est noté : nous passerons jeudi pour l’évaluation. Le dépôt est de 150 € et la main-d’œuvre est garantie « cinq ans ».',
    );
  });

  it('decodes encoded-word headers side by side (UTF-8 Q then ISO-8859-1 B) and the threading headers', async () => {
    const message = await read('encoded-words.eml');
    expect(message.subject).toBe("Réponse à votre demande d'évaluation");
    expect(message.from).toEqual({ address: 'francois.cote@paysagement-cote.test', name: 'François Côté' });
    expect(message.replyTo).toBe('soumissions@paysagement-cote.test');
    expect(message.messageId).toBe('20261201144500.GA1234@paysagement-cote.test');
    expect(message.inReplyTo).toBe('q-5@in.avenir.example');
    expect(message.references).toEqual([
      'form.4821@in.avenir.example',
      'q-4@in.avenir.example',
      'q-5@in.avenir.example',
    ]);
    expect(message.date).toBe('2026-12-01T14:45:00.000Z');
  });
});

describe('HTML', () => {
  it('reads the HTML part when the text part only says to use an HTML viewer', async () => {
    const message = await read('alternative-html-meaningful.eml');
    expect(message.text).toBe(
      'Merci, Marie!\n\nVotre demande no 4821 a bien été reçue.\n\nUn conseiller vous rappellera dans l’heure, du lundi au vendredi.',
    );
    expect(message.text).not.toContain('HTML compatible');
    expect(message.html).toContain('<h1 style="font-size:22px">Merci, Marie!</h1>');
  });

  it('turns an HTML-only message into text: scripts, styles and title dropped, entities decoded', async () => {
    const message = await read('html-only-script.eml');
    expect(message.text).toBe(
      [
        'Bonjour Marie,',
        '',
        'Merci d’avoir contacté Garage Lemieux & Fils. Nous vous répondrons sous 24 h.',
        '',
        'Heures : lun.–ven. 8 h à 17 h',
        'sam. 9 h à 12 h',
        '',
        'Mécanique générale',
        'Pneus <hiver>',
      ].join('\n'),
    );
    for (const hidden of ['track', 'inject', '.btn', 'Accusé', 'tracking pixel']) {
      expect(message.text).not.toContain(hidden);
    }
    // Kept as given, for the record; Avenir never renders it.
    expect(message.html).toContain('<script>window.track');
  });

  it('writes a blockquote as "> " lines, so the quote of an HTML reply is recognised too', () => {
    expect(htmlToText('<p>Oui.</p><blockquote><p>Avez-vous</p><p>des disponibilités?</p></blockquote><p>Luc</p>')).toBe(
      'Oui.\n\n> Avez-vous\n>\n> des disponibilités?\n\nLuc',
    );
    expect(htmlToText('a<br>b<br><br><br>c<table><tr><td>1</td><td>2</td></tr></table><pre>  x\n  y</pre>')).toBe(
      'a\nb\n\nc\n\n1 2\n\n  x\n  y',
    );
  });

  it('walks a nesting deeper than a recursive walk survives', () => {
    const deep = `${'<div>'.repeat(15_000)}fond${'</div>'.repeat(15_000)}`;
    expect(htmlToText(deep)).toBe('fond');
  });
});

describe('messages a machine sent', () => {
  it('names Auto-Submitted and X-Auto-Response-Suppress on an Exchange out-of-office', async () => {
    const message = await read('auto-submitted-ooo.eml');
    expect(message.auto).toEqual({
      submitted: true,
      reasons: ['auto-submitted: auto-replied', 'x-auto-response-suppress: All'],
    });
    expect(message.subject).toBe('Réponse automatique : Demande de rendez-vous');
    expect(message.text).toContain('Je suis absente du bureau jusqu’au 7 décembre inclusivement.');
    expect(message.inReplyTo).toBe('form.4821@in.avenir.example');
    expect(message.bounce).toBeNull();
  });

  it('names X-Autoreply, and joins a format=flowed paragraph', async () => {
    const message = await read('x-autoreply.eml');
    expect(message.auto).toEqual({ submitted: true, reasons: ['x-autoreply: yes'] });
    expect(message.subject).toBe('Accusé de réception');
    expect(message.text).toContain("dans l'ordre de réception et vous répondrons");
  });

  it('names Precedence: bulk and a do-not-reply sender', async () => {
    const message = await read('precedence-bulk.eml');
    expect(message.auto).toEqual({
      submitted: true,
      reasons: ['precedence: bulk', 'sender: nepasrepondre@cuisines-lavoie.test'],
    });
  });

  it('takes "Auto-Submitted: no" at its word and names a null envelope sender', async () => {
    const human = await readLines(['From: luc@example.test', 'Auto-Submitted: no', '', 'Bonjour']);
    expect(human.auto).toEqual({ submitted: false, reasons: [] });
    const nullSender = await readInbound({
      raw: 'From: robot@example.test\r\n\r\nBonjour',
      envelopeFrom: '<>',
      envelopeTo: OUR_ADDRESS,
    });
    expect(nullSender.envelopeFrom).toBe('');
    expect(nullSender.auto.reasons).toEqual(['envelope: null sender']);
  });
});

describe('delivery failures', () => {
  it('reads a Postfix report: the failed recipient, its status and the server’s words', async () => {
    const message = await read('postfix-dsn.eml', '<>');
    expect(message.bounce).toEqual({
      status: '5.1.1',
      action: 'failed',
      recipient: 'ancien.employe@plomberie-belanger.test',
      diagnostic:
        'smtp; 550 5.1.1 <ancien.employe@plomberie-belanger.test>: Recipient address rejected: User unknown in virtual mailbox table',
    });
    expect(message.auto.submitted).toBe(true);
    expect(message.auto.reasons).toContain('delivery status: failed');
    // The returned copy of our own message is neither the reply's text nor an attachment.
    expect(message.text).not.toContain('faites-vous le remplacement');
    expect(message.attachments).toBe(0);
  });

  it('reads Gmail’s bounce written as prose (X-Failed-Recipients, the remote server’s reply)', async () => {
    const message = await read('gmail-bounce.eml', '');
    expect(message.bounce).toEqual({
      status: '5.1.1',
      action: 'failed',
      recipient: 'info@toitures-fermees.test',
      diagnostic: expect.stringMatching(/^550 5\.1\.1 The email account that you tried to reach does not exist\./),
    });
  });

  it('finds the recipient in the prose when no header names it (Yahoo), never our own address', async () => {
    const message = await read('yahoo-failure-notice.eml');
    expect(message.bounce).toMatchObject({ status: null, action: 'failed', recipient: 'renovations.duval@yahoo.test' });
    expect(message.bounce?.diagnostic).toMatch(/^554: delivery error: dd Sorry your message/);
  });

  it('tells a delay from a failure, and a person writing about a parcel from a bounce', async () => {
    const delayed = await readLines([
      'From: MAILER-DAEMON@mx.example.test',
      'Subject: Delayed Mail (still being retried)',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
      '',
      '--r',
      'Content-Type: text/plain',
      '',
      'Still trying.',
      '--r',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.test',
      '',
      'Final-Recipient: rfc822; lent@example.test',
      'Action: delayed',
      'Status: 4.4.7',
      '--r--',
    ]);
    expect(delayed.bounce).toEqual({
      status: '4.4.7',
      action: 'delayed',
      recipient: 'lent@example.test',
      diagnostic: null,
    });
    const person = await readLines(['From: luc@example.test', 'Subject: Re: Undelivered parcel', '', 'Il est arrivé.']);
    expect(person.bounce).toBeNull();
  });
});

describe('a reply without what it quotes', () => {
  it('stops at Gmail’s wrapped "On … wrote:" and drops the "> " lines', async () => {
    const message = await read('gmail-reply.eml');
    const reply =
      "Bonjour,\n\nOui c'est possible, on peut passer mardi matin. Je vous envoie la soumission ce soir.\n\nLuc";
    expect(message.newText).toBe(reply);
    expect(message.text).toContain("> Bonjour, faites-vous l'installation de thermopompes à Laval?");
    expect(message.inReplyTo).toBe('q-1@in.avenir.example');
    expect(message.references).toEqual(['form.4821@in.avenir.example', 'q-1@in.avenir.example']);
    // The HTML part, read as text, gives the same reply: its blockquote became "> " lines.
    expect(withoutQuotes(htmlToText(message.html ?? ''))).toBe(reply);
  });

  it('stops at Outlook’s French header block (De : … Envoyé : … À : … Objet :)', async () => {
    const message = await read('outlook-fr-reply.eml');
    expect(message.newText).toBe(
      'Bonjour Madame Tremblay,\n\nMerci pour votre demande. Nous pouvons effectuer l’entretien de votre fournaise la semaine prochaine; le tarif est de 129 $ plus taxes.\n\nBonne journée,\n\nSylvie Roy\nAdjointe administrative | Chauffage Roy inc.',
    );
    expect(message.text).toContain('Objet\u00a0: Entretien de fournaise');
  });

  it('stops at Apple Mail’s French "Le 1 déc. 2026 à 10:02, Marie … a écrit :"', async () => {
    const message = await read('apple-mail-fr-reply.eml');
    expect(message.from.name).toBe('Étienne Lavoie');
    expect(message.newText).toBe(
      'Parfait, je serai là jeudi à 9 h. Prévoyez environ deux heures pour l’inspection.\n\nAmicalement,\nÉtienne',
    );
  });

  it('knows the other clients’ separators, signatures and mobile footers', () => {
    expect(withoutQuotes('Oui.\n\n-----Original Message-----\nFrom: x')).toBe('Oui.');
    expect(withoutQuotes('Oui.\n\n----- Mail original -----\nDe: x')).toBe('Oui.');
    expect(withoutQuotes('Yes.\n\nFrom: Marie <m@x>\nSent: Tuesday, December 1, 2026 10:02 AM\nTo: Luc')).toBe('Yes.');
    expect(withoutQuotes('Merci!\n\n*De :* Marie\n*Envoyé :* 1 décembre 2026\n*Objet :* Demande')).toBe('Merci!');
    expect(withoutQuotes('Bien reçu.\n-- \nLuc Gagnon\nPlomberie Gagnon')).toBe('Bien reçu.');
    expect(withoutQuotes('Parfait.\n\nEnvoyé de mon iPhone\n\n> Le 1 déc. 2026 à 10:02, Marie a écrit :')).toBe(
      'Parfait.',
    );
    expect(
      withoutQuotes('Parfait.\n\nLe mar. 1 déc. 2026 à 10 h 02, Marie Tremblay <\nm@x.test> a écrit :\n\n> Bonjour'),
    ).toBe('Parfait.');
  });

  it('keeps what is not a quote: answers between quoted lines, sentences that start with "On" or "Le"', () => {
    expect(withoutQuotes('> Jeudi?\nOui, jeudi.\n> 9 h?\nPlutôt 10 h.')).toBe('Oui, jeudi.\nPlutôt 10 h.');
    const prose = 'Le technicien passera demain.\nOn vous appelle avant.\nDe 9 h à 17 h, sans frais.';
    expect(withoutQuotes(prose)).toBe(prose);
  });
});

describe('attachments', () => {
  it('counts the files the sender attached, not the logo the HTML shows inline', async () => {
    const message = await read('two-attachments.eml');
    expect(message.attachments).toBe(2);
    expect(message.text).toBe('Bonjour Marie,\n\nVoici la soumission et deux photos de l’installation prévue.\n\nLuc');
  });
});

describe('bounds', () => {
  it('refuses a message above the limit, whatever its form', async () => {
    const huge = new Uint8Array(INBOUND_MAX_RAW_BYTES + 1).fill(0x61);
    const envelope = { envelopeFrom: 'a@example.test', envelopeTo: OUR_ADDRESS };
    await expect(readInbound({ ...envelope, raw: huge })).rejects.toBeInstanceOf(InboundTooLarge);
    await expect(readInbound({ ...envelope, raw: huge.buffer })).rejects.toBeInstanceOf(InboundTooLarge);
  });

  it('stops reading an endless stream at the budget even when rawSize lies, and cancels it', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(
      readInbound({ raw: endless, rawSize: 1000, envelopeFrom: 'a@example.test', envelopeTo: OUR_ADDRESS }),
    ).rejects.toBeInstanceOf(InboundTooLarge);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(10);
  });

  it('refuses on the announced size alone, before reading a byte', async () => {
    const untouched = streamOf(new TextEncoder().encode('From: a@example.test\r\n\r\nBonjour'));
    const rawSize = INBOUND_MAX_RAW_BYTES + 1;
    await expect(
      readInbound({ raw: untouched, rawSize, envelopeFrom: 'a@example.test', envelopeTo: OUR_ADDRESS }),
    ).rejects.toBeInstanceOf(InboundTooLarge);
    // No reader was ever taken: the stream is as Email Routing handed it.
    expect(untouched.locked).toBe(false);
  });

  it('keeps the beginning of a text past the bound and says it was cut', async () => {
    const sentence = 'Nous pouvons passer jeudi. ';
    const body = sentence.repeat(Math.ceil(INBOUND_MAX_TEXT_CHARS / sentence.length) + 10);
    const message = await readLines(['From: luc@example.test', 'Content-Type: text/plain; charset=utf-8', '', body]);
    expect(message.truncated).toBe(true);
    expect(message.text.length).toBe(INBOUND_MAX_TEXT_CHARS);
    expect(message.text.startsWith(sentence.repeat(3))).toBe(true);
    expect(message.rawSize).toBeGreaterThan(INBOUND_MAX_TEXT_CHARS);
  });

  it('bounds the HTML it keeps, and never cuts an emoji in half', async () => {
    const html = `<p>${'é'.repeat(INBOUND_MAX_HTML_CHARS)}</p>`;
    const message = await readLines(['From: luc@example.test', 'Content-Type: text/html; charset=utf-8', '', html]);
    expect(message.truncated).toBe(true);
    expect(message.html?.length).toBe(INBOUND_MAX_HTML_CHARS);
    const emoji = await readLines(['From: luc@example.test', '', `${'a'.repeat(INBOUND_MAX_TEXT_CHARS - 1)}🎄`]);
    expect(emoji.text).toBe('a'.repeat(INBOUND_MAX_TEXT_CHARS - 1));
  });
});
