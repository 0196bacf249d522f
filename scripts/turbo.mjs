// Runs turbo with a PATH it can use. Turbo looks pnpm up on PATH and spawns it from each
// package's directory, so a relative PATH entry (such as ./node_modules/.bin) resolves
// in the root and then fails inside the package. Keep absolute entries only, with the
// workspace's own bin (which holds the pinned pnpm) first.
import { spawnSync } from "node:child_process";
import { delimiter, isAbsolute, join } from "node:path";

const bin = join(import.meta.dirname, "..", "node_modules", ".bin");
const inherited = (process.env.PATH ?? "").split(delimiter).filter((entry) => entry && isAbsolute(entry));
const env = { ...process.env, PATH: [bin, ...inherited].join(delimiter), TURBO_TELEMETRY_DISABLED: "1" };
const result = spawnSync(join(bin, "turbo"), process.argv.slice(2), { stdio: "inherit", env });
process.exit(result.status ?? 1);
