import { createBrowserRouter, Navigate } from "react-router";
import { ConsoleLayout } from "./components/console-layout";
import { RouteError } from "./components/route-error";
import { ConsoleHome } from "./routes/console-home";
import { MembersPage } from "./routes/members/members-page";
import { NotFoundPage } from "./routes/not-found";
import { PacksPage } from "./routes/packs/packs-page";
import { CloudflareSettingsPage } from "./routes/settings/cloudflare/cloudflare-settings-page";
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
            { path: "members", element: <MembersPage /> },
            { path: "tiers", element: <TiersPage /> },
            { path: "token-packs", element: <PacksPage /> },
            {
              path: "settings",
              element: <SettingsLayout />,
              children: [
                { index: true, element: <Navigate to="cloudflare" replace /> },
                { path: "cloudflare", element: <CloudflareSettingsPage /> },
                { path: "payments", element: <PaymentsSettingsPage /> },
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
