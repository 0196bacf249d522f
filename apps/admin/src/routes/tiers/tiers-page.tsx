import { Button, Dialog, EmptyState, ErrorState, PageHeader, TableSkeleton, toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { Crown, Plus, ShieldAlert } from "lucide-react";
import { useState } from "react";
import { type Notice, PageNotice } from "../../components/page-notice";
import { stripeSyncNotice } from "../../components/stripe-sync";
import { canManageBilling } from "../../lib/access";
import { pluralize } from "../../lib/format";
import { useTenant } from "../../lib/tenant-context";
import { trpc } from "../../lib/trpc";
import type { TierArchiveResult, TierRow } from "../../lib/types";
import { ArchiveTierDialog } from "./archive-tier-dialog";
import { ArchivedTiersTable } from "./archived-tiers-table";
import { TierFormDialog } from "./tier-form-dialog";
import { nextRank } from "./tier-form-schema";
import { TiersTable } from "./tiers-table";

export function TiersPage() {
  const tenant = useTenant();
  return (
    <div className="grid gap-6">
      <title>{`Tiers · ${tenant.name} · Marquee Console`}</title>
      <PageHeader
        eyebrow={tenant.name}
        title="Tiers"
        description="Subscriptions members pay for monthly or yearly. A video that requires a tier is open to it and every higher one."
      />
      {canManageBilling(tenant.role) ? (
        <TiersCatalog />
      ) : (
        <EmptyState
          icon={ShieldAlert}
          title="Only owners and admins manage tiers"
          description="Ask an owner of this organization if a tier needs to change."
        />
      )}
    </div>
  );
}

function TiersCatalog() {
  const tenant = useTenant();
  const tiers = trpc.tiers.listAll.useQuery();
  const payments = trpc.settings.payments.get.useQuery();
  // "new" opens the empty form; a tier opens it filled in.
  const [editing, setEditing] = useState<TierRow | "new" | null>(null);
  const [archiving, setArchiving] = useState<TierRow | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const utils = trpc.useUtils();

  async function showArchived({ tier, cancelled, failed }: TierArchiveResult) {
    toast.success(`${tier.name} was archived`, {
      description:
        cancelled > 0
          ? `${pluralize(cancelled, "subscription")} will end with the current period instead of renewing.`
          : "No subscription needed to change.",
    });
    if (failed > 0) {
      setNotice({
        tone: "warning",
        title: `${pluralize(failed, "subscription")} to “${tier.name}” could not be stopped from renewing`,
        body: `Stripe did not accept the change (${cancelled} did). Cancel ${failed === 1 ? "it" : "them"} at the end of the period in your Stripe dashboard.`,
      });
    }
    await Promise.all([utils.tiers.listAll.invalidate(), utils.tiers.list.invalidate()]);
  }

  if (tiers.isPending || payments.isPending) return <TableSkeleton columns={5} rows={3} label="Loading tiers" />;
  if (tiers.isError || payments.isError) {
    const failed = tiers.isError ? tiers : payments;
    return (
      <ErrorState message={errorMessage(failed.error)} onRetry={() => failed.refetch()} retrying={failed.isFetching} />
    );
  }
  const active = tiers.data.filter((tier) => tier.archivedAt === null);
  const archived = tiers.data.filter((tier) => tier.archivedAt !== null);
  const currency = payments.data.policy.currency;

  return (
    <div className="grid gap-8">
      <PageNotice notice={notice} onDismiss={() => setNotice(null)} />
      <section aria-labelledby="active-tiers-heading" className="grid gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="active-tiers-heading" className="text-lg font-semibold tracking-tight">
            On sale
          </h2>
          <Button onClick={() => setEditing("new")}>
            <Plus aria-hidden="true" />
            New tier
          </Button>
        </div>
        {active.length > 0 ? (
          <TiersTable tiers={active} labelledBy="active-tiers-heading" onEdit={setEditing} onArchive={setArchiving} />
        ) : (
          <EmptyState
            icon={Crown}
            title="No tiers yet"
            description="Create a tier, such as Basic or Premium, to sell subscriptions and make videos available to subscribers."
            action={<Button onClick={() => setEditing("new")}>New tier</Button>}
          />
        )}
      </section>
      {archived.length > 0 ? (
        <section aria-labelledby="archived-tiers-heading" className="grid gap-4">
          <div className="grid gap-1">
            <h2 id="archived-tiers-heading" className="text-lg font-semibold tracking-tight">
              Archived
            </h2>
            <p className="text-sm text-muted-foreground">
              Off sale. Their subscribers keep access until their current period ends.
            </p>
          </div>
          <ArchivedTiersTable tiers={archived} labelledBy="archived-tiers-heading" />
        </section>
      ) : null}
      <Dialog open={editing !== null} onOpenChange={(open) => (open ? undefined : setEditing(null))}>
        {editing ? (
          <TierFormDialog
            key={editing === "new" ? "new" : editing.id}
            tier={editing === "new" ? null : editing}
            currency={currency}
            suggestedRank={nextRank(tiers.data)}
            onSaved={({ name, stripe }) => {
              setEditing(null);
              setNotice(stripeSyncNotice(stripe, { name, kind: "tier" }, tenant.slug));
            }}
          />
        ) : null}
      </Dialog>
      <ArchiveTierDialog tier={archiving} onClose={() => setArchiving(null)} onArchived={showArchived} />
    </div>
  );
}
