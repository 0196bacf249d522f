import { Button, toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { CalendarPlus } from "lucide-react";
import { useState } from "react";
import { trpc } from "../../lib/trpc";

type CalendarButtonProps = { classId: string; describedBy?: string; className?: string };

/** Downloads the class as an .ics file, which calendars import with its reminder and watch link. */
export function CalendarButton({ classId, describedBy, className }: CalendarButtonProps) {
  const utils = trpc.useUtils();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      // Always fresh: the class may have moved since the last download.
      const file = await utils.live.calendar.fetch({ id: classId }, { staleTime: 0 });
      saveFile(file.filename, new Blob([file.content], { type: "text/calendar;charset=utf-8" }));
      toast.success("Calendar event downloaded", { description: "Open the file to add the class to your calendar." });
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      variant="outline"
      size="sm"
      loading={busy}
      aria-describedby={describedBy}
      className={className}
      onClick={() => void download()}
    >
      <CalendarPlus aria-hidden="true" />
      Add to calendar
    </Button>
  );
}

function saveFile(filename: string, blob: Blob) {
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 1_000);
}
