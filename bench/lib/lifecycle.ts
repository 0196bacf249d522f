import { stopRunningLoad } from "./measure.ts";

/** Registers what to undo once a resource is up; tasks run in reverse order. */
export type OnCleanup = (task: () => Promise<void>) => void;

/**
 * Runs one bench entry and undoes what it set up (children, then the database) on success,
 * on error and on Ctrl-C alike.
 */
export async function runBench(main: (onCleanup: OnCleanup) => Promise<void>) {
  const cleanups: (() => Promise<void>)[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanUp = () => {
    cleaning ??= (async () => {
      // Children first: their pools hold connections to the database we drop last.
      for (const task of cleanups.reverse()) {
        await task().catch((error: unknown) => console.error("cleanup failed:", error));
      }
    })();
    return cleaning;
  };
  let interrupted = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: stopping and dropping the bench database`);
      stopRunningLoad();
      void cleanUp().finally(() => process.exit(130));
    });
  }
  try {
    await main((task) => cleanups.push(task));
  } catch (error) {
    // After Ctrl-C the cut-short load fails its checks; that is not news.
    if (!interrupted) console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}
