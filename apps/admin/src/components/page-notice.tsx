import { Alert, Button } from "@marquee/ui";
import { X } from "lucide-react";
import type { ReactNode } from "react";

export type Notice = { tone: "success" | "warning"; title: string; body: ReactNode };

/** A message about the last change that stays until dismissed or replaced, unlike a toast. */
export function PageNotice({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  if (!notice) return null;
  return (
    <div className="relative">
      <Alert tone={notice.tone} title={notice.title} className="pr-12">
        {notice.body}
      </Alert>
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label="Dismiss"
        onClick={onDismiss}
        className="absolute top-2 right-2 hover:bg-transparent"
      >
        <X aria-hidden="true" />
      </Button>
    </div>
  );
}
