import * as v from 'valibot';
import { classifyTrackingRequest, MACHINE_KINDS, type MachineKind } from './machine-events';

/**
 * The tracking classifier measured on labelled request shapes (the format of
 * tests/fixtures/tracking-heldout.jsonl, written blind to the rules): whether each event
 * is a person or a machine, and which machine.
 */

const labelledEvent = v.object({
  id: v.string(),
  kind: v.picklist(['open', 'click']),
  method: v.string(),
  userAgent: v.nullable(v.string()),
  ip: v.nullable(v.string()),
  secondsAfterDelivery: v.nullable(v.number()),
  headers: v.record(v.string(), v.string()),
  burst: v.optional(v.object({ linksClickedWithin10s: v.number() })),
  label: v.picklist(['human', 'machine']),
  machineKind: v.nullable(v.picklist(MACHINE_KINDS)),
});
export type LabelledEvent = v.InferOutput<typeof labelledEvent>;

export function parseLabelledEvents(text: string): LabelledEvent[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = v.safeParse(labelledEvent, JSON.parse(line));
      if (!parsed.success) throw new Error(`line ${index + 1}: ${parsed.issues[0].message}`);
      return parsed.output;
    });
}

export interface TrackingReport {
  n: number;
  /** Person or machine right. */
  accuracy: number;
  /** Machines counted as people, over all machines: what inflates the figures. */
  machinesCountedAsPeople: number;
  /** People not counted, over all people: what hides real interest. */
  peopleMissed: number;
  /** Among machines caught, the kind named right. */
  kindAccuracy: number;
  misses: { id: string; expected: string; got: string; reasons: string[] }[];
}

export function measureTracking(events: LabelledEvent[]): TrackingReport {
  let right = 0;
  let machines = 0;
  let machinesAsPeople = 0;
  let people = 0;
  let peopleMissed = 0;
  let caught = 0;
  let kindRight = 0;
  const misses: TrackingReport['misses'] = [];
  for (const event of events) {
    const verdict = classifyTrackingRequest({
      kind: event.kind,
      method: event.method,
      userAgent: event.userAgent,
      ip: event.ip,
      headers: Object.fromEntries(Object.entries(event.headers).map(([name, value]) => [name.toLowerCase(), value])),
      secondsAfterDelivery: event.secondsAfterDelivery,
      linksClickedWithin10s: event.burst?.linksClickedWithin10s ?? 1,
    });
    const expected: MachineKind | 'human' = event.label === 'human' ? 'human' : (event.machineKind ?? 'bot');
    const got: MachineKind | 'human' = verdict.human ? 'human' : (verdict.machineKind ?? 'bot');
    if (event.label === 'human') {
      people++;
      if (!verdict.human) peopleMissed++;
    } else {
      machines++;
      if (verdict.human) machinesAsPeople++;
      else {
        caught++;
        if (got === expected) kindRight++;
      }
    }
    if (verdict.human === (event.label === 'human')) right++;
    if (got !== expected) misses.push({ id: event.id, expected, got, reasons: verdict.reasons });
  }
  const share = (count: number, of: number) => (of === 0 ? 0 : Math.round((count / of) * 1000) / 1000);
  return {
    n: events.length,
    accuracy: share(right, events.length),
    machinesCountedAsPeople: share(machinesAsPeople, machines),
    peopleMissed: share(peopleMissed, people),
    kindAccuracy: share(kindRight, caught),
    misses,
  };
}
