import { Outlet } from "react-router";
import { LeaveGuard } from "./upload/leave-guard";
import { UploadQueueProvider } from "./upload/upload-queue-context";

/** `/t/:tenantSlug/videos/*`: the list and each video's page share one upload queue. */
export function VideosLayout() {
  return (
    <UploadQueueProvider>
      <LeaveGuard />
      <Outlet />
    </UploadQueueProvider>
  );
}
