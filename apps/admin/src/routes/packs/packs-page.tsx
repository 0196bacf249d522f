import { Button, ConfirmDialog, Dialog, EmptyState, ErrorState, PageHeader, TableSkeleton, toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { Plus, ShieldAlert, Ticket } from "lucide-react";
import { useState } from "react";
import { type Notice, PageNotice } from "../../components/page-notice";
import { stripeSyncNotice } from "../../components/stripe-sync";
import { canManageBilling } from "../../lib/access";
import { useTenant } from "../../lib/tenant-context";
import { trpc } from "../../lib/trpc";
import type { PackRow } from "../../lib/types";
import { PackFormDialog } from "./pack-form-dialog";
import { PacksTable } from "./packs-table";

export function PacksPage() {
  const tenant = useTenant();
  return (
    <div className="grid gap-6">
      <title>{`Token packs · ${tenant.name} · Marquee Console`}</title>
      <PageHeader
        eyebrow={tenant.name}
        title="Token packs"
        description="Tokens members buy once and spend to enroll in live classes."
      />
      {canManageBilling(tenant.role) ? (
        <PacksCatalog />
      ) : (
        <EmptyState
          icon={ShieldAlert}
          title="Only owners and admins manage token packs"
          description="Ask an owner of this organization if a pack needs to change."
        />
      )}
    </div>
  );
}

function PacksCatalog() {
  const tenant = useTenant();
  const utils = trpc.useUtils();
  const packs = trpc.packs.list.useQuery();
  const payments = trpc.settings.payments.get.useQuery();
  // "new" opens the empty form; a pack opens it filled in.
  const [editing, setEditing] = useState<PackRow | "new" | null>(null);
  const [archiving, setArchiving] = useState<PackRow | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const archive = trpc.packs.archive.useMutation({
    onSuccess: async (pack) => {
      toast.success(`${pack.name} was archived`);
      await utils.packs.list.invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  if (packs.isPending || payments.isPending) return <TableSkeleton columns={5} rows={3} label="Loading token packs" />;
  if (packs.isError || payments.isError) {
    const failed = packs.isError ? packs : payments;
    return (
      <ErrorState message={errorMessage(failed.error)} onRetry={() => failed.refetch()} retrying={failed.isFetching} />
    );
  }
  const active = packs.data.filter((pack) => pack.archivedAt === null);
  const archived = packs.data.filter((pack) => pack.archivedAt !== null);

  return (
    <div className="grid gap-8">
      <PageNotice notice={notice} onDismiss={() => setNotice(null)} />
      <section aria-labelledby="active-packs-heading" className="grid gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="active-packs-heading" className="text-lg font-semibold tracking-tight">
            On sale
          </h2>
          <Button onClick={() => setEditing("new")}>
            <Plus aria-hidden="true" />
            New token pack
          </Button>
        </div>
        {active.length > 0 ? (
          <PacksTable packs={active} labelledBy="active-packs-heading" onEdit={setEditing} onArchive={setArchiving} />
        ) : (
          <EmptyState
            icon={Ticket}
            title="No token packs yet"
            description="Create a pack, such as 10 tokens, so members can buy their way into live classes."
            action={<Button onClick={() => setEditing("new")}>New token pack</Button>}
          />
        )}
      </section>
      {archived.length > 0 ? (
        <section aria-labelledby="archived-packs-heading" className="grid gap-4">
          <div className="grid gap-1">
            <h2 id="archived-packs-heading" className="text-lg font-semibold tracking-tight">
              Archived
            </h2>
            <p className="text-sm text-muted-foreground">
              Off sale. Tokens members bought from them stay in their balance.
            </p>
          </div>
          <PacksTable packs={archived} labelledBy="archived-packs-heading" />
        </section>
      ) : null}
      <Dialog open={editing !== null} onOpenChange={(open) => (open ? undefined : setEditing(null))}>
        {editing ? (
          <PackFormDialog
            key={editing === "new" ? "new" : editing.id}
            pack={editing === "new" ? null : editing}
            currency={payments.data.policy.currency}
            onSaved={({ name, stripe }) => {
              setEditing(null);
              setNotice(stripeSyncNotice(stripe, { name, kind: "token pack" }, tenant.slug));
            }}
          />
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={archiving !== null}
        onOpenChange={(open) => (open ? undefined : setArchiving(null))}
        title={`Archive “${archiving?.name ?? "this pack"}”?`}
        description="Members can no longer buy it. Tokens already bought stay in their balance."
        confirmLabel="Archive pack"
        tone="destructive"
        onConfirm={() => (archiving ? archive.mutateAsync({ id: archiving.id }) : undefined)}
      />
    </div>
  );
}
