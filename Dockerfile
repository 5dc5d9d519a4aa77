# syntax=docker/dockerfile:1
# Netra's image, used by docker-compose.yml. Built and started nowhere in CI (no Docker engine there):
# test/deploy/dockerfile.spec.ts checks this file, and test/deploy/compose.e2e-spec.ts starts the built
# server with exactly the environment each compose service declares.

# Build: every dependency, the server (dist/) and the console (dist/console-web), then drop dev dependencies.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# Run: Node 24 LTS, no build tools, as the unprivileged `node` user (uid 1000) of the base image.
FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 GRPC_PORT=50051 EVENT_STORE_URL=file:/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/proto ./proto
COPY package.json ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000 50051
# Readiness: the event store, the read model and the projection answer (GET /health/ready).
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
