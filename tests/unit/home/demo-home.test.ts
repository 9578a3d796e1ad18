import { describe, expect, it } from 'vitest';
import { DEMO_LEADS, DEMO_OWNER_ACTIONS } from '../../../scripts/lib/demo-leads';
import { triageOffline } from '../../../worker/features/triage';

/** `npm start`'s demo gives the home something to show: an urgent lead left waiting, and a first human action. */
describe('the demo inbox and its owner’s first moves', () => {
  const triaged = DEMO_LEADS.map((lead) => ({
    lead,
    triage: triageOffline({
      name: lead.name,
      message: lead.message,
      formLanguage: lead.language,
      businessName: 'Rénovations Démo Laval',
      industry: 'renovation',
    }),
  }));
  const acted = new Set(DEMO_OWNER_ACTIONS.map((step) => step.lead));

  it('acts only on leads the demo sends, none of them spam', () => {
    for (const name of acted) {
      const found = triaged.find(({ lead }) => lead.name === name);
      expect(found, name).toBeDefined();
      expect(['spam', 'vendor_pitch']).not.toContain(found!.triage.intent);
    }
  });

  it('leaves at least one High lead for no one to have answered yet', () => {
    const waiting = triaged.filter(({ lead, triage }) => triage.urgency === 'High' && !acted.has(lead.name));
    expect(waiting.map(({ lead }) => lead.name)).toContain('Sophie Tremblay');
  });
});
