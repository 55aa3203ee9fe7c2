import { AppError, type AppErrorData } from '../../../shared/ipc/result';
import type { JobState } from '../../../shared/exchange/schema';
import { newId } from '../support/ids';

type Exported = NonNullable<JobState['exported']>;

/**
 * Long exports run in the background of the services process while the renderer polls their progress.
 * Finished jobs are forgotten after a while; the files they wrote stay in the outgoing folder.
 */
export class Jobs {
  private readonly jobs = new Map<string, JobState & { finishedAt?: number }>();

  start(work: (progress: (done: number, total: number) => void) => Promise<Exported>): JobState {
    this.expire();
    const jobId = newId();
    const job: JobState & { finishedAt?: number } = { jobId, state: 'running', done: 0, total: 0 };
    this.jobs.set(jobId, job);
    work((done, total) => {
      job.done = done;
      job.total = total;
    }).then(
      (exported) => {
        Object.assign(job, { state: 'done', exported, done: job.total, finishedAt: Date.now() });
      },
      (error: unknown) => {
        Object.assign(job, { state: 'failed', error: toErrorData(error), finishedAt: Date.now() });
      },
    );
    return this.get(jobId);
  }

  get(jobId: string): JobState {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not-found', 'This export is no longer running. Start it again.');
    const { finishedAt: _finishedAt, ...state } = job;
    return { ...state };
  }

  private expire(): void {
    const hourAgo = Date.now() - 60 * 60 * 1000;
    for (const [id, job] of this.jobs) if (job.finishedAt !== undefined && job.finishedAt < hourAgo) this.jobs.delete(id);
  }
}

function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  return { code: 'internal', message: 'The package could not be written. Nothing was exported.' };
}
