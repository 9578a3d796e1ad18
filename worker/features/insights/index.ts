/**
 * Growth insights: the weekly analysis of each client's leads (growth_brain), the Insights
 * screen's API, the "Growth Copilot" refresh, and the Monday digest with its "turn off" link.
 */
export { analyzeLeads } from './analysis';
export { digestRoutes } from './digest-routes';
export { intelligenceAnalysisJob } from './job';
export { insightsRoutes } from './routes';
export { weeklyInsights } from './weekly';
