/**
 * Translation: dictionary → cache → AI (translate.ts), the dictionary's fuzzy lookup and
 * glossary (dictionary.ts), and the staff's review of cached translations (routes.ts).
 */
export {
  FUZZY_THRESHOLD,
  findTerms,
  glossaryTerms,
  lookupTerm,
  nearKeyQuery,
  sameKeyQuery,
  type TermMatch,
  useFuzzyThreshold,
} from './dictionary';
export { translationRoutes } from './routes';
export { type TranslationRequest, type TranslationResult, translate } from './translate';
