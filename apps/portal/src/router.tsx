import { createBrowserRouter } from "react-router";
import { RootLayout } from "./components/root-layout";
import { RouteError } from "./components/route-error";
import { AccountPage } from "./routes/account";
import { HomePage } from "./routes/home";
import { NotFoundPage } from "./routes/not-found";
import { SignInPage } from "./routes/sign-in";
import { SignUpPage } from "./routes/sign-up";
import { TenantPage } from "./routes/tenant";
import { TenantLayout } from "./routes/tenant-layout";
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
          { path: "*", element: <NotFoundPage /> },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
