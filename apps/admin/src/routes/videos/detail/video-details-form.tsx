import { zodResolver } from "@hookform/resolvers/zod";
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  Field,
  Input,
  Select,
  Textarea,
  toast,
} from "@marquee/ui";
import { applyServerErrors } from "@marquee/ui/trpc";
import { useId } from "react";
import { useController, useForm } from "react-hook-form";
import { Link } from "react-router";
import { canManageBilling } from "../../../lib/access";
import { useTenant } from "../../../lib/tenant-context";
import { trpc } from "../../../lib/trpc";
import type { VideoDetail } from "../../../lib/types";
import { AccessLevelFieldset } from "./access-level-fieldset";
import { toFormValues, toUpdateInput, videoDetailsForm } from "./video-details-schema";

const NO_TIERS_YET = "Create a tier first to offer videos to subscribers.";

export function VideoDetailsForm({ video }: { video: VideoDetail }) {
  const tenant = useTenant();
  const titleId = useId();
  const utils = trpc.useUtils();
  const tiers = trpc.tiers.list.useQuery();
  const form = useForm({ resolver: zodResolver(videoDetailsForm), defaultValues: toFormValues(video) });
  const { errors, isDirty } = form.formState;
  const tierField = useController({ control: form.control, name: "requiredTierId" });
  const accessLevel = form.watch("accessLevel");
  const update = trpc.videos.update.useMutation({
    onSuccess: async (updated) => {
      utils.videos.byId.setData({ id: video.id }, updated);
      form.reset(toFormValues(updated));
      toast.success("Changes saved");
      await utils.videos.list.invalidate();
    },
    onError: (error) => applyServerErrors(form, error),
  });

  const tierUnavailable = tiers.isPending
    ? "Loading tiers…"
    : tiers.isError
      ? "Tiers could not be loaded. Reload the page to try again."
      : tiers.data.length === 0
        ? NO_TIERS_YET
        : null;

  return (
    <Card>
      <CardHeader>
        <CardTitle id={titleId}>Details</CardTitle>
        <CardDescription>What members see in the catalog, and who may watch.</CardDescription>
      </CardHeader>
      <form
        noValidate
        aria-labelledby={titleId}
        onSubmit={form.handleSubmit((values) => update.mutate(toUpdateInput(video.id, values)))}
      >
        <CardContent className="grid gap-5">
          {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
          <Field label="Title" error={errors.title?.message}>
            <Input autoComplete="off" {...form.register("title")} />
          </Field>
          <Field label="Description" hint="Optional" error={errors.description?.message}>
            <Textarea rows={4} {...form.register("description")} />
          </Field>
          <Field
            label="Tags"
            hint="Optional"
            description="Separate tags with commas, e.g. kata, beginner."
            error={errors.tags?.message}
          >
            <Input autoComplete="off" {...form.register("tags")} />
          </Field>
          <AccessLevelFieldset
            registration={form.register("accessLevel")}
            tenantName={tenant.name}
            tierUnavailable={tierUnavailable}
          />
          {tiers.data?.length === 0 ? (
            <p className="-mt-2 text-sm text-muted-foreground">
              {canManageBilling(tenant.role) ? (
                <>
                  No tiers yet.{" "}
                  <Link
                    to={`/t/${tenant.slug}/tiers`}
                    className="font-medium text-primary underline-offset-4 hover:underline"
                  >
                    Create a tier
                  </Link>
                  , then choose it here.
                </>
              ) : (
                "No tiers yet: owners and admins create them."
              )}
            </p>
          ) : null}
          {accessLevel === "tier" && tiers.data?.length ? (
            <Field label="Required tier" error={errors.requiredTierId?.message} className="sm:max-w-xs">
              <Select
                value={tierField.field.value || undefined}
                onValueChange={tierField.field.onChange}
                placeholder="Choose a tier"
                options={tiers.data.map((tier) => ({
                  value: tier.id,
                  label: tier.name,
                  description: `Rank ${tier.rank}`,
                }))}
              />
            </Field>
          ) : errors.requiredTierId ? (
            <Alert tone="destructive">{errors.requiredTierId.message}</Alert>
          ) : null}
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" loading={update.isPending} disabled={!isDirty}>
            Save changes
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
