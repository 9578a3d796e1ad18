import { describe, expect, it } from 'vitest';
import { type Advice, chooseAdvice, offlineRecommendations } from '../../../worker/features/insights/recommendations';
import { strayNumbers, writeInsights } from '../../../worker/features/insights/writer';
import {
  type AiEngine,
  AiError,
  type AiUsage,
  type InsightsBrief,
  type InsightsDraft,
} from '../../../worker/platform/ai/port';
import { busyWeek, franchise, noLead, slowFollowUp } from './analysis-fixtures';
import { expectContract } from './contract';

const BUSINESS = { name: 'Plomberie Tremblay', industry: 'plumbing' };
const USAGE: AiUsage = { model: 'gpt-test', promptTokens: 1200, completionTokens: 400, costUsd: 0.0031 };

/** An engine whose only answer is `write`'s; the lead pipeline's calls are not made here. */
function fakeEngine(write: (brief: InsightsBrief) => InsightsDraft | Promise<InsightsDraft>) {
  const briefs: InsightsBrief[] = [];
  const engine: AiEngine = {
    name: 'openai',
    triage: () => Promise.reject(new Error('triage is not called')),
    writeReply: () => Promise.reject(new Error('writeReply is not called')),
    translate: () => Promise.reject(new Error('translate is not called')),
    async writeInsights(brief) {
      briefs.push(brief);
      return { value: await write(brief), engine: 'openai', usage: USAGE, latencyMs: 850 };
    },
  };
  return { engine, briefs };
}

/** The brief's own drafts, reworded by `reword` (the identity: the drafts as they are). */
const fromDrafts =
  (reword: (text: string) => string = (text) => text) =>
  (brief: InsightsBrief): InsightsDraft => ({
    recommendations: brief.advice.map(({ id, draft }) => ({
      id,
      en: { title: reword(draft.en.title), body: reword(draft.en.body) },
      fr: { title: reword(draft.fr.title), body: reword(draft.fr.body) },
    })),
  });

const idsOf = (advice: readonly Advice[]) => advice.map((item) => item.id);

describe('writeInsights without OpenAI', () => {
  it('words the advice with the deterministic writer, and says no engine was asked', async () => {
    const advice = chooseAdvice(busyWeek());
    const result = await writeInsights(null, advice, BUSINESS);
    const offline = offlineRecommendations(advice);
    expect(result).toEqual({
      insights: { en: { recommendations: offline.en }, fr: { recommendations: offline.fr }, engine: 'offline' },
      aiCall: null,
      fallbackReason: null,
    });
  });

  it('does the same with an engine that cannot word insights (the offline one)', async () => {
    const { writeInsights: _, ...withoutInsights } = fakeEngine(fromDrafts()).engine;
    const result = await writeInsights(withoutInsights, chooseAdvice(busyWeek()), BUSINESS);
    expect(result.insights.engine).toBe('offline');
    expect(result.aiCall).toBeNull();
    expect(result.fallbackReason).toBeNull();
  });

  it('does not ask the engine when there is no advice (no lead)', async () => {
    const { engine, briefs } = fakeEngine(fromDrafts());
    const result = await writeInsights(engine, chooseAdvice(noLead()), BUSINESS);
    expect(briefs).toEqual([]);
    expect(result.aiCall).toBeNull();
    expect(result.insights).toEqual({ en: { recommendations: [] }, fr: { recommendations: [] }, engine: 'offline' });
  });
});

describe('writeInsights with OpenAI', () => {
  it('briefs the engine with the business, each advice’s figures as shown, and the drafts', async () => {
    const advice = chooseAdvice(busyWeek());
    const { engine, briefs } = fakeEngine(fromDrafts());
    await writeInsights(engine, advice, BUSINESS);
    expect(briefs).toHaveLength(1);
    const [brief] = briefs;
    const offline = offlineRecommendations(advice);
    expect(brief!.business).toEqual(BUSINESS);
    expect(brief!.advice.map((item) => item.id)).toEqual(idsOf(advice));
    brief!.advice.forEach((item, index) => {
      expect(item.draft).toEqual({
        en: { title: offline.en[index]!.title, body: offline.en[index]!.body },
        fr: { title: offline.fr[index]!.title, body: offline.fr[index]!.body },
      });
      expect(item.facts).toEqual(
        offline.en[index]!.evidence.map((evidence, fact) => ({
          label: { en: evidence.label, fr: offline.fr[index]!.evidence[fact]!.label },
          display: { en: evidence.display, fr: offline.fr[index]!.evidence[fact]!.display },
        })),
      );
    });
  });

  it('uses the engine’s faithful rewording, keeping the analysis’s evidence and links', async () => {
    const analysis = busyWeek();
    const advice = chooseAdvice(analysis);
    const { engine } = fakeEngine(fromDrafts((text) => text.toUpperCase()));
    const result = await writeInsights(engine, advice, BUSINESS);
    expect(result.insights.engine).toBe('openai');
    // For the learning log: what the call took and cost.
    expect(result.aiCall).toEqual({ latencyMs: 850, usage: USAGE, error: null });
    expect(result.fallbackReason).toBeNull();
    const offline = offlineRecommendations(advice);
    for (const language of ['en', 'fr'] as const) {
      const recommendations = result.insights[language].recommendations;
      expect(recommendations.map((item) => item.title)).toEqual(
        offline[language].map((item) => item.title.toUpperCase()),
      );
      expect(recommendations.map((item) => item.body)).toEqual(
        offline[language].map((item) => item.body.toUpperCase()),
      );
      expect(recommendations.map(({ id, evidence, link }) => ({ id, evidence, link }))).toEqual(
        offline[language].map(({ id, evidence, link }) => ({ id, evidence, link })),
      );
      expectContract(recommendations, analysis, language);
    }
  });

  it('accepts words that quote the advice’s own figures in another order', async () => {
    const advice = chooseAdvice(busyWeek());
    const { engine } = fakeEngine((brief) => {
      const draft = fromDrafts()(brief);
      draft.recommendations[0]!.en.body = 'Call back all 4 today: each of these 4 is an urgent request.';
      return draft;
    });
    const result = await writeInsights(engine, advice, BUSINESS);
    expect(result.insights.engine).toBe('openai');
    expect(result.insights.en.recommendations[0]!.body).toBe(
      'Call back all 4 today: each of these 4 is an urgent request.',
    );
  });

  it('falls back to its own words when the engine adds a number the evidence does not hold', async () => {
    const advice = chooseAdvice(busyWeek());
    const { engine } = fakeEngine((brief) => {
      const draft = fromDrafts()(brief);
      draft.recommendations[1]!.fr.body += ' C’est 30 % de plus que la semaine dernière.';
      return draft;
    });
    const result = await writeInsights(engine, advice, BUSINESS);
    expect(result.insights.engine).toBe('offline');
    expect(result.aiCall?.error).toBeInstanceOf(AiError);
    expect(result.aiCall?.error?.kind).toBe('invalid_output');
    expect(result.insights.fr.recommendations).toEqual(offlineRecommendations(advice).fr);
    expect(result.fallbackReason).toMatch(/^invalid_output: /);
    expect(result.fallbackReason).toContain('"anomaly:complaint" (fr) quotes 30');
  });

  it('refuses a figure of another recommendation: each text may only quote its own', async () => {
    const advice = chooseAdvice(busyWeek());
    expect(idsOf(advice).slice(0, 2)).toEqual(['waiting_high', 'anomaly:complaint']);
    const { engine } = fakeEngine((brief) => {
      const draft = fromDrafts()(brief);
      // 4 is the waiting urgent leads' figure, not the complaints'.
      draft.recommendations[1]!.en.title = '“Complaint”: 6 this week, and 4 urgent leads wait';
      return draft;
    });
    const result = await writeInsights(engine, advice, BUSINESS);
    expect(result.insights.engine).toBe('offline');
    expect(result.fallbackReason).toContain('"anomaly:complaint" (en) quotes 4,');
  });

  it('refuses English digit groups in the French text (1,050 reads as 1.05 there)', async () => {
    const advice = chooseAdvice(franchise());
    const { engine } = fakeEngine((brief) => {
      const draft = fromDrafts()(brief);
      draft.recommendations[0]!.fr.title = '1,050 demandes urgentes vous attendent';
      return draft;
    });
    const result = await writeInsights(engine, advice, BUSINESS);
    expect(result.insights.engine).toBe('offline');
    expect(result.fallbackReason).toContain('quotes 1.05');
  });

  it('falls back when the engine returns the advice in another order', async () => {
    const advice = chooseAdvice(slowFollowUp());
    const { engine } = fakeEngine((brief) => {
      const draft = fromDrafts()(brief);
      draft.recommendations.reverse();
      return draft;
    });
    const result = await writeInsights(engine, advice, BUSINESS);
    expect(result.insights.engine).toBe('offline');
    expect(result.insights.en.recommendations.map((item) => item.id)).toEqual(idsOf(advice));
    expect(result.fallbackReason).toMatch(/^invalid_output: /);
    expect(result.fallbackReason).toContain(`[${[...idsOf(advice)].reverse().join(', ')}]`);
  });

  it('falls back when the engine drops a recommendation, or adds one', async () => {
    const advice = chooseAdvice(slowFollowUp());
    const dropped = fakeEngine((brief) => {
      const draft = fromDrafts()(brief);
      draft.recommendations.splice(2, 1);
      return draft;
    });
    const dropResult = await writeInsights(dropped.engine, advice, BUSINESS);
    expect(dropResult.insights.engine).toBe('offline');
    expect(dropResult.insights.fr.recommendations).toHaveLength(advice.length);
    expect(dropResult.fallbackReason).toMatch(/^invalid_output: /);

    const added = fakeEngine((brief) => {
      const draft = fromDrafts()(brief);
      draft.recommendations.push({ ...draft.recommendations[0]!, id: 'hire_more_staff' });
      return draft;
    });
    const addResult = await writeInsights(added.engine, advice, BUSINESS);
    expect(addResult.insights.engine).toBe('offline');
    expect(addResult.insights.en.recommendations.map((item) => item.id)).not.toContain('hire_more_staff');
  });

  it('falls back when the engine fails (AiError), saying why', async () => {
    const advice = chooseAdvice(busyWeek());
    const { engine } = fakeEngine(() => {
      throw new AiError('OpenAI took more than 30 s', 'timeout', true);
    });
    const result = await writeInsights(engine, advice, BUSINESS);
    expect(result.insights.engine).toBe('offline');
    expect(result.insights.en.recommendations).toEqual(offlineRecommendations(advice).en);
    // The learning log records the failure the offline writer took over from.
    expect(result.aiCall?.error).toBeInstanceOf(AiError);
    expect(result.aiCall?.error?.kind).toBe('timeout');
    expect(result.aiCall?.usage).toBeNull();
    expect(result.aiCall?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.fallbackReason).toBe('timeout: OpenAI took more than 30 s');
  });

  it('lets a programming error through instead of hiding it behind the fallback', async () => {
    const { engine } = fakeEngine(() => {
      throw new TypeError('cannot read properties of undefined');
    });
    await expect(writeInsights(engine, chooseAdvice(busyWeek()), BUSINESS)).rejects.toThrow(
      'cannot read properties of undefined',
    );
    const plain = fakeEngine(() => Promise.reject(new Error('database is down')));
    await expect(writeInsights(plain.engine, chooseAdvice(busyWeek()), BUSINESS)).rejects.toThrow('database is down');
  });
});

describe('strayNumbers', () => {
  it('lists the numbers of a text that its advice’s evidence does not show', () => {
    const [waiting] = chooseAdvice(busyWeek());
    expect(strayNumbers('Call back the 4 urgent leads', waiting!, 'en')).toEqual([]);
    expect(strayNumbers('Call back the 4 urgent leads within 2 hours', waiting!, 'en')).toEqual([2]);
    expect(strayNumbers('Rappelez les 4 demandes, 12,5 % de plus', waiting!, 'fr')).toEqual([12.5]);
  });

  it('reads a duration’s parts as its figures', () => {
    const speed = chooseAdvice(slowFollowUp()).find((item) => item.id === 'speed')!;
    // 186 min is shown "3 h 6 min": 3 and 6 are its figures, 186 is not what the reader saw.
    expect(strayNumbers('It took 3 h 6 min', speed, 'en')).toEqual([]);
    expect(strayNumbers('It took 186 minutes', speed, 'en')).toEqual([186]);
  });
});
