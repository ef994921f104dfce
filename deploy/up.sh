#!/usr/bin/env bash
# Brings up the real BackCare stack on this machine, without Docker:
#   PostgreSQL (Debian's server), Kafka (KRaft, from Maven jars), Keycloak (realm "backcare"), GreenMail
#   (a local SMTP server with an HTTP API to read the mails), then every service that is a module of the
#   root pom (patient-service, plan-service, ...).
# Idempotent: a component that is already running (live pid from an earlier run) is left alone;
# downloads (deploy/.cache) and data (deploy/.data) are reused. Stop it all with deploy/down.sh.
#
# Usage: deploy/up.sh [--infra-only] [--replicas N]
#   --infra-only   start PostgreSQL, Kafka, Keycloak and GreenMail only (run the services yourself, e.g. quarkus:dev)
#   --replicas N   N instances of each service (default 1) behind HAProxy on the documented ports 8081-8084;
#                  run again with the same N to restart instances that died
# Environment: see deploy/README.md (ports BACKCARE_*_PORT and <SERVICE>_HTTP_PORT, BACKCARE_SKIP_BUILD, ...).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

INFRA_ONLY=
REPLICAS=1
while (($#)); do
  case $1 in
    --infra-only) INFRA_ONLY=1 ;;
    --replicas) (($# > 1)) || die "--replicas needs a number"; REPLICAS=$2; shift ;;
    --replicas=*) REPLICAS=${1#--replicas=} ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done
[[ $REPLICAS =~ ^[1-9]$ ]] || die "--replicas takes 1 to 9, not '$REPLICAS'"

KEYCLOAK_TIMEOUT=${BACKCARE_KEYCLOAK_TIMEOUT:-300}
SERVICE_TIMEOUT=${BACKCARE_SERVICE_TIMEOUT:-180}
KAFKA_TIMEOUT=${BACKCARE_KAFKA_TIMEOUT:-120}
KEYCLOAK_ADMIN_PASSWORD=${BACKCARE_KEYCLOAK_ADMIN_PASSWORD:-admin}
STARTED_AT=$SECONDS
STARTING=
trap 'rc=$?; if ((rc)) && [[ -n $STARTING ]]; then
  echo "up.sh failed; what it started keeps running: inspect deploy/.data/logs/, stop it with deploy/down.sh" >&2
fi' EXIT

# Services that exist in this checkout: a directory that the root pom lists as a module (unless --infra-only).
ACTIVE_SERVICES=()
if [[ -z $INFRA_ONLY ]]; then
  for line in "${SERVICES[@]}"; do
    svc=$(svc_field "$line" 1)
    [[ -d $ROOT_DIR/$svc ]] || continue
    if grep -q "<module>$svc</module>" "$ROOT_DIR/pom.xml" 2>/dev/null; then
      ACTIVE_SERVICES+=("$line")
    else
      note "$svc/ is not a module of the root pom yet: not started"
    fi
  done
fi

# ---------------------------------------------------------------------------------------------------
# 1. Tools. Everything missing is installed from Debian's packages (CI starts from a plain machine).
# ---------------------------------------------------------------------------------------------------
command -v java >/dev/null || die "java not found: a JDK 17 or newer is required"
java_version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
((${java_version%%.*} >= 17)) || die "java $java_version found; a JDK 17 or newer is required"
missing=()
for tool in curl unzip setsid runuser timeout openssl; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  apt_install curl unzip util-linux coreutils openssl
fi
if ((REPLICAS > 1)) && ! command -v haproxy >/dev/null; then
  apt_install haproxy
fi
if ! PG_BIN=$(pg_bin_dir); then
  apt_install postgresql
  PG_BIN=$(pg_bin_dir) || die "PostgreSQL installed but initdb/pg_ctl not found under /usr/lib/postgresql/*/bin"
fi
if ((EUID == 0)) && ! id postgres >/dev/null 2>&1; then
  die "the postgres OS user does not exist (is Debian's postgresql package installed correctly?)"
fi
MVN=$(mvn_cmd)

# ---------------------------------------------------------------------------------------------------
# 2. What runs already, and are the ports we need free? Checked before anything starts.
# ---------------------------------------------------------------------------------------------------
mkdir -p "$LOG_DIR" "$RUN_DIR" "$CACHE_DIR"

PG_UP=; KAFKA_UP=; KEYCLOAK_UP=; GREENMAIL_UP=
pg_running && PG_UP=1
pid_of kafka >/dev/null && KAFKA_UP=1
pid_of keycloak >/dev/null && KEYCLOAK_UP=1
pid_of greenmail >/dev/null && GREENMAIL_UP=1

port_problems=()
declare -A port_owner=()
need_port() { # PORT ENVVAR COMPONENT
  if [[ -n ${port_owner[$1]:-} ]]; then
    port_problems+=("port $1 is configured twice: ${port_owner[$1]} and $2 ($3)")
    return
  fi
  port_owner[$1]=$2
  if port_in_use "$1"; then
    port_problems+=("port $1 ($3, set by $2) is already in use on 127.0.0.1")
  fi
}
[[ -n $PG_UP ]] || need_port "$PG_PORT" BACKCARE_PG_PORT PostgreSQL
if [[ -z $KAFKA_UP ]]; then
  need_port "$KAFKA_PORT" BACKCARE_KAFKA_PORT "Kafka broker"
  need_port "$KAFKA_CONTROLLER_PORT" BACKCARE_KAFKA_CONTROLLER_PORT "Kafka controller"
fi
if [[ -z $KEYCLOAK_UP ]]; then
  need_port "$KEYCLOAK_PORT" BACKCARE_KEYCLOAK_PORT "Keycloak HTTP"
  need_port "$KEYCLOAK_MGMT_PORT" BACKCARE_KEYCLOAK_MGMT_PORT "Keycloak management/health"
fi
if [[ -z $GREENMAIL_UP ]]; then
  need_port "$SMTP_PORT" BACKCARE_SMTP_PORT "GreenMail SMTP"
  need_port "$MAIL_API_PORT" BACKCARE_MAIL_API_PORT "GreenMail HTTP API"
fi
HAPROXY_UP=
pid_of haproxy >/dev/null && HAPROXY_UP=1
for line in "${ACTIVE_SERVICES[@]}"; do
  svc=$(svc_field "$line" 1)
  # A stack started with another replica count is not reshaped in place.
  while read -r name; do
    [[ -z $name ]] && continue
    if { ((REPLICAS == 1)) && [[ $name != "$svc" ]]; } || { ((REPLICAS > 1)) && [[ $name == "$svc" ]]; }; then
      die "$name runs from a start with another replica count; stop the stack (deploy/down.sh) and start it again"
    fi
  done < <(running_replicas "$svc")
  if ((REPLICAS == 1)); then
    pid_of "$svc" >/dev/null || need_port "$(svc_port "$line")" "$(svc_field "$line" 2)_HTTP_PORT" "$svc"
  else
    [[ -n $HAPROXY_UP ]] || need_port "$(svc_port "$line")" "$(svc_field "$line" 2)_HTTP_PORT" "HAProxy for $svc"
    for ((k = 1; k <= REPLICAS; k++)); do
      pid_of "$svc-$k" >/dev/null || need_port "$(replica_port "$line" "$k")" BACKCARE_REPLICA_PORT_BASE "$svc-$k"
    done
  fi
done
if ((${#port_problems[@]})); then
  printf 'ERROR: %s\n' "${port_problems[@]}" >&2
  die "nothing was started. Free the port(s) or choose others through the variable(s) named above."
fi

# ---------------------------------------------------------------------------------------------------
# 3. Downloads and builds (still nothing started, so a failure here leaves no half-started stack).
# ---------------------------------------------------------------------------------------------------
if [[ -z $KAFKA_UP ]] && ! compgen -G "$KAFKA_LIB/kafka_2.13-*.jar" >/dev/null; then
  log "downloading Kafka $KAFKA_VERSION jars (~45 MB)…"
  rm -rf "$KAFKA_LIB.tmp"
  (cd "$DEPLOY_DIR/kafka" && "$MVN" -B -q -f pom.xml dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIB.tmp") >"$LOG_DIR/kafka-download.log" 2>&1 ||
    { tail -n 30 "$LOG_DIR/kafka-download.log" >&2; die "Kafka download failed; see $LOG_DIR/kafka-download.log"; }
  mv "$KAFKA_LIB.tmp" "$KAFKA_LIB"
fi

if [[ -z $KEYCLOAK_UP && ! -x $KEYCLOAK_HOME/bin/kc.sh ]]; then
  if [[ ! -s $KEYCLOAK_ZIP ]]; then
    log "downloading Keycloak $KEYCLOAK_VERSION (~170 MB)…"
    "$MVN" -B -q -f "$DEPLOY_DIR/kafka/pom.xml" dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$CACHE_DIR" >"$LOG_DIR/keycloak-download.log" 2>&1 ||
      { tail -n 30 "$LOG_DIR/keycloak-download.log" >&2; die "Keycloak download failed; see $LOG_DIR/keycloak-download.log"; }
  fi
  log "unpacking Keycloak…"
  rm -rf "$DATA_DIR/keycloak"
  mkdir -p "$DATA_DIR/keycloak"
  unzip -q "$KEYCLOAK_ZIP" -d "$DATA_DIR/keycloak"
  [[ -x $KEYCLOAK_HOME/bin/kc.sh ]] || die "unexpected Keycloak zip layout: no $KEYCLOAK_HOME/bin/kc.sh"
fi

if [[ -z $GREENMAIL_UP && ! -s $GREENMAIL_JAR ]]; then
  log "downloading GreenMail $GREENMAIL_VERSION (standalone jar, ~10 MB)…"
  "$MVN" -B -q -f "$DEPLOY_DIR/kafka/pom.xml" dependency:copy \
    -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
    -DoutputDirectory="$CACHE_DIR" >"$LOG_DIR/greenmail-download.log" 2>&1 ||
    { tail -n 30 "$LOG_DIR/greenmail-download.log" >&2; die "GreenMail download failed; see $LOG_DIR/greenmail-download.log"; }
  [[ -s $GREENMAIL_JAR ]] || die "GreenMail download finished but $GREENMAIL_JAR is missing"
fi

# The dev integrator's key pair (SMART Backend Services, client $INTEGRATOR_JWT_CLIENT_ID): made once, kept in
# deploy/.data (never committed; down.sh --clean deletes it). The realm gets its certificate at import (render_realm);
# clients/ CareStoryTest signs its token requests with the private key.
if [[ ! -s $INTEGRATOR_KEY || ! -s $INTEGRATOR_CERT ]]; then
  log "generating the dev integrator's key pair (RSA 2048) in $INTEGRATOR_KEY_DIR…"
  mkdir -p "$INTEGRATOR_KEY_DIR"
  chmod 700 "$INTEGRATOR_KEY_DIR"
  rm -f "$INTEGRATOR_KEY" "$INTEGRATOR_CERT"
  { (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$INTEGRATOR_KEY") &&
    openssl req -new -x509 -key "$INTEGRATOR_KEY" -sha256 -days 3650 -subj "/CN=$INTEGRATOR_JWT_CLIENT_ID" \
      -out "$INTEGRATOR_CERT"; } >"$LOG_DIR/integrator-key.log" 2>&1 ||
    { cat "$LOG_DIR/integrator-key.log" >&2; die "openssl could not make the integrator's key pair"; }
  if [[ -n $KEYCLOAK_UP ]]; then
    warn "Keycloak still has the previous integrator certificate: restart the stack (deploy/down.sh; deploy/up.sh)"
  fi
fi

# A service jar is rebuilt when missing or older than its sources, the platform/ libraries it bundles or the root pom.
to_build=()
for line in "${ACTIVE_SERVICES[@]}"; do
  svc=$(svc_field "$line" 1)
  jar=$ROOT_DIR/$svc/target/quarkus-app/quarkus-run.jar
  # An instance runs from this jar: keep it (a replica restarted next to it must run the same build).
  [[ -n $(running_replicas "$svc") ]] && continue
  if [[ ! -f $jar ]]; then
    to_build+=("$svc")
  elif [[ -z ${BACKCARE_SKIP_BUILD:-} ]] &&
    [[ -n $(find "$ROOT_DIR/$svc/src/main" "$ROOT_DIR/$svc/pom.xml" "$ROOT_DIR/pom.xml" "$ROOT_DIR/platform" \
      -path "*/target" -prune -o -type f -newer "$jar" -print -quit 2>/dev/null) ]]; then
    to_build+=("$svc")
  fi
done
if ((${#to_build[@]})); then
  list=$(IFS=,; echo "${to_build[*]}")
  log "building ${to_build[*]} (mvnw package -DskipTests; a minute or two)…"
  (cd "$ROOT_DIR" && "$MVN" -B -q -DskipTests package -pl "$list" -am) >"$LOG_DIR/build.log" 2>&1 ||
    { tail -n 40 "$LOG_DIR/build.log" >&2; die "build failed; see $LOG_DIR/build.log"; }
  for svc in "${to_build[@]}"; do
    jar=$ROOT_DIR/$svc/target/quarkus-app/quarkus-run.jar
    [[ -f $jar ]] || die "build finished but $jar is missing; see $LOG_DIR/build.log"
  done
fi

# ---------------------------------------------------------------------------------------------------
# 4. PostgreSQL: one cluster, one database and one user per service.
# ---------------------------------------------------------------------------------------------------
STARTING=1
PG_LOG=$LOG_DIR/postgres.log
PG_SOCK=$PG_HOME/run
if [[ -n $PG_UP ]]; then
  log "PostgreSQL already running ($PG_HOME/data)"
else
  mkdir -p "$PG_HOME/data" "$PG_SOCK"
  touch "$PG_LOG"
  if ((EUID == 0)); then
    chown -R postgres:postgres "$PG_HOME"
    chown postgres:postgres "$PG_LOG"
    runuser -u postgres -- test -w "$PG_HOME/data" ||
      die "the postgres OS user cannot reach $PG_HOME (a parent directory is not searchable by others: chmod o+x it)"
  fi
  chmod 700 "$PG_HOME/data"
  if [[ ! -f $PG_HOME/data/PG_VERSION ]]; then
    log "initialising PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}'))…"
    as_pg "$PG_BIN/initdb" -D "$PG_HOME/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C --no-instructions >>"$PG_LOG" 2>&1 ||
      { tail -n 20 "$PG_LOG" >&2; die "initdb failed; see $PG_LOG"; }
  fi
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT…"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_HOME/data" -l "$PG_LOG" -w -t 60 start \
    -o "-p $PG_PORT -k $PG_SOCK -c listen_addresses=127.0.0.1" >/dev/null ||
    { tail -n 20 "$PG_LOG" >&2; die "PostgreSQL did not start; see $PG_LOG"; }
fi
# The running cluster's port (it may differ from BACKCARE_PG_PORT if it was started with another).
PG_PORT=$(sed -n '4p' "$PG_HOME/data/postmaster.pid")
psql_admin() { "$PG_BIN/psql" -h "$PG_SOCK" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
for line in "${SERVICES[@]}"; do
  db=$(svc_field "$line" 4)
  psql_admin -v name="$db" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'name') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name')\gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'name', :'name')\gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name')\gexec
SELECT format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', :'name')\gexec
SQL
done
note "databases: $(psql_admin -c "SELECT string_agg(datname, ', ' ORDER BY datname) FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres'")"

# ---------------------------------------------------------------------------------------------------
# 5. Kafka (single KRaft node, broker+controller) and Keycloak: started together, awaited below.
# ---------------------------------------------------------------------------------------------------
KAFKA_LOG=$LOG_DIR/kafka.log
if [[ -n $KAFKA_UP ]]; then
  log "Kafka already running (pid $(pid_of kafka))"
  KAFKA_PORT=$(sed -n 's/^advertised.listeners=PLAINTEXT:\/\/127.0.0.1://p' "$KAFKA_HOME/server.properties")
  KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT
else
  mkdir -p "$KAFKA_HOME/data"
  cat >"$KAFKA_HOME/server.properties" <<EOF
# Written by deploy/up.sh on every start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_HOME/data
num.partitions=$KAFKA_TOPIC_PARTITIONS
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  if [[ ! -f $KAFKA_HOME/data/meta.properties ]]; then
    log "formatting Kafka storage…"
    [[ -s $KAFKA_HOME/cluster.id ]] ||
      java -cp "$KAFKA_LIB/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1 >"$KAFKA_HOME/cluster.id"
    java -cp "$KAFKA_LIB/*" kafka.tools.StorageTool format -t "$(<"$KAFKA_HOME/cluster.id")" \
      -c "$KAFKA_HOME/server.properties" >>"$KAFKA_LOG" 2>&1 ||
      { tail -n 20 "$KAFKA_LOG" >&2; die "formatting Kafka storage failed; see $KAFKA_LOG"; }
  fi
  log "starting Kafka $KAFKA_VERSION on $KAFKA_BOOTSTRAP (controller 127.0.0.1:$KAFKA_CONTROLLER_PORT)…"
  start_bg kafka "$KAFKA_LOG" java -Xms256m -Xmx512m -XX:+UseSerialGC \
    -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_HOME/server.properties"
fi

# render_realm SRC DEST: the realm file with the integrator's certificate (base64 DER) and key id in place of its
# placeholders. The key id is what Keycloak derives from a certificate, the base64url SHA-256 of the public key's
# DER (SubjectPublicKeyInfo); clients sign with the same one (PrivateKeyJwt.keyId).
render_realm() {
  local cert kid realm
  cert=$(sed '/-----/d' "$INTEGRATOR_CERT" | tr -d '\r\n') || die "cannot read $INTEGRATOR_CERT"
  kid=$(openssl pkey -in "$INTEGRATOR_KEY" -pubout -outform DER | openssl dgst -sha256 -binary | base64 -w0 |
    tr '+/' '-_' | tr -d '=') || die "cannot read the public key of $INTEGRATOR_KEY"
  [[ -n $cert && -n $kid ]] || die "no certificate or key id from $INTEGRATOR_KEY_DIR"
  realm=$(<"$1")
  realm=${realm//@INTEGRATOR_JWT_CERTIFICATE@/$cert}
  realm=${realm//@INTEGRATOR_JWT_KID@/$kid}
  [[ $realm != *@INTEGRATOR_JWT_* ]] || die "$1 has a placeholder render_realm does not know"
  printf '%s\n' "$realm" >"$2"
}

KEYCLOAK_LOG=$LOG_DIR/keycloak.log
if [[ -n $KEYCLOAK_UP ]]; then
  log "Keycloak already running (pid $(pid_of keycloak))"
else
  # --import-realm reads <home>/data/import only and skips a realm that exists. When the realm file or the
  # integrator's certificate changed since the last import, drop Keycloak's dev database so the new realm is
  # imported (the comparison is of the rendered file, the one Keycloak imported last time).
  mkdir -p "$KEYCLOAK_HOME/data/import"
  realm_src=$DEPLOY_DIR/keycloak/backcare-realm.json
  realm_dst=$KEYCLOAK_HOME/data/import/backcare-realm.json
  realm_new=$KEYCLOAK_HOME/data/backcare-realm.rendered.json
  render_realm "$realm_src" "$realm_new"
  if [[ -d $KEYCLOAK_HOME/data/h2 ]] && ! cmp -s "$realm_new" "$realm_dst"; then
    note "realm file changed: re-creating Keycloak's database (changes made in the admin console are lost)"
    rm -rf "$KEYCLOAK_HOME/data/h2"
  fi
  mv "$realm_new" "$realm_dst"
  if [[ -f $KEYCLOAK_HOME/.started-once ]]; then
    log "starting Keycloak $KEYCLOAK_VERSION on $KEYCLOAK_URL (about 15-30 s)…"
  else
    log "starting Keycloak $KEYCLOAK_VERSION on $KEYCLOAK_URL (first start builds it: 35-150 s)…"
  fi
  # Build-time options (--health-enabled, ...) must stay identical between runs, or Keycloak re-augments.
  start_bg keycloak "$KEYCLOAK_LOG" env KC_BOOTSTRAP_ADMIN_USERNAME=admin \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --http-management-port="$KEYCLOAK_MGMT_PORT" \
    --hostname="$KEYCLOAK_URL" --import-realm --health-enabled=true
fi

# topics.done lists the topics created so far: a topic added to common.sh is created on the next up.sh.
all_topics="${KAFKA_TOPICS[*]} ${KAFKA_DLQ_TOPICS[*]}"
if [[ -z $KAFKA_UP ]] || [[ $(cat "$KAFKA_HOME/topics.done" 2>/dev/null) != "$all_topics" ]]; then
  log "waiting for Kafka and creating topics ${KAFKA_TOPICS[*]} and ${#KAFKA_DLQ_TOPICS[@]} dead-letter topics ($KAFKA_TOPIC_PARTITIONS partitions)…"
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$KAFKA_LIB/*" "$DEPLOY_DIR/kafka/KafkaTool.java" \
    create-topics "$KAFKA_BOOTSTRAP" "$KAFKA_TOPIC_PARTITIONS" "$KAFKA_TIMEOUT" "${KAFKA_TOPICS[@]}" "${KAFKA_DLQ_TOPICS[@]}" |
    sed 's/^/    /' ||
    { tail -n 30 "$KAFKA_LOG" >&2; die "Kafka did not come up; see $KAFKA_LOG"; }
  pid_of kafka >/dev/null || { tail -n 30 "$KAFKA_LOG" >&2; die "Kafka exited; see $KAFKA_LOG"; }
  printf '%s\n' "$all_topics" >"$KAFKA_HOME/topics.done"
fi

if [[ -z $KEYCLOAK_UP ]]; then
  wait_http Keycloak "http://127.0.0.1:$KEYCLOAK_MGMT_PORT/health/ready" "$KEYCLOAK_TIMEOUT" "$KEYCLOAK_LOG" keycloak
fi
wait_http "Keycloak realm $REALM" "$REALM_URL/.well-known/openid-configuration" 60 "$KEYCLOAK_LOG" keycloak
touch "$KEYCLOAK_HOME/.started-once"

# ---------------------------------------------------------------------------------------------------
# 5b. GreenMail: SMTP for the services' e-mail (SMTP_HOST/SMTP_PORT), and an HTTP API to read what was
# sent. Authentication is off, so every recipient address gets its own mailbox on first delivery.
# Mails live in memory only: a restart empties every mailbox.
# ---------------------------------------------------------------------------------------------------
GREENMAIL_LOG=$LOG_DIR/greenmail.log
if [[ -n $GREENMAIL_UP ]]; then
  log "GreenMail already running (pid $(pid_of greenmail))"
else
  log "starting GreenMail $GREENMAIL_VERSION: SMTP 127.0.0.1:$SMTP_PORT, mail API $MAIL_API_URL…"
  start_bg greenmail "$GREENMAIL_LOG" java -Xms32m -Xmx128m -XX:+UseSerialGC \
    -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -Dgreenmail.auth.disabled -jar "$GREENMAIL_JAR"
  # The API answers once the SMTP server is up (GreenMail starts the mail services first).
  wait_http GreenMail "$MAIL_API_URL/api/service/readiness" 60 "$GREENMAIL_LOG" greenmail stop
  port_in_use "$SMTP_PORT" || die "GreenMail's API is up but nothing listens on SMTP port $SMTP_PORT; see $GREENMAIL_LOG"
fi

# HAProxy in front of the replicas (--replicas N > 1), started before them: it marks each instance up once the
# instance's readiness answers, so the documented ports work as soon as one instance of a service is ready.
start_haproxy() {
  local cfg=$HAPROXY_HOME/haproxy.cfg new
  mkdir -p "$HAPROXY_HOME"
  new=$(haproxy_config "$REPLICAS")
  if pid_of haproxy >/dev/null && [[ -f $cfg && $(<"$cfg") == "$new" ]]; then
    log "HAProxy already running (pid $(pid_of haproxy))"
    return
  fi
  pid_of haproxy >/dev/null && stop_pid haproxy 10
  printf '%s\n' "$new" >"$cfg"
  haproxy -c -q -f "$cfg" >"$LOG_DIR/haproxy-check.log" 2>&1 ||
    { cat "$LOG_DIR/haproxy-check.log" >&2; die "HAProxy rejects $cfg"; }
  log "starting HAProxy on the services' ports (stats http://127.0.0.1:$HAPROXY_STATS_PORT/)…"
  start_bg haproxy "$LOG_DIR/haproxy.log" haproxy -W -db -f "$cfg"
}

# ---------------------------------------------------------------------------------------------------
# 6. Services, one after another (2 cores: parallel starts only slow each other down).
# ---------------------------------------------------------------------------------------------------
if ((REPLICAS > 1)) && ((${#ACTIVE_SERVICES[@]})); then
  start_haproxy
fi
for line in "${ACTIVE_SERVICES[@]}"; do
  svc=$(svc_field "$line" 1)
  for ((k = 1; k <= REPLICAS; k++)); do
    name=$(replica_name "$svc" "$k" "$REPLICAS")
    if ((REPLICAS == 1)); then port=$(svc_port "$line"); else port=$(replica_port "$line" "$k"); fi
    if pid=$(pid_of "$name"); then
      log "$name already running (pid $pid; restart it with down.sh/up.sh to pick up a new build)"
      # It may be reconnecting (e.g. Kafka was restarted above): wait until it reports ready again.
      wait_http "$name" "http://127.0.0.1:$port/q/health/ready" "$SERVICE_TIMEOUT" "$LOG_DIR/$name.log" "$name"
      continue
    fi
    log "starting $name on http://127.0.0.1:$port…"
    mapfile -t svc_env < <(service_env "$line" "$port")
    mapfile -t svc_cmd < <(java_app "$ROOT_DIR/$svc/target/quarkus-app")
    start_bg "$name" "$LOG_DIR/$name.log" env "${svc_env[@]}" "${svc_cmd[@]}"
    wait_http "$name" "http://127.0.0.1:$port/q/health/ready" "$SERVICE_TIMEOUT" "$LOG_DIR/$name.log" "$name" stop
  done
  if ((REPLICAS > 1)); then
    # HAProxy has seen the new instances' health checks pass once its own check interval has gone by.
    wait_http "$svc (through HAProxy)" "http://127.0.0.1:$(svc_port "$line")/q/health/ready" 30 \
      "$LOG_DIR/haproxy.log" haproxy
  fi
done

# ---------------------------------------------------------------------------------------------------
# 7. What runs where.
# ---------------------------------------------------------------------------------------------------
log "BackCare stack is up ($((SECONDS - STARTED_AT)) s)"
cat <<EOF

  PostgreSQL  127.0.0.1:$PG_PORT        databases/users: patients plans tracking notifications (password = name)
  Kafka       $KAFKA_BOOTSTRAP       topics: ${KAFKA_TOPICS[*]} (and ${#KAFKA_DLQ_TOPICS[@]} dead-letter topics)
  Keycloak    $KEYCLOAK_URL        realm $REALM; admin console $KEYCLOAK_URL/admin (admin / $KEYCLOAK_ADMIN_PASSWORD)
              health http://127.0.0.1:$KEYCLOAK_MGMT_PORT/health/ready
  GreenMail   smtp://127.0.0.1:$SMTP_PORT   the mails sent to an address: curl $MAIL_API_URL/api/user/<address>/messages/
EOF
for line in "${ACTIVE_SERVICES[@]}"; do
  svc=$(svc_field "$line" 1)
  port=$(svc_port "$line")
  printf '  %-21s http://127.0.0.1:%s   Swagger UI http://127.0.0.1:%s/q/swagger-ui\n' "$svc" "$port" "$port"
  if ((REPLICAS > 1)); then
    for ((k = 1; k <= REPLICAS; k++)); do
      printf '    %-19s http://127.0.0.1:%s   (behind HAProxy)\n' "$svc-$k" "$(replica_port "$line" "$k")"
    done
  fi
done
if ((REPLICAS > 1)); then
  printf '  %-21s stats http://127.0.0.1:%s/   config %s\n' HAProxy "$HAPROXY_STATS_PORT" "$HAPROXY_HOME/haproxy.cfg"
fi
cat <<EOF

  Logs: $LOG_DIR    pids: $RUN_DIR
  Token for a demo user (users and passwords: deploy/README.md):
    curl -s -d grant_type=password -d client_id=backcare-app -d username=dr.house -d password=dr.house-pw \\
      $TOKEN_URL | jq -r .access_token
  End-to-end check: deploy/smoke.sh    Stop: deploy/down.sh  (add --clean to delete all data)
EOF
