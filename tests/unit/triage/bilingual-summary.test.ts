import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language, otherLanguage } from '../../../schema/vocabulary';
import { type LabelledLead, parseLabelledLeads } from '../../../worker/features/triage/evaluation';
import { detectLanguage } from '../../../worker/features/triage/language';
import { addressName } from '../../../worker/features/triage/names';
import { foldText, readMessage } from '../../../worker/features/triage/normalize';
import { triageOffline } from '../../../worker/features/triage/offline';
import { WANTS, WORDING } from '../../../worker/features/triage/summary-wording';
import type { Triage } from '../../../worker/platform/ai/triage';

/**
 * The offline engine writes its summary in both languages itself: its own words in the reader's
 * language, the lead's words quoted exactly as written, the quote said to be in the lead's
 * language when the reader's is the other one.
 */
const FILES = [
  'leads-dev.jsonl',
  'triage-blind-a.jsonl',
  'triage-blind-b.jsonl',
  'triage-blind-c.jsonl',
  'triage-blind-d.jsonl',
  'triage-blind-e.jsonl',
  'triage-heldout.jsonl',
];
const leadsOf = (file: string) =>
  parseLabelledLeads(readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8'));
const dev = leadsOf('leads-dev.jsonl');

const triageOf = (lead: Pick<LabelledLead, 'name' | 'message' | 'language'>): Triage =>
  triageOffline({
    name: lead.name,
    message: lead.message,
    formLanguage: lead.language,
    businessName: 'Test',
    industry: null,
  });

const both = (triage: Triage): Readonly<Record<Language, string>> => {
  if (!triage.summaries) throw new Error('the offline engine left out summaries');
  return triage.summaries;
};

const devLead = (name: string): LabelledLead => {
  const lead = dev.find((candidate) => candidate.name === name);
  if (!lead) throw new Error(`no lead named ${name} in leads-dev.jsonl`);
  return lead;
};

// “…” or « … », the two ways a summary marks the lead's words.
const QUOTED = /“([^”]*)”|«[ \u00a0]([^»]*)[ \u00a0]»/g;
const quotedSpans = (summary: string) => [...summary.matchAll(QUOTED)].map((match) => match[1] ?? match[2] ?? '');

/** What the engine wrote itself: the summary without the lead's quoted words and name (a phone has no words). */
function engineWords(summary: string, lead: LabelledLead): string {
  const rest = summary.replace(QUOTED, ' ');
  const who = addressName(lead.name);
  return who && rest.startsWith(who) ? rest.slice(who.length) : rest;
}

// The words each language's wording uses and the other's does not: "demande", "une",
// "précisions" on one side, "asking", "details", "written" on the other.
function wordingText(language: Language): string {
  const words = WORDING[language];
  const reasons = Object.values(words.reason).map((reason) => reason('X'));
  return [
    ...Object.values(WANTS[language]),
    words.someone,
    words.details,
    words.callback,
    ...Object.values(words.writtenIn),
    words.phone('X'),
    words.empty('X'),
    ...reasons,
  ].join(' ');
}
const wordsOf = (text: string) => new Set(foldText(text).match(/[a-z]+/g) ?? []);
const ONLY_IN: Record<Language, Set<string>> = {
  en: new Set([...wordsOf(wordingText('en'))].filter((word) => !wordsOf(wordingText('fr')).has(word))),
  fr: new Set([...wordsOf(wordingText('fr'))].filter((word) => !wordsOf(wordingText('en')).has(word))),
};

/** The label the other-language summary gives the quote, as a reader of it sees it. */
const WRITTEN_IN: Record<Language, RegExp> = {
  fr: /\(written in French\): /,
  en: /(\(|, )message en anglais\)\u00a0: /,
};

describe('the offline engine writes the summary in both languages', () => {
  for (const file of FILES) {
    describe(file, () => {
      const leads = leadsOf(file);

      it('has leads to check', () => {
        expect(leads.length).toBeGreaterThanOrEqual(40);
      });

      it('keeps `summary` as the summary in the message’s language', () => {
        for (const lead of leads) {
          const triage = triageOf(lead);
          expect(both(triage)[triage.language], lead.message).toBe(triage.summary);
          expect(Object.keys(both(triage)).sort()).toEqual([...LANGUAGES].sort());
        }
      });

      it('writes its own words in the reader’s language', () => {
        for (const lead of leads) {
          const triage = triageOf(lead);
          for (const reader of LANGUAGES) {
            const summary = both(triage)[reader];
            const own = engineWords(summary, lead);
            // A tie goes to the lead's language, so the reader's must win outright.
            expect(detectLanguage(readMessage(own), otherLanguage(reader)), summary).toBe(reader);
            if (reader === triage.language) continue;
            // Outside the quotes nothing is the lead's, so nothing of the other wording may show.
            const stray = [...wordsOf(own)].filter((word) => ONLY_IN[otherLanguage(reader)].has(word));
            expect(stray, summary).toEqual([]);
            expect(own, summary).not.toMatch(reader === 'en' ? /[«»àâçéèêëîïôûùüÿœ]/i : /[“”]/);
          }
        }
      });

      it('quotes the lead’s words exactly as written in the other language', () => {
        for (const lead of leads) {
          const triage = triageOf(lead);
          const { raw } = readMessage(lead.message);
          const summary = both(triage)[otherLanguage(triage.language)];
          for (const span of quotedSpans(summary)) {
            // A cut ends on "…": the rest must still be the lead's, to the character.
            const uncut = raw.includes(span) ? span : span.replace(/…$/, '');
            expect(uncut.length, summary).toBeGreaterThan(0);
            expect(raw, summary).toContain(uncut);
          }
        }
      });

      it('quotes the lead in their own language as written too', () => {
        // No capital added, no "??" folded, no sentence that stood between two put together.
        for (const lead of leads) {
          const triage = triageOf(lead);
          const raw = readMessage(lead.message).raw;
          for (const span of quotedSpans(triage.summary))
            expect(raw.includes(span.replace(/…$/, '')), `${span}\n${triage.summary}`).toBe(true);
        }
      });

      it('says in the other language which language the quote is in, and only there', () => {
        for (const lead of leads) {
          const triage = triageOf(lead);
          const other = both(triage)[otherLanguage(triage.language)];
          if (quotedSpans(other).length > 0) expect(other).toMatch(WRITTEN_IN[triage.language]);
          expect(triage.summary).not.toMatch(/written in (French|English)|message en (anglais|français)/);
        }
      });

      it('stays one paragraph of at most 300 characters with every quote closed', () => {
        for (const lead of leads) {
          for (const summary of Object.values(both(triageOf(lead)))) {
            expect(summary.length, summary).toBeLessThanOrEqual(300);
            expect(summary).not.toMatch(/\n/);
            expect((summary.match(/“/g) ?? []).length, summary).toBe((summary.match(/”/g) ?? []).length);
            expect((summary.match(/«/g) ?? []).length, summary).toBe((summary.match(/»/g) ?? []).length);
          }
        }
      });
    });
  }
});

describe('the wording, on leads a reviewer can read', () => {
  it('a French quote request with a place, a quantity and a date', () => {
    const triage = triageOf(devLead('Martin Gagnon'));
    expect(triage.language).toBe('fr');
    expect(both(triage)).toEqual({
      fr: "Martin demande une soumission\u00a0: «\u00a0j'aurais besoin d'une soumission pour refaire la toiture de mon bungalow à Laval, environ 1200 pi2\u00a0». Précisions\u00a0: idéalement avant l'hiver.",
      en: "Martin is asking for a quote (written in French): “j'aurais besoin d'une soumission pour refaire la toiture de mon bungalow à Laval, environ 1200 pi2”. Details: “Idéalement avant l'hiver”.",
    });
  });

  it('an urgent English leak with a phone number', () => {
    const triage = triageOf(devLead('Sarah Mitchell'));
    expect(triage.urgency).toBe('High');
    expect(both(triage)).toEqual({
      en: 'Sarah needs help with a problem: “Water is pouring from the ceiling under our upstairs bathroom RIGHT NOW. Can someone come today??” Urgent: time-sensitive (“RIGHT NOW”). Left a phone number (514-555-0199).',
      fr: 'Sarah a besoin d’aide pour un problème (message en anglais)\u00a0: «\u00a0Water is pouring from the ceiling under our upstairs bathroom RIGHT NOW. Can someone come today??\u00a0» Urgent\u00a0: délai serré («\u00a0RIGHT NOW\u00a0»). Numéro de téléphone laissé\u00a0: 514-555-0199.',
    });
  });

  it('an English quote with a detail the quote leaves out and a near date', () => {
    const triage = triageOf(devLead('Emma Scott'));
    expect(both(triage)).toEqual({
      en: 'Emma is asking for a quote: “Need a quote for 200 custom printed t-shirts for a charity run on Saturday”. Details: this week. Urgent: near date (“on Saturday”).',
      fr: 'Emma demande une soumission (message en anglais)\u00a0: «\u00a0Need a quote for 200 custom printed t-shirts for a charity run on Saturday\u00a0». Précisions\u00a0: «\u00a0this week\u00a0». Urgent\u00a0: date rapprochée («\u00a0on Saturday\u00a0»).',
    });
  });

  it('two sentences apart in the message as two quotes, and one pair of parentheses', () => {
    expect(both(triageOf(devLead('Jessica Taylor'))).fr).toBe(
      "Jessica pose sa candidature (message en anglais)\u00a0: «\u00a0I'm applying for the front desk position\u00a0» … «\u00a0Resume attached\u00a0».",
    );
    expect(both(triageOf(devLead('Rank Higher SEO'))).fr).toMatch(
      /^Rank Higher SEO offre ses services \(sollicitation commerciale, message en anglais\)\u00a0: «\u00a0I noticed/,
    );
  });

  it('says who in the reader’s words when the name says nothing, and nothing to quote when there are no words', () => {
    const lead = { name: '???', message: 'Bonjour, avez-vous des disponibilités samedi?', language: 'fr' as const };
    expect(both(triageOf(lead)).en).toMatch(
      /^The sender .* \(written in French\): “avez-vous des disponibilités samedi\?”/,
    );
    expect(both(triageOf({ name: 'Luc', message: '?!', language: 'fr' }))).toEqual({
      fr: 'Luc a envoyé un message sans aucun mot.',
      en: 'Luc sent a message with no words in it.',
    });
  });
});
