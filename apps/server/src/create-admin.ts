import { createInterface } from "node:readline/promises";
import { ensurePlatformAdmin } from "@marquee/api";
import { emailSchema, passwordSchema } from "@marquee/api/validators";
import { hashPassword } from "@marquee/auth";
import type { Env } from "./env";
import { openConfiguredDatabase } from "./main";

/** `create-admin <email>`: promotes an existing account, or creates one after asking for a password. */
export async function createAdminCommand(env: Env, args: string[]): Promise<number> {
  const email = emailSchema.safeParse(args[0] ?? "");
  if (!email.success) {
    process.stderr.write("Usage: create-admin <email>   (a valid email address is required)\n");
    return 1;
  }
  const database = await openConfiguredDatabase(env);
  try {
    if ((await ensurePlatformAdmin(database.db, email.data)) === "promoted") {
      process.stdout.write(`${email.data} is now a platform admin.\n`);
      return 0;
    }
    const password = passwordSchema.safeParse(await readPassword());
    if (!password.success) {
      process.stderr.write(`${password.error.issues[0]?.message ?? "Invalid password"}\n`);
      return 1;
    }
    await ensurePlatformAdmin(database.db, email.data, await hashPassword(password.data));
    process.stdout.write(`Created platform admin ${email.data}.\n`);
    return 0;
  } finally {
    await database.close();
  }
}

/** From a terminal, asks without echoing; from a pipe, reads the first line. */
async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (!process.stdin.isTTY) {
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return "";
  }
  process.stdout.write("Password for the new platform admin (at least 8 characters): ");
  const write = process.stdout.write.bind(process.stdout);
  // Mute the echo of typed characters while the question is open.
  process.stdout.write = ((chunk: string | Uint8Array) =>
    chunk === "\n" || chunk === "\r\n" ? write(chunk) : true) as typeof process.stdout.write;
  try {
    return await rl.question("");
  } finally {
    process.stdout.write = write;
    rl.close();
    write("\n");
  }
}
