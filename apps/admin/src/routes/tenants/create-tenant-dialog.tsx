import { zodResolver } from "@hookform/resolvers/zod";
import { createTenantInput, emailSchema } from "@marquee/api/validators";
import { Alert, Button, DialogClose, DialogContent, DialogFooter, Field, Input, toast } from "@marquee/ui";
import { applyServerErrors } from "@marquee/ui/trpc";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { slugify } from "../../lib/slugify";
import { trpc } from "../../lib/trpc";

// An empty owner email means "no owner yet"; the API wants the field absent rather than blank.
const createTenantForm = createTenantInput.extend({ ownerEmail: z.union([z.literal(""), emailSchema]) });

/** The form inside the "New tenant" dialog; mounted afresh each time the dialog opens. */
export function CreateTenantDialog({ onDone }: { onDone: () => void }) {
  const utils = trpc.useUtils();
  const [slugEdited, setSlugEdited] = useState(false);
  const form = useForm({
    resolver: zodResolver(createTenantForm),
    defaultValues: { name: "", slug: "", ownerEmail: "" },
  });
  const { errors } = form.formState;
  const slug = form.watch("slug");
  const nameField = form.register("name", {
    onChange: (event: { target: { value: string } }) => {
      if (!slugEdited)
        form.setValue("slug", slugify(event.target.value), { shouldValidate: form.formState.isSubmitted });
    },
  });
  const slugField = form.register("slug", { onChange: () => setSlugEdited(true) });

  const create = trpc.tenants.create.useMutation({
    onSuccess: async (tenant) => {
      toast.success(`${tenant.name} is ready`);
      onDone();
      // A new owner may be the admin themselves, which changes their own organizations.
      await Promise.all([utils.tenants.list.invalidate(), utils.me.invalidate()]);
    },
    onError: (error) => applyServerErrors(form, error),
  });

  return (
    <DialogContent
      title="New tenant"
      description="Create an organization. Its members will find it at its own address."
    >
      <form
        noValidate
        className="grid gap-4"
        onSubmit={form.handleSubmit(({ ownerEmail, ...values }) =>
          create.mutate({ ...values, ownerEmail: ownerEmail || undefined }),
        )}
      >
        {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
        <Field label="Name" error={errors.name?.message}>
          <Input autoComplete="off" autoFocus placeholder="Demo Dojo" {...nameField} />
        </Field>
        <Field
          label="Slug"
          description={`Members will find it at /${slug || "your-address"}`}
          error={errors.slug?.message}
        >
          <Input autoComplete="off" spellCheck={false} placeholder="demo-dojo" {...slugField} />
        </Field>
        <Field
          label="Owner email"
          hint="Optional"
          description="An existing account to make the first owner."
          error={errors.ownerEmail?.message}
        >
          <Input type="email" autoComplete="off" placeholder="owner@example.com" {...form.register("ownerEmail")} />
        </Field>
        <DialogFooter className="pt-2">
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button type="submit" loading={create.isPending}>
            Create tenant
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
