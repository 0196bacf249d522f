import { createBrowserRouter, Navigate } from "react-router";
import { ConsoleLayout } from "./components/console-layout";
import { RouteError } from "./components/route-error";
import { AnalyticsLayout } from "./routes/analytics/analytics-layout";
import { AnalyticsPage } from "./routes/analytics/analytics-page";
import { ClassAnalyticsPage } from "./routes/analytics/class-analytics-page";
import { VideoAnalyticsPage } from "./routes/analytics/video-analytics-page";
import { ConsoleHome } from "./routes/console-home";
import { EditClassPage } from "./routes/live/class-form/edit-class-page";
import { NewClassPage } from "./routes/live/class-form/new-class-page";
import { ClassPage } from "./routes/live/class-page/class-page";
import { LiveClassesPage } from "./routes/live/live-classes-page";
import { LiveLayout } from "./routes/live/live-layout";
import { MembersPage } from "./routes/members/members-page";
import { NotFoundPage } from "./routes/not-found";
import { PacksPage } from "./routes/packs/packs-page";
import { PlatformAnalyticsPage } from "./routes/platform/analytics-page";
import { JobsPage } from "./routes/platform/jobs-page";
import { CloudflareSettingsPage } from "./routes/settings/cloudflare/cloudflare-settings-page";
import { LiveSettingsPage } from "./routes/settings/live/live-settings-page";
import { PaymentsSettingsPage } from "./routes/settings/payments/payments-settings-page";
import { SettingsLayout } from "./routes/settings/settings-layout";
import { SignInPage } from "./routes/sign-in";
import { TenantLayout } from "./routes/tenant-layout";
import { TenantOverviewPage } from "./routes/tenant-overview";
import { TenantsPage } from "./routes/tenants/tenants-page";
import { TiersPage } from "./routes/tiers/tiers-page";
import { VideoDetailPage } from "./routes/videos/detail/video-detail-page";
import { VideosLayout } from "./routes/videos/videos-layout";
import { VideosPage } from "./routes/videos/videos-page";

export const router = createBrowserRouter(
  [
    { path: "/sign-in", element: <SignInPage />, errorElement: <RouteError /> },
    {
      path: "/",
      element: <ConsoleLayout />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <ConsoleHome /> },
        { path: "platform/tenants", element: <TenantsPage /> },
        { path: "platform/jobs", element: <JobsPage /> },
        { path: "platform/analytics", element: <PlatformAnalyticsPage /> },
        {
          path: "t/:tenantSlug",
          element: <TenantLayout />,
          children: [
            { index: true, element: <TenantOverviewPage /> },
            {
              path: "videos",
              element: <VideosLayout />,
              children: [
                { index: true, element: <VideosPage /> },
                { path: ":videoId", element: <VideoDetailPage /> },
              ],
            },
            {
              path: "live",
              element: <LiveLayout />,
              children: [
                { index: true, element: <LiveClassesPage /> },
                { path: "new", element: <NewClassPage /> },
                { path: ":classId", element: <ClassPage /> },
                { path: ":classId/edit", element: <EditClassPage /> },
              ],
            },
            { path: "members", element: <MembersPage /> },
            { path: "tiers", element: <TiersPage /> },
            { path: "token-packs", element: <PacksPage /> },
            {
              path: "analytics",
              element: <AnalyticsLayout />,
              children: [
                { index: true, element: <AnalyticsPage /> },
                { path: "videos/:videoId", element: <VideoAnalyticsPage /> },
                { path: "classes/:classId", element: <ClassAnalyticsPage /> },
              ],
            },
            {
              path: "settings",
              element: <SettingsLayout />,
              children: [
                { index: true, element: <Navigate to="cloudflare" replace /> },
                { path: "cloudflare", element: <CloudflareSettingsPage /> },
                { path: "payments", element: <PaymentsSettingsPage /> },
                { path: "live", element: <LiveSettingsPage /> },
              ],
            },
          ],
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: "/admin" },
);
