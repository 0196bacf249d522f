import type { Context, MiddlewareHandler } from "hono";
import { codes, failureBody } from "./envelope.ts";
import { randomHex } from "./ids.ts";

/**
 * One injected fault. `path` is a regular expression tested against the path below the emulator's base URL
 * (e.g. `^/client/v4/accounts/[^/]+/stream$`). Without `status` the rule only adds latency.
 * `times` limits it to the next N matching calls; `durationMs` to a time window from now.
 */
export type FaultRule = {
  path: string;
  method?: string;
  status?: number;
  retryAfterSeconds?: number;
  latencyMs?: number;
  times?: number;
  durationMs?: number;
};

export type ActiveFault = FaultRule & { id: string; hits: number; until: number | null };

export type Faults = {
  rules: ActiveFault[];
  latencyMs: number;
  add: (rule: FaultRule) => ActiveFault;
  clear: () => void;
  middleware: (basePath: string) => MiddlewareHandler;
};

/** The GraphQL API answers in GraphQL's shape even when failing, with the messages its error docs list. */
function graphqlFault(c: Context, rule: ActiveFault) {
  const limited = rule.status === 429;
  const message = limited
    ? "rate limiter budget depleted, try again after 5 minutes"
    : rule.status === 503
      ? "unable to execute query, please try again later"
      : "Internal server error";
  const headers: Record<string, string> = limited ? { "retry-after": String(rule.retryAfterSeconds ?? 1) } : {};
  return c.json({ data: null, errors: [{ message, extensions: {} }] }, rule.status as 500, headers);
}

export function createFaults(now: () => Date, latencyMs = 0): Faults {
  const faults: Faults = {
    rules: [],
    latencyMs,
    add(rule) {
      // Compiled once here so a bad pattern fails the control call rather than every later request.
      new RegExp(rule.path);
      const active = {
        ...rule,
        id: randomHex(8),
        hits: 0,
        until: rule.durationMs ? now().getTime() + rule.durationMs : null,
      };
      faults.rules.push(active);
      return active;
    },
    clear() {
      faults.rules = [];
    },
    middleware: (basePath) => async (c, next) => {
      const path = c.req.path.startsWith(basePath) ? c.req.path.slice(basePath.length) : c.req.path;
      if (path.startsWith("/__emulator")) return next();
      const time = now().getTime();
      faults.rules = faults.rules.filter(
        (r) => (r.until === null || r.until > time) && (r.times === undefined || r.hits < r.times),
      );
      const rule = faults.rules.find(
        (r) => (!r.method || r.method.toUpperCase() === c.req.method) && new RegExp(r.path).test(path),
      );
      const delay = faults.latencyMs + (rule?.latencyMs ?? 0);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      if (!rule?.status) return next();
      rule.hits++;
      if (path === "/client/v4/graphql") return graphqlFault(c, rule);
      if (rule.status === 429) {
        const retryAfter = String(rule.retryAfterSeconds ?? 1);
        const body = failureBody([
          { code: codes.rateLimited, message: "Please wait and consider throttling your request speed" },
        ]);
        return c.json(body, 429, { "retry-after": retryAfter });
      }
      const message = `Injected fault: HTTP ${rule.status} from the emulator`;
      return c.json(failureBody([{ code: codes.internal, message }]), rule.status as 500);
    },
  };
  return faults;
}
