/**
 * The offline engine: lead triage and reply writing by EN/FR heuristics, behind the AI
 * port, so everything runs with no AI configured and answers when the AI fails. Pure: no I/O.
 */
export {
  type Adaptation,
  type AdaptationReport,
  adaptTriage,
  type ClientAdaptationReport,
  type ClientLead,
  type FieldScores,
  learnAdaptation,
  measureAdaptation,
  parseClientLeads,
  type RuledTriage,
} from './adaptation';
export { evaluateTriage, LabelledLeadError, parseLabelledLeads } from './evaluation';
export { triageOffline } from './offline';
export { offlineAi } from './offline-engine';
export { composeReply } from './reply/compose';
export { type LabelledReply, LabelledReplyError, parseLabelledReplies } from './reply/labelled-replies';
export { measureReplies, type ReplyReport } from './reply/measure';
export { checkReply, type PropertyFailure, type ReplyProperty } from './reply/properties';
