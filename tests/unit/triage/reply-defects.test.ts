import { describe, expect, it } from 'vitest';
import { EMAIL_TONES, type EmailTone } from '../../../schema/vocabulary';
import { foldText } from '../../../worker/features/triage/normalize';
import { triageOffline } from '../../../worker/features/triage/offline';
import { composeReply } from '../../../worker/features/triage/reply/compose';
import { unmadePromise } from '../../../worker/features/triage/reply/promises';
import type { ReplyInput } from '../../../worker/platform/ai/port';

/**
 * The defects a user reported in the offline reply (numbered as in their report), each held
 * by a rule over messages of its kind rather than by one message's wording.
 */
const LINK = 'https://cal.example/plomberie-roy';

function reply(
  lead: { name: string; message: string; phone?: string },
  business: Partial<ReplyInput['business']> = {},
): { subject: string; body: string } {
  const triage = triageOffline({ ...lead, businessName: 'Plomberie Roy' });
  return composeReply({
    lead,
    triage,
    business: { name: 'Plomberie Roy', tone: 'Professional', bookingLink: LINK, ...business },
  });
}

/** The reply's own words: what it quotes of the lead's message (“…”, « … ») taken out. */
const ownWords = (body: string) => foldText(body.replace(/“[^”]*”|«[^»]*»/g, ' '));
const everyTone = (test: (tone: EmailTone) => void) => {
  for (const tone of EMAIL_TONES) test(tone);
};

describe('6. no familiarity with someone writing for the first time', () => {
  const leads = [
    { name: 'Rachel Green', message: 'Hi, do you install heat pumps in Brossard?' },
    { name: 'Julie Tremblay', message: 'Bonjour, je voudrais une soumission pour un chauffe-eau.' },
    { name: 'Tom Baker', message: 'I loved the work you did on my neighbour’s kitchen. Can I get a quote for mine?' },
  ];
  it('never says it is always nice, or nice again, to hear from them, in any tone', () => {
    everyTone((tone) => {
      for (const lead of leads) {
        expect(ownWords(reply(lead, { tone }).body)).not.toMatch(
          /always nice|(nice|great|good) to hear from you|again|welcome back|toujours plaisir|de vos nouvelles|de nouveau/,
        );
      }
    });
  });
});

describe('7. every question acknowledged, none answered', () => {
  it('quotes a French question and says the team will answer it', () => {
    const body = reply({
      name: 'Isabelle Lefebvre',
      message: 'Bonjour! On refait notre cuisine au printemps. Vous faites aussi la salle de bain? Merci!',
    }).body;
    expect(body).toContain('salle de bain');
    expect(foldText(body)).toMatch(/repondra/);
    expect(foldText(body)).not.toMatch(/\boui\b|nous faisons|on fait aussi/);
  });

  it('quotes an English question in any tone, without a "yes, we do"', () => {
    everyTone((tone) => {
      const body = reply(
        { name: 'Tom Baker', message: 'Do you do cedar shingle roofs? Our cottage has one.' },
        { tone, name: 'Toitures Côté' },
      ).body;
      expect(body).toContain('cedar shingle roofs');
      expect(body).toMatch(/will answer/);
      expect(ownWords(body)).not.toMatch(/\byes\b|we do (offer|install|do)|we can/);
    });
  });

  it('acknowledges each of several questions, and one asked without a question mark', () => {
    const several = reply({
      name: 'Nina Kowalski',
      message:
        'Hi! A few questions: do you serve the West Island? How long does an installation take? And do you offer financing?',
    }).body;
    for (const topic of ['West Island', 'installation', 'financing']) expect(several).toContain(topic);
    const indirect = reply({ name: 'Paul Roy', message: 'Hello, I was wondering if you also build decks.' }).body;
    expect(indirect).toContain('build decks');
    const french = reply({ name: 'Nicole Bélanger', message: 'Bonjour, je voulais savoir si vous livrez à Gatineau.' });
    expect(french.body).toContain('livrez à Gatineau');
  });
});

describe('8. no robotic asides', () => {
  it('weaves what the lead told us into a sentence, never a parenthesis', () => {
    const leads = [
      { name: 'Tom Baker', message: 'Do you do cedar shingle roofs? Our cottage near Magog has one.' },
      {
        name: 'Martin Gagnon',
        message: 'Soumission pour refaire la toiture à Laval, environ 1200 pi2, avant l’hiver.',
      },
      { name: 'Rachel Green', message: 'I’d like to book an inspection next week, any weekday after 4pm.' },
    ];
    everyTone((tone) => {
      for (const lead of leads) expect(reply(lead, { tone }).body).not.toMatch(/[()]/);
    });
    expect(reply(leads[0]!).body).toContain('near Magog');
  });
});

describe('9. a complaint gets an apology, taken seriously, never cheer', () => {
  const complaints = [
    {
      name: 'Brian Walsh',
      message: 'Your technician left mud all over my carpet and was rude to my wife. Not impressed.',
    },
    { name: 'Hélène Fortin', message: 'Je suis déçue : le technicien est arrivé deux heures en retard sans prévenir.' },
  ];
  it('in every tone and both languages', () => {
    everyTone((tone) => {
      for (const lead of complaints) {
        const { body } = reply(lead, { tone });
        const own = ownWords(body);
        expect(own).toMatch(/sorry|desole/);
        expect(own).toMatch(/seriously|au serieux/);
        expect(body).not.toContain('!');
        expect(own).not.toMatch(/happy to|glad|excited|great|love|cheers|ravis|plaisir|hate|super/);
      }
    });
  });
});

describe('10. no promise the business never made', () => {
  const urgent = [
    { name: 'Sarah Mitchell', message: 'Water is pouring from the ceiling RIGHT NOW. Can someone come today?' },
    {
      name: 'Nathalie Bouchard',
      message: 'Personne ne me rappelle. Si ce n’est pas réglé aujourd’hui je change de fournisseur.',
    },
    { name: 'Olivia Martin', message: 'Could we book a consultation this Saturday morning? It’s urgent.' },
    { name: 'Kevin O’Brien', message: 'I was charged twice and need a refund by tomorrow, urgent please.' },
    {
      name: 'Mélanie Ouellet',
      message: 'Notre fournaise est en panne et il fait 14 degrés. Quelqu’un peut venir aujourd’hui?',
    },
  ];
  it('promises no time and no manager, in any tone, however urgent', () => {
    everyTone((tone) => {
      for (const lead of urgent) {
        const { subject, body } = reply(lead, { tone });
        expect(unmadePromise(ownWords(`${subject}\n${body}`))).toBeNull();
      }
    });
  });
});

describe('11. the safety line in both languages', () => {
  const dangers = [
    {
      name: 'Geneviève Roy',
      message: 'Ça sent le gaz dans ma cuisine près de la cuisinière. Qu’est-ce que je dois faire?',
    },
    { name: 'Yves Bergeron', message: 'Il y a des étincelles qui sortent de la prise pis ça sent le brûlé.' },
    { name: 'Linda Harris', message: 'Our carbon monoxide detector keeps going off in the basement.' },
    { name: 'François Girard', message: 'Le sous-sol est inondé, l’eau monte proche du panneau électrique!' },
    // Danger in a message the triage does not read as an urgent support request is still danger.
    { name: 'Marc Roy', message: 'Bonjour, il y a une odeur de gaz près du chauffe-eau, combien pour le remplacer?' },
    { name: 'Luc Roy', message: 'De l’eau coule sur les prises électriques du sous-sol' },
    { name: 'Annie Roy', message: 'Notre avertisseur de CO sonne, on est sortis dehors.' },
    { name: 'Paul Roy', message: 'Il y a des fils dénudés dans le mur de la cuisine, mes enfants jouent à côté' },
    { name: 'Lise Roy', message: 'J’ai reçu un choc électrique en touchant le robinet' },
    { name: 'Guy Roy', message: 'Mon foyer au gaz dégage une odeur bizarre et j’ai mal à la tête' },
    { name: 'Dan Roy', message: 'Smoke is coming out of the dryer.' },
  ];
  it('tells anyone in danger to call 911 first, in the reply’s language', () => {
    for (const lead of dangers) {
      const { body } = reply(lead);
      const line = body.split('\n\n').find((paragraph) => paragraph.includes('911'));
      expect(line, body).toBeDefined();
      expect(line).toMatch(/appelez|call/);
      expect(triageOffline({ ...lead, businessName: 'x' }).language === 'fr').toBe(/appelez/.test(line!));
    }
  });

  it('says nothing of 911 to someone in no danger', () => {
    for (const message of [
      'Combien pour installer un système de chauffage au gaz naturel?',
      'The kitchen faucet has a slow drip, no rush.',
      'Do you sell fire extinguishers?',
    ]) {
      expect(reply({ name: 'Alex Roy', message }).body).not.toContain('911');
    }
  });
});

describe('12. every reply ends with a clear next step', () => {
  const lastParagraphs = (body: string) => body.split('\n\n').slice(-4).join('\n\n');

  it('keeps the booking link where booking fits, even when the lead is in a hurry', () => {
    expect(
      reply({ name: 'Olivia Martin', message: 'Can I book a consultation this Saturday? Urgent!' }).body,
    ).toContain(LINK);
  });

  it('tells a job applicant how to send a CV', () => {
    for (const message of [
      'Hi, I’m an electrician with 6 years of experience. Are you hiring?',
      'Bonjour, je vous envoie ma candidature pour le poste de réceptionniste.',
    ]) {
      const { body } = reply({ name: 'Priya Patel', message });
      expect(body).not.toContain(LINK);
      expect(lastParagraphs(body)).toMatch(/\bCV\b/);
    }
  });

  it('asks someone with an emergency for a phone number, or says it will use the one they gave', () => {
    const without = reply({ name: 'Sarah Mitchell', message: 'Water is pouring from the ceiling! Please come!' }).body;
    expect(without).not.toContain(LINK);
    expect(lastParagraphs(without)).toMatch(/phone number/);
    const withPhone = reply({
      name: 'Sarah Mitchell',
      message: 'Water is pouring from the ceiling! 514-555-0199',
    }).body;
    expect(withPhone).toContain('514-555-0199');
    const french = reply({
      name: 'Mélanie Ouellet',
      message: 'Notre fournaise est en panne, on gèle! Venez vite!',
    }).body;
    expect(lastParagraphs(french)).toMatch(/numéro de téléphone/);
    // A number left in the form's phone field is not asked for again.
    const fromTheForm = reply({
      name: 'Sophie Tremblay',
      message: "Il y a de l'eau qui coule du plafond, juste à côté du panneau électrique. Pouvez-vous venir?",
      phone: '514 555-0188',
    }).body;
    expect(fromTheForm).toContain('514 555-0188');
    expect(lastParagraphs(fromTheForm)).not.toMatch(/indiquant votre numéro/);
    expect(fromTheForm).toMatch(/911/);
  });

  it('tells someone who complains what they can send and that the team will get back to them', () => {
    const { body } = reply(
      { name: 'Brian Walsh', message: 'Your technician left mud all over my carpet. Not impressed.' },
      { bookingLink: null },
    );
    expect(lastParagraphs(body)).toMatch(/reply to this email/);
    expect(body).toMatch(/get back to you/);
  });
});

describe('13. the Formal tone uses the name when it is known', () => {
  it('greets by full name, and generically only without a usable name', () => {
    const fr = reply(
      { name: 'Marie Tremblay', message: 'Bonjour, je souhaiterais une soumission.' },
      { tone: 'Formal' },
    );
    expect(fr.body.split('\n')[0]).toBe('Bonjour Marie Tremblay,');
    expect(fr.body).not.toContain('Madame, Monsieur');
    const en = reply({ name: 'marie TREMBLAY', message: 'Hello, I would like a quote.' }, { tone: 'Formal' });
    expect(en.body.split('\n')[0]).toBe('Dear Marie Tremblay,');
    for (const name of ['', 'N/A', '???', 'asdf']) {
      expect(reply({ name, message: 'Bonjour, je souhaiterais une soumission.' }, { tone: 'Formal' }).body).toMatch(
        /^Madame, Monsieur,/,
      );
      expect(reply({ name, message: 'Hello, I would like a quote please.' }, { tone: 'Formal' }).body).toMatch(
        /^Dear Sir or Madam,/,
      );
    }
  });
});
