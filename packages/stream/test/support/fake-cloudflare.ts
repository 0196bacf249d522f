import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; headers: IncomingMessage["headers"]; body: Buffer };

/** What the fake answers; `hang` never answers, to exercise timeouts. */
export type FakeReply = { status: number; headers?: Record<string, string>; json?: unknown } | "hang";

export type FakeHandler = (request: RecordedRequest, index: number) => FakeReply;

export type FakeCloudflare = {
  baseUrl: string;
  requests: RecordedRequest[];
  setHandler(handler: FakeHandler): void;
  close(): Promise<void>;
};

export function envelope(result: unknown) {
  return { success: true, errors: [], messages: [], result };
}

export function failure(code: number, message: string) {
  return { success: false, errors: [{ code, message }], messages: [], result: null };
}

/** A scripted stand-in for api.cloudflare.com on a random local port, recording every request. */
export async function startFakeCloudflare(): Promise<FakeCloudflare> {
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  let handler: FakeHandler = () => ({ status: 500, json: failure(10002, "no handler") });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      const reply = handler(recorded, requests.length - 1);
      if (reply === "hang") {
        hanging.add(res);
        return;
      }
      const body = reply.json === undefined ? "" : JSON.stringify(reply.json);
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/client/v4`,
    requests,
    setHandler(next) {
      handler = next;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
