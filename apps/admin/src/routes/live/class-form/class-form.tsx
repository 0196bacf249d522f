import { zodResolver } from "@hookform/resolvers/zod";
import {
  AffixInput,
  Alert,
  Button,
  Card,
  CardContent,
  CardFooter,
  Field,
  Input,
  NumberInput,
  Select,
  Textarea,
  toast,
} from "@marquee/ui";
import { applyServerErrors, errorMessage } from "@marquee/ui/trpc";
import { useId, useState } from "react";
import { useController, useForm } from "react-hook-form";
import { Link } from "react-router";
import { canManageAllClasses } from "../../../lib/access";
import { formatTokenPrice } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { useTenant } from "../../../lib/tenant-context";
import { trpc } from "../../../lib/trpc";
import type { LiveClassRow } from "../../../lib/types";
import { invalidateClass } from "../use-live-class";
import { classFormSchema, toClassInput, toFormValues, toLocalDateTime } from "./class-form-schema";
import { type ThumbnailChange, ThumbnailField } from "./thumbnail-field";

type ClassFormProps = {
  /** The class to edit, or null for a new one. */
  liveClass: LiveClassRow | null;
  onSaved: (id: string) => unknown;
};

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function ClassForm({ liveClass, onSaved }: ClassFormProps) {
  const tenant = useTenant();
  const { me } = useSession();
  const utils = trpc.useUtils();
  const keepId = useId();
  const choosesInstructor = canManageAllClasses(tenant.role);
  const started = liveClass?.status === "live";
  const teachers = trpc.live.teachers.useQuery(undefined, { enabled: choosesInstructor });
  // Instructors cannot read the organization's settings: their hint stays general.
  const settings = trpc.live.settings.useQuery(undefined, { enabled: choosesInstructor });
  const savedStart = liveClass ? toLocalDateTime(liveClass.scheduledStart) : null;
  const form = useForm({
    resolver: zodResolver(classFormSchema(savedStart)),
    defaultValues: toFormValues(liveClass, me.user.id),
  });
  const { errors, isSubmitting } = form.formState;
  const instructor = useController({ control: form.control, name: "instructorUserId" });
  const [thumbnail, setThumbnail] = useState<ThumbnailChange>({ kind: "keep" });
  const create = trpc.live.create.useMutation();
  const update = trpc.live.update.useMutation();
  const setThumbnailImage = trpc.live.setThumbnail.useMutation();
  const removeThumbnail = trpc.live.removeThumbnail.useMutation();
  const price = form.watch("priceTokens");

  /** Null when the thumbnail is as the form says; else why it is not. */
  async function saveThumbnail(id: string): Promise<string | null> {
    try {
      if (thumbnail.kind === "replace") {
        await setThumbnailImage.mutateAsync({ id, contentType: "image/jpeg", data: thumbnail.image.data });
      } else if (thumbnail.kind === "remove") {
        await removeThumbnail.mutateAsync({ id });
      }
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  const submit = form.handleSubmit(async (values) => {
    const input = toClassInput(values, choosesInstructor);
    let saved: { id: string; title: string } | null;
    try {
      saved = liveClass ? await update.mutateAsync({ id: liveClass.id, ...input }) : await create.mutateAsync(input);
    } catch (error) {
      applyServerErrors(form, error);
      return;
    }
    if (!saved) {
      form.setError("root.server", { type: "server", message: "This class no longer exists." });
      return;
    }
    const thumbnailFailure = await saveThumbnail(saved.id);
    await invalidateClass(utils, saved.id);
    toast.success(liveClass ? "Changes saved" : `${saved.title} is scheduled`);
    if (thumbnailFailure) toast.error("The thumbnail was not saved", { description: thumbnailFailure });
    await onSaved(saved.id);
  });

  const keepHint = settings.data
    ? `After ${settings.data.catalogAfterDays} days the recording becomes a catalog video; otherwise it is deleted after the replay window.`
    : "Later, the recording becomes a catalog video; otherwise it is deleted after the replay window.";

  return (
    <Card>
      <form noValidate aria-label={liveClass ? "Edit class" : "New class"} onSubmit={(event) => void submit(event)}>
        <CardContent className="grid gap-5">
          {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
          {started ? (
            <Alert tone="info">The class has started: its start, duration and price can no longer change.</Alert>
          ) : null}
          <Field label="Title" error={errors.title?.message}>
            <Input autoComplete="off" autoFocus={!liveClass} {...form.register("title")} />
          </Field>
          <Field label="Description" hint="Optional" error={errors.description?.message}>
            <Textarea rows={4} {...form.register("description")} />
          </Field>
          {choosesInstructor ? (
            <Field
              label="Instructor"
              description="An instructor sees and runs only the classes they teach."
              error={errors.instructorUserId?.message}
              className="sm:max-w-sm"
            >
              <Select
                value={instructor.field.value || undefined}
                onValueChange={instructor.field.onChange}
                placeholder={teachers.isPending ? "Loading…" : "Choose who teaches"}
                options={(teachers.data ?? []).map((teacher) => ({
                  value: teacher.userId,
                  label: teacher.userId === me.user.id ? `${teacher.name} (you)` : teacher.name,
                }))}
              />
            </Field>
          ) : null}
          <div className="grid items-start gap-5 sm:grid-cols-3">
            <Field
              label="Start"
              description={`In your time zone (${timeZone}).`}
              error={errors.scheduledStart?.message}
            >
              <Input type="datetime-local" readOnly={started} {...form.register("scheduledStart")} />
            </Field>
            <Field label="Duration (minutes)" error={errors.durationMinutes?.message}>
              <NumberInput
                min={5}
                max={720}
                step={5}
                readOnly={started}
                {...form.register("durationMinutes", { valueAsNumber: true })}
              />
            </Field>
            <Field
              label="Price (tokens)"
              description={Number.isFinite(price) ? formatTokenPrice(price) : undefined}
              error={errors.priceTokens?.message}
            >
              <AffixInput
                type="number"
                inputMode="numeric"
                min={0}
                max={10_000}
                step={1}
                suffix="tokens"
                readOnly={started}
                {...form.register("priceTokens", { valueAsNumber: true })}
              />
            </Field>
          </div>
          <div className="flex items-start gap-3">
            <input
              id={keepId}
              type="checkbox"
              aria-describedby={`${keepId}-hint`}
              className="mt-0.5 size-4 shrink-0 cursor-pointer accent-primary"
              {...form.register("keepRecording")}
            />
            <div className="grid gap-0.5">
              <label htmlFor={keepId} className="cursor-pointer text-sm font-medium">
                Keep the recording for the catalog
              </label>
              <p id={`${keepId}-hint`} className="text-xs text-muted-foreground">
                {keepHint}
              </p>
            </div>
          </div>
          <ThumbnailField currentUrl={liveClass?.thumbnailUrl ?? null} value={thumbnail} onChange={setThumbnail} />
        </CardContent>
        <CardFooter className="justify-end">
          <Button asChild variant="outline">
            <Link to={liveClass ? `/t/${tenant.slug}/live/${liveClass.id}` : `/t/${tenant.slug}/live`}>Cancel</Link>
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {liveClass ? "Save changes" : "Create class"}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
