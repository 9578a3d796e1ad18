import { describe, expect, it } from 'vitest';
import { readMessage } from '../../../worker/features/triage/normalize';
import { addresseeOf } from '../../../worker/features/triage/reply/addressee';
import { hazardsIn } from '../../../worker/features/triage/reply/hazards';
import { questionsIn } from '../../../worker/features/triage/reply/questions';

/** What the reply reads in a message before it writes anything: questions, dangers, the name. */
describe('the questions of a message', () => {
  const asked = (message: string) => questionsIn(message).questions;

  it('finds each question, with or without its question mark, without the greeting before it', () => {
    expect(asked('Hi, do you do cedar shingle roofs? Our cottage is near Magog.')).toEqual([
      'Do you do cedar shingle roofs?',
    ]);
    expect(asked('yo do you guys work weekends')).toEqual(['Do you guys work weekends?']);
    expect(asked('Allo combien pour 3 fenêtres')).toEqual(['Combien pour 3 fenêtres?']);
    expect(asked('Bonjour, êtes-vous ouverts le samedi? Et acceptez-vous les cartes?')).toEqual([
      'Êtes-vous ouverts le samedi?',
      'Acceptez-vous les cartes?',
    ]);
    expect(asked('Puis-je vous envoyer notre brochure?')).toEqual(['Puis-je vous envoyer notre brochure?']);
  });

  it('finds a question asked indirectly, from where the asking starts', () => {
    expect(asked('Je suis comptable et j’aimerais savoir si vous avez des postes à temps partiel.')).toEqual([
      'J’aimerais savoir si vous avez des postes à temps partiel.',
    ]);
    expect(asked('Kindly advise whether you provide commercial services.')).toEqual([
      'Kindly advise whether you provide commercial services.',
    ]);
  });

  it('keeps a two-part question whole, and cuts a long one to where it asks', () => {
    expect(asked('Quick question - do you service Mitsubishi heat pumps, and how much is a tune-up?')).toEqual([
      'Do you service Mitsubishi heat pumps, and how much is a tune-up?',
    ]);
    const long = `We bought a 1950s bungalow ${'with lots of old things '.repeat(8)}and we were wondering if you could replace the panel?`;
    const [question] = asked(long);
    expect(question).toMatch(/^We were wondering if you could replace the panel\?$/);
  });

  it('leaves out what is not waiting for an answer: anger, a call-back request, statements', () => {
    expect(asked('How hard is it to call someone back? Is anyone actually working there?')).toEqual([]);
    expect(asked('Can you call me back at 514-555-0100?')).toEqual([]);
    expect(asked('I’d like to book an inspection next week, any weekday after 4pm.')).toEqual([]);
    expect(asked('When we moved in, the roof leaked.')).toEqual([]);
  });
});

describe('danger to people', () => {
  const hazards = (message: string) => hazardsIn(readMessage(message));

  it('is read from the message in both languages, whatever else it asks', () => {
    expect(hazards('Ça sent le gaz dans la cuisine')).toEqual(['gas']);
    expect(hazards('Odeur d’oeufs pourris près de la fournaise')).toContain('gas');
    expect(hazards('Our CO alarm keeps going off')).toEqual(['carbon_monoxide']);
    expect(hazards('Mon foyer au gaz dégage une odeur et j’ai mal à la tête')).toEqual(['gas', 'carbon_monoxide']);
    expect(hazards('The outlet is hot to the touch')).toEqual(['fire']);
    expect(hazards('Le sous-sol est inondé, l’eau monte proche du panneau électrique')).toEqual(['water']);
    expect(hazards('Il y a des fils dénudés dans le mur')).toEqual(['electric']);
    expect(hazards('My dad fell off the ladder and is bleeding badly')).toEqual(['injury']);
    // Water and the electrical panel in one sentence, however far apart.
    expect(
      hazards(
        "Il y a de l'eau qui coule du plafond de la salle de bain du sous-sol, juste à côté du panneau électrique.",
      ),
    ).toEqual(['water']);
    // Quebec words for smoke and what burns.
    expect(hazards('Y’a de la boucane qui sort du plafonnier pis ça sent le plastique brûlé')).toEqual(['fire']);
  });

  it('is not read into words that only sound like it', () => {
    for (const message of [
      'How much to replace the spark plugs on my Civic?',
      'J’ai eu un choc en voyant la facture!',
      'Combien pour remplacer mon chauffe-eau électrique?',
      'Do you sell fire extinguishers and smoke detectors?',
      'Mon chien respire mal depuis hier.',
      'The kitchen faucet has a slow drip.',
      'I sent you the gas bill last week.',
      'Vous faites aussi du saumon boucané pour les réceptions?',
    ]) {
      expect(hazards(message), message).toEqual([]);
    }
  });
});

describe('the name a greeting uses', () => {
  it('writes the name as its owner would, given name first', () => {
    expect(addresseeOf('marie TREMBLAY')).toEqual({ first: 'Marie', full: 'Marie Tremblay' });
    expect(addresseeOf('Tremblay, Marie')).toEqual({ first: 'Marie', full: 'Marie Tremblay' });
    expect(addresseeOf("jean-françois o'brien").full).toBe("Jean-François O'Brien");
    expect(addresseeOf('Rank Higher SEO').first).toBe('Rank Higher SEO');
  });

  it('keeps a title or an initial the lead chose, with the surname', () => {
    expect(addresseeOf('Mme Tremblay').first).toBe('Mme Tremblay');
    expect(addresseeOf('J. Smith').first).toBe('J. Smith');
  });

  it('has no name to use when the field holds none', () => {
    for (const name of ['', '  ', 'N/A', 'asdf', '???', 'x', 'client', 'julie@example.ca']) {
      expect(addresseeOf(name), name).toEqual({ first: null, full: null });
    }
  });
});
