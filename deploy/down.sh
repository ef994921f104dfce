#!/usr/bin/env bash
# Stops what deploy/up.sh started, found through its pid files and PostgreSQL's data directory:
# services in reverse start order, then GreenMail, Keycloak, Kafka and PostgreSQL.
#
# Usage: deploy/down.sh [--clean | --purge]
#   --clean   also delete deploy/.data (databases, Kafka topics, Keycloak and its realm database, logs)
#   --purge   --clean, and also delete deploy/.cache (the downloaded Keycloak zip, Kafka and GreenMail jars)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

CLEAN=; PURGE=
for arg in "$@"; do
  case $arg in
    --clean) CLEAN=1 ;;
    --purge) CLEAN=1; PURGE=1 ;;
    -h | --help) sed -n '2,7p' "$0"; exit 0 ;;
    *) die "unknown argument: $arg (see --help)" ;;
  esac
done

for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
  svc=$(svc_field "${SERVICES[i]}" 1)
  # The service itself, or its replicas (deploy/up.sh --replicas N).
  while read -r name; do
    [[ -z $name ]] && continue
    log "stopping $name (pid $(pid_of "$name"))"
    stop_pid "$name" 30
  done < <(running_replicas "$svc")
done
if pid=$(pid_of haproxy); then
  log "stopping HAProxy (pid $pid)"
  stop_pid haproxy 10
fi
if pid=$(pid_of greenmail); then
  log "stopping GreenMail (pid $pid; the mails it kept are gone)"
  stop_pid greenmail 30
fi
if pid=$(pid_of keycloak); then
  log "stopping Keycloak (pid $pid)"
  stop_pid keycloak 60
fi
if pid=$(pid_of kafka); then
  log "stopping Kafka (pid $pid)"
  stop_pid kafka 60
fi
if pg_running; then
  log "stopping PostgreSQL"
  as_pg "$(pg_bin_dir)/pg_ctl" -D "$PG_HOME/data" -m fast -w -t 60 stop >/dev/null
fi
rm -f "$RUN_DIR"/*.pid 2>/dev/null || true

if [[ -n $CLEAN ]]; then
  log "deleting $DATA_DIR"
  rm -rf "$DATA_DIR"
fi
if [[ -n $PURGE ]]; then
  log "deleting $CACHE_DIR"
  rm -rf "$CACHE_DIR"
fi
log "stopped"
