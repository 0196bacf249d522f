import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import {
  type CloudflareEmulator,
  type CloudflareEmulatorOptions,
  createCloudflareEmulator,
} from "./cloudflare/index.ts";
import { createStripeEmulator, type StripeEmulator, type StripeEmulatorOptions } from "./stripe/index.ts";

type Listen = {
  /** 0 picks a free port. */
  port?: number;
  hostname?: string;
  /** Defaults to `http://<hostname>:<port>`; set it when clients reach the emulator by another address. */
  baseUrl?: string;
};

export type ServeOptions = Omit<CloudflareEmulatorOptions, "baseUrl"> & Listen;
export type ServeStripeOptions = Omit<StripeEmulatorOptions, "baseUrl"> & Listen;

export type ServedEmulator = { emulator: CloudflareEmulator; url: string; close: () => Promise<void> };
export type ServedStripeEmulator = { emulator: StripeEmulator; url: string; close: () => Promise<void> };

type Startable = { app: { fetch: (request: Request) => Response | Promise<Response> }; close: () => Promise<void> };

/** Binds first, then creates the emulator: its base URL needs the bound port, known only after listening. */
async function listen<E extends Startable>(listenOptions: Listen, create: (baseUrl: string) => E) {
  const { port = 0, hostname = "127.0.0.1", baseUrl } = listenOptions;
  let handle: (request: Request) => Response | Promise<Response> = () => new Response("starting", { status: 503 });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: (request) => handle(request), port, hostname }, () => resolve(started));
  });
  const bound = (server.address() as AddressInfo).port;
  const url = baseUrl ?? `http://${hostname}:${bound}`;
  const emulator = create(url);
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

/** Runs the Cloudflare emulator on its own HTTP server (standalone mode and tests). */
export async function serveCloudflareEmulator(options: ServeOptions = {}): Promise<ServedEmulator> {
  const { port, hostname, baseUrl, ...rest } = options;
  return listen({ port, hostname, baseUrl }, (url) => createCloudflareEmulator({ ...rest, baseUrl: url }));
}

/** Runs the Stripe emulator on its own HTTP server; point the SDK at it with `{ host, port, protocol: "http" }`. */
export async function serveStripeEmulator(options: ServeStripeOptions = {}): Promise<ServedStripeEmulator> {
  const { port, hostname, baseUrl, ...rest } = options;
  return listen({ port, hostname, baseUrl }, (url) => createStripeEmulator({ ...rest, baseUrl: url }));
}
