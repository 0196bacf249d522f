import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Cloudflare from "cloudflare";
import { importJWK, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, media, startEmulator, uploadReadyVideo } from "./harness.ts";
import { expectMatchesSpec } from "./schema.ts";

let h: Harness;
let open: string;
let signed: string;
let key: { id: string; jwk: JWK; pem: string };

beforeAll(async () => {
  h = await startEmulator();
  [open, signed] = await Promise.all([uploadReadyVideo(h), uploadReadyVideo(h, { requireSignedURLs: true })]);
  const created = await h.cf.stream.keys.create({ account_id: h.account.accountId });
  key = {
    id: String(created.id),
    jwk: JSON.parse(Buffer.from(String(created.jwk), "base64").toString("utf8")) as JWK,
    pem: Buffer.from(String(created.pem), "base64").toString("utf8"),
  };
});
afterAll(() => h.close());

const now = () => Math.floor(Date.now() / 1000);
async function selfSign(jwk: JWK, kid: string, claims: Record<string, unknown>) {
  return new SignJWT({ kid, exp: now() + 3600, nbf: now() - 60, ...claims })
    .setProtectedHeader({ alg: "RS256", kid })
    .sign(await importJWK(jwk, "RS256"));
}
const manifest = (idOrToken: string) => fetch(`${h.account.customerDomain}/${idOrToken}/manifest/video.m3u8`);

describe("signing keys", () => {
  it("creates real RSA keys shown once as base64 PEM (PKCS#1) and base64 private JWK, lists and revokes them", async () => {
    expectMatchesSpec(
      "post",
      "/accounts/{account_id}/stream/keys",
      200,
      h.calls.find((c) => c.url.endsWith("/stream/keys"))?.body,
    );
    expect(key.pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(key.jwk).toMatchObject({ use: "sig", kty: "RSA", kid: key.id, alg: "RS256" });
    expect(Object.keys(key.jwk)).toEqual(expect.arrayContaining(["n", "e", "d", "p", "q", "dp", "dq", "qi"]));
    const list = await h.cf.stream.keys.get({ account_id: h.account.accountId });
    expectMatchesSpec("get", "/accounts/{account_id}/stream/keys", 200, h.last().body);
    expect(list.result.map((k) => k.id)).toContain(key.id);
    await expect(h.cf.stream.keys.delete("f".repeat(32), { account_id: h.account.accountId })).rejects.toBeInstanceOf(
      Cloudflare.NotFoundError,
    );
  });
});

describe("customer domain", () => {
  it("serves an HLS master, media playlist and segments, a JPEG thumbnail and the iframe for a ready video", async () => {
    const master = await manifest(open);
    expect(master.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    const text = await master.text();
    expect(text).toContain("#EXT-X-STREAM-INF:BANDWIDTH=");
    expect(text).toContain("RESOLUTION=320x240");
    const playlist = await (await fetch(`${h.account.customerDomain}/${open}/manifest/stream.m3u8`)).text();
    expect(playlist).toContain("#EXT-X-ENDLIST");
    const segment = await fetch(`${h.account.customerDomain}/${open}/manifest/seg/0.ts`);
    expect(new Uint8Array(await segment.arrayBuffer())[0]).toBe(0x47);

    const thumb = await fetch(
      `${h.account.customerDomain}/${open}/thumbnails/thumbnail.jpg?time=1s&width=160&height=90&fit=crop`,
    );
    const jpeg = Buffer.from(await thumb.arrayBuffer());
    expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const file = join(tmpdir(), `thumb-${process.pid}.jpg`);
    await writeFile(file, jpeg);
    expect(await media.probe(file)).toMatchObject({ width: 160, height: 90 });

    const iframe = await fetch(`${h.account.customerDomain}/${open}/iframe?autoplay=true&muted=true`);
    expect(await iframe.text()).toMatch(/<video[^>]*autoplay[^>]*muted[^>]*src="manifest\/video\.m3u8"/);
    expect((await fetch(`${h.account.customerDomain}/${"0".repeat(32)}/manifest/video.m3u8`)).status).toBe(404);
  });

  it("adds uploaded captions to the manifest", async () => {
    const account_id = h.account.accountId;
    // The SDK types `file` as a string: the VTT text travels as a plain form field.
    const file = "WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n";
    await h.cf.stream.captions.language.update("de", { account_id, identifier: open, file });
    const text = await (await manifest(open)).text();
    expect(text).toContain('TYPE=SUBTITLES,GROUP-ID="subs",NAME="Deutsch",LANGUAGE="de"');
    const subtitles = await fetch(`${h.account.customerDomain}/${open}/manifest/subs/de.vtt`);
    expect(await subtitles.text()).toContain("Hallo");
  });
});

describe("requireSignedURLs", () => {
  it("refuses the bare uid and opens with a valid RS256 token in its place", async () => {
    expect((await manifest(signed)).status).toBe(401);
    expect((await fetch(`${h.account.customerDomain}/${signed}/thumbnails/thumbnail.jpg`)).status).toBe(401);
    const token = await selfSign(key.jwk, key.id, { sub: signed });
    const response = await manifest(token);
    expect(response.status).toBe(200);
    // Relative playlist URIs keep the token in the path for every later request.
    expect((await fetch(`${h.account.customerDomain}/${token}/manifest/seg/0.ts`)).status).toBe(200);
  });

  it("answers 401 for an expired token, a token for another video and a token signed with a foreign key", async () => {
    const expired = await selfSign(key.jwk, key.id, { sub: signed, exp: now() - 10, nbf: now() - 100 });
    const otherVideo = await selfSign(key.jwk, key.id, { sub: open });
    const elsewhere = await h.emulator.createAccount();
    const foreignKey = await h.sdk(elsewhere.apiToken).stream.keys.create({ account_id: elsewhere.accountId });
    const foreignJwk = JSON.parse(Buffer.from(String(foreignKey.jwk), "base64").toString("utf8")) as JWK;
    const foreign = await selfSign(foreignJwk, key.id, { sub: signed });
    const tooLong = await selfSign(key.jwk, key.id, { sub: signed, exp: now() + 3 * 86_400 });
    // Another tenant's video: signed with our key, but its `sub` is not ours.
    const theirs = await h
      .sdk(elsewhere.apiToken)
      .stream.directUpload.create({ account_id: elsewhere.accountId, maxDurationSeconds: 5 });
    const anotherTenant = await selfSign(key.jwk, key.id, { sub: String(theirs.uid) });
    for (const token of [expired, foreign, tooLong, anotherTenant, "a.b.c"])
      expect((await manifest(token)).status).toBe(401);
    // A valid token for the open video plays that video, never the signed one.
    const opened = await (await manifest(otherVideo)).text();
    expect(opened).toContain("#EXTM3U");
    expect((await fetch(`${h.account.customerDomain}/${otherVideo}/manifest/seg/0.ts`)).status).toBe(200);
  });

  it("accepts exp/nbf as numeric strings and honours accessRules", async () => {
    const stringy = await selfSign(key.jwk, key.id, { sub: signed, exp: String(now() + 600), nbf: String(now() - 60) });
    expect((await manifest(stringy)).status).toBe(200);
    const blocked = await selfSign(key.jwk, key.id, {
      sub: signed,
      accessRules: [{ type: "ip.src", ip: ["10.0.0.0/8"], action: "block" }],
    });
    const headers = { "cf-connecting-ip": "10.1.2.3" };
    expect((await fetch(`${h.account.customerDomain}/${blocked}/manifest/video.m3u8`, { headers })).status).toBe(403);
  });

  it("signs through POST /stream/{uid}/token and revokes every token of a deleted key", async () => {
    const account_id = h.account.accountId;
    const { token } = await h.cf.stream.token.create(signed, { account_id });
    expectMatchesSpec("post", "/accounts/{account_id}/stream/{identifier}/token", 200, h.last().body);
    expect((await manifest(String(token))).status).toBe(200);
    const withOwnKey = await h.cf.stream.token.create(signed, {
      account_id,
      id: key.id,
      pem: Buffer.from(key.pem).toString("base64"),
    });
    expect((await manifest(String(withOwnKey.token))).status).toBe(200);

    const selfSigned = await selfSign(key.jwk, key.id, { sub: signed });
    expect(await h.cf.stream.keys.delete(key.id, { account_id })).toBe("Revoked");
    expectMatchesSpec("delete", "/accounts/{account_id}/stream/keys/{identifier}", 200, h.last().body);
    expect((await manifest(selfSigned)).status).toBe(401);
  });
});
