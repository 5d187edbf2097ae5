# One image for every service; the service is chosen by the command (`gateway`, `crm`, …, or
# `seed` for the one-shot seed job).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY gateway/graphiql ./gateway/graphiql
COPY gateway/ops-console ./gateway/ops-console
COPY gateway/pages ./gateway/pages
# The ops console shows the actions a token's role allows: it bundles the roles table.
COPY platform/auth/roles.ts ./platform/auth/roles.ts
# `prepare` bundles GraphiQL and the ops console so the gateway serves them without internet.
RUN npm ci --include=dev && npm cache clean --force
COPY . .
# HUB_DATA_DIR in compose: a volume shared by every service for the auth keys made at first start;
# a new named volume takes this folder's owner, so the node user can write there.
RUN mkdir -p /hub && chown node:node /hub
USER node
EXPOSE 4000 4001 4002 4003 4004 4005
# node itself is PID 1 (no npm or shell between): `docker stop`'s SIGTERM reaches the hub, which
# drains, tells subscribers to reconnect (close 1012) and closes its databases before exiting.
# Each container runs one service without embedded databases, so it can afford the larger young
# generation that makes the gateway's short-lived request objects cheaper to collect (about 10%
# more throughput; bench/gateways.ts starts the gateway the same way). `npm start` runs without
# it: in the all-in-one process beside five embedded databases it cost about 140 MB.
ENTRYPOINT ["node", "--max-semi-space-size=64", "--import", "tsx", "main.ts"]
CMD ["gateway"]
