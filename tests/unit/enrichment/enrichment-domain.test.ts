import { describe, expect, it } from 'vitest';
import { appendIfChanged } from '../../../worker/features/enrichment/history';
import { composeNotification } from '../../../worker/features/enrichment/notification';
import type { Triage } from '../../../worker/platform/ai/triage';

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
    summary: triage.summary,
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
