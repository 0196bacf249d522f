import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button, Field, Input, toast } from "@marquee/ui";
import { applyServerErrors, toUserError } from "@marquee/ui/trpc";
import { Upload } from "lucide-react";
import { useId, useRef } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { trpc } from "../../../lib/trpc";
import { readWebVtt } from "./webvtt";

const COMMON_LANGUAGES = ["en", "es", "fr", "de", "it", "pt", "pt-BR", "nl", "ja", "ko", "zh-Hans", "ar", "hi", "ru"];

// The same rules and messages as videos.captions.upload on the server.
const captionForm = z.object({
  language: z
    .string()
    .trim()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "Use a language tag such as en, es or pt-BR"),
  label: z.string().trim().min(1, "Give the track a label, e.g. English").max(60, "Use at most 60 characters"),
  file: z.custom<FileList>((value) => value instanceof FileList && value.length > 0, "Choose a .vtt file"),
});

/** "es" -> "Spanish", in the console's language; "" for something that is not a language tag. */
function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(undefined, { type: "language" }).of(tag.trim());
    return name && name !== tag.trim() ? name : "";
  } catch {
    return "";
  }
}

type CaptionUploadFormProps = { videoId: string; existing: { language: string; label: string }[] };

export function CaptionUploadForm({ videoId, existing }: CaptionUploadFormProps) {
  const utils = trpc.useUtils();
  const headingId = useId();
  const listId = useId();
  // Until the label is typed in, it follows the language ("es" -> "Spanish").
  const labelTyped = useRef(false);
  const form = useForm({ resolver: zodResolver(captionForm), defaultValues: { language: "", label: "" } });
  const { errors, isSubmitting } = form.formState;
  const upload = trpc.videos.captions.upload.useMutation();
  const replaced = existing.find((track) => track.language === form.watch("language").trim());

  async function checkFile(file: File | undefined) {
    if (!file) return;
    const check = await readWebVtt(file);
    if (check.ok) form.clearErrors("file");
    else form.setError("file", { type: "validate", message: check.message });
  }

  const submit = form.handleSubmit(async ({ language, label, file }) => {
    const chosen = file[0];
    if (!chosen) return;
    const check = await readWebVtt(chosen);
    if (!check.ok) {
      form.setError("file", { type: "validate", message: check.message }, { shouldFocus: true });
      return;
    }
    try {
      const saved = await upload.mutateAsync({ videoId, language, label, vtt: check.text });
      toast.success(`${saved.label} captions added`);
      form.reset();
      labelTyped.current = false;
      await utils.videos.byId.invalidate({ id: videoId });
    } catch (error) {
      const fileError = toUserError(error).fieldErrors.vtt;
      if (fileError) form.setError("file", { type: "server", message: fileError }, { shouldFocus: true });
      else applyServerErrors(form, error);
    }
  });

  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={submit}
      className="grid gap-4 rounded-lg border bg-muted/30 p-4"
    >
      <h4 id={headingId} className="text-sm font-semibold">
        Add captions
      </h4>
      {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Language"
          description={replaced ? `Replaces the current ${replaced.label} track.` : "A tag such as en, es or pt-BR."}
          error={errors.language?.message}
        >
          <Input
            autoComplete="off"
            spellCheck={false}
            list={listId}
            {...form.register("language", {
              onChange: (event) => {
                if (!labelTyped.current) form.setValue("label", languageName(event.target.value));
              },
            })}
          />
        </Field>
        <datalist id={listId}>
          {COMMON_LANGUAGES.map((tag) => (
            <option key={tag} value={tag}>
              {languageName(tag)}
            </option>
          ))}
        </datalist>
        <Field label="Label" description="Shown in the player's caption menu." error={errors.label?.message}>
          <Input
            autoComplete="off"
            {...form.register("label", {
              onChange: (event) => {
                labelTyped.current = event.target.value !== "";
              },
            })}
          />
        </Field>
      </div>
      <Field label="WebVTT file" description="A .vtt file up to 1 MB." error={errors.file?.message}>
        <Input
          type="file"
          accept=".vtt,text/vtt"
          className="h-auto py-1.5 file:mr-3 file:cursor-pointer file:rounded file:border-0 file:bg-muted file:px-2 file:py-1 file:text-sm file:font-medium"
          {...form.register("file", { onChange: (event) => void checkFile(event.target.files?.[0]) })}
        />
      </Field>
      <div>
        <Button type="submit" variant="outline" loading={isSubmitting}>
          <Upload aria-hidden="true" />
          Upload captions
        </Button>
      </div>
    </form>
  );
}
