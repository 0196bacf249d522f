import { createPublicKey, generateKeyPairSync, type JsonWebKey } from "node:crypto";
import { decodeProtectedHeader, jwtVerify } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_TOKEN_LIFETIME_SECONDS, signPlaybackToken } from "../src/tokens";

const KEY_ID = "8f926b2b9e2b4b7f8e4b6f2f5d0b4c3a";
const VIDEO_UID = "d".repeat(32);
const NOW = new Date("2026-11-23T12:00:00Z");
const NOW_SECONDS = NOW.getTime() / 1000;

/** A key shaped like Cloudflare's keys.create answer: PKCS#1 PEM and a private JWK, both base64. */
function cloudflareStyleKey(kid: string) {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const jwk: JsonWebKey = { ...privateKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  return {
    pem,
    jwk,
    pemBase64: Buffer.from(pem).toString("base64"),
    jwkBase64: Buffer.from(JSON.stringify(jwk)).toString("base64"),
    publicKey: createPublicKey(privateKey),
  };
}

let key: ReturnType<typeof cloudflareStyleKey>;
let foreign: ReturnType<typeof cloudflareStyleKey>;

beforeAll(() => {
  key = cloudflareStyleKey(KEY_ID);
  foreign = cloudflareStyleKey("other");
});

describe("signPlaybackToken", () => {
  it("signs RS256 with kid in header and claims, sub, exp 24 h ahead and nbf", async () => {
    const token = await signPlaybackToken({ keyId: KEY_ID, privateKey: key.jwkBase64, videoUid: VIDEO_UID, now: NOW });
    expect(decodeProtectedHeader(token)).toEqual({ alg: "RS256", kid: KEY_ID });
    const { payload } = await jwtVerify(token, key.publicKey, { currentDate: NOW, algorithms: ["RS256"] });
    expect(payload).toEqual({
      sub: VIDEO_UID,
      kid: KEY_ID,
      exp: NOW_SECONDS + MAX_TOKEN_LIFETIME_SECONDS,
      nbf: NOW_SECONDS - 60,
    });
  });

  it("accepts the key in every form Cloudflare hands out or people paste", async () => {
    for (const privateKey of [key.pemBase64, key.pem, key.jwkBase64, JSON.stringify(key.jwk), key.jwk]) {
      const token = await signPlaybackToken({ keyId: KEY_ID, privateKey, videoUid: VIDEO_UID, now: NOW });
      await expect(jwtVerify(token, key.publicKey, { currentDate: NOW })).resolves.toBeTruthy();
    }
  });

  it("never lets a token live longer than 24 hours", async () => {
    const token = await signPlaybackToken({
      keyId: KEY_ID,
      privateKey: key.pem,
      videoUid: VIDEO_UID,
      expiresInSeconds: 7 * 24 * 3600,
      now: NOW,
    });
    const { payload } = await jwtVerify(token, key.publicKey, { currentDate: NOW });
    expect(payload.exp).toBe(NOW_SECONDS + 24 * 3600);
  });

  it("carries a short lifetime, notBefore, access rules and downloadable", async () => {
    const accessRules = [
      { type: "ip.geoip.country" as const, action: "allow" as const, country: ["US", "MX"] },
      { type: "any" as const, action: "block" as const },
    ];
    const token = await signPlaybackToken({
      keyId: KEY_ID,
      privateKey: key.pem,
      videoUid: VIDEO_UID,
      expiresInSeconds: 600,
      notBefore: new Date(NOW.getTime() + 30_000),
      accessRules,
      downloadable: true,
      now: NOW,
    });
    const { payload } = await jwtVerify(token, key.publicKey, { currentDate: new Date(NOW.getTime() + 60_000) });
    expect(payload).toMatchObject({ exp: NOW_SECONDS + 600, nbf: NOW_SECONDS + 30, accessRules, downloadable: true });
  });

  it("does not verify with another key", async () => {
    const token = await signPlaybackToken({ keyId: "other", privateKey: foreign.jwk, videoUid: VIDEO_UID, now: NOW });
    await expect(jwtVerify(token, key.publicKey, { currentDate: NOW })).rejects.toThrow();
  });

  it("refuses a JWK that belongs to another key id, more than five rules, and no lifetime", async () => {
    await expect(signPlaybackToken({ keyId: KEY_ID, privateKey: foreign.jwk, videoUid: VIDEO_UID })).rejects.toThrow(
      /belongs to key other/,
    );
    const rule = { type: "any" as const, action: "allow" as const };
    await expect(
      signPlaybackToken({ keyId: KEY_ID, privateKey: key.pem, videoUid: VIDEO_UID, accessRules: Array(6).fill(rule) }),
    ).rejects.toThrow(/at most 5/);
    await expect(
      signPlaybackToken({ keyId: KEY_ID, privateKey: key.pem, videoUid: VIDEO_UID, expiresInSeconds: 0 }),
    ).rejects.toThrow(RangeError);
    await expect(signPlaybackToken({ keyId: KEY_ID, privateKey: "bm90IGEga2V5", videoUid: VIDEO_UID })).rejects.toThrow(
      /neither a PEM block nor a JWK/,
    );
  });
});
