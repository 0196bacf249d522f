import { fileURLToPath } from "node:url";

/** The committed `drizzle/` folder, for tools that run from source (tests, bench, dev). */
export const migrationsFolder = fileURLToPath(new URL("../../../drizzle", import.meta.url));
