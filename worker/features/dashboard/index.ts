/** The dashboard SPA's shell: index.html for every /app path, with the dashboard's security headers. */
export { DASHBOARD_SECURITY_HEADERS, dashboardRoutes } from './routes';
