/**
 * Connection health: whether each client's form still reaches Avenir, from integration_logs
 * and its leads. The rules (rules.ts), the client's and the staff's views (routes.ts), the
 * alert told once per problem and the log's 90-day rollup (job.ts).
 */
export { connectionHealthCron, connectionHealthJob, integrationLogRetentionJob } from './job';
export { connectionHealthRoutes } from './routes';
export { assessConnection, type HealthProblem, type HealthReport, problemKey } from './rules';
