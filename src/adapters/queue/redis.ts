import type { JobQueue, QueueOptions } from '../../ports/job-queue.js';
export function redisJobQueue(_url: string, _options: QueueOptions): JobQueue {
  throw new Error('todo');
}
