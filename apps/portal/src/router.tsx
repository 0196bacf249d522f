import { createBrowserRouter, Navigate } from "react-router";
import { RootLayout } from "./components/root-layout";
import { RouteError } from "./components/route-error";
import { AccountPage } from "./routes/account";
import { HomePage } from "./routes/home";
import { LivePage } from "./routes/live/live-page";
import { LiveWatchPage } from "./routes/live/watch-page";
import { NotFoundPage } from "./routes/not-found";
import { SignInPage } from "./routes/sign-in";
import { SignUpPage } from "./routes/sign-up";
import { TenantPage } from "./routes/tenant";
import { AccountBillingPage } from "./routes/tenant-account-billing";
import { TenantAccountLayout } from "./routes/tenant-account-layout";
import { AccountTokensPage } from "./routes/tenant-account-tokens";
import { BillingReturnPage } from "./routes/tenant-billing-return";
import { TenantLayout } from "./routes/tenant-layout";
import { TenantPricingPage } from "./routes/tenant-pricing";
import { TenantVideoWatchPage } from "./routes/tenant-video-watch";
import { TenantVideosPage } from "./routes/tenant-videos";

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "sign-in", element: <SignInPage /> },
      { path: "sign-up", element: <SignUpPage /> },
      { path: "account", element: <AccountPage /> },
      {
        path: ":tenantSlug",
        element: <TenantLayout />,
        children: [
          { index: true, element: <TenantPage /> },
          { path: "videos", element: <TenantVideosPage /> },
          { path: "videos/:videoId", element: <TenantVideoWatchPage /> },
          { path: "live", element: <LivePage /> },
          { path: "live/:classId", element: <LiveWatchPage /> },
          { path: "pricing", element: <TenantPricingPage /> },
          { path: "billing/return", element: <BillingReturnPage /> },
          {
            path: "account",
            element: <TenantAccountLayout />,
            children: [
              { index: true, element: <Navigate to="billing" replace /> },
              { path: "billing", element: <AccountBillingPage /> },
              { path: "tokens", element: <AccountTokensPage /> },
            ],
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
