import { describe, expect, it } from 'vitest';
import { checkTemplate, renderTemplate, type TemplateSource } from '../../../worker/features/outreach/template';

const source = (
  plain: string,
  subject = 'Question for {{company_name}}',
  html = `<p>${plain}</p>`,
): TemplateSource => ({
  subject,
  plain,
  html,
});

describe('saving a template', () => {
  it('lists the variables it uses, once each, in order of first use', () => {
    const checked = checkTemplate(
      source('Hi {{ first_name | there }}, I looked at {{website}} and {{company_name}}’s form.'),
    );
    expect(checked.problems).toEqual([]);
    expect(checked.variables).toEqual(['company_name', 'first_name', 'website']);
  });

  it('refuses an unknown variable, naming it and the known ones, in both languages', () => {
    const [problem, ...rest] = checkTemplate(source('Hi {{firstname}},', 'Hello', '<p>Hi</p>')).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ part: 'plain', kind: 'unknown_variable', variable: 'firstname', at: 3 });
    expect(problem!.message.en).toContain('first_name');
    expect(problem!.message.fr).toContain('n’est pas une variable connue');
  });

  it('refuses braces left open, closing nothing, empty, or single around a known name', () => {
    const kinds = (plain: string) => checkTemplate(source(plain, 'Hello', '')).problems.map((p) => p.kind);
    expect(kinds('Hi {{first_name,')).toEqual(['unclosed']);
    expect(kinds('Hi {{first_name {{website}}')).toEqual(['unclosed']);
    expect(kinds('Hi first_name}},')).toEqual(['stray_close']);
    expect(kinds('Hi {{ }},')).toEqual(['empty']);
    expect(kinds('Hi {first_name},')).toEqual(['single_brace']);
    // A brace around a word that is no variable is just text (a price, a code sample).
    expect(kinds('Our {standard} plan')).toEqual([]);
  });

  it('checks the subject and the HTML part too', () => {
    const problems = checkTemplate(source('Hi', 'For {{company}}', '<p>{{web_site}}</p>')).problems;
    expect(problems.map((p) => [p.part, p.variable])).toEqual([
      ['subject', 'company'],
      ['html', 'web_site'],
    ]);
  });
});

describe('rendering for a prospect', () => {
  const template = source('Bonjour {{first_name | à vous}},\nJ’ai visité {{website}}.');

  it('fills every variable, the fallback where the prospect has no value', () => {
    const result = renderTemplate(template, {
      company_name: 'Plomberie Gagnon',
      website: 'plomberie-gagnon.ca',
      first_name: '  ',
    });
    expect(result).toEqual({
      ok: true,
      subject: 'Question for Plomberie Gagnon',
      plain: 'Bonjour à vous,\nJ’ai visité plomberie-gagnon.ca.',
      html: '<p>Bonjour à vous,\nJ’ai visité plomberie-gagnon.ca.</p>',
    });
  });

  it('refuses to write an email with a value missing and no fallback, never leaving {{…}} in it', () => {
    const result = renderTemplate(template, { company_name: 'Plomberie Gagnon' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.part, p.kind, p.variable])).toEqual([
      ['plain', 'missing_value', 'website'],
      ['html', 'missing_value', 'website'],
    ]);
  });

  it('escapes values in the HTML part and keeps the subject on one line', () => {
    const result = renderTemplate(source('{{company_name}}', '{{company_name}}', '<b>{{company_name}}</b>'), {
      company_name: 'Roy & Fils <script>\r\nBcc: x@evil.test',
    });
    expect(result).toMatchObject({
      ok: true,
      subject: 'Roy & Fils <script> Bcc: x@evil.test',
      html: '<b>Roy &amp; Fils &lt;script&gt;\r\nBcc: x@evil.test</b>',
    });
  });

  it('does not read a value’s own braces as a variable', () => {
    const result = renderTemplate(source('{{company_name}} {{website}}'), {
      company_name: 'Les {{first_name}} inc.',
      website: 'x.ca',
    });
    expect(result).toMatchObject({ ok: true, plain: 'Les {{first_name}} inc. x.ca' });
  });
});
