import {
  Alert,
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  ConfirmDialog,
  toast,
} from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { BellOff, KeyRound } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { CopyField } from "../../../components/copy-field";
import { trpc } from "../../../lib/trpc";
import type { CloudflareSettings } from "../../../lib/types";

type LiveNotifications = NonNullable<CloudflareSettings["own"]>["liveNotifications"];

/**
 * Cloudflare Notifications ("Stream Live Input") posted to Marquee, so a class goes live or
 * ends as its stream connects or drops. The secret goes into Cloudflare's webhook destination
 * and is shown only the once Marquee creates it.
 */
export function LiveNotificationsCard({ notifications }: { notifications: LiveNotifications }) {
  const utils = trpc.useUtils();
  const id = useId();
  const [created, setCreated] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<"replace" | "off" | null>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  // Where focus goes when a dialog closes after it worked: its button may be gone, or renamed.
  const focusOnClose = useRef<"secret" | "status" | null>(null);
  const rotate = trpc.settings.cloudflare.rotateLiveNotificationSecret.useMutation();
  const disable = trpc.settings.cloudflare.disableLiveNotifications.useMutation();
  const { enabled } = notifications;

  useEffect(() => {
    if (created) secretRef.current?.focus();
  }, [created]);

  async function createSecret() {
    try {
      const { url, secret } = await rotate.mutateAsync();
      utils.settings.cloudflare.get.setData(undefined, (current) =>
        current?.own ? { ...current, own: { ...current.own, liveNotifications: { url, enabled: true } } } : current,
      );
      setCreated(secret);
    } catch (error) {
      toast.error("No secret was created", { description: errorMessage(error) });
      throw error;
    }
  }

  async function turnOff() {
    try {
      utils.settings.cloudflare.get.setData(undefined, await disable.mutateAsync());
      setCreated(null);
      focusOnClose.current = "status";
      toast.success("Live notifications turned off");
    } catch (error) {
      toast.error("Live notifications are still on", { description: errorMessage(error) });
      throw error;
    }
  }

  function restoreFocus(event: Event) {
    const wanted = focusOnClose.current;
    focusOnClose.current = null;
    const target = wanted === "secret" ? secretRef.current : wanted === "status" ? statusRef.current : null;
    if (!target) return;
    event.preventDefault();
    target.focus();
  }

  return (
    <Card role="region" aria-labelledby={`${id}-title`}>
      <CardHeader>
        <CardTitle id={`${id}-title`}>Live input notifications</CardTitle>
        <CardDescription>
          Cloudflare can tell Marquee the moment a class's stream connects or drops, so the class goes live and ends on
          time and a refused stream shows why. Without them, Marquee checks every minute.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="flex items-center gap-2 text-sm">
          <span id={`${id}-status`} className="text-muted-foreground">
            Status
          </span>
          {/* Announced when it changes; focused after "Turn off", whose button goes away. */}
          <p ref={statusRef} tabIndex={-1} role="status" aria-labelledby={`${id}-status`} className="outline-none">
            <Badge tone={enabled ? "success" : "neutral"} dot>
              {enabled ? "On" : "Off"}
            </Badge>
          </p>
        </div>
        <CopyField
          label="Notification URL"
          copyLabel="notification URL"
          value={notifications.url}
          description="Where Cloudflare posts the notifications for this account."
        />
        {created ? (
          <>
            <Alert tone="success" title="Secret created: copy it now">
              Marquee shows it only this once.
            </Alert>
            <CopyField
              label="Secret"
              copyLabel="secret"
              value={created}
              inputRef={secretRef}
              description="In Cloudflare's dashboard, open Notifications → Destinations, add a webhook with this URL and secret, then add a 'Stream Live Input' notification that uses it."
            />
          </>
        ) : enabled ? (
          <p className="text-sm text-muted-foreground">
            A secret is set and is never shown again. Lost it? Replace it, and paste the new one into Cloudflare.
          </p>
        ) : null}
      </CardContent>
      <CardFooter className="flex-wrap">
        <Button
          variant="outline"
          size="sm"
          loading={rotate.isPending && confirming === null}
          onClick={() => {
            if (enabled) setConfirming("replace");
            else void createSecret().catch(() => undefined);
          }}
        >
          <KeyRound aria-hidden="true" />
          {enabled ? "Replace secret" : "Create secret"}
        </Button>
        {enabled ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setConfirming("off")}
            className="text-destructive-soft-foreground hover:bg-destructive-soft sm:ml-auto"
          >
            <BellOff aria-hidden="true" />
            Turn off
          </Button>
        ) : null}
      </CardFooter>
      <ConfirmDialog
        open={confirming === "replace"}
        onOpenChange={(open) => setConfirming(open ? "replace" : null)}
        title="Replace the secret?"
        description="The current secret stops working at once: Cloudflare's notifications are refused until you give its webhook destination the new one."
        confirmLabel="Replace secret"
        onConfirm={async () => {
          await createSecret();
          focusOnClose.current = "secret";
        }}
        onCloseAutoFocus={restoreFocus}
      />
      <ConfirmDialog
        open={confirming === "off"}
        onOpenChange={(open) => setConfirming(open ? "off" : null)}
        title="Turn off live notifications?"
        description="Marquee forgets the secret and refuses Cloudflare's notifications. Classes still go live and end, within a minute, from Marquee's own checks."
        confirmLabel="Turn off"
        tone="destructive"
        onConfirm={turnOff}
        onCloseAutoFocus={restoreFocus}
      />
    </Card>
  );
}
