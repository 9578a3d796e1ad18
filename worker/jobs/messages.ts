/**
 * Messages on the JOBS queue. Each kind of background work adds its message type to this
 * union and its handler to `jobs/consumer.ts`.
 */
export interface JobMessageBase {
  type: string;
}

export type JobMessage = JobMessageBase;
