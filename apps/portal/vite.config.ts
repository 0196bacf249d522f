import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The Node server on :3000 answers the API; the console is proxied too so its links work in dev.
// The Host header is kept so the server's CSRF check sees the request as same-origin.
const server = { target: "http://127.0.0.1:3000", changeOrigin: false };

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { "/trpc": server, "/healthz": server, "/api": server, "/admin": server },
  },
  build: {
    outDir: "dist",
    sourcemap: true,
    // hls.js (~580 kB, loaded lazily by the player) is the one chunk above Vite's default of 500 kB.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code; in their own chunks they stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: "data", test: /node_modules[\\/](@tanstack|@trpc|superjson|zod|react-hook-form|@hookform)[\\/]/ },
            // The player's engine loads with the first watch page, so it must not join the eager vendor chunk.
            { name: "hls", test: /node_modules[\\/]hls\.js[\\/]/, priority: 1 },
            { name: "vendor", test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
