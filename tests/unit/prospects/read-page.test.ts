import { describe, expect, it } from 'vitest';
import { readPage } from '../../../worker/features/prospects/analysis/read-page';
import { scoreSite } from '../../../worker/features/prospects/analysis/score';
import { bestContactEmail, siteEvidence } from '../../../worker/features/prospects/analysis/site-evidence';

const NOW = new Date('2026-12-02T12:00:00Z');

const contactPage = `<!doctype html><html lang="en"><head><title>Nous joindre — Plomberie Tremblay</title>
<meta name="viewport" content="width=device-width">
<script src="https://www.google.com/recaptcha/api.js"></script></head>
<body><nav><a href="/">Accueil</a><a href="/nous-joindre">Nous joindre</a><a href="/en/contact">English</a></nav>
<h1>Demandez une soumission</h1>
<p>Écrivez-nous à <a href="mailto:Info@Plomberie-Tremblay.ca?subject=Soumission">info@plomberie-tremblay.ca</a> ou au <a href="tel:+15145550142">514 555-0142</a>.
Nous sommes là pour vous et votre maison, avec des services de plomberie pour les résidences de la région.</p>
<form action="/envoyer" method="post">
  <input type="hidden" name="_token" value="abc">
  <label for="nom">Votre nom</label><input id="nom" name="nom" required>
  <label>Courriel <input type="email" name="courriel" required></label>
  <input name="telephone" placeholder="Téléphone">
  <div style="display:none"><input name="website" tabindex="-1"></div>
  <textarea name="msg" aria-label="Votre demande"></textarea>
  <div class="g-recaptcha" data-sitekey="x"></div>
  <button>Envoyer</button>
</form>
<script>var hidden = "secret@plomberie-tremblay.ca"; document.write('<img src=x onerror=alert(1)>')</script>
<!-- old@plomberie-tremblay.ca -->
<form role="search"><input name="q"></form>
<footer>© 2014–2018 Plomberie Tremblay inc. Tous droits réservés. Aucune sollicitation, s.v.p.</footer>
</body></html>`;

describe('reading one page', () => {
  const page = readPage(contactPage, 'https://plomberie-tremblay.ca/nous-joindre');

  it('finds the contact form with its fields, hidden token, honeypot and CAPTCHA, not the search form', () => {
    expect(page.form).not.toBeNull();
    expect(page.form!.action).toBe('https://plomberie-tremblay.ca/envoyer');
    expect(page.form!.method).toBe('post');
    expect(page.form!.captcha).toBe('recaptcha');
    const kinds = Object.fromEntries(page.form!.fields.map((field) => [field.name, field.kind]));
    expect(kinds).toEqual({
      _token: 'hidden',
      nom: 'name',
      courriel: 'email',
      telephone: 'phone',
      website: 'honeypot',
      msg: 'message',
    });
    expect(page.form!.fields.find((field) => field.name === 'nom')).toMatchObject({
      label: 'Votre nom',
      required: true,
    });
    expect(page.form!.fields.find((field) => field.name === 'courriel')!.label).toContain('Courriel');
  });

  it('counts as published only the addresses a reader sees, never those in scripts or comments', () => {
    expect(page.mailtos).toEqual(['info@plomberie-tremblay.ca']);
    expect(page.textEmails).toEqual(['info@plomberie-tremblay.ca']);
    expect(page.text).not.toContain('secret@');
    expect(page.text).not.toContain('old@');
  });

  it('keeps hostile markup as text: nothing of the script reaches the reading', () => {
    expect(page.text).not.toContain('onerror');
    expect(page.title).toBe('Nous joindre — Plomberie Tremblay');
  });

  it('reads the site as French whatever its template declares, and bilingual from its switcher', () => {
    const evidence = siteEvidence({ pages: [page], fetched: [], website: 'https://plomberie-tremblay.ca', now: NOW });
    expect(page.declaredLanguage).toBe('en');
    expect(evidence.languages).toEqual(['fr', 'en']);
    expect(evidence.copyrightYear).toBe(2018);
    expect(evidence.phones).toEqual(['+15145550142']);
  });

  it('marks an address behind a no-solicitation notice as not contactable', () => {
    const evidence = siteEvidence({ pages: [page], fetched: [], website: 'https://plomberie-tremblay.ca', now: NOW });
    expect(evidence.noSolicitation?.excerpt).toContain('Aucune sollicitation');
    expect(evidence.emails).toEqual([
      expect.objectContaining({
        address: 'info@plomberie-tremblay.ca',
        how: 'mailto',
        noSolicitationNotice: true,
        contactable: false,
      }),
    ]);
    expect(bestContactEmail(evidence.emails, 'plomberie-tremblay.ca')).toBeNull();
  });
});

describe('the automation-need score', () => {
  const bare = `<html lang="fr"><body><h1>Toitures Laval</h1><p>Appelez-nous au 450 555-0101 pour une soumission gratuite sur votre toiture.
  Nous sommes couvreurs depuis 1985 dans la région de Laval et des environs, pour les maisons et les commerces.</p>
  <p>© 2016 Toitures Laval</p></body></html>`;

  it('adds up from the base with one part per gap, and explains itself in both languages', () => {
    const evidence = siteEvidence({
      pages: [readPage(bare, 'http://toitures-laval.ca/')],
      fetched: [],
      website: 'http://toitures-laval.ca',
      now: NOW,
    });
    const score = scoreSite(evidence, NOW);
    expect(score.parts.map((part) => [part.key, part.points])).toEqual([
      ['no_contact_form', 12],
      ['no_booking', 10],
      ['no_chat', 5],
      ['one_language', 6],
      ['dated_site', 8],
      ['no_viewport', 5],
      ['no_email', 3],
      ['no_https', 3],
    ]);
    expect(score.total).toBe(95); // 45 + 52, capped at the documented ceiling
    expect(score.parts.find((part) => part.key === 'one_language')!.label).toEqual({
      en: 'French-only site',
      fr: 'Site en français seulement',
    });
    expect(score.summary.en).toBe('no contact form, no booking link, dated site, French-only site');
  });

  it('scores a complete bilingual site with booking and chat at the base', () => {
    const complete = `<html lang="en"><head><meta name="viewport" content="width=device-width">
      <link rel="alternate" hreflang="fr" href="/fr/"><link rel="alternate" hreflang="en" href="/en/">
      <script src="https://embed.tawk.to/abc/default"></script></head><body>
      <a href="https://calendly.com/clinique/consult">Book now</a><a href="mailto:hello@clinic.ca">hello@clinic.ca</a>
      <form><input type="email" name="email"><textarea name="message"></textarea></form><p>© 2026 Clinic</p></body></html>`;
    const evidence = siteEvidence({
      pages: [readPage(complete, 'https://clinic.ca/')],
      fetched: [],
      website: 'https://clinic.ca',
      now: NOW,
    });
    expect(evidence.chatWidgets).toEqual(['tawk']);
    expect(evidence.bookingTools).toEqual(['calendly']);
    const score = scoreSite(evidence, NOW);
    expect(score.parts).toEqual([]);
    expect(score.total).toBe(45);
  });
});

describe('reading what real small-business sites do', () => {
  const read = (body: string, url = 'https://exemple.test/') => readPage(`<html><body>${body}</body></html>`, url);

  it('does not take a fax for a phone to call', () => {
    const page = read('<p>Tél. : (450) 555-0142 - Téléc. : (450) 555-0143 - Fax: 450-555-0144</p>');
    expect(siteEvidence({ pages: [page], fetched: [], website: 'https://exemple.test', now: NOW }).phones).toEqual([
      '+14505550142',
    ]);
  });

  it('reads an address spelled out against harvesters as the address', () => {
    expect(read('<p>Courriel : info [at] toitures-lavoie [point] test</p>').textEmails).toEqual([
      'info@toitures-lavoie.test',
    ]);
    expect(read('<p>Écrivez à ventes (arobase) garage.test, ou passez nous voir (at) 9h.</p>').textEmails).toEqual([
      'ventes@garage.test',
    ]);
  });

  it('reads a list of choices as the service asked, and the free text as the message', () => {
    const page = read(`<form method="post">
      <input name="nom" required><input type="email" name="courriel">
      <label for="p">Type de projet</label><select id="p" name="projet"><option>Cuisine</option></select>
      <select name="demande"><option>Soumission</option></select>
      <textarea name="message"></textarea></form>`);
    expect(page.form!.fields.map((field) => [field.name, field.kind])).toEqual([
      ['nom', 'name'],
      ['courriel', 'email'],
      ['projet', 'service'],
      ['demande', 'service'],
      ['message', 'message'],
    ]);
  });

  it('reads every step of a multi-step form, the hidden ones too, as fields to fill', () => {
    const page = read(`<form method="post">
      <fieldset><input name="nom_animal" required></fieldset>
      <fieldset style="display:none"><textarea name="precisions"></textarea></fieldset>
      <div style="display:none"><input name="nom" required><input type="email" name="courriel" required></div>
      <div style="display:none"><input name="url"></div></form>`);
    expect(page.form!.fields.map((field) => [field.name, field.kind])).toEqual([
      ['nom_animal', 'other'],
      ['precisions', 'message'],
      ['nom', 'name'],
      ['courriel', 'email'],
      ['url', 'honeypot'],
    ]);
  });

  it('ignores keyword stuffing hidden from readers, and place names do not make a site French', () => {
    const stuffed =
      read(`<h1>Plumbing for the West Island</h1><p>Call us for your water heater, we are here for you.</p>
      <p>We serve Dollard-des-Ormeaux, Baie-D'Urfé and Sainte-Anne-de-Bellevue.</p>
      <div class="seo" style="display:none">${'plombier des maisons à Dollard-des-Ormeaux et la ville '.repeat(50)} spam@seo.test</div>`);
    expect(stuffed.text).not.toContain('spam@');
    const evidence = siteEvidence({ pages: [stuffed], fetched: [], website: 'https://exemple.test', now: NOW });
    expect(evidence.languages).toEqual(['en']);
  });
});
