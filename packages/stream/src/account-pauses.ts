/** Cloudflare blocks a rate-limited account for up to five minutes, so no pause lasts longer. */
export const MAX_ACCOUNT_PAUSE_MS = 5 * 60_000;

/**
 * Accounts we must leave alone until a moment, after Cloudflare answered 429: calling during the
 * block only extends it, and every tenant sharing the account would suffer.
 */
export type AccountPauses = {
  pausedUntil(key: string, now: number): number | undefined;
  pause(key: string, until: number): void;
};

export function createAccountPauses(): AccountPauses {
  const until = new Map<string, number>();
  return {
    pausedUntil(key, now) {
      const end = until.get(key);
      if (end === undefined) return undefined;
      if (end > now) return end;
      until.delete(key);
      return undefined;
    },
    pause(key, end) {
      until.set(key, Math.max(end, until.get(key) ?? 0));
    },
  };
}

/** Shared by every client in the process, so two tenants on one Cloudflare account pause together. */
export const defaultAccountPauses: AccountPauses = createAccountPauses();

export function accountPauseKey(apiBaseUrl: string, accountId: string): string {
  return `${apiBaseUrl}#${accountId}`;
}
