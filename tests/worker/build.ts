import { buildWorker } from '../../scripts/lib/worker';

/** Global setup of the worker lane: bundle the Worker once for all its test files. */
export default buildWorker;
