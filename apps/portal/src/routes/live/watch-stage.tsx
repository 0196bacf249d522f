import { CalendarClock, CalendarX, Hourglass, TimerOff } from "lucide-react";
import { formatClassTime } from "../../lib/live-format";
import type { LiveWatch } from "../../lib/types";
import { CalendarButton } from "./calendar-button";
import { Countdown } from "./countdown";
import { LiveHlsPlayer, ReplayPlayer } from "./stream-players";
import { NotEnrolledPanel, StagePanel } from "./watch-panels";
import { WhepPlayer } from "./whep-player";

type StageProps = { watch: LiveWatch; tenantSlug: string; liveHref: string; onStaleUrl: () => void };

/** One component per state, so a class that ends swaps the live player for the replay cleanly. */
export function Stage({ watch, tenantSlug, liveHref, onStaleUrl }: StageProps) {
  switch (watch.state) {
    case "not_enrolled":
      return <NotEnrolledPanel liveClass={watch.class} tenantSlug={tenantSlug} liveHref={liveHref} />;
    case "cancelled":
      return (
        <StagePanel icon={CalendarX} title="This class was cancelled">
          {watch.class.priceTokens > 0 ? <p className="text-muted-foreground">Your tokens were refunded.</p> : null}
        </StagePanel>
      );
    case "scheduled":
      return (
        <StagePanel icon={CalendarClock} title={<Countdown start={watch.class.scheduledStart} />}>
          <p className="text-muted-foreground">The player appears here when the class goes live.</p>
          <CalendarButton classId={watch.class.id} />
        </StagePanel>
      );
    case "live":
      return watch.player.kind === "whep" ? (
        <WhepPlayer key="whep" url={watch.player.url} attendance={{ tenantSlug, classId: watch.class.id }} />
      ) : (
        <LiveHlsPlayer key="hls" url={watch.player.url} attendance={{ tenantSlug, classId: watch.class.id }} />
      );
    case "replay_processing":
      return (
        <StagePanel icon={Hourglass} title="The replay is being prepared">
          <p className="text-muted-foreground">
            It will be available until{" "}
            <time dateTime={watch.replayUntil.toISOString()}>{formatClassTime(watch.replayUntil)}</time>.
          </p>
        </StagePanel>
      );
    case "replay":
      return (
        <ReplayPlayer
          attendance={{ tenantSlug, classId: watch.class.id }}
          hls={watch.hls}
          title={watch.class.title}
          replayUntil={watch.replayUntil}
          onExpiredUrl={onStaleUrl}
        />
      );
    case "replay_expired":
      return <StagePanel icon={TimerOff} title="The replay of this class has expired" />;
  }
}
