import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The Host header is kept so the server's CSRF check sees the request as same-origin.
const server = { target: "http://127.0.0.1:3000", changeOrigin: false };

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
            { name: "vendor", test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
