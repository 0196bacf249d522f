import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The parent reads the port from our first stdout line. It also holds our stdin open:
 * when the parent dies, even by SIGKILL, stdin ends and we exit instead of lingering.
 */
export function announceAndServe(server: Server, close: () => Promise<void>) {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port })}\n`);

  let stopping = false;
  const shutDown = async () => {
    // Let requests the load generator abandoned finish before the pool closes under them.
    const forced = setTimeout(() => server.closeAllConnections(), 2_000);
    await new Promise<void>((done) => {
      server.close(() => done());
      server.closeIdleConnections();
    });
    clearTimeout(forced);
    // Handlers of requests whose client hung up still run; let them finish their queries.
    await new Promise((done) => setTimeout(done, 500));
    await close();
  };
  const stop = () => {
    if (stopping) return;
    stopping = true;
    shutDown().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  process.stdin.on("end", stop);
  process.stdin.resume();
}
