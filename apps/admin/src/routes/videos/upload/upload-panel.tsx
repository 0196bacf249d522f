import { Alert, Button, Card, Dropzone, Field, Select } from "@marquee/ui";
import { UploadCloud } from "lucide-react";
import { useEffect, useState } from "react";
import type { NewUploadAccess } from "./upload-item";
import { useUploadQueue } from "./upload-queue-context";
import { UploadRow } from "./upload-row";
import { findVideoFileProblem, VIDEO_ACCEPT } from "./video-file";

type Rejection = { fileName: string; message: string };

const ACCESS_OPTIONS = [
  { value: "members", label: "Members only", description: "Everyone who has joined" },
  { value: "public", label: "Public", description: "Anyone, without signing in" },
] as const;

/** Drop or pick videos; each one uploads straight to Cloudflare with its own progress and controls. */
export function UploadPanel() {
  const { queue, items, announcement } = useUploadQueue();
  const [access, setAccess] = useState<NewUploadAccess>("members");
  const [rejections, setRejections] = useState<Rejection[]>([]);
  const finished = items.filter((item) => item.status === "done").length;

  // A file dropped beside the drop zone would otherwise open in the tab, ending every upload.
  useEffect(() => {
    const keepPage = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
    };
    window.addEventListener("dragover", keepPage);
    window.addEventListener("drop", keepPage);
    return () => {
      window.removeEventListener("dragover", keepPage);
      window.removeEventListener("drop", keepPage);
    };
  }, []);

  function addFiles(files: File[]) {
    const accepted: File[] = [];
    const rejected: Rejection[] = [];
    for (const file of files) {
      const problem = findVideoFileProblem(file);
      if (problem) rejected.push({ fileName: file.name, message: problem });
      else accepted.push(file);
    }
    setRejections(rejected);
    if (accepted.length > 0) queue.add(accepted, access);
  }

  return (
    <section aria-labelledby="upload-heading" className="grid gap-4">
      <h2 id="upload-heading" className="sr-only">
        Upload videos
      </h2>
      <div className="grid gap-4 md:grid-cols-[1fr_16rem] md:items-start">
        <Dropzone
          multiple
          accept={VIDEO_ACCEPT}
          onFiles={addFiles}
          icon={UploadCloud}
          title="Drop videos here, or choose files"
          description="MP4, MOV, MKV, WebM and other video formats, up to 30 GB each. Large uploads resume where they stopped."
        />
        <Field label="Access for new uploads" description="Choose a tier, or change this, on each video's page.">
          <Select value={access} onValueChange={setAccess} options={ACCESS_OPTIONS} />
        </Field>
      </div>
      {rejections.length > 0 ? (
        <Alert
          tone="destructive"
          title={
            rejections.length === 1
              ? `${rejections[0]?.fileName} was not uploaded`
              : `${rejections.length} files were not uploaded`
          }
        >
          <ul className="grid gap-1">
            {rejections.map((rejection, index) => (
              // The same file may be dropped twice: the position keeps keys apart.
              <li key={`${rejection.fileName}-${index}`}>
                {rejections.length > 1 ? <span className="font-medium">{rejection.fileName}: </span> : null}
                {rejection.message}
              </li>
            ))}
          </ul>
          <Button variant="link" size="sm" className="mt-1 h-auto px-0" onClick={() => setRejections([])}>
            Dismiss
          </Button>
        </Alert>
      ) : null}
      {items.length > 0 ? (
        <Card>
          <div className="flex items-center justify-between gap-2 border-b px-4 py-2.5 sm:px-5">
            <h3 className="text-sm font-semibold">Uploads</h3>
            {finished > 0 ? (
              <Button variant="ghost" size="sm" onClick={() => queue.clearFinished()}>
                Clear finished
              </Button>
            ) : null}
          </div>
          <ul aria-label="Uploads" className="divide-y">
            {items.map((item) => (
              <UploadRow key={item.key} item={item} queue={queue} />
            ))}
          </ul>
        </Card>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
