import { describe, expect, it } from 'vitest';
import { type ProspectFacts, writePersonalLines } from '../../../worker/features/outreach/first-line';
import {
  checkFirstLine,
  explainLineProblem,
  type LineProblem,
  lineBrief,
} from '../../../worker/features/outreach/first-line-check';

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
const silentFr: ProspectFacts = { ...silentEn, language: 'fr' };
// A roofer written to on December 3 (10:00 in Montreal), whose only answer was an automatic
// acknowledgement a minute later.
const roboticEn: ProspectFacts = {
  companyName: 'Cote Roofing',
  website: 'https://coteroofing.ca',
  language: 'en',
  formTest: {
    status: 'completed',
    submittedAt: new Date('2026-12-03T15:00:00Z'),
    responseMinutes: 1,
    tone: 'robotic',
    waitedMinutes: null,
  },
  site: { bookingTools: [], chatWidgets: [], hasForm: true },
};
const roboticFr: ProspectFacts = {
  ...roboticEn,
  companyName: 'Toitures Côté',
  website: 'https://toitures-cote.ca',
  language: 'fr',
};
// A snow-removal business that answered in person 12 minutes after the inquiry of November 24.
const quickFr: ProspectFacts = {
  companyName: 'Déneigement Roy',
  website: 'https://deneigement-roy.ca',
  language: 'fr',
  formTest: {
    status: 'completed',
    submittedAt: new Date('2026-11-24T15:00:00Z'),
    responseMinutes: 12,
    tone: 'human',
    waitedMinutes: null,
  },
  site: { bookingTools: [], chatWidgets: [], hasForm: true },
};
const quickEn: ProspectFacts = {
  ...quickFr,
  companyName: 'Roy Snow Removal',
  website: 'https://roysnow.ca',
  language: 'en',
};
const siteOnlyFr: ProspectFacts = { ...slowFr, formTest: null };
const siteOnlyEn: ProspectFacts = { ...slowEn, formTest: null };
const everyFacts = [slowFr, slowEn, silentEn, silentFr, roboticEn, roboticFr, quickFr, quickEn, siteOnlyFr, siteOnlyEn];

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
/** The codes of a refused line's problems. */
const codes = (line: string, facts: ProspectFacts) => {
  const check = checkFirstLine(line, facts);
  expect(check.ok, line).toBe(false);
  return check.ok ? [] : check.problems.map((problem) => problem.code);
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
    for (const facts of everyFacts) {
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
    ).toContain('it says the team answered (“reply”), but the form test got no answer');
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
    ).toContain('it uses sales words (“boost”)');
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

describe('the lines an independent review found wrongly accepted are refused', () => {
  it('an answer, and its speed, when the form test got none', () => {
    expect(codes('Thanks for the quick reply to my message through your site.', silentEn)).toEqual([
      'unsupported_speed',
      'unsupported_reply',
    ]);
    expect(
      codes(
        'It took your team a while to get back to me after I wrote through your contact form on March 2.',
        silentEn,
      ),
    ).toEqual(['unsupported_reply']);
    expect(
      codes('Merci pour votre réponse rapide à ma demande envoyée par le formulaire de votre site.', silentFr),
    ).toEqual(['unsupported_speed', 'unsupported_reply']);
    expect(
      codes('Your team wrote back the same day when I wrote through your contact form on March 2.', silentEn),
    ).toEqual(['unsupported_speed', 'unsupported_reply']);
    expect(
      codes(
        'Your receptionist was kind to call me back so quickly after my inquiry through your contact form.',
        silentEn,
      ),
    ).toEqual(expect.arrayContaining(['unsupported_speed', 'uncovered_topic', 'unsupported_reply']));
  });

  it('a speed the answer did not have: within minutes, when it took 26 hours', () => {
    expect(
      refused('You answered my inquiry within minutes when I wrote through your contact form on November 24.', slowEn),
    ).toEqual([
      'it speaks of how fast the team answered (“within minutes”), true only of an answer within 10 minutes, but the team answered after 26 hours',
    ]);
  });

  it('whatever the facts: weeks of waiting, the same day, a lone year, a number equal to the test’s day, the phone', () => {
    for (const facts of [slowEn, silentEn, quickEn, siteOnlyEn]) {
      codes('I waited for weeks to hear back after writing through your contact form.', facts);
    }
    for (const facts of [slowFr, silentFr, roboticFr, siteOnlyFr]) {
      codes('Votre équipe m’a répondu le jour même quand je vous ai écrit par le formulaire de votre site.', facts);
    }
    expect(
      refused('Gagnon Plumbing has been in business since 2026, and your contact form is easy to find.', slowEn),
    ).toEqual(
      expect.arrayContaining([
        'it names a year (“2026”) outside the full date the form test was sent',
        'it speaks of the business’s history or size (“in business”), which the facts do not cover',
      ]),
    );
    expect(
      refused('I counted 24 reviews on your site, and your contact form took 26 hours to get an answer.', slowEn),
    ).toEqual([
      'it speaks of reviews or ratings (“reviews”), which the facts do not cover',
      'the number 24 is not in the facts',
    ]);
    expect(
      refused(
        'I noticed your phone line goes to voicemail, and your contact form took 26 hours to get an answer.',
        slowEn,
      ),
    ).toContain('it speaks of the phone (“voicemail”), which the facts do not cover');
  });
});

describe('words of an answer need a form test that got one', () => {
  it('accepts them after a completed test, in English and French', () => {
    accepted('Le 24 novembre, votre équipe a répondu à ma demande 26 heures plus tard.', slowFr);
    accepted('Votre équipe m’a rappelé 26 heures après ma demande par le formulaire.', slowFr);
    accepted(
      'On November 24 I asked for a quote through your contact form, and your answer came 26 hours later.',
      slowEn,
    );
    accepted('Thanks for the quick reply to my inquiry through your contact form on November 24.', quickEn);
    accepted('Merci pour votre réponse rapide à ma demande envoyée par votre formulaire le 24 novembre.', quickFr);
  });

  it('accepts only silence after a timeout, however it is worded', () => {
    for (const line of [
      'Your team never got back to me after I wrote through your contact form on March 2.',
      'Two days after I wrote through your contact form on March 2, I still had no reply.',
      'I wrote through your contact form on March 2 and I am still waiting for an answer.',
      'I sent a question through your contact form on March 2 and nobody answered in 2 days.',
      'On March 2 I wrote through your contact form and waited 2 days for an answer that never came.',
    ]) {
      accepted(line, silentEn);
    }
    for (const line of [
      'Le 2 mars, j’ai écrit par le formulaire de votre site, et personne ne m’a répondu en 2 jours.',
      'Le 2 mars, j’ai écrit par votre formulaire et, deux jours plus tard, je n’avais toujours pas de réponse.',
      'Votre équipe ne m’a jamais rappelé après ma demande du 2 mars par le formulaire.',
      'La demande envoyée par votre formulaire le 2 mars est restée lettre morte pendant 2 jours.',
    ]) {
      accepted(line, silentFr);
    }
    expect(codes('No doubt your team replied to my contact form inquiry of March 2.', silentEn)).toEqual([
      'unsupported_reply',
    ]);
    expect(codes('Votre équipe m’a recontacté après ma demande du 2 mars par votre formulaire.', silentFr)).toEqual([
      'unsupported_reply',
    ]);
    for (const line of [
      'I heard from your team two days after writing through your contact form on March 2.',
      'Your team’s message reached me two days after my contact form inquiry.',
    ]) {
      expect(codes(line, silentEn), line).toEqual(['unsupported_reply']);
    }
    expect(codes('J’ai reçu votre courriel deux jours après ma demande par le formulaire.', silentFr)).toEqual([
      'unsupported_reply',
    ]);
  });

  it('lets a wait for an answer pass without a test: it claims none came', () => {
    accepted(
      'On gagnonplumbing.ca a customer can write to you, but has to wait for your reply before booking.',
      siteOnlyEn,
    );
    accepted('Sur plomberie-gagnon.ca, un client doit attendre que vous répondiez avant de réserver.', siteOnlyFr);
    expect(codes('Your team answered quickly when a customer wrote through your contact form.', siteOnlyEn)).toEqual(
      expect.arrayContaining(['unsupported_reply']),
    );
  });

  it('wants an automatic acknowledgement called automatic', () => {
    accepted(
      "On December 3 I wrote through your site's form and got an automatic acknowledgement a minute later, with no answer to my question.",
      roboticEn,
    );
    accepted(
      'Le 3 décembre, j’ai écrit par votre formulaire et j’ai reçu une réponse automatique une minute plus tard, sans réponse à ma question.',
      roboticFr,
    );
    expect(refused('Thanks for the quick reply to my message through your contact form.', roboticEn)).toEqual([
      'it speaks of an answer (“reply”) without saying it was only an automatic acknowledgement',
    ]);
    expect(
      codes('Votre équipe m’a répondu une minute après ma demande du 3 décembre par le formulaire.', roboticFr),
    ).toEqual(['automatic_reply_as_answer']);
    expect(codes('Your team sent an automatic reply after 26 hours to my contact form inquiry.', slowEn)).toEqual([
      'unsupported_automatic',
    ]);
  });
});

describe('words of speed must fit the answer’s delay', () => {
  it('quick, within the hour and the same day for a 12-minute answer; not slow, not the next day', () => {
    accepted(
      'Your team wrote back the same day, 12 minutes after I wrote through your contact form on November 24.',
      quickEn,
    );
    accepted('Votre équipe m’a répondu le jour même quand je vous ai écrit par le formulaire de votre site.', quickFr);
    accepted('It did not take long to hear back after I wrote through your contact form on November 24.', quickEn);
    expect(codes('Your team finally answered my contact form inquiry after 12 minutes.', quickEn)).toEqual([
      'unsupported_speed',
    ]);
    expect(codes('Votre équipe m’a répondu le lendemain de ma demande par le formulaire.', quickFr)).toEqual([
      'unsupported_speed',
    ]);
    expect(codes('Your team answered my contact form inquiry right away on November 24.', quickEn)).toEqual([
      'unsupported_speed',
    ]);
  });

  it('slow and the next day for a 26-hour answer; not quick, not the same day, not overnight', () => {
    accepted(
      'It took your team a while to get back to me after I wrote through your contact form on November 24.',
      slowEn,
    );
    accepted('Your team got back to me the next day after I wrote through your contact form on November 24.', slowEn);
    accepted(
      'Votre équipe a mis du temps à me répondre après ma demande envoyée par le formulaire le 24 novembre.',
      slowFr,
    );
    accepted(
      'Le 24 novembre, j’ai écrit à Plomberie Gagnon par votre formulaire, et votre équipe m’a répondu le lendemain.',
      slowFr,
    );
    accepted('Votre réponse n’a pas été rapide : 26 heures après ma demande par le formulaire.', slowFr);
    for (const line of [
      'Your team answered my inquiry promptly after I wrote through your contact form.',
      'Your team answered my contact form inquiry overnight.',
      'It did not take long to hear back after I wrote through your contact form on November 24.',
    ]) {
      expect(codes(line, slowEn), line).toEqual(['unsupported_speed']);
    }
    for (const line of [
      'Votre équipe a répondu immédiatement à ma demande par le formulaire.',
      'Votre équipe a répondu vite à ma demande par le formulaire.',
      'Votre équipe m’a répondu du jour au lendemain après ma demande par le formulaire.',
    ]) {
      expect(codes(line, slowFr), line).toEqual(['unsupported_speed']);
    }
  });

  it('slow, and nothing faster, for a silence; no speed at all without a test', () => {
    accepted('Your team took a long time: my contact form inquiry of March 2 is still unanswered.', silentEn);
    expect(codes('Votre formulaire est rapide à remplir et je vous ai écrit le 2 mars.', silentFr)).toEqual([
      'unsupported_speed',
    ]);
    expect(codes('Customers expect a quick answer, and your site has no way to book online.', siteOnlyEn)).toEqual([
      'unsupported_speed',
    ]);
    expect(
      codes('Un client veut une réponse le jour même, mais votre site ne permet pas de réserver.', siteOnlyFr),
    ).toEqual(['unsupported_speed']);
    accepted(
      'Un client veut une réponse pour réserver, mais votre site ne permet pas de le faire en ligne.',
      siteOnlyFr,
    );
  });
});

describe('durations, years and numbers', () => {
  it('reads a time unit without a number as a duration', () => {
    expect(codes('Your team answered my contact form inquiry after weeks of waiting.', slowEn)).toEqual([
      'wrong_duration',
    ]);
    expect(codes('Votre équipe a répondu après des semaines à ma demande par le formulaire.', slowFr)).toEqual([
      'wrong_duration',
    ]);
    accepted('My inquiry through your contact form on March 2 went unanswered for days.', silentEn);
    accepted('Ma demande du 2 mars par votre formulaire est restée sans réponse pendant des jours.', silentFr);
    expect(codes('Your site has no way to book, so customers wait for days.', siteOnlyEn)).toEqual([
      'duration_without_fact',
    ]);
  });

  it('accepts a year only in the full date the test was sent', () => {
    accepted('On November 24, 2026, I wrote to Gagnon Plumbing through your contact form.', slowEn);
    accepted('Le 24 novembre 2026, j’ai écrit à Plomberie Gagnon par le formulaire de votre site.', slowFr);
    expect(codes('On November 24, 2025, I wrote to Gagnon Plumbing through your contact form.', slowEn)).toEqual([
      'wrong_date',
    ]);
    expect(codes('En 2026, j’ai écrit à Plomberie Gagnon par le formulaire de votre site.', slowFr)).toEqual([
      'lone_year',
    ]);
  });

  it('accepts no number outside a date or a duration, even the test’s day or its delay', () => {
    expect(codes('Le 24, j’ai écrit à Plomberie Gagnon par le formulaire de votre site.', slowFr)).toEqual([
      'unknown_number',
    ]);
    expect(codes('Your team answered after 26 hours, and 26 customers use your contact form.', slowEn)).toEqual([
      'unknown_number',
    ]);
    accepted(
      'Your team answered the inquiry I sent through your contact form on November 24 after a 26-hour wait.',
      slowEn,
    );
  });
});

describe('topics the facts do not cover', () => {
  const cases: [string, ProspectFacts, string][] = [
    ['Your voicemail was full when I called after writing through your contact form.', slowEn, 'the phone'],
    [
      'Votre boîte vocale était pleine, et votre équipe a répondu à mon formulaire après 26 heures.',
      slowFr,
      'the phone',
    ],
    [
      'Your Google rating is strong, and your team answered my contact form after 26 hours.',
      slowEn,
      'reviews or ratings',
    ],
    [
      'Vos avis Google sont excellents, et votre équipe a répondu à mon formulaire après 26 heures.',
      slowFr,
      'reviews or ratings',
    ],
    ['Your social media is active, and your team answered my contact form after 26 hours.', slowEn, 'social media'],
    [
      'Vos réseaux sociaux sont actifs, et votre équipe a répondu à mon formulaire après 26 heures.',
      slowFr,
      'social media',
    ],
    ['Your prices are clear, and your team answered my contact form after 26 hours.', slowEn, 'prices'],
    ['Vos tarifs sont clairs, et votre équipe a répondu à mon formulaire après 26 heures.', slowFr, 'prices'],
    ['Your receptionist answered my contact form after 26 hours.', slowEn, 'a member of staff'],
    ['Votre réceptionniste a répondu à mon formulaire après 26 heures.', slowFr, 'a member of staff'],
    [
      'Your team answered my contact form after 26 hours, outside business hours.',
      slowEn,
      'opening hours or the time of day',
    ],
    [
      'Votre équipe a répondu à mon formulaire après 26 heures, hors des heures d’ouverture.',
      slowFr,
      'opening hours or the time of day',
    ],
    ['Your family-owned business answered my contact form after 26 hours.', slowEn, 'the business’s history or size'],
    [
      'Votre entreprise familiale a répondu à mon formulaire après 26 heures.',
      slowFr,
      'the business’s history or size',
    ],
    [
      'The next morning, your team answered the inquiry I sent through your contact form.',
      slowEn,
      'opening hours or the time of day',
    ],
    [
      'Le lendemain matin, votre équipe a répondu à ma demande envoyée par le formulaire.',
      slowFr,
      'opening hours or the time of day',
    ],
    ['Your team answered my contact form after 26 hours, slower than your competitors.', slowEn, 'competitors'],
    ['Votre équipe a répondu à mon formulaire après 26 heures, moins vite que vos concurrents.', slowFr, 'competitors'],
  ];
  it.each(cases)('refuses “%s”', (line, facts, topic) => {
    const check = checkFirstLine(line, facts);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.problems).toContainEqual(
        expect.objectContaining({ code: 'uncovered_topic', en: expect.stringContaining(`it speaks of ${topic} (`) }),
      );
    }
  });
});

describe('refusals as codes, in English and Quebec French', () => {
  it('gives each refusal its code and both messages, the English ones as `reasons`', () => {
    const check = checkFirstLine('Thanks for the quick reply to my message through your site.', silentEn);
    expect(check).toEqual({
      ok: false,
      reasons: [
        'it speaks of how fast the team answered (“quick”), true only of an answer within an hour, but the form test got no answer',
        'it says the team answered (“reply”), but the form test got no answer',
      ],
      problems: [
        {
          code: 'unsupported_speed',
          en: 'it speaks of how fast the team answered (“quick”), true only of an answer within an hour, but the form test got no answer',
          fr: 'elle parle de la rapidité de la réponse (« quick »), ce qui ne vaut que pour une réponse en une heure au plus, mais le test du formulaire n’a reçu aucune réponse',
        },
        {
          code: 'unsupported_reply',
          en: 'it says the team answered (“reply”), but the form test got no answer',
          fr: 'elle dit que l’équipe a répondu (« reply »), mais le test du formulaire n’a reçu aucune réponse',
        },
      ],
    });
  });

  it('explains every code in both languages, with its parameters', () => {
    const problems: LineProblem[] = [
      { code: 'empty' },
      { code: 'too_long', length: 300, max: 280 },
      { code: 'unknown_tool', name: 'Calendly', host: 'deneigement-roy.ca' },
      { code: 'wrong_duration', said: '3 jours', known: '26 heures' },
      { code: 'unsupported_speed', word: 'quick', speed: 'quick', test: { kind: 'answered', minutes: 26 * 60 } },
      { code: 'unsupported_silence', word: 'sans réponse', test: { kind: 'answered', minutes: 12 } },
      { code: 'uncovered_topic', topic: 'phone', word: 'voicemail' },
      { code: 'wrong_language', language: 'fr' },
      { code: 'no_usable_line', detail: 'invalid_output: too long' },
    ];
    expect(problems.map(explainLineProblem)).toEqual([
      { code: 'empty', en: 'the line is empty', fr: 'la ligne est vide' },
      {
        code: 'too_long',
        en: 'it is 300 characters long, more than 280',
        fr: 'elle compte 300 caractères, plus que 280',
      },
      {
        code: 'unknown_tool',
        en: 'it names Calendly, which the site analysis did not find on deneigement-roy.ca',
        fr: 'elle nomme Calendly, que l’analyse du site n’a pas trouvé sur deneigement-roy.ca',
      },
      {
        code: 'wrong_duration',
        en: '“3 jours” is not a duration the facts hold (26 heures)',
        fr: '« 3 jours » n’est pas une durée que les faits contiennent (26 heures)',
      },
      {
        code: 'unsupported_speed',
        en: 'it speaks of how fast the team answered (“quick”), true only of an answer within an hour, but the team answered after 26 hours',
        fr: 'elle parle de la rapidité de la réponse (« quick »), ce qui ne vaut que pour une réponse en une heure au plus, mais l’équipe a répondu après 26 heures',
      },
      {
        code: 'unsupported_silence',
        en: 'it says the inquiry went unanswered (“sans réponse”), but the team answered after 12 minutes',
        fr: 'elle dit que la demande est restée sans réponse (« sans réponse »), mais l’équipe a répondu après 12 minutes',
      },
      {
        code: 'uncovered_topic',
        en: 'it speaks of the phone (“voicemail”), which the facts do not cover',
        fr: 'elle parle du téléphone (« voicemail »), ce que les faits ne couvrent pas',
      },
      { code: 'wrong_language', en: 'it does not read as French', fr: 'elle n’est pas rédigée en français' },
      {
        code: 'no_usable_line',
        en: 'the engine gave no usable line (invalid_output: too long)',
        fr: 'le moteur n’a fourni aucune ligne utilisable (invalid_output: too long)',
      },
    ]);
  });
});
