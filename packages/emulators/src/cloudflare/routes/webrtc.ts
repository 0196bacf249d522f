import { type Context, Hono } from "hono";
import { cors } from "hono/cors";
import { accountOfCustomer, resolveTarget } from "../cdn-access.ts";
import type { Emulator } from "../context.ts";
import { customerDomainBase } from "../urls.ts";
import { type SessionKind, SessionRefused } from "../webrtc/hub.ts";

/** Browsers POST `application/sdp` cross-origin (so a preflight) and must read `Location` to hang up later. */
export const signallingCors = cors({
  origin: (origin) => origin || "*",
  allowMethods: ["POST", "DELETE", "PATCH", "OPTIONS"],
  allowHeaders: ["Content-Type", "Authorization"],
  exposeHeaders: ["Location", "Content-Length"],
  maxAge: 600,
});

const kinds: SessionKind[] = ["publish", "play"];

async function readOffer(c: Context): Promise<string> {
  if (!/^application\/sdp\b/i.test(c.req.header("content-type") ?? ""))
    throw new SessionRefused(415, "Content-Type must be application/sdp");
  const sdp = await c.req.text();
  if (!sdp.startsWith("v=0")) throw new SessionRefused(400, "The body is not an SDP offer");
  return sdp;
}

/** WHIP publish and WHEP play on the customer domain (fact sheet §7.3): POST an offer, 201 with the answer. */
export function webRtcRoutes(emu: Emulator) {
  const app = new Hono();
  const answered = async (c: Context, url: string, negotiate: () => Promise<{ sessionId: string; answer: string }>) => {
    try {
      const { sessionId, answer } = await negotiate();
      return c.body(answer, 201, { "content-type": "application/sdp", location: `${url}/${sessionId}` });
    } catch (error) {
      if (error instanceof SessionRefused) return c.text(error.message, error.status);
      throw error;
    }
  };

  // The secret in the path is the credential: it names the input (and changes with rotate_keys).
  app.post("/:customer/:secret/webRTC/publish", async (c) => {
    const account = accountOfCustomer(emu, c.req.param("customer"));
    const secret = c.req.param("secret");
    const input =
      account && emu.store.state.liveInputs.find((l) => l.accountId === account.id && l.webRtcSecret === secret);
    if (!input) return c.text("No live input has this WHIP URL", 404);
    const url = `${customerDomainBase(emu.baseUrl, account.customerCode)}/${secret}/webRTC/publish`;
    return answered(c, url, async () => {
      emu.webrtc.checkPublish(input);
      return emu.webrtc.publish(emu, input, await readOffer(c));
    });
  });

  // The input uid or a signed token, checked like an HLS manifest: signing, access rules, allowed origins.
  app.post("/:customer/:id/webRTC/play", async (c) => {
    const found = await resolveTarget(emu, c, { requireSigning: true });
    if ("status" in found) return c.text(found.message, found.status);
    const input = found.input;
    if (!input) return c.text("WebRTC playback is only for live inputs", 404);
    const url = `${customerDomainBase(emu.baseUrl, found.account.customerCode)}/${c.req.param("id")}/webRTC/play`;
    return answered(c, url, async () => {
      emu.webrtc.checkPlay(input);
      return emu.webrtc.play(input, await readOffer(c));
    });
  });

  for (const kind of kinds) {
    app.delete(`/:customer/:id/webRTC/${kind}/:session`, (c) => {
      const account = accountOfCustomer(emu, c.req.param("customer"));
      const ended = account ? emu.webrtc.end(account.id, c.req.param("session"), kind) : false;
      return ended ? c.body(null, 200) : c.text("No such session (already ended?)", 404);
    });
    // No trickle ICE or ICE restarts (the answer is complete), so PATCH on a session is not allowed.
    app.patch(`/:customer/:id/webRTC/${kind}/:session`, (c) =>
      c.text("Trickle ICE is not supported: the answer carries every candidate", 405, { allow: "DELETE" }),
    );
  }
  app.all("/:customer/:id/webRTC/*", (c) => c.text("Not found", 404));
  return app;
}
