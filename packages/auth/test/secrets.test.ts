import { describe, expect, it } from "vitest";
import { createSecretBox, generateSecretKey, maskSecret, parseSecretKeys } from "../src/secrets";

describe("secret box", () => {
  it("seals with AES-256-GCM under the current key and opens again", () => {
    const box = createSecretBox(parseSecretKeys(generateSecretKey()));
    const sealed = box.seal("cf-token-1234567890");
    expect(sealed).not.toContain("cf-token");
    expect(sealed.startsWith(`v1:${box.currentKeyId}:`)).toBe(true);
    expect(box.open(sealed)).toBe("cf-token-1234567890");
    expect(box.seal("same")).not.toBe(box.seal("same"));
  });

  it("opens secrets sealed under an older key after rotation", () => {
    const oldKey = generateSecretKey();
    const sealed = createSecretBox(parseSecretKeys(oldKey)).seal("rotate me");
    const rotated = createSecretBox(parseSecretKeys(`${generateSecretKey()},${oldKey}`));
    expect(rotated.open(sealed)).toBe("rotate me");
    expect(rotated.seal("new").split(":")[1]).toBe(rotated.currentKeyId);
  });

  it("refuses tampered ciphertexts and unknown keys", () => {
    const box = createSecretBox(parseSecretKeys(generateSecretKey()));
    const parts = box.seal("secret").split(":");
    parts[4] = Buffer.from("tampered").toString("base64url");
    expect(() => box.open(parts.join(":"))).toThrow();
    const other = createSecretBox(parseSecretKeys(generateSecretKey()));
    expect(() => other.open(box.seal("x"))).toThrow(/not configured/);
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => parseSecretKeys("c2hvcnQ=")).toThrow(/32 bytes/);
    expect(() => parseSecretKeys("")).toThrow();
  });

  it("masks all but the last four characters", () => {
    expect(maskSecret("abcdefgh1234")).toBe("••••1234");
  });
});
