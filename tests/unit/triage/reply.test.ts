import { describe, expect, it } from 'vitest';
import { EMAIL_TONES, type EmailTone } from '../../../schema/vocabulary';
import { triageOffline } from '../../../worker/features/triage/offline';
import { composeReply } from '../../../worker/features/triage/reply/compose';
import type { ReplyInput } from '../../../worker/platform/ai/port';

const BOOKING_LINK = 'https://cal.example/toitures-cote';

function replyTo(
  lead: { name: string; message: string },
  business: Partial<ReplyInput['business']> = {},
): ReturnType<typeof composeReply> {
  const triage = triageOffline({ ...lead, businessName: 'Toitures Côté' });
  return composeReply({
    lead,
    triage,
    business: { name: 'Toitures Côté', tone: 'Professional', bookingLink: BOOKING_LINK, ...business },
  });
}

const roofQuote = {
  name: 'Martin Gagnon',
  message:
    "Bonjour, j'aurais besoin d'une soumission pour refaire la toiture de mon bungalow à Laval, environ 1200 pi2. Idéalement avant l'hiver.",
};
const englishBooking = {
  name: 'Rachel Green',
  message: "I'd like to book an inspection of my roof next week, any weekday after 4pm.",
};
const flood = {
  name: 'Sarah Mitchell',
  message: 'Water is pouring from the ceiling under our bathroom RIGHT NOW. Can someone come today?',
};

const lines = (body: string) => body.split('\n');

describe('the auto-reply', () => {
  it('sounds different in each of the four tones', () => {
    const replies = EMAIL_TONES.map((tone) => replyTo(englishBooking, { tone }).body);
    expect(new Set(replies).size).toBe(4);
    // Greeting and sign-off differ too, not only a word in the middle.
    expect(new Set(replies.map((body) => lines(body)[0])).size).toBe(4);
    expect(new Set(replies.map((body) => lines(body).at(-2))).size).toBe(4);
  });

  it('greets and signs off formally in the Formal tone, warmly in Friendly, with momentum in Energetic', () => {
    const formal = replyTo(roofQuote, { tone: 'Formal' }).body;
    // The name is known: no "Madame, Monsieur", and no "Madame Gagnon" that would guess a gender.
    expect(lines(formal)[0]).toBe('Bonjour Martin Gagnon,');
    expect(formal).not.toContain('Madame, Monsieur');
    expect(formal).toContain('Veuillez agréer');
    expect(lines(replyTo({ ...roofQuote, name: '' }, { tone: 'Formal' }).body)[0]).toBe('Madame, Monsieur,');
    expect(lines(replyTo(roofQuote, { tone: 'Friendly' }).body)[0]).toBe('Bonjour Martin!');
    expect(lines(replyTo(englishBooking, { tone: 'Formal' }).body)[0]).toBe('Dear Rachel Green,');
    expect(replyTo(englishBooking, { tone: 'Energetic' }).body.match(/!/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('answers a French lead in French, with a French subject', () => {
    const reply = replyTo(roofQuote);
    expect(reply.subject).toBe('Votre demande de soumission — Toitures Côté');
    expect(reply.body).toContain('soumission');
    expect(reply.body).not.toMatch(/\b(Thank you|We will|quote)\b/);
  });

  it('answers an English lead in English', () => {
    const reply = replyTo(englishBooking);
    expect(reply.subject).toContain('appointment');
    expect(reply.body).not.toMatch(/\b(Bonjour|Merci|rendez-vous)\b/);
  });

  it('mentions what the lead told us', () => {
    expect(replyTo(roofQuote).body).toContain('à Laval');
    expect(replyTo(roofQuote).body).toContain('1200 pi2');
  });

  it('puts the booking link on its own line when there is one, and nothing when there is none', () => {
    for (const tone of EMAIL_TONES) {
      expect(lines(replyTo(englishBooking, { tone }).body)).toContain(BOOKING_LINK);
      const without = replyTo(englishBooking, { tone, bookingLink: null }).body;
      expect(without).not.toContain('http');
      expect(without).not.toMatch(/here:\s*$/m);
    }
  });

  it('is signed by the business, whose name is also in the subject', () => {
    for (const tone of EMAIL_TONES as readonly EmailTone[]) {
      const reply = replyTo(roofQuote, { tone, name: 'Plomberie Tremblay' });
      expect(lines(reply.body).at(-1)).toBe('Plomberie Tremblay');
      expect(reply.subject).toContain('Plomberie Tremblay');
    }
  });

  it('tells a lead with an emergency it is urgent for the team and to call 911 if in danger, promising no time', () => {
    const english = replyTo(flood);
    expect(english.subject).toBe('Your urgent request — Toitures Côté');
    expect(english.body).toMatch(/flagged as urgent/);
    expect(english.body).toContain('911');
    expect(english.body).not.toContain(BOOKING_LINK);
    // "today" only inside the lead's own question, quoted back.
    expect(english.body.replace(/“[^”]*”/g, '')).not.toMatch(/today|on it/i);
    const french = replyTo({
      name: 'Geneviève',
      message: 'Notre chauffe-eau fuit, il y a de l’eau partout. Pouvez-vous venir aujourd’hui?',
    });
    expect(french.subject).toBe('Votre demande urgente — Toitures Côté');
    expect(french.body).toContain('appelez d’abord le 911');
    expect(french.body.replace(/«[^»]*»/g, '')).not.toMatch(/aujourd’hui/);
  });

  it('apologises and takes ownership of a complaint, without a cheerful tone', () => {
    const complaint = {
      name: 'Brian Walsh',
      message: 'Your technician left mud all over my carpet and was rude to my wife. Not impressed.',
    };
    const body = replyTo(complaint, { tone: 'Energetic' }).body;
    expect(body).toMatch(/sorry/);
    expect(body).toMatch(/responsibility/);
    expect(body).not.toContain('Let’s make it happen');
    expect(body).not.toContain(BOOKING_LINK);
  });

  it('is plain text in paragraphs split by one blank line, whatever the lead typed', () => {
    const reply = replyTo({
      name: '<b>Julie</b>',
      message: 'Allo <script>x</script> combien pour 3 fenêtres à <i>Laval</i>?',
    });
    expect(reply.body).not.toMatch(/[<>]/);
    expect(reply.body).not.toMatch(/\n{3,}/);
    expect(reply.body.split('\n\n').length).toBeGreaterThanOrEqual(5);
    expect(reply.body).toBe(reply.body.trim());
  });
});
