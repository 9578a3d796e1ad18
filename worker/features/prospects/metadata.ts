import type { ProspectSource, ScoreExplanation, SiteEvidence } from '../../../schema/prospects-api';

/**
 * What `prospect_candidates.metadata` holds, as discovery and analysis write it. The
 * database documentation names it "discovery source, LinkedIn data, etc.": every source
 * that found the business, the ICPs it answered, the site analysis and the score's parts.
 */
export interface ProspectMetadata {
  sources?: ProspectSource[];
  /** Ids of the ICPs whose runs found it (the Prospects screen's ICP filter: `metadata @> {"icps": [id]}`). */
  icps?: string[];
  /** Other websites providers gave for the same business (merged on phone or name and city). */
  websites?: string[];
  /** Addresses providers listed: not evidence of publication, so never written to on their own. */
  providerEmails?: string[];
  /** A social or directory page a provider gave instead of a website. */
  social?: string[];
  employees?: number;
  linkedinUrl?: string;
  address?: string;
  country?: string;
  /** The last site analysis. */
  analysis?: { startedAt: string; completedAt: string; error: string | null; siteText?: string };
  evidence?: SiteEvidence;
  score?: ScoreExplanation;
}

export const asMetadata = (value: unknown): ProspectMetadata =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as ProspectMetadata) : {};
