import { onEventsConnected, workbench } from './client';
import { jobRunner } from './jobRunner';

export { jobOutcome, type JobArgs } from './jobRunner';

/**
 * The app's jobs (server-issued ids): `runJob(method, args)` starts one and answers its result
 * when it has ended (a failure or a cancel throws a CallError with the job's code);
 * `waitForJob(id)` waits for one found with jobs.list; `onJobStarted` tells the tray.
 */
const jobs = jobRunner(workbench, onEventsConnected);

export const runJob = jobs.runJob;
export const waitForJob = jobs.waitForJob;
export const onJobStarted = jobs.onJobStarted;
