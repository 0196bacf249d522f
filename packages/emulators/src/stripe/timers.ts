/** Every delayed job of the emulator, so `close()` can stop them all and tests end cleanly. */
export type Timers = {
  after: (ms: number, job: () => unknown) => void;
  every: (ms: number, job: () => unknown) => void;
  close: () => void;
};

export function createTimers(onError: (error: unknown) => void): Timers {
  const pending = new Set<NodeJS.Timeout>();
  let closed = false;
  const run = (job: () => unknown) =>
    Promise.resolve()
      .then(job)
      .catch((error: unknown) => {
        if (!closed) onError(error);
      });
  return {
    after(ms, job) {
      if (closed) return;
      const timer = setTimeout(() => {
        pending.delete(timer);
        void run(job);
      }, ms);
      pending.add(timer);
    },
    every(ms, job) {
      if (closed) return;
      // Unref'd: a periodic check must never keep a test process or the CLI alive on its own.
      const timer = setInterval(() => void run(job), ms).unref();
      pending.add(timer);
    },
    close() {
      closed = true;
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}
