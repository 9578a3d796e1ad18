import { describe, expect, it } from 'vitest';
import type { ActionView, HistoryPoint } from '../../../dashboard/api';
import { historyPointText, isHumanPoint } from '../../../dashboard/history-chart';
import { STRINGS } from '../../../dashboard/i18n';
import { correctionRequest, currentReading, draftChanges } from '../../../dashboard/lead-correction';
import { LEADS_STRINGS } from '../../../dashboard/strings/leads';
import { actionText, changesText, correctionChanges, fieldValueText } from '../../../dashboard/timeline';

/**
 * The pure parts of correcting the AI's reading on the lead page: which fields the
 * request carries, how a correction reads in the timeline and the activity log, how a
 * history point set by the client is named, and the Quebec typesetting of the new French.
 */
const en = STRINGS.en;
const fr = STRINGS.fr;
const NBSP = '\u00a0';

const reading = currentReading({
  intent: { key: 'quote_request', en: 'Quote request', fr: 'Demande de soumission' },
  urgency: 'Medium',
  tone: 'Friendly',
  language: 'fr',
});

const corrected = (metadata: Record<string, unknown>): ActionView => ({
  id: 'a1',
  leadId: 'l1',
  leadName: 'Martin Gagnon',
  action: 'corrected',
  tag: null,
  at: '2026-12-02T15:00:00.000Z',
  performedBy: 'owner@example.ca',
  conversionOutcome: null,
  reversionReason: null,
  metadata,
  isTest: false,
});

describe('the correction request', () => {
  it('starts from the lead’s values, empty where the AI gave none', () => {
    expect(reading).toEqual({ intent: 'quote_request', urgency: 'Medium', tone: 'Friendly', language: 'fr' });
    expect(currentReading({ intent: null, urgency: null, tone: null, language: null })).toEqual({
      intent: '',
      urgency: '',
      tone: '',
      language: '',
    });
  });

  it('carries only the fields that changed, nothing when none did', () => {
    expect(correctionRequest(reading, reading)).toEqual({});
    expect(correctionRequest(reading, { ...reading, urgency: 'High', intent: 'complaint' })).toEqual({
      intent: 'complaint',
      urgency: 'High',
    });
    // Changed, then put back: no change.
    expect(correctionRequest(reading, { ...reading, tone: 'Friendly' })).toEqual({});
  });

  it('treats an empty choice as no change, and a value where there was none as one from null', () => {
    const blank = currentReading({ intent: null, urgency: null, tone: null, language: null });
    expect(draftChanges(blank, blank)).toEqual([]);
    expect(draftChanges(blank, { ...blank, urgency: 'Low' })).toEqual([{ field: 'urgency', from: null, to: 'Low' }]);
  });
});

describe('a correction in words', () => {
  it('names each value in the dashboard’s language: intents by key or stored name, urgency, tone, language', () => {
    expect(fieldValueText('intent', 'complaint', en, 'en')).toBe('Complaint');
    expect(fieldValueText('intent', 'Quote request', fr, 'fr')).toBe('Demande de soumission');
    expect(fieldValueText('urgency', 'High', fr, 'fr')).toBe('Élevée');
    expect(fieldValueText('tone', 'Frustrated', fr, 'fr')).toBe('Frustré');
    expect(fieldValueText('language', 'en', fr, 'fr')).toBe('Anglais');
    expect(fieldValueText('urgency', null, en, 'en')).toBe('no value');
    expect(fieldValueText('tone', 'Sarcastic', en, 'en')).toBe('Sarcastic');
  });

  it('reads “Triage corrected: urgency Medium → High” in the timeline and the activity log', () => {
    const item = corrected({
      changes: [
        { field: 'urgency', from: 'Medium', to: 'High' },
        { field: 'intent', from: 'quote_request', to: 'complaint' },
      ],
    });
    expect(actionText(item, en, 'en')).toBe(
      'Triage corrected: urgency Medium → High, intent Quote request → Complaint',
    );
    expect(actionText(item, fr, 'fr')).toBe(
      `Analyse corrigée${NBSP}: urgence Moyenne → Élevée, intention Demande de soumission → Plainte`,
    );
  });

  it('reads a correction with no readable changes by its name alone', () => {
    expect(actionText(corrected({}), en, 'en')).toBe('Triage corrected');
    expect(actionText(corrected({ changes: [{ field: 'colour', from: 'a', to: 'b' }, 'x'] }), en, 'en')).toBe(
      'Triage corrected',
    );
    expect(correctionChanges({ changes: [{ field: 'tone', from: null, to: 'Casual' }] })).toEqual([
      { field: 'tone', from: null, to: 'Casual' },
    ]);
    expect(changesText([{ field: 'tone', from: null, to: 'Casual' }], fr, 'fr')).toBe(
      'ton aucune valeur → Décontracté',
    );
  });
});

describe('a history point the client set', () => {
  const format = (value: string) => value;
  const ai: HistoryPoint<string> = { value: 'Medium', at: '2026-12-02T15:00:00.000Z', engine: 'offline' };
  const human: HistoryPoint<string> = { value: 'High', at: '2026-12-02T16:00:00.000Z', engine: 'human' };

  it('reads as the client’s correction, never as an engine', () => {
    expect(isHumanPoint(human)).toBe(true);
    expect(isHumanPoint(ai)).toBe(false);
    expect(historyPointText(human, format, en, 'en')).toMatch(/^High \(.+, corrected by you\)$/);
    expect(historyPointText(human, format, fr, 'fr')).toMatch(/^High \(.+, corrigé par vous\)$/);
    expect(historyPointText(ai, format, en, 'en')).not.toMatch(/offline|you/);
    expect(historyPointText(human, format, en, 'en')).not.toContain('human');
  });
});

describe('the correction’s French', () => {
  const keys = [
    'correct',
    'correctWhat',
    'correctionTitle',
    'correctionHelp',
    'correctionSave',
    'correctionSaving',
    'correctionChoose',
    'correctionPending',
    'correctionNoChange',
    'correctionSaved',
    'correctionUnchanged',
    'correctionSpamQuestion',
    'correctionNotSpamQuestion',
    'correctedByYou',
    'leadLanguage',
    'noValue',
    'correctionFields',
    'historyLegendAi',
  ] as const;
  const texts = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : typeof value === 'function'
        ? texts((value as (x: string) => unknown)('X'))
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(texts)
          : [];

  it('has every string in both languages', () => {
    for (const key of keys) {
      expect(LEADS_STRINGS.en[key], key).toBeDefined();
      expect(LEADS_STRINGS.fr[key], key).toBeDefined();
    }
  });

  it('is typeset the Quebec way: a no-break space before : ; ? !, the ’ apostrophe', () => {
    const faults = keys.flatMap((key) =>
      texts(LEADS_STRINGS.fr[key]).flatMap((text) => [
        ...(/[^\u00a0\u202f][:;?!]/.test(text) ? [`${key}: a : ; ? or ! without its no-break space: ${text}`] : []),
        ...(/[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/.test(text) ? [`${key}: a straight apostrophe: ${text}`] : []),
      ]),
    );
    expect(faults).toEqual([]);
  });

  it('says in one line that corrections teach Avenir how the business files its leads', () => {
    expect(LEADS_STRINGS.en.correctionHelp).toBe('Your corrections teach Avenir how your business files its leads.');
    expect(LEADS_STRINGS.fr.correctionHelp).toMatch(/^Vos corrections apprennent à Avenir .+\.$/);
  });
});
