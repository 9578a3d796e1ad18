/**
 * Per-client adaptation of the offline triage: what a client's own corrections teach the rule
 * engine about messages like the ones it corrected. Pure and deterministic.
 */
export { decideField, type Evidence, type FieldDecision } from './adapt';
export { adaptTriage, type RuledTriage } from './apply';
export { messageFeatures, stemOf, wordsOf } from './features';
export {
  type AdaptationReport,
  type ClientAdaptationReport,
  type ClientLead,
  type FieldScores,
  MAX_CORRECTIONS,
  measureAdaptation,
  parseClientLeads,
} from './measure';
export { type Adaptation, type LearnedExample, learnAdaptation, type Neighbour, neighboursOf } from './model';
