import { PageHeader } from "@marquee/ui";
import { useTenant } from "../../lib/tenant-context";
import { UploadPanel } from "./upload/upload-panel";
import { VideoLibrary } from "./video-library";

export function VideosPage() {
  const tenant = useTenant();
  return (
    <div className="grid gap-8">
      <title>{`Videos · ${tenant.name} · Marquee Console`}</title>
      <PageHeader
        eyebrow={tenant.name}
        title="Videos"
        description="Upload lessons to Cloudflare Stream, then choose who can watch each one."
      />
      <UploadPanel />
      <VideoLibrary />
    </div>
  );
}
