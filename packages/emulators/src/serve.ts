import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import {
  type CloudflareEmulator,
  type CloudflareEmulatorOptions,
  createCloudflareEmulator,
} from "./cloudflare/index.ts";

export type ServeOptions = Omit<CloudflareEmulatorOptions, "baseUrl"> & {
  /** 0 picks a free port. */
  port?: number;
  hostname?: string;
  /** Defaults to `http://<hostname>:<port>`; set it when clients reach the emulator by another address. */
  baseUrl?: string;
};

export type ServedEmulator = { emulator: CloudflareEmulator; url: string; close: () => Promise<void> };

/** Runs the Cloudflare emulator on its own HTTP server (standalone mode and tests). */
export async function serveCloudflareEmulator(options: ServeOptions = {}): Promise<ServedEmulator> {
  const { port = 0, hostname = "127.0.0.1", baseUrl, ...rest } = options;
  // The base URL needs the bound port, which is known only after listening: bind first, attach the app after.
  let handle: (request: Request) => Response | Promise<Response> = () => new Response("starting", { status: 503 });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: (request) => handle(request), port, hostname }, () => resolve(started));
  });
  const bound = (server.address() as AddressInfo).port;
  const url = baseUrl ?? `http://${hostname}:${bound}`;
  const emulator = createCloudflareEmulator({ ...rest, baseUrl: url });
  handle = (request) => emulator.app.fetch(request);
  return {
    emulator,
    url,
    async close() {
      await emulator.close();
      // Keep-alive sockets (SDK clients, players) would hold the server open.
      if ("closeAllConnections" in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
