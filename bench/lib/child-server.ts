import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export type ChildServer = { port: number; pid: number; stop: () => Promise<void> };

const benchDir = fileURLToPath(new URL("..", import.meta.url));
const READY_TIMEOUT_MS = 20_000;

/** Starts `servers/<name>.ts` in its own process, so the load generator never shares its event loop. */
export async function startChildServer(
  name: string,
  env: Record<string, string>,
  /** E.g. `--cpu-prof`, which NODE_OPTIONS refuses. */
  nodeArgs: string[] = [],
): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", `servers/${name}.ts`], {
    cwd: benchDir,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const stop = () => stopChild(child);
  try {
    const port = await readPort(child, name);
    if (child.pid === undefined) throw new Error(`${name}: no pid`);
    return { port, pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function readPort(child: ChildProcess, name: string): Promise<number> {
  const stdout = child.stdout;
  if (!stdout) throw new Error(`${name}: no stdout`);
  const lines = createInterface({ input: stdout });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name}: not ready after ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    );
    child.once("exit", (code) => reject(new Error(`${name}: exited with code ${code} before listening`)));
    lines.once("line", (line) => {
      clearTimeout(timer);
      // Later lines are the server's own logs (pino writes to stdout); keep them visible.
      lines.on("line", (later) => process.stderr.write(`[${name}] ${later}\n`));
      const port = (JSON.parse(line) as { port?: unknown }).port;
      if (typeof port === "number") resolve(port);
      else reject(new Error(`${name}: expected {"port":…}, got ${line}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
