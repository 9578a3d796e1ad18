import type { EmailTone, Language } from '../../../schema/vocabulary';
import type { OutreachLine, OutreachLineBrief } from './outreach-line';
import type { Triage, TriageInput } from './triage';

/** Which engine produced a result (stored in lead_memory.enrichment_engine and the histories). */
export type AiEngineName = 'openai' | 'offline';

/** A prompt variant from prompt_registry, as the engines use it. */
export interface PromptVariant {
  /** prompt_registry.id */
  id: string;
  /** prompt_registry.variant_id, e.g. "triage.en.v1" */
  variantId: string;
  /** The system prompt. */
  text: string;
  language: Language;
}

export interface AiUsage {
  model: string;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

/** A result and what it cost. `usage` is null for the offline engine. */
export interface AiResult<T> {
  value: T;
  engine: AiEngineName;
  usage: AiUsage | null;
  latencyMs: number;
}

/** What a reply is written from. */
export interface ReplyInput {
  /** `phone`: what the form's phone field held, when the lead gave one there. */
  lead: { name: string; message: string; phone?: string | null | undefined };
  triage: Triage;
  business: { name: string; tone: EmailTone; bookingLink: string | null; industry?: string | null | undefined };
}

/** A reply's words, before it becomes an email; `body` is plain text, paragraphs split by blank lines. */
export interface ReplyDraft {
  subject: string;
  body: string;
}

export type TranslationContext = 'lead_summary' | 'intent' | 'tone' | 'ui_text';

/** A verified dictionary term: how the business says `source` in the other language. */
export interface GlossaryTerm {
  source: string;
  target: string;
}

/** A title and a body, in one language. */
export interface Wording {
  title: string;
  body: string;
}

/**
 * What the growth recommendations are written from: the advice the analysis chose, each
 * with the figures it rests on as the reader will see them, and the deterministic writer's
 * draft. An engine rewords; it never adds advice, nor a number that is not a figure's.
 */
export interface InsightsBrief {
  business: { name: string; industry: string | null };
  advice: {
    id: string;
    facts: { label: Record<Language, string>; display: Record<Language, string> }[];
    draft: Record<Language, Wording>;
  }[];
}

export interface InsightsDraft {
  recommendations: ({ id: string } & Record<Language, Wording>)[];
}

/**
 * The AI port. Two adapters: OpenAI (platform/ai/openai.ts) and the offline engine
 * (features/triage/offline-engine.ts). Adapters throw `AiError` when they cannot answer; the caller
 * falls back to the offline engine.
 */
export interface AiEngine {
  readonly name: AiEngineName;
  triage(input: TriageInput, prompt: PromptVariant): Promise<AiResult<Triage>>;
  writeReply(input: ReplyInput, prompt: PromptVariant): Promise<AiResult<ReplyDraft>>;
  /**
   * null when this engine cannot translate (the offline engine). `glossary`: the verified
   * terms the text contains, with the translation the business uses; the engine keeps them.
   */
  translate(
    text: string,
    from: Language,
    to: Language,
    context: TranslationContext,
    glossary?: readonly GlossaryTerm[],
  ): Promise<AiResult<string> | null>;
  /** Rewords the week's recommendations; absent on engines that do not (the offline one writes its own). */
  writeInsights?(brief: InsightsBrief): Promise<AiResult<InsightsDraft>>;
  /** Writes a new variant of a prompt (mutation, crossover); absent on engines that cannot (offline). */
  evolvePrompt?(brief: EvolutionBrief): Promise<AiResult<EvolvedPrompt>>;
  /** Words an outreach email's first line from the prospect's facts; absent on engines that do not (offline: the draft is the line). */
  outreachFirstLine?(brief: OutreachLineBrief): Promise<AiResult<OutreachLine>>;
}

/**
 * What a prompt's child is written from. `mutation`: rewrite `parent` so it gets right the
 * examples it got wrong. `crossover`: combine the instructions of `parent` and `other`.
 */
export interface EvolutionBrief {
  type: 'mutation' | 'crossover';
  promptName: string;
  language: Language;
  parent: string;
  other: string | null;
  /** Messages the parent triaged wrong, with what it said and what the client said (bounded by the caller). */
  mistakes: { message: string; predicted: Record<string, string>; actual: Record<string, string> }[];
}

export interface EvolvedPrompt {
  text: string;
  /** What changed and why, in a sentence or two, for the staff reading the lineage. */
  rationale: string;
}

/** Why an adapter gave up; `retryable` says whether trying later might work. */
export class AiError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'rate_limited' | 'server' | 'malformed' | 'invalid_output' | 'refused' | 'network',
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AiError';
  }
}
