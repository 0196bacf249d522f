import type { LucideIcon } from "lucide-react";
import { Upload } from "lucide-react";
import { type DragEvent, type ReactNode, useId, useRef, useState } from "react";
import { cn } from "../lib/cn";
import { focusRing } from "../lib/focus-ring";

type DropzoneProps = {
  /** Every file dropped or picked; checking them (type, size) is the caller's job. */
  onFiles: (files: File[]) => void;
  title: ReactNode;
  description?: ReactNode;
  icon?: LucideIcon;
  /** Hint for the file picker only: dropped files are not filtered by it. */
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  className?: string;
};

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes("Files");

/**
 * A drop target that is also a button opening the file picker, so it works without a mouse.
 * The title names the button for screen readers and the description describes it.
 */
export function Dropzone({
  onFiles,
  title,
  description,
  icon: Icon = Upload,
  accept,
  multiple = false,
  disabled = false,
  className,
}: DropzoneProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // dragenter/dragleave also fire for every child crossed; count them to know when the pointer really left.
  const depth = useRef(0);
  const [dragging, setDragging] = useState(false);

  function take(list: FileList | null) {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
  }

  return (
    <div className={className}>
      <button
        type="button"
        disabled={disabled}
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-description` : undefined}
        onClick={() => inputRef.current?.click()}
        onDragEnter={(event) => {
          if (disabled || !hasFiles(event)) return;
          event.preventDefault();
          depth.current += 1;
          setDragging(true);
        }}
        onDragOver={(event) => {
          if (disabled || !hasFiles(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={() => {
          depth.current = Math.max(0, depth.current - 1);
          if (depth.current === 0) setDragging(false);
        }}
        onDrop={(event) => {
          if (disabled) return;
          event.preventDefault();
          depth.current = 0;
          setDragging(false);
          take(event.dataTransfer.files);
        }}
        className={cn(
          "flex w-full cursor-pointer flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed bg-surface/60 px-6 py-10 text-center transition-colors",
          "hover:border-primary/50 hover:bg-primary-soft/40 disabled:cursor-not-allowed disabled:opacity-60",
          dragging && "border-primary bg-primary-soft/60",
          focusRing,
        )}
      >
        <span className="flex size-11 items-center justify-center rounded-full bg-primary-soft text-primary-soft-foreground">
          <Icon aria-hidden="true" className="size-5" />
        </span>
        <span className="grid max-w-md gap-1">
          <span id={`${id}-title`} className="text-base font-semibold">
            {title}
          </span>
          {description ? (
            <span id={`${id}-description`} className="text-sm text-muted-foreground">
              {description}
            </span>
          ) : null}
        </span>
      </button>
      <input
        ref={inputRef}
        type="file"
        hidden
        tabIndex={-1}
        accept={accept}
        multiple={multiple}
        onChange={(event) => {
          take(event.target.files);
          // Picking the same file again must fire change again.
          event.target.value = "";
        }}
      />
    </div>
  );
}
