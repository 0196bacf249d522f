import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The Host header is kept so the server's CSRF check sees the request as same-origin.
const server = { target: "http://127.0.0.1:3000", changeOrigin: false };

// Charts are drawn on the analytics pages only: recharts and what it alone depends on.
const CHART_LIBRARIES =
  /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|react-redux|redux|redux-thunk|immer|reselect|decimal\.js-light|es-toolkit|tiny-invariant|eventemitter3|react-is|use-sync-external-store)[\\/]/;

// The server mounts this build at /admin, so assets and the router live under that base.
export default defineConfig({
  base: "/admin/",
  plugins: [react(), tailwindcss()],
  server: { port: 5174, strictPort: true, proxy: { "/trpc": server } },
  build: {
    outDir: "dist",
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code; in their own chunks they stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: "data", test: /node_modules[\\/](@tanstack|@trpc|superjson|zod|react-hook-form|@hookform)[\\/]/ },
            {
              name: "vendor",
              test: (id: string) => /node_modules[\\/]/.test(id) && !CHART_LIBRARIES.test(id),
            },
            // After vendor, so the libraries both use (clsx...) stay in vendor and this chunk loads only with a chart.
            { name: "charts", test: CHART_LIBRARIES },
          ],
        },
      },
    },
  },
});
