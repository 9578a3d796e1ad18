import type { ReplyDraft } from '../../platform/ai/port';
import type { Triage } from '../../platform/ai/triage';

/**
 * Scores of one prompt execution for prompt_performance, 0–1. No ground truth exists when
 * a prompt runs (the outcome comes later, from the client's actions), so these measure what
 * can be checked at once: the output's form (consistency), whether it says everything it
 * should (completeness), and a quality blend of the two with the engine's own confidence.
 */
export interface PromptScores {
  consistency: number;
  completeness: number;
  quality: number;
}

const round3 = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;

/** A triage that reached the pipeline already passed the vocabulary check, so consistency is 1. */
export function scoreTriage(triage: Triage, message: string): PromptScores {
  const summary = triage.summary.trim();
  const checks = [
    summary.length >= 20,
    summary.length <= Math.max(400, message.length * 1.5),
    !summary.includes('\n\n'), // one paragraph
    triage.confidence > 0,
  ];
  const completeness = checks.filter(Boolean).length / checks.length;
  return { consistency: 1, completeness: round3(completeness), quality: round3(completeness * triage.confidence) };
}

export function scoreReply(
  draft: ReplyDraft,
  expected: { businessName: string; bookingLink: string | null; leadName: string },
): PromptScores {
  const body = draft.body;
  const firstName = expected.leadName.trim().split(/\s+/)[0] ?? '';
  const words = body.split(/\s+/).filter(Boolean).length;
  const consistency = [draft.subject.trim().length > 0, draft.subject.length <= 200, !/<[a-z][^>]*>/i.test(body)];
  const completeness = [
    body.includes(expected.businessName),
    expected.bookingLink === null || body.includes(expected.bookingLink),
    firstName === '' || body.includes(firstName) || /Madame|Monsieur|Dear/.test(body),
    words >= 25 && words <= 250,
  ];
  const share = (checks: boolean[]) => checks.filter(Boolean).length / checks.length;
  return {
    consistency: round3(share(consistency)),
    completeness: round3(share(completeness)),
    quality: round3((share(consistency) + share(completeness)) / 2),
  };
}
