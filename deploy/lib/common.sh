# shellcheck shell=bash disable=SC2034  # the variables are used by the scripts that source this file
# Settings and helpers shared by deploy/up.sh, deploy/down.sh and deploy/smoke.sh. Sourced, never run.

DEPLOY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT_DIR=$(dirname "$DEPLOY_DIR")
DATA_DIR=$DEPLOY_DIR/.data          # everything a run creates; removed by down.sh --clean
CACHE_DIR=$DEPLOY_DIR/.cache        # downloads only (Keycloak zip, Kafka jars); removed by down.sh --purge
LOG_DIR=$DATA_DIR/logs
RUN_DIR=$DATA_DIR/run

# --- Ports (all on 127.0.0.1) ---
PG_PORT=${BACKCARE_PG_PORT:-15432}
KAFKA_PORT=${BACKCARE_KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${BACKCARE_KAFKA_CONTROLLER_PORT:-19093}
KEYCLOAK_PORT=${BACKCARE_KEYCLOAK_PORT:-18080}
KEYCLOAK_MGMT_PORT=${BACKCARE_KEYCLOAK_MGMT_PORT:-19000}
SMTP_PORT=${BACKCARE_SMTP_PORT:-13025}
MAIL_API_PORT=${BACKCARE_MAIL_API_PORT:-13080}

# --- The services' JVM (also bench/hello's, so the benchmark compares like with like) ---
# Serial GC: on 2 cores a small heap is collected faster by one thread than G1's concurrent machinery, and its
# footprint is ~30 MiB smaller. Each app's build writes an AppCDS archive (quarkus.package.jar.appcds.enabled):
# the classes of start-up come pre-parsed from it (about a second less to start on this machine).
SERVICE_JAVA_OPTS=${BACKCARE_SERVICE_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx384m}

# java_app APP_DIR: the command line that runs the Quarkus app in APP_DIR (a target/quarkus-app directory), with
# its AppCDS archive when the build made one. It runs from APP_DIR with the relative `-jar quarkus-run.jar` the
# archive was dumped with: the JVM maps the archive only when the class path matches (an absolute jar path does not;
# it then warns and starts without). -Dbackcare.app names the directory in the command line, which pid_of checks.
java_app() {
  local dir=$1 cds=()
  [[ -f $dir/app-cds.jsa ]] && cds=(-XX:SharedArchiveFile=app-cds.jsa)
  # shellcheck disable=SC2086  # SERVICE_JAVA_OPTS holds several options
  printf '%s\n' env -C "$dir" java $SERVICE_JAVA_OPTS "${cds[@]}" "-Dbackcare.app=$dir" -jar quarkus-run.jar
}

# --- Versions and locations ---
# The Kafka version lives in deploy/kafka/pom.xml only.
KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$DEPLOY_DIR/kafka/pom.xml")
KAFKA_LIB=$CACHE_DIR/kafka-$KAFKA_VERSION/lib
KAFKA_HOME=$DATA_DIR/kafka
KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT
KAFKA_TOPICS=(patient-events plan-events tracking-events)
# Dead-letter topics (<topic>.<consumer group>.dlq) of the consumers' failure-strategy=dead-letter-queue. The
# broker would create them on first use (auto.create.topics.enable); up.sh creates them up front.
KAFKA_DLQ_TOPICS=(
  patient-events.plan-service.dlq
  patient-events.tracking-service.dlq plan-events.tracking-service.dlq
  patient-events.notification-service.dlq plan-events.notification-service.dlq tracking-events.notification-service.dlq
  tracking-events.patient-service.dlq tracking-events.plan-service.dlq
)
KAFKA_TOPIC_PARTITIONS=3

KEYCLOAK_VERSION=26.7.3
KEYCLOAK_ZIP=$CACHE_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip
KEYCLOAK_HOME=$DATA_DIR/keycloak/keycloak-$KEYCLOAK_VERSION
KEYCLOAK_URL=http://127.0.0.1:$KEYCLOAK_PORT
REALM=backcare
REALM_URL=$KEYCLOAK_URL/realms/$REALM
TOKEN_URL=$REALM_URL/protocol/openid-connect/token
# The dev integrator's key pair for SMART Backend Services (client backcare-integrator-jwt, private_key_jwt): up.sh
# makes it with openssl on first start and puts the certificate into the realm; it never leaves deploy/.data.
INTEGRATOR_JWT_CLIENT_ID=backcare-integrator-jwt
INTEGRATOR_KEY_DIR=$DATA_DIR/integrator-jwt
INTEGRATOR_KEY=$INTEGRATOR_KEY_DIR/private-key.pem
INTEGRATOR_CERT=$INTEGRATOR_KEY_DIR/certificate.pem

# GreenMail: a local SMTP server that keeps every mail (in memory) and shows it through an HTTP API.
GREENMAIL_VERSION=2.1.8
GREENMAIL_JAR=$CACHE_DIR/greenmail-standalone-$GREENMAIL_VERSION.jar
MAIL_API_URL=http://127.0.0.1:$MAIL_API_PORT

PG_HOME=$DATA_DIR/pg                # PGDATA is $PG_HOME/data, the socket is in $PG_HOME/run

# --- Services, in start order. One line per service: directory|env prefix|default port|database ---
# The database name is also its user name and (dev only) password. See service_env for the variables
# a service receives; a new service needs one line here and nothing else.
SERVICES=(
  "patient-service|PATIENT|8081|patients"
  "plan-service|PLAN|8082|plans"
  "tracking-service|TRACKING|8083|tracking"
  "notification-service|NOTIFICATION|8084|notifications"
)
OIDC_SERVICE_CLIENT_ID=backcare-services
OIDC_SERVICE_CLIENT_SECRET=backcare-services-secret

# svc_field LINE N: field N (1-based) of a SERVICES line.
svc_field() { cut -d'|' -f"$2" <<<"$1"; }

# svc_port LINE: the service's HTTP port, honouring <PREFIX>_HTTP_PORT.
svc_port() {
  local prefix var
  prefix=$(svc_field "$1" 2)
  var=${prefix}_HTTP_PORT
  printf '%s\n' "${!var:-$(svc_field "$1" 3)}"
}

# --- Replicas (deploy/up.sh --replicas N) ---
# With one replica a service listens on its documented port itself, its pid file is named after it. With N > 1,
# HAProxy listens on the documented ports and balances over instances <service>-1 .. <service>-N, each on its own
# port: REPLICA_PORT_BASE + 10 x the service's position in SERVICES + the replica number (9011, 9012, 9021, ...).
REPLICA_PORT_BASE=${BACKCARE_REPLICA_PORT_BASE:-9000}
HAPROXY_HOME=$DATA_DIR/haproxy
HAPROXY_STATS_PORT=${BACKCARE_HAPROXY_STATS_PORT:-18404}

# haproxy_config N: HAProxy's configuration for N replicas of every active service (stdout). Round robin over the
# instances whose readiness answers 200 (checked every second); a request that could not reach an instance (it
# died) goes to another one. Idle timeouts are minutes: the live stream sends a comment every 15 s, exports and
# downloads stay well within them.
haproxy_config() {
  local n=$1 line svc k
  cat <<EOF
global
  log stdout format raw local0 notice
  maxconn 4096

defaults
  mode http
  log global
  option dontlognull
  timeout connect 2s
  timeout http-request 30s
  timeout queue 30s
  timeout client 5m
  timeout server 5m
  retries 2
  option redispatch
  retry-on conn-failure empty-response

frontend stats
  bind 127.0.0.1:$HAPROXY_STATS_PORT
  stats enable
  stats uri /
  stats refresh 5s
EOF
  for line in "${ACTIVE_SERVICES[@]}"; do
    svc=$(svc_field "$line" 1)
    printf '\nfrontend %s\n  bind 127.0.0.1:%s\n  default_backend %s\n' "$svc" "$(svc_port "$line")" "$svc"
    printf '\nbackend %s\n  balance roundrobin\n  option httpchk GET /q/health/ready\n' "$svc"
    printf '  http-check expect status 200\n  default-server inter 1s fall 2 rise 1\n'
    for ((k = 1; k <= n; k++)); do
      printf '  server %s-%s 127.0.0.1:%s check\n' "$svc" "$k" "$(replica_port "$line" "$k")"
    done
  done
}

# replica_port LINE K: the own port of replica K of this service.
replica_port() {
  local i
  for i in "${!SERVICES[@]}"; do
    if [[ ${SERVICES[i]} == "$1" ]]; then
      printf '%s\n' $((REPLICA_PORT_BASE + 10 * (i + 1) + $2))
      return
    fi
  done
  return 1
}

# replica_name SERVICE K N: the pid/log name of replica K of N.
replica_name() {
  if (($3 == 1)); then printf '%s\n' "$1"; else printf '%s-%s\n' "$1" "$2"; fi
}

# running_replicas SERVICE: the pid names of this service's instances that are alive (one per line).
running_replicas() {
  local file name
  for file in "$RUN_DIR/$1.pid" "$RUN_DIR/$1"-[0-9]*.pid; do
    [[ -e $file ]] || continue
    name=$(basename "$file" .pid)
    pid_of "$name" >/dev/null && printf '%s\n' "$name"
  done
  return 0
}

# service_env LINE [PORT]: the environment (NAME=value, one per line) a service (or one replica of it, on PORT)
# is started with. The other services are always reached on their documented ports (through HAProxy if replicated).
service_env() {
  local line=$1 prefix db other
  prefix=$(svc_field "$line" 2)
  db=$(svc_field "$line" 4)
  printf '%s\n' \
    "${prefix}_HTTP_PORT=${2:-$(svc_port "$line")}" \
    "${prefix}_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$db" \
    "${prefix}_DB_USER=$db" \
    "${prefix}_DB_PASSWORD=$db" \
    "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP" \
    "OIDC_AUTH_SERVER_URL=$REALM_URL" \
    "OIDC_CLIENT_ID=$OIDC_SERVICE_CLIENT_ID" \
    "OIDC_CLIENT_SECRET=$OIDC_SERVICE_CLIENT_SECRET" \
    "SMTP_HOST=127.0.0.1" \
    "SMTP_PORT=$SMTP_PORT"
  # Every service learns where the others are (PATIENT_SERVICE_URL=http://127.0.0.1:8081, ...).
  for other in "${SERVICES[@]}"; do
    printf '%s_SERVICE_URL=http://127.0.0.1:%s\n' "$(svc_field "$other" 2)" "$(svc_port "$other")"
  done
}

log() { printf '==> [%3ds] %s\n' "$SECONDS" "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# Runs a command as the postgres OS user when we are root (initdb and pg_ctl refuse to run as root).
as_pg() {
  if ((EUID == 0)); then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The directory of Debian's PostgreSQL server binaries (initdb, pg_ctl, postgres, psql), or nothing.
pg_bin_dir() {
  local dir
  # Newest major version first.
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  return 1
}

# pg_running: PostgreSQL started by up.sh is running (its PGDATA has a live postmaster).
pg_running() {
  local bin
  [[ -f $PG_HOME/data/PG_VERSION ]] || return 1
  bin=$(pg_bin_dir) || return 1
  as_pg "$bin/pg_ctl" -D "$PG_HOME/data" status >/dev/null 2>&1
}

# pid_of NAME: the pid recorded in $RUN_DIR/NAME.pid if that process is alive and is ours, else fails.
# "Ours" means its command line mentions this checkout, which guards against a reused pid.
pid_of() {
  local file=$RUN_DIR/$1.pid pid
  [[ -s $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$ROOT_DIR" || return 1
  printf '%s\n' "$pid"
}

# port_in_use PORT: something accepts connections on 127.0.0.1:PORT.
port_in_use() {
  # shellcheck disable=SC2016  # $1 belongs to the inner shell
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# start_bg NAME LOGFILE COMMAND...: starts COMMAND in its own session (so it outlives this script and
# down.sh can stop its whole process group), stdout+stderr to LOGFILE, pid to $RUN_DIR/NAME.pid.
start_bg() {
  local name=$1 logfile=$2 pidfile=$RUN_DIR/$1.pid i
  shift 2
  rm -f "$pidfile"
  printf '\n===== %s: deploy/up.sh starts %s\n' "$(date '+%F %T')" "$name" >>"$logfile"
  # shellcheck disable=SC2016  # $$ and $@ are for the inner shell
  nohup setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" >>"$logfile" 2>&1 </dev/null &
  for ((i = 0; i < 100; i++)); do
    [[ -s $pidfile ]] && return 0
    sleep 0.05
  done
  die "$name did not start (no pid file $pidfile); see $logfile"
}

# stop_pid NAME [TIMEOUT_S]: stops the process group recorded in $RUN_DIR/NAME.pid (TERM, then KILL).
stop_pid() {
  local name=$1 timeout=${2:-30} pid i
  if ! pid=$(pid_of "$name"); then
    rm -f "$RUN_DIR/$name.pid"
    return 1
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name (pid $pid) did not stop within ${timeout}s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/$name.pid"
  return 0
}

# wait_http NAME URL TIMEOUT_S LOGFILE [PIDNAME [stop]]: waits until URL answers 2xx. Fails with the log's
# tail if the time runs out or the process (PIDNAME, if given) dies first; with "stop", a process that
# did not get ready in time is stopped, so the next up.sh starts it afresh.
wait_http() {
  local name=$1 url=$2 timeout=$3 logfile=$4 pidname=${5:-} stop=${6:-} start=$SECONDS
  until curl -sf -o /dev/null --max-time 5 "$url"; do
    if [[ -n $pidname ]] && ! pid_of "$pidname" >/dev/null; then
      tail -n 40 "$logfile" >&2 || true
      die "$name exited during start-up; full log: $logfile"
    fi
    if ((SECONDS - start >= timeout)); then
      tail -n 40 "$logfile" >&2 || true
      if [[ -n $stop ]]; then
        stop_pid "$pidname" 10 || true
        die "$name not ready after ${timeout}s ($url), stopped it; full log: $logfile"
      fi
      die "$name not ready after ${timeout}s ($url); full log: $logfile"
    fi
    sleep 1
  done
}

# mvn_cmd: the project's Maven wrapper if present, else the system Maven.
mvn_cmd() {
  if [[ -x $ROOT_DIR/mvnw ]]; then
    printf '%s\n' "$ROOT_DIR/mvnw"
  elif command -v mvn >/dev/null; then
    command -v mvn
  else
    die "neither $ROOT_DIR/mvnw nor mvn found"
  fi
}

# apt_install PACKAGE...: installs Debian packages (root only), running apt-get update once.
APT_UPDATED=
apt_install() {
  ((EUID == 0)) || die "missing $*; install it (apt-get install $*) or run as root"
  command -v apt-get >/dev/null || die "missing $* and no apt-get to install it"
  log "installing $* (apt-get)…"
  if [[ -z $APT_UPDATED ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
}
