# syntax=docker/dockerfile:1
# The Kandidatenverkenner as one image: the built app (adapter-node) plus what the operator commands need
# (migrations, `npm run import`, `search:reindex`, `user:create`, which run TypeScript through tsx).
# Configuration comes only from the environment at run time (docs/operations.md); nothing secret is baked in.
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Production dependencies only, installed on the same base so native modules (argon2) match.
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \
	HOST=0.0.0.0 \
	PORT=3000 \
	DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json ./
# tsx resolves the $lib alias of the operator scripts through the generated tsconfig.
COPY --from=build /app/.svelte-kit/tsconfig.json ./.svelte-kit/tsconfig.json
COPY --from=build /app/build ./build
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/src ./src
COPY --from=build /app/search ./search
# Files stay root-owned and read-only to the app; it writes only to DATA_DIR (embedded database, .eml
# mail without SMTP_URL) and the temp directory (uploads being imported).
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Ready = the database and the search engine answer (/readyz); /healthz would only say the process lives.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
	CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# serve.js raises adapter-node's body limit for the admin upload; it refuses to start without ORIGIN.
CMD ["node", "scripts/serve.js"]
