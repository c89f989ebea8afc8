/**
 * The queue's workers share the event loop with the webhook server. A burst of deliveries is answered before
 * its jobs start: the gate opens once no job was accepted for `quietMs`, at most `maxMs` after the first job
 * that waits behind it (a steady stream of deliveries does not hold the jobs back longer). Both queue adapters
 * wait on it before a worker takes a job.
 */
export interface BurstGate {
  /** A job was accepted: (re)arm the gate. */
  accepted(): void;
  isOpen(): boolean;
  /** Resolves once the gate is open (at once when it is). */
  opened(): Promise<void>;
  /** Open it now for good (the queue closes). */
  close(): void;
}

export function burstGate(quietMs: number, maxMs: number): BurstGate {
  let timer: NodeJS.Timeout | undefined;
  let firstAt = 0;
  let closed = false;
  let waiters: (() => void)[] = [];
  const open = () => {
    timer = undefined;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };
  return {
    accepted() {
      if (closed) return;
      const now = Date.now();
      if (!timer) firstAt = now;
      clearTimeout(timer);
      timer = setTimeout(open, Math.max(0, Math.min(quietMs, firstAt + maxMs - now)));
    },
    isOpen: () => timer === undefined,
    opened: () => (timer === undefined ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
    close() {
      closed = true;
      clearTimeout(timer);
      open();
    },
  };
}
