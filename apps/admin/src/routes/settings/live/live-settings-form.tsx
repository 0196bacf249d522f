import { zodResolver } from "@hookform/resolvers/zod";
import { liveSettingsInput } from "@marquee/api/validators";
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
  NumberInput,
  Select,
  toast,
} from "@marquee/ui";
import { applyServerErrors } from "@marquee/ui/trpc";
import { useId } from "react";
import { useController, useForm } from "react-hook-form";
import { trpc } from "../../../lib/trpc";
import type { LiveSettings, LiveSettingsInput } from "../../../lib/types";

const ACCESS_OPTIONS = [
  { value: "public", label: "Public", description: "Anyone visiting your page" },
  { value: "members", label: "Members", description: "Signed-in members of your organization" },
] as const;

// The column also knows "tier", which the API does not offer yet: such a value shows as Members.
const toFormValues = (settings: LiveSettings): LiveSettingsInput => ({
  replayDays: settings.replayDays,
  catalogAfterDays: settings.catalogAfterDays,
  catalogAccessLevel: settings.catalogAccessLevel === "public" ? "public" : "members",
});

export function LiveSettingsForm({ settings }: { settings: LiveSettings }) {
  const utils = trpc.useUtils();
  const titleId = useId();
  const form = useForm({ resolver: zodResolver(liveSettingsInput), defaultValues: toFormValues(settings) });
  const { errors, isDirty } = form.formState;
  const access = useController({ control: form.control, name: "catalogAccessLevel" });
  const update = trpc.live.updateSettings.useMutation({
    onSuccess: (saved) => {
      utils.live.settings.setData(undefined, (current) => (current ? { ...current, ...saved } : current));
      form.reset(saved);
      toast.success("Live settings saved");
    },
    onError: (error) => applyServerErrors(form, error),
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle id={titleId}>Replays and recordings</CardTitle>
        <CardDescription>
          Apply to classes as they end. A recording the instructor did not keep is deleted after the replay window.
        </CardDescription>
      </CardHeader>
      <form noValidate aria-labelledby={titleId} onSubmit={form.handleSubmit((values) => update.mutate(values))}>
        <CardContent className="grid gap-5">
          {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
          <Field
            label="Replay window (days)"
            hint="1–30 days"
            description="How long enrolled members can watch the replay after the class ends."
            error={errors.replayDays?.message}
          >
            <NumberInput min={1} max={30} className="w-28" {...form.register("replayDays", { valueAsNumber: true })} />
          </Field>
          <Field
            label="Move kept recordings to the catalog after (days)"
            hint="8–365 days"
            description="Counted from the end of the class; the recording then becomes a video in your catalog."
            error={errors.catalogAfterDays?.message}
          >
            <NumberInput
              min={8}
              max={365}
              className="w-28"
              {...form.register("catalogAfterDays", { valueAsNumber: true })}
            />
          </Field>
          <Field
            label="Catalog access"
            description="Who may watch a recording once it is in the catalog. You can change each video afterwards."
            error={errors.catalogAccessLevel?.message}
            className="sm:max-w-sm"
          >
            <Select value={access.field.value} onValueChange={access.field.onChange} options={ACCESS_OPTIONS} />
          </Field>
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" loading={update.isPending} disabled={!isDirty}>
            Save live settings
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
