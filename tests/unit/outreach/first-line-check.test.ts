import { describe, expect, it } from 'vitest';
import { type ProspectFacts, writePersonalLines } from '../../../worker/features/outreach/first-line';
import { checkFirstLine, lineBrief } from '../../../worker/features/outreach/first-line-check';

// Plomberie Gagnon: written to through its form on November 24 (10:00 in Montreal), answered
// 26 hours later by a person; its site has a form, no booking tool, no chat.
const slowFr: ProspectFacts = {
  companyName: 'Plomberie Gagnon',
  website: 'https://plomberie-gagnon.ca',
  language: 'fr',
  formTest: {
    status: 'completed',
    submittedAt: new Date('2026-11-24T15:00:00Z'),
    responseMinutes: 26 * 60,
    tone: 'human',
    waitedMinutes: null,
  },
  site: { bookingTools: [], chatWidgets: [], hasForm: true },
};
const slowEn: ProspectFacts = {
  ...slowFr,
  companyName: 'Gagnon Plumbing',
  website: 'https://www.gagnonplumbing.ca/',
  language: 'en',
};
// A clinic whose form went unanswered for two days, and whose site books through Jane.
const silentEn: ProspectFacts = {
  companyName: 'Clinique Physio Laval',
  website: 'https://physiolaval.ca',
  language: 'en',
  formTest: {
    status: 'timeout',
    submittedAt: new Date('2026-03-02T14:30:00Z'),
    responseMinutes: null,
    tone: null,
    waitedMinutes: 48 * 60,
  },
  site: { bookingTools: ['janeapp'], chatWidgets: [], hasForm: true },
};
const siteOnlyFr: ProspectFacts = { ...slowFr, formTest: null };

const accepted = (line: string, facts: ProspectFacts) => {
  const check = checkFirstLine(line, facts);
  expect(check, line).toMatchObject({ ok: true });
  return check.ok ? check.facts : [];
};
const refused = (line: string, facts: ProspectFacts) => {
  const check = checkFirstLine(line, facts);
  expect(check.ok, line).toBe(false);
  return check.ok ? [] : check.reasons;
};

describe('the first-line checker accepts lines that keep to the facts', () => {
  it('in Quebec French, quoting the form test’s day and delay', () => {
    const facts = accepted(
      'Le 24 novembre, j’ai écrit à Plomberie Gagnon par le formulaire de votre site : votre réponse est arrivée 26 heures plus tard.',
      slowFr,
    );
    expect(facts).toEqual(
      expect.arrayContaining(['form_test.submitted_at', 'form_test.response_minutes', 'form_test.status']),
    );
  });

  it('in English, with the delay rounded as a reader would, and the website named', () => {
    accepted(
      'On November 24, I wrote to Gagnon Plumbing through the form on gagnonplumbing.ca, and it took more than a day to hear back.',
      slowEn,
    );
    accepted('Your team answered my inquiry through the contact form after 26 hours.', slowEn);
  });

  it('naming the booking tool the site does have, and the silence the test measured', () => {
    const facts = accepted(
      'Your Jane booking page works well, but the question I sent through your contact form on March 2 got no answer in 2 days.',
      silentEn,
    );
    expect(facts).toEqual(
      expect.arrayContaining(['site.booking_tools', 'form_test.submitted_at', 'form_test.waited_minutes']),
    );
  });

  it('saying the site cannot book when the analysis found no booking tool', () => {
    expect(
      accepted(
        'Sur plomberie-gagnon.ca, un client peut vous écrire, mais il ne peut pas réserver de rendez-vous en ligne.',
        siteOnlyFr,
      ),
    ).toContain('site.booking_tools');
  });

  it('including every line the offline writer writes', () => {
    for (const facts of [slowFr, slowEn, silentEn, siteOnlyFr, { ...slowEn, formTest: null }]) {
      const lines = writePersonalLines(facts);
      for (const line of [lines.firstLine, lines.formTestSummary]) if (line) accepted(line, facts);
    }
  });
});

describe('the first-line checker refuses invented facts', () => {
  it('a delay the test did not measure: 3 days when the answer took 26 hours', () => {
    const reasons = refused(
      'On November 24, I wrote to Gagnon Plumbing through your contact form and waited 3 days for an answer.',
      slowEn,
    );
    expect(reasons.join('\n')).toMatch(/“3 days” is not a duration the facts hold \(26 hours\)/);
    expect(
      refused('Votre équipe a mis trois jours à répondre à ma demande envoyée par le formulaire.', slowFr),
    ).toEqual([expect.stringContaining('trois jours')]);
    refused('Votre équipe a répondu en 24 heures à la demande envoyée par votre formulaire.', slowFr);
  });

  it('a booking tool the site does not have', () => {
    const reasons = refused(
      'I noticed your Calendly page is easy to find, but your contact form took 26 hours to get an answer.',
      slowEn,
    );
    expect(reasons).toEqual([expect.stringContaining('Calendly, which the site analysis did not find')]);
    refused('Votre site propose la réservation en ligne, mais votre formulaire a mis 26 heures à répondre.', slowFr);
  });

  it('a missing booking tool when the site has one', () => {
    expect(
      refused('Your site has no way to book online, so every patient has to wait for an answer.', silentEn).join(),
    ).toContain('the analysis found Jane App');
  });

  it('an answer when the form test got none', () => {
    expect(
      refused(
        'I wrote to Clinique Physio Laval through your contact form on March 2 and got a reply within a week.',
        silentEn,
      ),
    ).toContain('it says the team answered, but the form test got no answer');
    accepted(
      'I wrote to Clinique Physio Laval through your contact form on March 2 and heard nothing back for 2 days.',
      silentEn,
    );
  });

  it('a silence when the team answered, a wrong day, a date relative to today', () => {
    refused('La demande envoyée par votre formulaire le 24 novembre est restée sans réponse.', slowFr);
    expect(
      refused('Le 25 novembre, j’ai écrit à Plomberie Gagnon par le formulaire de votre site.', slowFr).join(),
    ).toContain('not the day the form test was sent (24 novembre)');
    refused('Yesterday I wrote to Gagnon Plumbing through your contact form and got an answer 26 hours later.', slowEn);
  });

  it('a number, a place or a person the facts do not hold', () => {
    expect(
      refused(
        'Votre formulaire a répondu en 26 heures, alors que 80 % des clients attendent une réponse en une heure.',
        slowFr,
      ).join('\n'),
    ).toMatch(/the number 80/);
    expect(
      refused(
        'Your team in Montreal answered the inquiry I sent through your contact form after 26 hours.',
        slowEn,
      ).join(),
    ).toContain('“Montreal”');
    refused('Marc from your team answered the inquiry I sent through your contact form after 26 hours.', slowEn);
  });

  it('a claim with no fact under it: a form test when there was none', () => {
    refused('J’ai écrit à Plomberie Gagnon par votre formulaire et attendu 26 heures une réponse.', siteOnlyFr);
  });
});

describe('the first-line checker refuses what is not an opening line', () => {
  it('too long, three sentences, a placeholder, a link, an email address', () => {
    const long = `Votre équipe a répondu en 26 heures à ma demande envoyée par le formulaire de votre site, ${'et '.repeat(80)}voilà.`;
    expect(refused(long, slowFr).join()).toContain('more than 280');
    expect(
      refused(
        'I wrote through your contact form. Your team answered after 26 hours. That is a long wait for a customer.',
        slowEn,
      ).join(),
    ).toContain('3 sentences');
    refused('Bonjour {{first_name}}, votre équipe a répondu en 26 heures à ma demande par le formulaire.', slowFr);
    refused('Votre formulaire a répondu en 26 heures ; voyez https://avenir.ca/demo pour la suite.', slowFr);
    refused('Your team answered after 26 hours; write to me at marie@avenir.ca to see how to do better.', slowEn);
    refused('Voyez avenir.ca : votre équipe a répondu en 26 heures à ma demande par le formulaire.', slowFr);
  });

  it('exclamations and sales words', () => {
    refused('Your team answered my inquiry through the contact form after 26 hours!', slowEn);
    expect(
      refused('Your team answered through the contact form after 26 hours, and we can boost that for free.', slowEn),
    ).toContain('it uses sales words');
    refused('Votre formulaire a répondu en 26 heures : une offre exclusive peut tout changer pour vous.', slowFr);
  });

  it('the wrong language', () => {
    expect(
      refused('Your team answered the inquiry I sent through your contact form after 26 hours.', slowFr),
    ).toContain('it does not read as French');
    expect(refused('Votre équipe a répondu en 26 heures à la demande envoyée par le formulaire.', slowEn)).toContain(
      'it does not read as English',
    );
  });
});

describe('the brief the engine is given', () => {
  it('holds the same facts, displayed as the checker reads them, and the offline draft', () => {
    const brief = lineBrief(silentEn, 'the draft');
    expect(brief).toEqual({
      language: 'en',
      company: { name: 'Clinique Physio Laval', website: 'physiolaval.ca' },
      formTest: { outcome: 'no_answer', submittedOn: 'March 2', answeredAfter: null, unansweredFor: '2 days' },
      site: { bookingTools: ['Jane App'], chatWidgets: [], hasContactForm: true },
      draft: 'the draft',
      summary: null,
    });
  });

  it('leaves out a silence too short to prove anything', () => {
    const facts: ProspectFacts = {
      ...silentEn,
      formTest: { ...silentEn.formTest!, waitedMinutes: 90 },
    };
    expect(lineBrief(facts, 'x').formTest).toBeNull();
    refused('The inquiry I sent through your contact form went unanswered.', facts);
  });
});
