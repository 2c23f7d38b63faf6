#!/bin/sh
# Local stand-ins for the three Docker Hub images the compose files use, for a machine that
# reaches Debian's package mirror but not Docker Hub. Each is built on a Debian bookworm root
# filesystem made here with debootstrap:
#
#   yishi-standin/node:20      this machine's Node (and npm) on bookworm, with a `node` user (uid 1000)
#   yishi-standin/postgres:15  Debian's PostgreSQL 15, honouring POSTGRES_DB/USER/PASSWORD/INITDB_ARGS
#   yishi-standin/nginx        Debian's nginx, reading /etc/nginx/conf.d/*.conf, logging to stdout
#
# Run as root on the Docker host:  sh docker/stand-in-images.sh
# then point the compose files at them:
#   NODE_IMAGE=yishi-standin/node:20 POSTGRES_IMAGE=yishi-standin/postgres:15 \
#   NGINX_IMAGE=yishi-standin/nginx APP_SECRET=… docker-compose -f docker/compose.scale.yml up --build
#
# debootstrap uses its default Debian mirror unless MIRROR is set. CA certificates this machine
# trusts locally (EXTRA_CA_DIR, default /usr/local/share/ca-certificates: e.g. those of a
# TLS-inspecting egress proxy) are trusted inside the images too, by the system and by Node
# (NODE_EXTRA_CA_CERTS), so that npm and apt inside `docker build` get through the same way.
# Images are built with --network host: the builds reach what this machine reaches.
set -eu

SUITE=bookworm
BASE=yishi-standin/debian:$SUITE
EXTRA_CA_DIR=${EXTRA_CA_DIR:-/usr/local/share/ca-certificates}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

command -v debootstrap >/dev/null || { echo "needs debootstrap (apt-get install debootstrap)" >&2; exit 1; }
NODE_BIN=$(command -v node) || { echo "needs node on this machine" >&2; exit 1; }
NPM_DIR=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")

# --- base: a minimal bookworm root filesystem --------------------------------------------------
if ! docker image inspect "$BASE" >/dev/null 2>&1; then
  debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$WORK/rootfs" ${MIRROR:-}
  if ls "$EXTRA_CA_DIR"/*.crt >/dev/null 2>&1; then
    mkdir -p "$WORK/rootfs/usr/local/share/ca-certificates"
    cp "$EXTRA_CA_DIR"/*.crt "$WORK/rootfs/usr/local/share/ca-certificates/"
    chroot "$WORK/rootfs" update-ca-certificates
  fi
  chroot "$WORK/rootfs" apt-get clean
  rm -rf "$WORK/rootfs/var/lib/apt/lists/"*
  tar -C "$WORK/rootfs" -c . | docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8' \
    -c 'CMD ["bash"]' - "$BASE"
  rm -rf "$WORK/rootfs"
fi

# --- node: this machine's Node binary and npm ----------------------------------------------------
mkdir -p "$WORK/node"
cp "$NODE_BIN" "$WORK/node/node"
cp -r "$NPM_DIR" "$WORK/node/npm"
cat > "$WORK/node/Dockerfile" <<EOF
FROM $BASE
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && groupadd -g 1000 node && useradd -u 1000 -g node -m -s /bin/bash node \\
 && node --version && npm --version
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
CMD ["node"]
EOF
docker build --network host -t yishi-standin/node:20 "$WORK/node"

# --- postgres: Debian's PostgreSQL 15 with the official image's environment variables ------------
mkdir -p "$WORK/postgres"
cat > "$WORK/postgres/entrypoint.sh" <<'EOF'
#!/bin/sh
# Creates the cluster on first start (POSTGRES_USER as superuser, POSTGRES_PASSWORD for network
# connections, POSTGRES_DB), then runs postgres in the foreground as PID 1.
set -eu
: "${PGDATA:=/var/lib/postgresql/data}" "${POSTGRES_USER:=postgres}" "${POSTGRES_DB:=$POSTGRES_USER}"
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /run/postgresql
  chown -R postgres:postgres "$PGDATA" /run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}"
  printf '%s\n' "$POSTGRES_PASSWORD" > /tmp/pwfile
  # shellcheck disable=SC2086
  initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile=/tmp/pwfile --auth-local=trust \
    --auth-host=scram-sha-256 ${POSTGRES_INITDB_ARGS:-}
  rm -f /tmp/pwfile
  echo 'host all all all scram-sha-256' >> "$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  if [ "$POSTGRES_DB" != postgres ]; then createdb -U "$POSTGRES_USER" "$POSTGRES_DB"; fi
  pg_ctl -D "$PGDATA" -m fast -w stop
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
EOF
cat > "$WORK/postgres/Dockerfile" <<EOF
FROM $BASE
RUN mkdir -p /etc/postgresql-common \\
 && echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf \\
 && apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 \\
 && apt-get clean && rm -rf /var/lib/apt/lists/*
COPY entrypoint.sh /usr/local/bin/docker-entrypoint.sh
RUN chmod 755 /usr/local/bin/docker-entrypoint.sh
ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \\
    PGDATA=/var/lib/postgresql/data
VOLUME ["/var/lib/postgresql/data"]
STOPSIGNAL SIGINT
EXPOSE 5432
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
EOF
docker build --network host -t yishi-standin/postgres:15 "$WORK/postgres"

# --- nginx: Debian's nginx, configured through conf.d as the official image is --------------------
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/Dockerfile" <<EOF
FROM $BASE
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx \\
 && apt-get clean && rm -rf /var/lib/apt/lists/* \\
 && rm -f /etc/nginx/sites-enabled/default \\
 && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
EOF
docker build --network host -t yishi-standin/nginx "$WORK/nginx"

docker images 'yishi-standin/*'
