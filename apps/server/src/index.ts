import { createAdminCommand } from "./create-admin";
import { EnvError, loadEnv } from "./env";
import { createLogger } from "./logger";
import { startServer } from "./main";

let env: ReturnType<typeof loadEnv>;
try {
  env = loadEnv(process.env);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
  process.exit(1);
}

if (process.argv[2] === "create-admin") {
  process.exit(await createAdminCommand(env, process.argv.slice(3)));
}

const logger = createLogger(env.logLevel);
try {
  const { stop } = await startServer(env, logger);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      stop(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
} catch (error) {
  logger.fatal({ err: error }, "could not start");
  process.exit(1);
}
