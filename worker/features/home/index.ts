/**
 * The home: what needs the client now (urgent leads no person has answered, new leads
 * today, automatic replies, the time to a first human action), each figure with its link
 * into the inbox or the activity log; empty, the dashboard shows the onboarding.
 */
export { homeRoutes } from './routes';
