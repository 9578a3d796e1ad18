import { describe, expect, it } from 'vitest';
import { fillForm } from '../../../worker/features/form-testing/fill';
import { composeInquiry } from '../../../worker/features/form-testing/inquiry';
import { readPage } from '../../../worker/features/prospects';

const visitor = {
  name: 'Marie Tremblay',
  email: 'test+ft.abc@in.avenir.example',
  phone: null,
  company: 'Avenir',
};
const inquiry = composeInquiry({
  prospectId: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
  industry: 'plumbing',
  language: 'fr',
  senderName: 'Marie Tremblay',
});

/** The form of a page, as the form test reads it. */
function formOf(html: string, url = 'https://plomberie.test/nous-joindre') {
  const form = readPage(`<html lang="fr"><body>${html}</body></html>`, url).form;
  if (!form) throw new Error('no form on the page');
  return form;
}

describe('filling a contact form', () => {
  it('writes the visitor, the reply address and the question, keeps the tokens and leaves the honeypot empty', () => {
    const form = formOf(`<form action="/envoyer" method="post">
      <input type="hidden" name="_token" value="k9x">
      <label for="p">Prénom</label><input id="p" name="prenom" required>
      <label for="n">Nom</label><input id="n" name="nom" required>
      <label>Courriel <input type="email" name="courriel" required></label>
      <input type="tel" name="tel">
      <select name="service"><option value="">Choisir…</option><option>Chauffe-eau</option><option>Autre</option></select>
      <div style="display:none"><input name="site_web"></div>
      <textarea name="message" required></textarea>
      <label><input type="checkbox" name="infolettre" value="oui"> Infolettre</label>
      <label><input type="checkbox" name="consentement" value="1" required> J’accepte</label>
      <input type="text" placeholder="sans nom">
    </form>`);
    const filled = fillForm(form, visitor, inquiry);
    expect(filled.ok).toBe(true);
    if (!filled.ok) return;
    expect(filled.submission.action).toBe('https://plomberie.test/envoyer');
    expect(filled.submission.enctype).toBe('application/x-www-form-urlencoded');
    expect(filled.submission.fields).toEqual([
      ['_token', 'k9x'],
      ['prenom', 'Marie'],
      ['nom', 'Tremblay'],
      ['courriel', 'test+ft.abc@in.avenir.example'],
      ['tel', ''],
      ['service', 'Autre'],
      ['site_web', ''],
      ['message', inquiry.message],
      ['consentement', '1'],
    ]);
    expect(inquiry.message).toMatch(
      /^Bonjour,\n\n.*(chauffe-eau|plomberie).*\n\nMerci et bonne journée!\nMarie Tremblay$/s,
    );
  });

  it('sends a multipart form as multipart', () => {
    const form = formOf(`<form action="https://formspree.io/f/x" method="post" enctype="multipart/form-data">
      <input name="name"><input type="email" name="email"><textarea name="message"></textarea></form>`);
    const filled = fillForm(form, visitor, inquiry);
    expect(filled.ok && filled.submission.enctype).toBe('multipart/form-data');
  });

  it('never bypasses a CAPTCHA, a sign-in or steps revealed by a script, and says which', () => {
    const cases: [string, string][] = [
      [
        `<script src="https://www.google.com/recaptcha/api.js"></script><form method="post"><input name="nom">
         <input type="email" name="courriel"><textarea name="message"></textarea><div class="g-recaptcha"></div></form>`,
        'captcha',
      ],
      [
        `<form method="post"><fieldset><input name="nom"><input type="email" name="courriel"></fieldset>
         <fieldset style="display:none"><textarea name="message"></textarea><input name="ville"></fieldset></form>`,
        'multi_step',
      ],
      [
        `<form method="post"><input type="email" name="courriel"><input type="password" name="mdp">
         <textarea name="message"></textarea><input name="nom"></form>`,
        'login_required',
      ],
    ];
    for (const [html, reason] of cases) {
      const page = readPage(`<html><body>${html}</body></html>`, 'https://x.test/');
      const form = page.form ?? {
        pageUrl: 'https://x.test/',
        action: 'https://x.test/',
        method: 'post' as const,
        enctype: 'application/x-www-form-urlencoded',
        fields: [],
        captcha: null,
      };
      // A login form is not read as a contact form at all; the filler refuses it on its own too.
      const tested =
        reason === 'login_required'
          ? {
              ...form,
              fields: [
                { name: 'mdp', type: 'password', label: null, required: true, kind: 'other' as const },
                ...form.fields,
              ],
            }
          : form;
      const filled = fillForm(tested, visitor, inquiry);
      expect(filled.ok ? 'filled' : filled.reason, reason).toBe(reason);
    }
  });

  it('does not invent what it cannot answer truthfully: a required phone, address or file', () => {
    const phone = fillForm(
      formOf(`<form method="post"><input name="nom"><input type="email" name="courriel">
        <input type="tel" name="tel" required><textarea name="message"></textarea></form>`),
      visitor,
      inquiry,
    );
    expect(phone).toMatchObject({ ok: false, reason: 'needs_phone' });
    const withPhone = fillForm(
      formOf(`<form method="post"><input name="nom"><input type="email" name="courriel">
        <input type="tel" name="tel" required><textarea name="message"></textarea></form>`),
      { ...visitor, phone: '+1 514 555-0100' },
      inquiry,
    );
    expect(withPhone.ok && withPhone.submission.fields).toContainEqual(['tel', '+1 514 555-0100']);
    const address = fillForm(
      formOf(`<form method="post"><input name="nom"><input type="email" name="courriel">
        <label for="a">Adresse des travaux</label><input id="a" name="adresse" required><textarea name="message"></textarea></form>`),
      visitor,
      inquiry,
    );
    expect(address).toMatchObject({ ok: false, reason: 'unfillable' });
    expect(!address.ok && address.message).toContain('Adresse des travaux');
  });

  it('refuses a form with no email field: the answer could not come back', () => {
    const filled = fillForm(
      formOf(
        `<form method="post"><input name="nom"><input type="tel" name="tel"><textarea name="message"></textarea></form>`,
      ),
      visitor,
      inquiry,
    );
    expect(filled).toMatchObject({ ok: false, reason: 'unfillable' });
  });
});
