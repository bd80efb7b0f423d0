# Production image for Fly.io: Node 22 LTS, the database file on a mounted volume (/data).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npx react-router build && npm prune --omit=dev

FROM node:22-bookworm-slim
# Noto Sans CJK SC, embedded in the PDF reports (docs/decisions/005-report-rendering.md)
RUN apt-get update \
	&& apt-get install -y --no-install-recommends fonts-noto-cjk \
	&& rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
	PORT=8080 \
	DATABASE_URL=file:/data/portal.db \
	UPLOAD_DIR=/data/uploads \
	TRUSTED_IP_HEADER=fly-client-ip \
	SEED_DEMO=false
COPY --from=build /app /app
# tsx stays a runtime dependency: migrations (db/prepare.ts) run from source at start.
CMD ["sh", "-c", "node --import tsx db/prepare.ts && node server.js"]
EXPOSE 8080
