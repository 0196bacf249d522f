/** Every delayed job of the emulator, so `close()` can stop them all and tests end cleanly. */
export type Timers = {
  after: (ms: number, job: () => unknown) => void;
  sleep: (ms: number) => Promise<void>;
  closed: () => boolean;
  close: () => void;
};

export function createTimers(onError: (error: unknown) => void): Timers {
  const pending = new Set<NodeJS.Timeout>();
  let closed = false;
  return {
    after(ms, job) {
      if (closed) return;
      const timer = setTimeout(() => {
        pending.delete(timer);
        Promise.resolve()
          .then(job)
          .catch((error: unknown) => {
            if (!closed) onError(error);
          });
      }, ms);
      pending.add(timer);
    },
    sleep(ms) {
      return new Promise((resolve) => {
        if (closed) return;
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve();
        }, ms);
        pending.add(timer);
      });
    },
    closed: () => closed,
    close() {
      closed = true;
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}
