/**
 * Connection health: whether each client's form still reaches Avenir, from integration_logs
 * and its leads (the rules so far; the views, banner and alert build on them).
 */
export { assessConnection, type HealthProblem, type HealthReport, problemKey } from './rules';
