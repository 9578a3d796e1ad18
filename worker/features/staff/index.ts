/** What Avenir's staff do across clients: switch into a client's dashboard, list and create clients. */
export { staffRoutes } from './routes';
