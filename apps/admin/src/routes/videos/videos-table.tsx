import { Table, TableBody, TableHead, TableHeader, TableRow, toast } from "@marquee/ui";
import { useState } from "react";
import { trpc } from "../../lib/trpc";
import type { VideoRow } from "../../lib/types";
import { DeleteVideoDialog } from "./delete-video-dialog";
import { useUploadQueue } from "./upload/upload-queue-context";
import { VideoTableRow } from "./video-table-row";

export function VideosTable({ videos }: { videos: VideoRow[] }) {
  const utils = trpc.useUtils();
  const { items: uploads } = useUploadQueue();
  const [deleting, setDeleting] = useState<VideoRow | null>(null);

  return (
    <>
      <Table>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Video</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="hidden md:table-cell">Duration</TableHead>
            <TableHead className="hidden lg:table-cell">Size</TableHead>
            <TableHead className="hidden sm:table-cell">Access</TableHead>
            <TableHead className="w-12">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {videos.map((video) => (
            <VideoTableRow
              key={video.id}
              video={video}
              upload={uploads.find((upload) => upload.videoId === video.id)}
              onDelete={() => setDeleting(video)}
            />
          ))}
        </TableBody>
      </Table>
      <DeleteVideoDialog
        video={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={async ({ title }) => {
          toast.success(`“${title}” was deleted`);
          await utils.videos.list.invalidate();
        }}
      />
    </>
  );
}
