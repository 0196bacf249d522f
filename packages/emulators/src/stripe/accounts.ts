import type { Emulator } from "./context.ts";
import { newId, randomAlnum } from "./ids.ts";
import type { Account } from "./types.ts";

export type CreateAccountOptions = { secretKey?: string; accountId?: string; displayName?: string };

export type AccountInfo = { accountId: string; secretKey: string; publishableKey: string };

const info = (account: Account, secretKey: string): AccountInfo => ({
  accountId: account.id,
  secretKey,
  publishableKey: account.publishableKey,
});

/**
 * An account with a secret key. Asking again for a known key or account id returns that account (idempotent
 * seeding); a new key for a known account id is added to it.
 */
export function createAccount(emu: Emulator, options: CreateAccountOptions = {}): AccountInfo {
  const { secretKey, accountId } = options;
  if (secretKey !== undefined && !/^\S+$/.test(secretKey))
    throw new Error("secretKey must be a non-empty string without spaces");
  const byKey = secretKey ? emu.store.accountByKey(secretKey) : undefined;
  if (byKey && accountId && byKey.id !== accountId)
    throw new Error(`Secret key already belongs to account ${byKey.id}`);
  const existing = byKey ?? (accountId ? emu.store.account(accountId) : undefined);
  if (existing) {
    if (secretKey && !existing.secretKeys.includes(secretKey)) existing.secretKeys.push(secretKey);
    if (options.displayName) existing.displayName = options.displayName;
    emu.store.changed();
    return info(existing, secretKey ?? existing.secretKeys[0] ?? "");
  }
  const account: Account = {
    id: accountId ?? newId("acct"),
    secretKeys: [secretKey ?? `sk_test_emu_${randomAlnum(24)}`],
    publishableKey: `pk_test_emu_${randomAlnum(24)}`,
    displayName: options.displayName ?? "Test merchant",
    created: emu.clock.unix(),
    portalConfiguration: newId("bpc"),
  };
  emu.store.state.accounts.push(account);
  emu.store.changed();
  return info(account, account.secretKeys[0] ?? "");
}
