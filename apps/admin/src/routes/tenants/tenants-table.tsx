import {
  Badge,
  ConfirmDialog,
  Dialog,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  toast,
} from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useState } from "react";
import { formatDate } from "../../lib/format";
import { trpc } from "../../lib/trpc";
import type { TenantRow } from "../../lib/types";
import { EditTenantDialog } from "./edit-tenant-dialog";
import { TenantActions } from "./tenant-actions";

export function TenantsTable({ tenants }: { tenants: TenantRow[] }) {
  const utils = trpc.useUtils();
  const [editing, setEditing] = useState<TenantRow | null>(null);
  const [archiving, setArchiving] = useState<TenantRow | null>(null);
  const refresh = () => Promise.all([utils.tenants.list.invalidate(), utils.me.invalidate()]);
  const archive = trpc.tenants.archive.useMutation({
    onSuccess: async (tenant) => {
      await refresh();
      toast.success(`${tenant.name} was archived`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const restore = trpc.tenants.update.useMutation({
    onSuccess: async (tenant) => {
      await refresh();
      toast.success(`${tenant.name} is active again`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  return (
    <>
      <Table>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Name</TableHead>
            <TableHead className="hidden sm:table-cell">Slug</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="hidden text-right md:table-cell">Members</TableHead>
            <TableHead className="hidden lg:table-cell">Created</TableHead>
            <TableHead className="w-12">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {tenants.map((tenant) => (
            <TableRow key={tenant.id}>
              <TableCell>
                <div className="grid min-w-0">
                  <span className="truncate font-medium">{tenant.name}</span>
                  <span className="truncate text-xs text-muted-foreground sm:hidden">/{tenant.slug}</span>
                </div>
              </TableCell>
              <TableCell className="hidden font-mono text-xs text-muted-foreground sm:table-cell">
                {tenant.slug}
              </TableCell>
              <TableCell>
                {tenant.status === "active" ? (
                  <Badge tone="success" dot>
                    Active
                  </Badge>
                ) : (
                  <Badge dot>Archived</Badge>
                )}
              </TableCell>
              <TableCell className="hidden text-right tabular-nums md:table-cell">{tenant.memberCount}</TableCell>
              <TableCell className="hidden whitespace-nowrap text-muted-foreground lg:table-cell">
                {formatDate(tenant.createdAt)}
              </TableCell>
              <TableCell className="text-right">
                <TenantActions
                  tenant={tenant}
                  busy={
                    (restore.isPending && restore.variables.id === tenant.id) ||
                    (archive.isPending && archive.variables.id === tenant.id)
                  }
                  onEdit={() => setEditing(tenant)}
                  onArchive={() => setArchiving(tenant)}
                  onRestore={() => restore.mutate({ id: tenant.id, status: "active" })}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Dialog open={editing !== null} onOpenChange={(open) => (open ? undefined : setEditing(null))}>
        {editing ? <EditTenantDialog key={editing.id} tenant={editing} onDone={() => setEditing(null)} /> : null}
      </Dialog>
      <ConfirmDialog
        open={archiving !== null}
        onOpenChange={(open) => (open ? undefined : setArchiving(null))}
        title={`Archive ${archiving?.name ?? "this tenant"}?`}
        description="Its page stops loading and its members lose access until you restore it. Nothing is deleted."
        confirmLabel="Archive tenant"
        tone="destructive"
        onConfirm={() => (archiving ? archive.mutateAsync({ id: archiving.id }) : undefined)}
      />
    </>
  );
}
