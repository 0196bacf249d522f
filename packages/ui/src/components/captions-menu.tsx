import { Captions, CaptionsOff } from "lucide-react";
import type { CaptionTrack } from "../lib/hls-engines";
import { Button } from "./button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "./dropdown-menu";

type CaptionsMenuProps = {
  tracks: CaptionTrack[];
  /** The track on screen, or -1 when captions are off. */
  active: number;
  onSelect(id: number): void;
};

const OFF = "-1";

/** The language menu for a player's caption tracks, with "Off" first. */
export function CaptionsMenu({ tracks, active, onSelect }: CaptionsMenuProps) {
  const current = tracks.find((track) => track.id === active);
  const Icon = current ? Captions : CaptionsOff;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm">
          <Icon aria-hidden="true" />
          Captions: {current ? current.label : "Off"}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="min-w-44">
        <DropdownMenuLabel className="text-xs font-medium text-muted-foreground">Captions language</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuRadioGroup value={String(active)} onValueChange={(value) => onSelect(Number(value))}>
          <DropdownMenuRadioItem value={OFF}>Off</DropdownMenuRadioItem>
          {tracks.map((track) => (
            <DropdownMenuRadioItem key={track.id} value={String(track.id)} lang={track.language || undefined}>
              {track.label}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
