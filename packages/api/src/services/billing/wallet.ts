import { type DbOrTx, type TokenReason, tokenLedger, tokenWallets, users } from "@marquee/db";
import { and, desc, eq, gte, lt, or, sql } from "drizzle-orm";
import { AppError } from "../../errors";

export type WalletOwner = { tenantId: string; userId: string };

export type LedgerEntryInput = WalletOwner & {
  reason: TokenReason;
  /** Makes the change count once: a checkout session, an enrollment, … */
  reference?: string | null;
  note?: string | null;
  actorUserId?: string | null;
  /** For purchases: the money paid, in the currency's minor unit. */
  amountCents?: number | null;
  currency?: string | null;
};

export type CreditResult = { applied: boolean; balance: number };
export type SpendResult = { ok: true; applied: boolean; balance: number } | { ok: false; balance: number };

const walletOf = (owner: WalletOwner) =>
  and(eq(tokenWallets.tenantId, owner.tenantId), eq(tokenWallets.userId, owner.userId));

/** Raised inside a transaction to roll back a change whose reference was already applied. */
class AlreadyApplied extends Error {
  constructor(readonly balance: number) {
    super("already applied");
  }
}

/**
 * Adds tokens. With a reference (a checkout session) the credit happens once however
 * often it is applied: the wallet row is locked first, so a concurrent duplicate waits
 * and then finds the ledger row.
 */
export async function creditTokens(db: DbOrTx, input: LedgerEntryInput & { amount: number }): Promise<CreditResult> {
  if (!Number.isInteger(input.amount) || input.amount <= 0) throw new Error("a credit must be a positive integer");
  return db.transaction(async (tx) => {
    await tx
      .insert(tokenWallets)
      .values({ tenantId: input.tenantId, userId: input.userId, balance: 0 })
      .onConflictDoNothing();
    const [wallet] = await tx
      .select({ balance: tokenWallets.balance })
      .from(tokenWallets)
      .where(walletOf(input))
      .for("update");
    const current = wallet?.balance ?? 0;
    const next = current + input.amount;
    const [entry] = await tx
      .insert(tokenLedger)
      .values(entryValues(input, input.amount, next))
      .onConflictDoNothing()
      .returning({ id: tokenLedger.id });
    if (!entry) return { applied: false, balance: current };
    await tx.update(tokenWallets).set({ balance: next, updatedAt: sql`now()` }).where(walletOf(input));
    return { applied: true, balance: next };
  });
}

/**
 * Takes tokens in one transaction: a conditional update that only succeeds while the
 * balance covers the amount (the check constraint backs it), then the ledger row. With
 * a reference already spent, nothing changes and `applied` is false. Pass a transaction
 * to make the spend part of a larger change (an enrollment).
 */
export async function spendTokens(db: DbOrTx, input: LedgerEntryInput & { amount: number }): Promise<SpendResult> {
  if (!Number.isInteger(input.amount) || input.amount <= 0) throw new Error("a spend must be a positive integer");
  try {
    return await db.transaction(async (tx) => {
      const [wallet] = await tx
        .update(tokenWallets)
        .set({ balance: sql`${tokenWallets.balance} - ${input.amount}`, updatedAt: sql`now()` })
        .where(and(walletOf(input), gte(tokenWallets.balance, input.amount)))
        .returning({ balance: tokenWallets.balance });
      if (!wallet) return { ok: false as const, balance: await balanceOf(tx, input) };
      const [entry] = await tx
        .insert(tokenLedger)
        .values(entryValues(input, -input.amount, wallet.balance))
        .onConflictDoNothing()
        .returning({ id: tokenLedger.id });
      if (!entry) throw new AlreadyApplied(wallet.balance + input.amount);
      return { ok: true as const, applied: true, balance: wallet.balance };
    });
  } catch (error) {
    if (error instanceof AlreadyApplied) return { ok: true, applied: false, balance: error.balance };
    throw error;
  }
}

function entryValues(input: LedgerEntryInput, delta: number, balanceAfter: number) {
  return {
    tenantId: input.tenantId,
    userId: input.userId,
    delta,
    balanceAfter,
    reason: input.reason,
    reference: input.reference ?? null,
    note: input.note ?? null,
    actorUserId: input.actorUserId ?? null,
    amountCents: input.amountCents ?? null,
    currency: input.currency ?? null,
  };
}

export async function balanceOf(db: DbOrTx, owner: WalletOwner): Promise<number> {
  const [wallet] = await db.select({ balance: tokenWallets.balance }).from(tokenWallets).where(walletOf(owner));
  return wallet?.balance ?? 0;
}

/** An admin's grant (positive) or deduction (negative), with the reason they gave. */
export async function adjustTokens(
  db: DbOrTx,
  input: WalletOwner & { delta: number; note: string; actorUserId: string },
): Promise<{ balance: number }> {
  if (input.delta > 0) {
    const result = await creditTokens(db, { ...input, amount: input.delta, reason: "grant" });
    return { balance: result.balance };
  }
  const result = await spendTokens(db, { ...input, amount: -input.delta, reason: "deduction" });
  if (!result.ok) {
    throw new AppError(
      "BAD_REQUEST",
      `This member has ${result.balance} token${result.balance === 1 ? "" : "s"}: you cannot deduct ${-input.delta}.`,
      { field: "delta" },
    );
  }
  return { balance: result.balance };
}

export type LedgerCursor = { createdAt: string; id: string };

/** A member's history, newest first, in pages (keyset on created_at, id). */
export async function ledgerHistory(db: DbOrTx, owner: WalletOwner, options: { limit: number; cursor?: LedgerCursor }) {
  const { cursor } = options;
  const rows = await db
    .select({
      id: tokenLedger.id,
      delta: tokenLedger.delta,
      balanceAfter: tokenLedger.balanceAfter,
      reason: tokenLedger.reason,
      reference: tokenLedger.reference,
      note: tokenLedger.note,
      createdAt: tokenLedger.createdAt,
      createdAtText: sql<string>`${tokenLedger.createdAt}::text`,
      actorName: users.name,
    })
    .from(tokenLedger)
    .leftJoin(users, eq(users.id, tokenLedger.actorUserId))
    .where(
      and(
        eq(tokenLedger.tenantId, owner.tenantId),
        eq(tokenLedger.userId, owner.userId),
        cursor
          ? or(
              lt(tokenLedger.createdAt, sql`${cursor.createdAt}::timestamptz`),
              and(eq(tokenLedger.createdAt, sql`${cursor.createdAt}::timestamptz`), lt(tokenLedger.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(tokenLedger.createdAt), desc(tokenLedger.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    entries: page.map(({ createdAtText: _, ...entry }) => entry),
    nextCursor: rows.length > options.limit && last ? { createdAt: last.createdAtText, id: last.id } : null,
  };
}
