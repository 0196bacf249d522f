import { Toaster } from "@marquee/ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { tenantRouteOf } from "./lib/tenant-route";
import { TRPCProvider } from "./lib/trpc";
import { router } from "./router";
import "./styles.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <TRPCProvider tenantRoute={tenantRouteOf(router)}>
      <RouterProvider router={router} />
      <Toaster />
    </TRPCProvider>
  </StrictMode>,
);
