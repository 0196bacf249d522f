import { zodResolver } from "@hookform/resolvers/zod";
import { createTenantInput } from "@marquee/api/validators";
import { Alert, Button, DialogClose, DialogContent, DialogFooter, Field, Input, toast } from "@marquee/ui";
import { applyServerErrors } from "@marquee/ui/trpc";
import { useForm } from "react-hook-form";
import { trpc } from "../../lib/trpc";
import type { TenantRow } from "../../lib/types";

const editTenantForm = createTenantInput.pick({ name: true, slug: true });

export function EditTenantDialog({ tenant, onDone }: { tenant: TenantRow; onDone: () => void }) {
  const utils = trpc.useUtils();
  const form = useForm({
    resolver: zodResolver(editTenantForm),
    defaultValues: { name: tenant.name, slug: tenant.slug },
  });
  const { errors } = form.formState;
  const slug = form.watch("slug");
  const update = trpc.tenants.update.useMutation({
    onSuccess: async (updated) => {
      toast.success(`${updated.name} was updated`);
      onDone();
      await Promise.all([utils.tenants.list.invalidate(), utils.me.invalidate()]);
    },
    onError: (error) => applyServerErrors(form, error),
  });

  return (
    <DialogContent title={`Edit ${tenant.name}`} description="Changing the address breaks links shared so far.">
      <form
        noValidate
        className="grid gap-4"
        onSubmit={form.handleSubmit((values) => update.mutate({ id: tenant.id, ...values }))}
      >
        {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
        <Field label="Name" error={errors.name?.message}>
          <Input autoComplete="off" {...form.register("name")} />
        </Field>
        <Field label="Slug" description={`Members find it at /${slug}`} error={errors.slug?.message}>
          <Input autoComplete="off" spellCheck={false} {...form.register("slug")} />
        </Field>
        <DialogFooter className="pt-2">
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button type="submit" loading={update.isPending} disabled={!form.formState.isDirty}>
            Save changes
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
