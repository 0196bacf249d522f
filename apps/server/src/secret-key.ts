import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { generateSecretKey, parseSecretKeys, type SecretKey } from "@marquee/auth";

/**
 * The keys that seal stored secrets: APP_SECRET_KEY when set; in embedded mode, a key
 * kept in DATA_DIR/secret.key (created on first start), so a demo needs no setup.
 */
export function loadSecretKeys(
  configured: SecretKey[] | null,
  dataDir: string,
): { keys: SecretKey[]; createdAt?: string } {
  if (configured) return { keys: configured };
  const path = resolve(dataDir, "secret.key");
  if (existsSync(path)) return { keys: parseSecretKeys(readFileSync(path, "utf8")) };
  writeFileSync(path, `${generateSecretKey()}\n`, { mode: 0o600 });
  return { keys: parseSecretKeys(readFileSync(path, "utf8")), createdAt: path };
}
