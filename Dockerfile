# Builds the server with both apps; `docker compose up` runs it against PostgreSQL.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0 TURBO_TELEMETRY_DISABLED=1
COPY . .
RUN corepack pnpm install --frozen-lockfile \
  && corepack pnpm turbo run build --filter=@marquee/server... \
  && corepack pnpm deploy --filter=@marquee/server --prod --legacy /deploy

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000
COPY --from=build /deploy/node_modules apps/server/node_modules
COPY --from=build /app/apps/server/dist apps/server/dist
COPY --from=build /app/apps/portal/dist apps/portal/dist
COPY --from=build /app/apps/admin/dist apps/admin/dist
COPY --from=build /app/drizzle drizzle
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "apps/server/dist/index.js"]
