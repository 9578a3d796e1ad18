import { describe, expect, it } from 'vitest';
import type { GrowthAnalysis, Recommendation } from '../../../schema/insights';
import { LANGUAGES } from '../../../schema/vocabulary';
import {
  adviceFor,
  chooseAdvice,
  MAX_RECOMMENDATIONS,
  MIN_RECOMMENDATIONS,
  offlineRecommendations,
} from '../../../worker/features/insights/recommendations';
import {
  busyWeek,
  franchise,
  frenchClient,
  noConversion,
  noFollowUp,
  noLead,
  quietClient,
  slowFollowUp,
  volumeDrop,
} from './analysis-fixtures';
import { expectContract, strayNumbersOf, valueAt } from './contract';

const NBSP = '\u00a0';

const SITUATIONS: [string, () => GrowthAnalysis][] = [
  ['a busy week with urgent leads waiting and a complaint spike', busyWeek],
  ['a slow follow-up', () => slowFollowUp()],
  ['a slow follow-up with no 90th percentile', () => slowFollowUp(null)],
  ['no follow-up at all', noFollowUp],
  ['a drop in volume', volumeDrop],
  ['a quiet new client with few leads', quietClient],
  ['a client whose leads are 40 % French', frenchClient],
  ['no converted lead', noConversion],
  ['a franchise with figures in the thousands', franchise],
];

const written = (analysis: GrowthAnalysis) => offlineRecommendations(chooseAdvice(analysis));
const ids = (recommendations: readonly Recommendation[]) => recommendations.map((item) => item.id);
const byId = (recommendations: readonly Recommendation[], id: string) => {
  const found = recommendations.find((item) => item.id === id);
  if (!found) throw new Error(`no recommendation ${id} among ${ids(recommendations).join(', ')}`);
  return found;
};
const text = (item: Recommendation) => `${item.title}\n${item.body}`;

describe.each(SITUATIONS)('the recommendations for %s', (_, situation) => {
  const analysis = situation();
  const words = written(analysis);

  it(`gives ${MIN_RECOMMENDATIONS} to ${MAX_RECOMMENDATIONS} of them, the same advice in the same order in English and French`, () => {
    expect(words.en.length).toBeGreaterThanOrEqual(MIN_RECOMMENDATIONS);
    expect(words.en.length).toBeLessThanOrEqual(MAX_RECOMMENDATIONS);
    expect(ids(words.fr)).toEqual(ids(words.en));
    expect(new Set(ids(words.en)).size).toBe(words.en.length);
    words.en.forEach((en, index) => {
      const fr = words.fr[index]!;
      expect(fr.link).toEqual(en.link);
      expect(fr.evidence.map((item) => [item.figure, item.value])).toEqual(
        en.evidence.map((item) => [item.figure, item.value]),
      );
      expect(fr.title).not.toBe(en.title);
    });
  });

  for (const language of LANGUAGES) {
    it(`quotes in ${language} only numbers the analysis stored, each through its evidence`, () => {
      expectContract(words[language], analysis, language);
    });
  }

  it('quotes every figure it rests on in its words', () => {
    for (const language of LANGUAGES) {
      for (const item of words[language]) {
        for (const evidence of item.evidence)
          expect(text(item), `${item.id}: ${evidence.figure}`).toContain(evidence.display);
      }
    }
  });
});

describe('a busy week with urgent leads waiting and a complaint spike', () => {
  const analysis = busyWeek();
  const words = written(analysis);

  it('puts the urgent leads no one has called back first, then the complaints', () => {
    expect(ids(words.en)).toEqual([
      'waiting_high',
      'anomaly:complaint',
      'anomaly:billing',
      'anomaly:high_urgency',
      'speed',
    ]);
  });

  it('says how many urgent leads wait, and opens them oldest first', () => {
    const en = byId(words.en, 'waiting_high');
    expect(en.title).toBe('4 urgent leads are still waiting for you');
    expect(byId(words.fr, 'waiting_high').title).toBe('4 demandes urgentes attendent encore votre suivi');
    expect(en.evidence).toEqual([
      { label: 'Urgent leads waiting', figure: 'figures.counts.waitingHigh', value: 4, display: '4' },
    ]);
    expect(new URLSearchParams(en.link!.query).get('urgency')).toBe('High');
    expect(new URLSearchParams(en.link!.query).get('sort')).toBe('oldest');
  });

  it('quotes the complaints against their usual level, and opens the complaints of the week', () => {
    const en = byId(words.en, 'anomaly:complaint');
    expect(en.title).toBe('“Complaint”: 6 in the past seven days, 12× the usual');
    expect(en.body).toContain('You usually get 0.5 a week.');
    const fr = byId(words.fr, 'anomaly:complaint');
    expect(fr.title).toBe(`« Plainte » : 6 au cours des sept derniers jours, 12${NBSP}fois plus que d’habitude`);
    expect(fr.body).toContain('vous en recevez 0,5 par semaine');
    expect(en.evidence.map((item) => item.figure)).toEqual([
      'figures.anomalies.0.period',
      'figures.anomalies.0.ratio',
      'figures.anomalies.0.average',
    ]);
    expect(Object.fromEntries(new URLSearchParams(en.link!.query))).toEqual({
      intent: 'complaint',
      from: '2026-11-23T05:00:00.000Z',
    });
  });

  it('keeps the most pressing five when more advice applies', () => {
    const all = adviceFor(analysis);
    expect(all.length).toBeGreaterThan(MAX_RECOMMENDATIONS);
    expect(ids(words.en)).toEqual(all.slice(0, MAX_RECOMMENDATIONS).map((advice) => advice.id));
    // Left out this week: the missing automatic replies, the forecast, and the general advice.
    expect(all.map((advice) => advice.id)).toEqual(expect.arrayContaining(['coverage', 'forecast', 'urgency_first']));
  });

  it('does not call an intent already flagged as unusual "rising" a second time', () => {
    const all = adviceFor(analysis).map((advice) => advice.id);
    expect(all).toContain('rising:quote_request');
    expect(all).not.toContain('rising:complaint');
    expect(all).not.toContain('rising:billing');
  });
});

describe('one urgent lead waiting', () => {
  it('is written in the singular', () => {
    const analysis = noFollowUp();
    analysis.figures.counts.waitingHigh = 1;
    const words = written(analysis);
    expect(byId(words.en, 'waiting_high').title).toBe('1 urgent lead is still waiting for you');
    expect(byId(words.en, 'waiting_high').body).toMatch(/^It came in/);
    expect(byId(words.fr, 'waiting_high').title).toBe('1 demande urgente attend encore votre suivi');
    expect(byId(words.fr, 'waiting_high').body).toMatch(/^Elle est arrivée/);
  });
});

describe('a slow follow-up', () => {
  it('asks to answer sooner, with the median and the slowest tenth as durations', () => {
    const words = written(slowFollowUp());
    expect(ids(words.en)[0]).toBe('speed');
    const en = byId(words.en, 'speed');
    expect(en.title).toBe(`Answer sooner: your first follow-up took 3${NBSP}h${NBSP}6${NBSP}min (median)`);
    expect(en.body).toMatch(new RegExp(`^One lead in ten waited more than 2${NBSP}d${NBSP}3${NBSP}h\\. `));
    expect(byId(words.fr, 'speed').body).toContain(`plus de 2${NBSP}j${NBSP}3${NBSP}h.`);
    expect(en.evidence.map((item) => [item.figure, item.value])).toEqual([
      ['figures.speedToLead.firstAction.all.median', 186],
      ['figures.speedToLead.firstAction.all.p90', 3060],
    ]);
  });

  it('leaves the slowest tenth out when there is no 90th percentile', () => {
    const en = byId(written(slowFollowUp(null)).en, 'speed');
    expect(en.evidence).toHaveLength(1);
    expect(en.body).not.toContain('One lead in ten');
    expect(en.body).toMatch(/^The automatic reply buys you time/);
  });

  it('names the intent that grew, from the week before to this one', () => {
    const words = written(slowFollowUp());
    expect(byId(words.en, 'rising:support_request').title).toBe('“Support request”: up 50%, from 2 to 3');
    expect(byId(words.fr, 'rising:support_request').title).toBe(
      `« Demande de soutien » : hausse de 50${NBSP}%, de 2 à 3`,
    );
  });

  it('names the intent that converts best, from the intent it is about', () => {
    const analysis = slowFollowUp();
    const en = byId(written(analysis).en, 'converts:quote_request');
    expect(en.title).toBe('“Quote request” converts best: 20% became customers');
    const [rate] = en.evidence;
    expect(valueAt(analysis, rate!.figure.replace(/rate$/, 'key'))).toBe('quote_request');
    expect(en.link).toEqual({ screen: 'inbox', query: 'intent=quote_request' });
  });
});

describe('no follow-up at all', () => {
  it('says no lead got a personal follow-up, with the week’s lead count, instead of a speed figure', () => {
    const words = written(noFollowUp());
    expect(ids(words.en).slice(0, 2)).toEqual(['waiting_high', 'no_follow_up']);
    expect(ids(words.en)).not.toContain('speed');
    expect(ids(words.en)).not.toContain('speed_good');
    const en = byId(words.en, 'no_follow_up');
    expect(en.body).toContain('None of the 8 leads of the past seven days');
    expect(byId(words.fr, 'no_follow_up').body).toContain('Aucune des 8 demandes');
    expect(en.evidence.map((item) => [item.figure, item.value])).toEqual([['figures.counts.leads', 8]]);
  });
});

describe('a drop in volume', () => {
  it('comes first and sends the owner to check the form in Settings', () => {
    const words = written(volumeDrop());
    expect(ids(words.en)[0]).toBe('anomaly:volume_down');
    const en = byId(words.en, 'anomaly:volume_down');
    expect(en.title).toBe('Fewer leads: 3 in the past seven days, 0.3× the usual');
    expect(en.body).toMatch(/^You usually get 10 a week\./);
    expect(byId(words.fr, 'anomaly:volume_down').title).toContain(`0,3${NBSP}fois le niveau habituel`);
    expect(en.link).toEqual({ screen: 'settings', query: '' });
  });

  it('praises a fast follow-up (42.5 min median over 3 leads)', () => {
    const words = written(volumeDrop());
    expect(byId(words.en, 'speed_good').title).toBe(`You follow up fast: 42.5${NBSP}min (median)`);
    expect(byId(words.fr, 'speed_good').title).toBe(`Vous faites un suivi rapide : 42,5${NBSP}min (médiane)`);
  });
});

describe('a quiet new client with few leads', () => {
  it('still gets the three general pieces of advice, without figures it does not have', () => {
    const words = written(quietClient());
    expect(ids(words.en)).toEqual(['urgency_first', 'reply_tone', 'embed_more']);
    for (const item of [...words.en, ...words.fr]) expect(item.evidence).toEqual([]);
  });
});

describe('a client whose leads are 40 % French', () => {
  it('points out the share of French leads and opens them', () => {
    const words = written(frenchClient());
    const en = byId(words.en, 'languages');
    expect(en.title).toBe('40% of your leads write in French');
    expect(byId(words.fr, 'languages').title).toBe(`40${NBSP}% de vos demandes arrivent en français`);
    expect(en.evidence).toEqual([{ label: 'Leads in French', figure: 'languageRatio.fr', value: 40, display: '40%' }]);
    expect(en.link).toEqual({ screen: 'inbox', query: 'language=fr' });
  });

  it('is not given to a client with (almost) no French leads', () => {
    expect(ids(written(slowFollowUp()).en)).not.toContain('languages');
    expect(adviceFor(slowFollowUp()).map((advice) => advice.id)).not.toContain('languages');
  });
});

describe('no converted lead', () => {
  it('asks to tag the leads who become customers, quoting the leads so far', () => {
    const words = written(noConversion());
    const en = byId(words.en, 'tag_conversions');
    expect(en.body).toContain('None of your 25 leads is tagged Converted yet.');
    expect(byId(words.fr, 'tag_conversions').body).toContain('Aucune de vos 25 demandes');
    expect(ids(words.en).some((id) => id.startsWith('converts:'))).toBe(false);
  });

  it('is not asked of a client who tags conversions', () => {
    expect(adviceFor(slowFollowUp()).map((advice) => advice.id)).not.toContain('tag_conversions');
  });
});

describe('a franchise with figures in the thousands', () => {
  it('groups digits the way each language writes them', () => {
    const words = written(franchise());
    expect(byId(words.en, 'waiting_high').title).toBe('1,050 urgent leads are still waiting for you');
    expect(byId(words.fr, 'waiting_high').title).toBe(`1${NBSP}050 demandes urgentes attendent encore votre suivi`);
    expect(byId(words.en, 'coverage').title).toBe('Only 3,500 of 4,321 leads got the automatic reply');
    expect(byId(words.fr, 'coverage').title).toBe(
      `Seulement 3${NBSP}500 demandes sur 4${NBSP}321 ont reçu la réponse automatique`,
    );
    expect(byId(words.en, 'coverage').link).toEqual({
      screen: 'activity',
      query: 'action=replied&from=2026-11-23T05%3A00%3A00.000Z',
    });
  });
});

describe('a client with no lead at all', () => {
  it('gets no recommendation', () => {
    const analysis = noLead();
    expect(chooseAdvice(analysis)).toEqual([]);
    expect(written(analysis)).toEqual({ en: [], fr: [] });
  });
});

describe('the contract check itself', () => {
  const analysis = busyWeek();
  const [waiting, complaint] = written(analysis).en;

  it('catches a number that is not in the evidence', () => {
    expect(strayNumbersOf({ ...complaint!, body: `${complaint!.body} About 30% more than usual.` }, 'en')).toEqual([
      30,
    ]);
    expect(strayNumbersOf({ ...complaint!, title: `${complaint!.title} (7 days)` }, 'en')).toEqual([7]);
    expect(() => expectContract([{ ...waiting!, title: 'Call back the 5 urgent leads' }], analysis, 'en')).toThrow();
  });

  it('catches evidence that is not the analysis’s figure, or not written as its kind', () => {
    const evidence = complaint!.evidence;
    const wrongValue = { ...complaint!, evidence: [{ ...evidence[0]!, value: 7, display: '7' }, ...evidence.slice(1)] };
    expect(() => expectContract([wrongValue], analysis, 'en')).toThrow();
    const wrongKind = { ...complaint!, evidence: [evidence[0]!, { ...evidence[1]!, display: '12' }, evidence[2]!] };
    expect(() => expectContract([wrongKind], analysis, 'en')).toThrow();
    const wrongPath = { ...complaint!, evidence: [{ ...evidence[0]!, figure: 'figures.anomalies.1.period' }] };
    expect(() => expectContract([wrongPath], analysis, 'en')).toThrow();
  });

  it('catches a link to a filter the dashboard does not have', () => {
    for (const query of ['intent=complaints', 'urgency=Urgent', 'from=last-week', 'colour=red']) {
      expect(
        () => expectContract([{ ...waiting!, link: { screen: 'inbox', query } }], analysis, 'en'),
        query,
      ).toThrow();
    }
    expect(() =>
      expectContract([{ ...waiting!, link: { screen: 'activity', query: 'action=called' } }], analysis, 'en'),
    ).toThrow();
    expect(() =>
      expectContract(
        [{ ...waiting!, link: { screen: 'inbox', query: 'from=2026-11-16T05:00:00.000Z' } }],
        analysis,
        'en',
      ),
    ).toThrow();
  });
});
