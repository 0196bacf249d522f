import { build } from "esbuild";

// Our packages are inlined; native and wasm dependencies stay in node_modules.
await build({
  entryPoints: ["src/index.ts"],
  outfile: "dist/index.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  external: ["@electric-sql/pglite", "@ffmpeg-installer/ffmpeg", "@node-rs/argon2", "pino", "postgres"],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
