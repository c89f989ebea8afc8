# syntax=docker/dockerfile:1
# The release-lanes GitHub App (Probot). See docs/deploy.md for `docker run` and the environment.
# Every RUN step is a stage of scripts/docker-build.sh, which test/scripts/docker-build.test.ts also runs
# (images cannot be built on the development machines; the test replays these COPY/RUN steps).

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/docker-build.sh scripts/build-validators.mjs scripts/
COPY tsconfig.json tsconfig.build.json ./
COPY src src
RUN --mount=type=cache,target=/root/.npm sh scripts/docker-build.sh build

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/docker-build.sh scripts/docker-build.sh
RUN --mount=type=cache,target=/root/.npm sh scripts/docker-build.sh runtime
COPY --from=build /app/dist dist
COPY templates templates
COPY schema schema
COPY app.yml app.yml
USER node
# Probot listens on localhost unless HOST is set: all interfaces, so `docker run -p` reaches it.
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node_modules/.bin/probot", "run", "./dist/app.js"]
