import type { StreamContext } from "../context";
import { StreamError } from "../errors";

export type TokenStatus = "active" | "disabled" | "expired";

export type TokenVerification = { tokenId: string; status: TokenStatus; expiresOn: string | null };

export type StorageUsage = {
  totalStorageMinutes: number;
  totalStorageMinutesLimit: number | null;
  videoCount: number;
};

const TOKEN_NOT_ACTIVE: Record<Exclude<TokenStatus, "active">, string> = {
  disabled: "This Cloudflare API token is disabled; enable it or create a new one",
  expired: "This Cloudflare API token has expired; create a new one",
};

// 10003 "This API Token was expired at …": say so instead of blaming permissions.
function explainExpiry(error: unknown): never {
  if (error instanceof StreamError && error.kind === "auth" && error.codes.includes(10003)) {
    throw new StreamError("auth", TOKEN_NOT_ACTIVE.expired, { status: error.status, codes: error.codes });
  }
  throw error;
}

export function accountOperations(ctx: StreamContext) {
  const { sdk, run } = ctx;
  const account_id = ctx.accountId;

  async function verifyToken(): Promise<TokenVerification> {
    const result = await run((o) => sdk.accounts.tokens.verify({ account_id }, o))
      .catch((error: unknown) => {
        // Account-owned tokens verify only on the account route, user-owned only on the user route.
        if (error instanceof StreamError && (error.kind === "auth" || error.kind === "not_found")) {
          return run((o) => sdk.user.tokens.verify(o));
        }
        throw error;
      })
      .catch(explainExpiry);
    return { tokenId: result.id, status: result.status, expiresOn: result.expires_on ?? null };
  }

  async function storageUsage(creator?: string): Promise<StorageUsage> {
    const usage = await run((o) => sdk.stream.videos.storageUsage({ account_id, creator }, o));
    return {
      totalStorageMinutes: usage.totalStorageMinutes ?? 0,
      totalStorageMinutesLimit: usage.totalStorageMinutesLimit ?? null,
      videoCount: usage.videoCount ?? 0,
    };
  }

  return {
    verifyToken,
    storageUsage,

    /**
     * What "Test connection" in the console runs: the token is active, and it can read Stream on this
     * account (a token can be valid yet lack Stream permission, or belong to another account).
     */
    async checkConnection(): Promise<{ token: TokenVerification; storage: StorageUsage }> {
      const token = await verifyToken();
      if (token.status !== "active") throw new StreamError("auth", TOKEN_NOT_ACTIVE[token.status]);
      return { token, storage: await storageUsage() };
    },
  };
}
