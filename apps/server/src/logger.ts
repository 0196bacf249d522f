import { pino } from "pino";

export type Logger = pino.Logger;

export function createLogger(level: pino.LevelWithSilent): Logger {
  return pino({
    level,
    base: { service: "marquee" },
    // Belt and braces: whatever object is logged, these never reach the output.
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "headers.cookie",
        "*.headers.cookie",
        "passwordHash",
        "*.passwordHash",
      ],
      censor: "[redacted]",
    },
  });
}
