import { Button, Field, Input } from "@marquee/ui";
import { X } from "lucide-react";
import { useEffect, useState } from "react";
import { type PreparedThumbnail, prepareThumbnail, THUMBNAIL_TYPES, ThumbnailError } from "./thumbnail-image";

/** What saving the form does to the thumbnail. */
export type ThumbnailChange = { kind: "keep" } | { kind: "replace"; image: PreparedThumbnail } | { kind: "remove" };

type ThumbnailFieldProps = {
  /** The saved thumbnail, if any. */
  currentUrl: string | null;
  value: ThumbnailChange;
  onChange: (change: ThumbnailChange) => void;
};

export function ThumbnailField({ currentUrl, value, onChange }: ThumbnailFieldProps) {
  const [error, setError] = useState<string | null>(null);
  const [preparing, setPreparing] = useState(false);
  // A new input after Remove: the browser would otherwise keep showing the old file name.
  const [inputKey, setInputKey] = useState(0);
  const previewUrl = value.kind === "replace" ? value.image.previewUrl : value.kind === "keep" ? currentUrl : null;
  const ownUrl = value.kind === "replace" ? value.image.previewUrl : null;

  useEffect(() => {
    if (!ownUrl) return;
    return () => URL.revokeObjectURL(ownUrl);
  }, [ownUrl]);

  async function choose(file: File | undefined) {
    if (!file) return;
    setError(null);
    setPreparing(true);
    try {
      onChange({ kind: "replace", image: await prepareThumbnail(file) });
    } catch (failure) {
      setError(failure instanceof ThumbnailError ? failure.message : "The image could not be prepared.");
    } finally {
      setPreparing(false);
    }
  }

  return (
    <div className="grid gap-3">
      <Field
        label="Thumbnail"
        hint="Optional"
        description="A JPEG, PNG or WebP image, shown on the class page. It is resized to at most 1280×720."
        error={error ?? undefined}
      >
        <Input
          key={inputKey}
          type="file"
          accept={THUMBNAIL_TYPES.join(",")}
          disabled={preparing}
          className="h-auto py-1.5 file:mr-3 file:cursor-pointer file:rounded file:border-0 file:bg-muted file:px-2 file:py-1 file:text-sm file:font-medium"
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </Field>
      {previewUrl ? (
        <div className="flex items-end gap-3">
          <img
            src={previewUrl}
            alt="Thumbnail preview"
            className="aspect-video w-48 rounded-md border bg-muted object-cover"
          />
          <Button
            variant="outline"
            size="sm"
            aria-label="Remove thumbnail"
            onClick={() => {
              setInputKey((key) => key + 1);
              onChange(currentUrl ? { kind: "remove" } : { kind: "keep" });
            }}
          >
            <X aria-hidden="true" />
            Remove
          </Button>
        </div>
      ) : value.kind === "remove" ? (
        <p className="text-sm text-muted-foreground">The thumbnail is removed when you save.</p>
      ) : null}
    </div>
  );
}
