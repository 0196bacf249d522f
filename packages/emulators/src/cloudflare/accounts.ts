import type { Emulator } from "./context.ts";
import { randomCustomerCode, randomHex } from "./ids.ts";
import { generateRsaKey } from "./signing.ts";
import type { Account, ApiToken, TokenScope } from "./types.ts";
import { apiBaseUrl, customerDomainBase } from "./urls.ts";

export type CreateAccountOptions = {
  accountId?: string;
  apiToken?: string;
  customerCode?: string;
  storageLimitMinutes?: number;
  /** Where live input lifecycle notifications go (Cloudflare Notifications webhook destination). */
  liveNotification?: { url: string; secret?: string; name?: string };
  /** Whether the token created here has Account Analytics Read (the GraphQL API); default true. */
  analytics?: boolean;
};

export type AccountInfo = {
  accountId: string;
  apiToken: string;
  customerCode: string;
  apiBaseUrl: string;
  customerDomain: string;
};

export function accountInfo(emu: Emulator, account: Account, token: ApiToken): AccountInfo {
  return {
    accountId: account.id,
    apiToken: token.value,
    customerCode: account.customerCode,
    apiBaseUrl: apiBaseUrl(emu.baseUrl),
    customerDomain: customerDomainBase(emu.baseUrl, account.customerCode),
  };
}

export function newToken(
  scope: TokenScope = "write",
  expiresOn: string | null = null,
  value?: string,
  analytics = true,
): ApiToken {
  // Real tokens are 40 characters of [A-Za-z0-9_-].
  return { id: randomHex(16), value: value ?? randomHex(20), scope, expiresOn, analytics };
}

/** Creates an account with one write token; asking again for an existing id returns it (idempotent seeding). */
export async function createAccount(emu: Emulator, options: CreateAccountOptions = {}): Promise<AccountInfo> {
  const existing = options.accountId ? emu.store.account(options.accountId) : undefined;
  if (existing) {
    let token = existing.tokens.find((t) => !options.apiToken || t.value === options.apiToken);
    if (!token) {
      token = newToken("write", null, options.apiToken, options.analytics);
      existing.tokens.push(token);
      emu.store.changed();
    }
    return accountInfo(emu, existing, token);
  }
  const tokenKeyId = randomHex(16);
  const tokenKey = await generateRsaKey(tokenKeyId);
  const token = newToken("write", null, options.apiToken, options.analytics);
  const account: Account = {
    id: options.accountId ?? randomHex(16),
    customerCode: options.customerCode ?? randomCustomerCode(),
    tokens: [token],
    webhook: null,
    webhookSecret: randomHex(16),
    keys: [],
    tokenKey: { id: tokenKeyId, privatePem: tokenKey.privatePem, publicJwk: tokenKey.publicJwk },
    liveNotification: options.liveNotification
      ? { secret: randomHex(16), name: "Stream Live Input", ...options.liveNotification }
      : null,
    storageLimitMinutes: options.storageLimitMinutes ?? 1000,
  };
  emu.store.state.accounts.push(account);
  emu.store.changed();
  return accountInfo(emu, account, token);
}
