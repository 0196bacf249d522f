import type { Enrollment } from "./seed-classes.ts";
import { type SeedContext, stableId } from "./seed-context.ts";
import { PACKS } from "./seed-tenant.ts";

type Change = {
  at: number;
  userId: string;
  joinedAt: number;
  delta: number;
  reason: "enrollment" | "refund";
  reference: string;
};
type Wallet = { balance: number; lastAt: number };

/**
 * The ledger the enrollments imply, replayed in time order per member: a member short of
 * tokens buys a pack shortly before booking, so every running balance stays >= 0 and each
 * row's balance_after is the sum of the deltas before it, as the append-only ledger requires.
 */
export function planLedger(ctx: SeedContext, enrollments: Enrollment[], random: () => number) {
  const changes: Change[] = enrollments
    .filter((e) => e.price > 0)
    .flatMap((e) => {
      const base = { userId: e.userId, joinedAt: e.joinedAt.getTime(), reference: e.id };
      const spend = { ...base, at: e.createdAt.getTime(), delta: -e.price, reason: "enrollment" as const };
      if (!e.refundedAt) return [spend];
      return [spend, { ...base, at: e.refundedAt.getTime(), delta: e.price, reason: "refund" as const }];
    })
    .sort((a, b) => a.at - b.at);

  const wallets = new Map<string, Wallet>();
  const ledger = [];
  const row = (userId: string, wallet: Wallet, at: number, fields: Record<string, unknown>) => ({
    id: stableId(`${ctx.options.seed}-ledger-${ledger.length}`),
    tenant_id: ctx.tenantId,
    user_id: userId,
    balance_after: wallet.balance,
    amount_cents: null,
    currency: null,
    created_at: new Date(at),
    ...fields,
  });
  for (const change of changes) {
    const wallet = wallets.get(change.userId) ?? { balance: 0, lastAt: change.joinedAt };
    wallets.set(change.userId, wallet);
    if (wallet.balance + change.delta < 0) {
      const small = PACKS[0];
      const pack = random() < 0.4 && small.tokens >= -change.delta ? small : PACKS[1];
      const at = Math.min(change.at - 1, Math.max(wallet.lastAt + 1, change.at - (5 + random() * 55) * 60_000));
      wallet.balance += pack.tokens;
      ledger.push(
        row(change.userId, wallet, at, {
          delta: pack.tokens,
          reason: "purchase",
          reference: `cs_bench_${ledger.length}`,
          amount_cents: pack.priceCents,
          currency: "usd",
        }),
      );
    }
    wallet.balance += change.delta;
    wallet.lastAt = change.at;
    ledger.push(
      row(change.userId, wallet, change.at, {
        delta: change.delta,
        reason: change.reason,
        reference: change.reference,
      }),
    );
  }
  const walletRows = [...wallets].map(([userId, wallet]) => ({
    tenant_id: ctx.tenantId,
    user_id: userId,
    balance: wallet.balance,
    updated_at: new Date(wallet.lastAt),
  }));
  return { ledger, wallets: walletRows };
}
