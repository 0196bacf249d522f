import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle, toast } from "@marquee/ui";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useTenant } from "../../../lib/tenant-context";
import { trpc } from "../../../lib/trpc";
import type { VideoDetail } from "../../../lib/types";
import { DeleteVideoDialog } from "../delete-video-dialog";

export function DeleteVideoCard({ video }: { video: VideoDetail }) {
  const tenant = useTenant();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const [open, setOpen] = useState(false);
  return (
    <Card className="border-destructive/30">
      <CardHeader>
        <CardTitle>Delete video</CardTitle>
        <CardDescription>Removes it from Cloudflare Stream and from the catalog, with its captions.</CardDescription>
      </CardHeader>
      <CardContent>
        <Button variant="destructive" size="sm" onClick={() => setOpen(true)}>
          <Trash2 aria-hidden="true" />
          Delete video
        </Button>
      </CardContent>
      <DeleteVideoDialog
        video={open ? video : null}
        onClose={() => setOpen(false)}
        onDeleted={async ({ title }) => {
          await navigate(`/t/${tenant.slug}/videos`);
          toast.success(`“${title}” was deleted`);
          await utils.videos.list.invalidate();
        }}
      />
    </Card>
  );
}
