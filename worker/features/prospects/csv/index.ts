/** Importing prospects from a staff member's CSV: bytes → text → rows → records and per-line errors. */
export { type CsvEncoding, decodeCsvBytes } from './decode';
export {
  type CsvMapping,
  type LineError,
  type MappedRows,
  type MappingProblem,
  mappingProblems,
  mapRows,
  normalizeCountry,
  normalizeProvince,
  PROSPECT_FIELD_LABELS,
  PROSPECT_FIELDS,
  type ProspectField,
  parseEmployees,
  REQUIRED_PROSPECT_FIELDS,
  suggestMapping,
  validateMapping,
} from './mapping';
export {
  type CsvDelimiter,
  type CsvLimits,
  type CsvProblem,
  type CsvRow,
  DEFAULT_CSV_LIMITS,
  type ParsedCsv,
  parseCsv,
} from './parse';
