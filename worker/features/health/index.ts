/** `/healthz`: a real round trip to the database, and whether its schema is the code's. */
export { checkHealth, EXPECTED_SCHEMA, type HealthReport } from './check';
export { healthRoutes } from './routes';
