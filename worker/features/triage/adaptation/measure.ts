import type { CorrectionExample, Triage, TriageInput } from '../../../platform/ai/triage';
import { type LabelledLead, LabelledLeadError, parseLabelledLeads } from '../evaluation';

/** A labelled lead of one client, with when it came in (the format of adaptation-clients.jsonl). */
export interface ClientLead extends LabelledLead {
  client: string;
  receivedAt: string;
}

/**
 * Parses JSONL labelled leads that also name their client and when they came in; throws
 * LabelledLeadError naming the first malformed line, as parseLabelledLeads does.
 */
export function parseClientLeads(text: string): ClientLead[] {
  const lines = text.split(/\r?\n/);
  return parseLabelledLeads(text).map((lead) => {
    const record = JSON.parse(lines[lead.line - 1] ?? '') as Record<string, unknown>;
    const { client, receivedAt } = record;
    if (typeof client !== 'string' || client.trim() === '') {
      throw new LabelledLeadError(lead.line, '"client" must be a non-empty string');
    }
    if (typeof receivedAt !== 'string' || Number.isNaN(Date.parse(receivedAt))) {
      throw new LabelledLeadError(lead.line, '"receivedAt" must be a date-time string');
    }
    return { ...lead, client, receivedAt };
  });
}

export interface FieldScores {
  language: number;
  intent: number;
  urgency: number;
}

/** One client's later leads scored three ways. */
export interface ClientAdaptationReport {
  client: string;
  /** Leads in the earlier part, and how many of them the engine missed (the corrections). */
  earlier: number;
  corrections: number;
  /** Leads in the later part, the ones scored. */
  n: number;
  /** Accuracies 0–1 (three decimals) on the later part. */
  before: FieldScores;
  after: FieldScores;
  online: FieldScores;
  /** Corrections the online pass had gathered by its last lead. */
  onlineCorrections: number;
}

export interface AdaptationReport {
  clients: ClientAdaptationReport[];
  n: number;
  before: FieldScores;
  after: FieldScores;
  online: FieldScores;
}

/** The bound the learning loop puts on a client's corrections. */
export const MAX_CORRECTIONS = 200;
const FIELDS = ['language', 'intent', 'urgency'] as const;

/**
 * The time-split measure of adaptation. Per client, leads in the order they came in, split in
 * half: the engine's misses on the earlier half become that client's corrections (the label is
 * the client's answer; tone, which the labels lack, is kept as predicted), then the later half
 * is scored with no corrections (before), with the earlier half's (after), and online: each later
 * lead with every correction made before it, its own misses joining them once seen. Corrections
 * go to the engine newest first, at most MAX_CORRECTIONS, as the learning loop gives them.
 */
export function measureAdaptation(
  leads: readonly ClientLead[],
  triage: (input: TriageInput) => Triage,
): AdaptationReport {
  const byClient = new Map<string, ClientLead[]>();
  for (const lead of leads) byClient.set(lead.client, [...(byClient.get(lead.client) ?? []), lead]);
  const measured = [...byClient.keys()].sort().map((client) => {
    const ordered = [...(byClient.get(client) ?? [])].sort(
      (a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.line - b.line,
    );
    return measureClient(client, ordered, triage);
  });
  const n = measured.reduce((sum, { report }) => sum + report.n, 0);
  const pooled = (mode: keyof Counts): FieldScores => {
    const scores = zero();
    for (const field of FIELDS) scores[field] = rate(sum(measured.map(({ counts }) => counts[mode][field])), n);
    return scores;
  };
  return {
    clients: measured.map(({ report }) => report),
    n,
    before: pooled('before'),
    after: pooled('after'),
    online: pooled('online'),
  };
}

/** Correct answers on the later part, per mode. */
interface Counts {
  before: FieldScores;
  after: FieldScores;
  online: FieldScores;
}

function measureClient(
  client: string,
  ordered: readonly ClientLead[],
  triage: (input: TriageInput) => Triage,
): { report: ClientAdaptationReport; counts: Counts } {
  const split = Math.floor(ordered.length / 2);
  const earlier = ordered.slice(0, split);
  const later = ordered.slice(split);
  // Oldest first here; reversed (newest first) when handed to the engine.
  const corrections: CorrectionExample[] = [];
  for (const lead of earlier) {
    const correction = correctionOf(lead, triage(inputOf(lead)));
    if (correction) corrections.push(correction);
  }
  const given = (list: readonly CorrectionExample[]) => list.slice(-MAX_CORRECTIONS).reverse();
  const batch = given(corrections);
  const counts: Counts = { before: zero(), after: zero(), online: zero() };
  const online = [...corrections];
  for (const lead of later) {
    score(counts.before, lead, triage(inputOf(lead)));
    score(counts.after, lead, triage({ ...inputOf(lead), corrections: batch }));
    const seen = triage({ ...inputOf(lead), corrections: given(online) });
    score(counts.online, lead, seen);
    const correction = correctionOf(lead, seen);
    if (correction) online.push(correction);
  }
  const rates = (counted: FieldScores): FieldScores => ({
    language: rate(counted.language, later.length),
    intent: rate(counted.intent, later.length),
    urgency: rate(counted.urgency, later.length),
  });
  const report: ClientAdaptationReport = {
    client,
    earlier: earlier.length,
    corrections: corrections.length,
    n: later.length,
    before: rates(counts.before),
    after: rates(counts.after),
    online: rates(counts.online),
    onlineCorrections: online.length,
  };
  return { report, counts };
}

function inputOf(lead: ClientLead): TriageInput {
  return { name: lead.name, message: lead.message, businessName: lead.business, industry: lead.business };
}

/** The client's correction of a triage, or null when it got language, intent and urgency right. */
function correctionOf(lead: ClientLead, got: Triage): CorrectionExample | null {
  if (FIELDS.every((field) => got[field] === lead[field])) return null;
  return {
    message: lead.message,
    predicted: { language: got.language, intent: got.intent, urgency: got.urgency, tone: got.tone },
    actual: { language: lead.language, intent: lead.intent, urgency: lead.urgency, tone: got.tone },
  };
}

function score(counts: FieldScores, lead: ClientLead, got: Triage): void {
  for (const field of FIELDS) if (got[field] === lead[field]) counts[field] += 1;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const zero = (): FieldScores => ({ language: 0, intent: 0, urgency: 0 });
const rate = (count: number, n: number) => (n === 0 ? 0 : Math.round((count / n) * 1000) / 1000);
