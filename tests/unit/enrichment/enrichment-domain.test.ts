import { describe, expect, it } from 'vitest';
import { composeNotification } from '../../../worker/features/enrichment/notification';
import type { Triage } from '../../../worker/platform/ai/triage';
import { appendIfChanged } from '../../../worker/platform/lead-history';

const triage: Triage = {
  language: 'fr',
  intent: 'support_request',
  urgency: 'High',
  tone: 'Frustrated',
  confidence: 0.82,
  summary: 'Sophie a une fuite d’eau sous l’évier et demande quelqu’un aujourd’hui.',
};

describe('histories', () => {
  const at = new Date('2026-11-25T15:00:00Z');

  it('records a value the first time and whenever it changes, with its time and engine', () => {
    const first = appendIfChanged([], 'Medium', at, 'offline');
    expect(first).toEqual([{ value: 'Medium', at: '2026-11-25T15:00:00.000Z', engine: 'offline' }]);
    const changed = appendIfChanged(first, 'High', at, 'openai');
    expect(changed.map((entry) => [entry.value, entry.engine])).toEqual([
      ['Medium', 'offline'],
      ['High', 'openai'],
    ]);
  });

  it('leaves the history alone when a re-enrichment finds the same value', () => {
    const history = appendIfChanged([], 0.8, at, 'offline');
    expect(appendIfChanged(history, 0.8, new Date(), 'openai')).toEqual(history);
  });
});

describe('the client notification', () => {
  const input = {
    clientLanguage: 'fr' as const,
    lead: { id: 'lead-1', name: 'Sophie Lavoie', email: 'sophie@example.ca', phone: '450-555-0100', message: 'Fuite!' },
    triage,
    summaries: { fr: triage.summary, en: null },
    leadUrl: 'https://app.example/app/leads/lead-1',
    replied: true,
  };

  it('tells the client, in their language, who wrote, how urgent it is and where to open the lead', () => {
    const notice = composeNotification(input);
    expect(notice.subject).toBe('[Urgent] Nouveau prospect : Sophie Lavoie — Demande de soutien');
    expect(notice.body).toContain('Urgence : Élevée');
    expect(notice.body).toContain('sophie@example.ca · 450-555-0100');
    expect(notice.body).toContain('https://app.example/app/leads/lead-1');
    expect(notice.body).toContain('Une réponse automatique lui a été envoyée');
  });

  describe('speaks only the client’s language, whatever the lead’s', () => {
    const english: Triage = {
      language: 'en',
      intent: 'quote_request',
      urgency: 'Medium',
      tone: 'Professional',
      confidence: 0.8,
      summary: 'Tom is asking for a quote: “Do you do cedar shingle roofs?”',
    };
    const englishLead = { ...input.lead, name: 'Tom Baker', message: 'Do you do cedar shingle roofs?' };

    it('gives the summary in the client’s language when it was translated', () => {
      const notice = composeNotification({
        ...input,
        lead: englishLead,
        triage: english,
        summaries: {
          en: english.summary,
          fr: 'Tom demande une soumission : « Faites-vous les toits en bardeaux de cèdre? »',
        },
      });
      expect(notice.body).toContain('Résumé : Tom demande une soumission');
      expect(notice.body).not.toContain('Tom is asking');
    });

    it('labels, in the client’s language, a summary that could not be translated and the lead’s own words', () => {
      const notice = composeNotification({
        ...input,
        lead: englishLead,
        triage: english,
        summaries: { en: english.summary, fr: null },
      });
      expect(notice.body).toContain(`Résumé (non traduit, en anglais) : ${english.summary}`);
      expect(notice.body).toContain('Message (en anglais) :\nDo you do cedar shingle roofs?');
      expect(notice.body).toContain('Une réponse automatique lui a été envoyée en votre nom, en anglais.');
      const toEnglishClient = composeNotification({ ...input, clientLanguage: 'en' });
      expect(toEnglishClient.body).toContain(`Summary (not translated, in French): ${triage.summary}`);
      expect(toEnglishClient.body).toContain('Message (in French):\nFuite!');
    });

    it('leaves the labels out when the lead wrote in the client’s language', () => {
      const notice = composeNotification(input);
      expect(notice.body).toContain(`Résumé : ${triage.summary}`);
      expect(notice.body).toContain('Message :\nFuite!');
      expect(notice.body).not.toMatch(/non traduit|en français/);
    });
  });

  it('says so when no automatic reply went out, in English for an English-speaking client', () => {
    const notice = composeNotification({
      ...input,
      clientLanguage: 'en',
      replied: false,
      triage: { ...triage, urgency: 'Low' },
    });
    expect(notice.subject).toBe('New lead: Sophie Lavoie — Support request');
    expect(notice.body).toContain('Urgency: Low');
    expect(notice.body).toContain('No automatic reply was sent');
  });
});
