#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# BackCare benchmark: the hot paths as ratios to this machine's own ceilings, measured in the same run.
# See bench/README.md for what every figure means. One command on a fresh machine:
#   bench/run.sh
# brings the stack up with deploy/up.sh, seeds patients/plans/a year of check-ins, measures the ceilings (pgbench,
# a minimal Quarkus "hello"), BackCare's endpoints with wrk, the check-in -> Kafka -> notification latency,
# start-up and RSS of every service, and writes bench/results/<date>.md and .json.
#
# Environment (defaults in brackets; a short debug run:
#   BENCH_DURATION=5s BENCH_RUNS=1 BENCH_WARMUPS=0 BENCH_PATIENTS=50 BENCH_DAYS=30 bench/run.sh):
#   BENCH_DURATION [60s]  length of each wrk and pgbench run      BENCH_WARMUPS [2]  BENCH_RUNS [3]
#   BENCH_PG_WARMUPS [1, at most BENCH_WARMUPS] warm-up runs of each pgbench ceiling
#   BENCH_PATIENTS [1000] patients with BENCH_DAYS [365] days of check-ins each
#   BENCH_LONG_PATIENTS [20] more patients with BENCH_LONG_FACTOR [10] x BENCH_DAYS days (the 10x-history trend)
#   BENCH_THREADS [2] BENCH_CONNECTIONS [32] (wrk)   BENCH_PG_CLIENTS [16] (pgbench)
#   BENCH_ALERT_RATE [100] events/s for BENCH_ALERT_DURATION [120] s
#   BENCH_PHASES ["stack seed startup ceilings http alerts"]: the phases to run (results are always written)
#   BENCH_LABEL [""]: a word in the results' file name and title (e.g. debug)
#   BENCH_DOWN [""]: 1 = deploy/down.sh at the end (the data stays; add --clean yourself)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../deploy/lib/common.sh
source "$BENCH_DIR/../deploy/lib/common.sh"

BENCH_DURATION=${BENCH_DURATION:-60s}
BENCH_WARMUPS=${BENCH_WARMUPS:-2}
# pgbench has no JIT to warm: one warm-up run (caches, the first checkpoint) is enough.
BENCH_PG_WARMUPS=${BENCH_PG_WARMUPS:-$((BENCH_WARMUPS < 1 ? BENCH_WARMUPS : 1))}
BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_PATIENTS=${BENCH_PATIENTS:-1000}
BENCH_DAYS=${BENCH_DAYS:-365}
BENCH_LONG_PATIENTS=${BENCH_LONG_PATIENTS:-20}
BENCH_LONG_FACTOR=${BENCH_LONG_FACTOR:-10}
BENCH_THREADS=${BENCH_THREADS:-2}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-32}
BENCH_PG_CLIENTS=${BENCH_PG_CLIENTS:-16}
BENCH_ALERT_RATE=${BENCH_ALERT_RATE:-100}
BENCH_ALERT_DURATION=${BENCH_ALERT_DURATION:-120}
BENCH_PHASES=${BENCH_PHASES:-stack seed startup ceilings http alerts}
BENCH_LABEL=${BENCH_LABEL:-}
BENCH_DOWN=${BENCH_DOWN:-}
BENCH_SEED_PARALLEL=${BENCH_SEED_PARALLEL:-4}
BENCH_TOKENS=${BENCH_TOKENS:-8}
BENCH_HELLO_PORT=${BENCH_HELLO_PORT:-8089}
# The highest check-in rate a run could reach: sizes each run's window of free days (see day_windows).
BENCH_MAX_CHECKIN_RPS=${BENCH_MAX_CHECKIN_RPS:-3000}

WORK=$BENCH_DIR/.work                # tokens, patient ids, raw outputs of this run (git-ignored)
RESULTS_DIR=$BENCH_DIR/results
PATIENT_URL=http://127.0.0.1:$(svc_port "${SERVICES[0]}")
PLAN_URL=http://127.0.0.1:$(svc_port "${SERVICES[1]}")
TRACKING_URL=http://127.0.0.1:$(svc_port "${SERVICES[2]}")
NOTIFICATION_URL=http://127.0.0.1:$(svc_port "${SERVICES[3]}")
HELLO_URL=http://127.0.0.1:$BENCH_HELLO_PORT
HOUSE_ID=10000000-0000-4000-8000-000000000001
export BENCH_WRK_DIR=$BENCH_DIR/wrk

# --- small helpers ------------------------------------------------------------------------------------------
now_ms() { date +%s%3N; }
# seconds DURATION: "60s", "2m" or "90" in seconds.
seconds() {
  case $1 in
    *m) echo $((${1%m} * 60)) ;;
    *s) echo "${1%s}" ;;
    *) echo "$1" ;;
  esac
}
DURATION_S=$(seconds "$BENCH_DURATION")
TODAY_DAY=$(($(date -u +%s) / 86400)) # epoch day, UTC (tracking-service's default backcare.time-zone)

# Days: normal patients have check-ins on [today - BENCH_DAYS + 1, today], long ones BENCH_LONG_FACTOR times as
# many. Writes during the bench go to days before the normal history, a window of STRIDE days per wrk run (each
# run walks back one day per BENCH_PATIENTS requests), then the alert phase's window. tracking-service accepts
# such backdated check-ins only with CHECKIN_MAX_BACKDATE_DAYS raised: bench-only, set below for the services
# this script starts (a stack started without it answers 400 to the bench's check-ins).
CHECKIN_RUNS=$((BENCH_WARMUPS + BENCH_RUNS))
STRIDE=$(((BENCH_MAX_CHECKIN_RPS * DURATION_S + BENCH_PATIENTS - 1) / BENCH_PATIENTS + 1))
WRITE_BASE=$((TODAY_DAY - BENCH_DAYS - 1))
ALERT_BASE=$((WRITE_BASE - CHECKIN_RUNS * STRIDE))
ALERT_DAYS=$((BENCH_ALERT_RATE * BENCH_ALERT_DURATION / BENCH_PATIENTS + 2))
export CHECKIN_MAX_BACKDATE_DAYS=$((TODAY_DAY - ALERT_BASE + ALERT_DAYS + 30))

psql_tracking() {
  PGPASSWORD=tracking psql -h 127.0.0.1 -p "$PG_PORT" -U tracking -d tracking -v ON_ERROR_STOP=1 -qAt "$@"
}
psql_bench() {
  PGPASSWORD=bench psql -h 127.0.0.1 -p "$PG_PORT" -U bench -d bench -v ON_ERROR_STOP=1 -qAt "$@"
}
psql_admin() {
  "$(pg_bin_dir)/psql" -h "$PG_HOME/run" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}
# fragment NAME JSON: one piece of the results, merged by phase_results.
fragment() { jq -c . <<<"$2" >"$WORK/results/$1.json"; }
# window NAME START_MS END_MS: a measured interval, for the CPU share of other processes.
window() { printf '%s %s %s\n' "$1" "$2" "$3" >>"$WORK/windows.txt"; }

# token USER: a password-grant access token from backcare-app.
token() {
  local t
  t=$(curl -sf --max-time 20 -d grant_type=password -d client_id=backcare-app -d username="$1" \
    -d password="$1-pw" "$TOKEN_URL" | jq -r '.access_token // empty') || true
  [[ -n $t ]] || die "no token for $1 from $TOKEN_URL (is Keycloak up?)"
  printf '%s\n' "$t"
}
# fresh_tokens: BENCH_TOKENS tokens of dr.house (separate sessions) in $WORK/tokens.txt. Tokens live 3600 s
# (realm accessTokenLifespan); they are refreshed before every wrk target.
fresh_tokens() {
  local i
  : >"$WORK/tokens.txt"
  for ((i = 0; i < BENCH_TOKENS; i++)); do token dr.house >>"$WORK/tokens.txt"; done
  HOUSE_TOKEN=$(head -n 1 "$WORK/tokens.txt")
}

# roots: the pids whose process trees are "ours" for the CPU sampler (re-read on every sample).
update_roots() {
  {
    printf '%s\n' "$$"
    cat "$RUN_DIR"/*.pid 2>/dev/null || true
    [[ -f $PG_HOME/data/postmaster.pid ]] && head -n 1 "$PG_HOME/data/postmaster.pid"
  } >"$WORK/roots.txt"
}

# ==============================================================================================================
# Phase: tools
# ==============================================================================================================
phase_tools() {
  command -v jq >/dev/null || apt_install jq
  command -v curl >/dev/null || apt_install curl
  command -v wrk >/dev/null || apt_install wrk
  command -v pgbench >/dev/null || apt_install postgresql-contrib
  command -v psql >/dev/null || apt_install postgresql-client
  command -v java >/dev/null || die "java not found: a JDK 17 or newer is required"
}

# ==============================================================================================================
# Phase: stack (deploy/up.sh, with CHECKIN_MAX_BACKDATE_DAYS exported for tracking-service)
# ==============================================================================================================
phase_stack() {
  log "bringing the stack up (deploy/up.sh; tracking-service with CHECKIN_MAX_BACKDATE_DAYS=$CHECKIN_MAX_BACKDATE_DAYS)…"
  "$DEPLOY_DIR/up.sh" 2>&1 | sed 's/^/    up.sh: /' || die "deploy/up.sh failed"
  # The running cluster's port, as up.sh does.
  PG_PORT=$(sed -n '4p' "$PG_HOME/data/postmaster.pid")
}

# ==============================================================================================================
# Phase: seed. Patients through patient-service's API (dr.house registers them, so he is on every care team),
# a plan from the mechanical template activated for each through plan-service, then the check-ins straight into
# tracking-service's database, written as CheckInService writes them: check_in, daily_rollup, timeline_entry.
# ==============================================================================================================

# Internal sub-commands, run in parallel by xargs: register one patient / create and activate one plan.
seed_register() { # INDEX -> prints "INDEX PATIENT_ID"
  local i=$1 body out
  body=$(jq -nc --arg f "$(printf 'Bench%05d' "$i")-$BENCH_RUN_TAG" --arg sex "$( ((i % 2)) && echo male || echo female)" \
    --arg birth "$((1950 + i % 50))-0$((1 + i % 9))-1$((i % 9))" '{givenName: "Pat", familyName: $f, birthDate: $birth,
    sex: $sex, preferredLanguage: "en", painOnsetDate: "2025-01-15", painType: "mechanical",
    painTypeRationale: "Worse with bending and sitting, eases with movement (bench)", comorbidities: []}')
  out=$(curl -s --max-time 30 -w '\n%{http_code}' -H "Authorization: Bearer $BENCH_SEED_TOKEN" \
    -H 'Content-Type: application/json' --data "$body" "$PATIENT_URL/patients")
  [[ ${out##*$'\n'} == 201 ]] || { echo "register $i: HTTP ${out##*$'\n'} ${out%$'\n'*}" >&2; return 1; }
  printf '%s %s\n' "$i" "$(jq -r .id <<<"${out%$'\n'*}")"
}
seed_plan() { # PATIENT_ID -> prints the patient id once its plan is active
  local p=$1 out plan i
  for ((i = 0; i < 120; i++)); do # plan-service projects the patient from patient-events first
    out=$(curl -s --max-time 30 -w '\n%{http_code}' -H "Authorization: Bearer $BENCH_SEED_TOKEN" \
      -H 'Content-Type: application/json' --data '{"title": "Bench plan", "template": "mechanical"}' "$PLAN_URL/patients/$p/plans")
    [[ ${out##*$'\n'} == 404 ]] || break
    sleep 0.5
  done
  [[ ${out##*$'\n'} == 201 ]] || { echo "plan for $p: HTTP ${out##*$'\n'} ${out%$'\n'*}" >&2; return 1; }
  plan=$(jq -r .id <<<"${out%$'\n'*}")
  out=$(curl -s --max-time 30 -w '\n%{http_code}' -H "Authorization: Bearer $BENCH_SEED_TOKEN" \
    -H 'Content-Type: application/json' --data '{"status": "active", "reason": "bench"}' "$PLAN_URL/plans/$plan/status")
  [[ ${out##*$'\n'} == 200 ]] || { echo "activate $plan: HTTP ${out##*$'\n'} ${out%$'\n'*}" >&2; return 1; }
  printf '%s\n' "$p"
}

# progress_line TEXT: rewrites the current progress line on a terminal, prints a line elsewhere.
progress_line() { if [[ -t 1 ]]; then printf '\r    %s' "$*"; else printf '    %s\n' "$*"; fi; }

# progress LABEL TOTAL FILE: copies the lines on stdin to FILE and counts them on one progress line (on a terminal;
# elsewhere, a line every 10 %).
progress() {
  local label=$1 total=$2 file=$3 n=0 line step
  step=$(( total / 10 > 0 ? total / 10 : 1 ))
  : >"$file"
  while IFS= read -r line; do
    printf '%s\n' "$line" >>"$file"
    n=$((n + 1))
    if [[ -t 1 ]]; then
      printf '\r    %s: %d/%d' "$label" "$n" "$total"
    elif ((n % step == 0 || n == total)); then
      printf '    %s: %d/%d\n' "$label" "$n" "$total"
    fi
  done
  [[ -t 1 ]] && printf '\n'
  return 0
}

phase_seed() {
  local total=$((BENCH_PATIENTS + BENCH_LONG_PATIENTS)) started=$SECONDS signature ids chunk i n rows
  signature="patients=$BENCH_PATIENTS days=$BENCH_DAYS long=$BENCH_LONG_PATIENTS x$BENCH_LONG_FACTOR"
  if [[ -s $WORK/seed.done && $(<"$WORK/seed.done") == "$signature" && -s $WORK/patients.txt ]] &&
    [[ $(psql_tracking -c "select count(*) from check_in where patient_id = '$(head -n 1 "$WORK/patients.txt")'" 2>/dev/null) -ge $BENCH_DAYS ]]; then
    log "seed: already done for this stack ($signature); skipping (deploy/down.sh --clean to start afresh)"
    # The figures of the seed that made this data set go into this run's results too.
    [[ -s $WORK/seed.json ]] && cp "$WORK/seed.json" "$WORK/results/seed.json"
    return
  fi
  rm -f "$WORK/seed.done"
  fresh_tokens
  BENCH_RUN_TAG=$(date -u +%Y%m%d%H%M%S)
  export BENCH_SEED_TOKEN=$HOUSE_TOKEN BENCH_RUN_TAG
  export PATIENT_URL PLAN_URL

  log "seed: registering $total patients through patient-service ($BENCH_SEED_PARALLEL in parallel)…"
  seq 1 "$total" | xargs -P "$BENCH_SEED_PARALLEL" -n 1 "$0" __seed_register | progress registered "$total" "$WORK/registered.txt" || true
  [[ $(wc -l <"$WORK/registered.txt") == "$total" ]] || die "seed: only $(wc -l <"$WORK/registered.txt")/$total patients registered"
  sort -n "$WORK/registered.txt" | awk '{print $2}' >"$WORK/all-patients.txt"
  head -n "$BENCH_PATIENTS" "$WORK/all-patients.txt" >"$WORK/patients.txt"
  tail -n +"$((BENCH_PATIENTS + 1))" "$WORK/all-patients.txt" >"$WORK/long-patients.txt"

  log "seed: a plan from the mechanical template, activated, for each patient (plan-service)…"
  xargs -P "$BENCH_SEED_PARALLEL" -n 1 "$0" __seed_plan <"$WORK/all-patients.txt" | progress "plans active" "$total" "$WORK/planned.txt" || true
  [[ $(wc -l <"$WORK/planned.txt") == "$total" ]] || die "seed: only $(wc -l <"$WORK/planned.txt")/$total plans activated"

  log "seed: waiting until tracking-service has projected the $total patients and their active plans…"
  ids="{$(paste -sd, "$WORK/all-patients.txt")}"
  for ((i = 0; i < 300; i++)); do
    n=$(psql_tracking -v ids="$ids" <<<"select count(*) from active_plan a join care_team_member m on m.patient_id = a.patient_id
      and m.subject = '$HOUSE_ID' where a.patient_id = any(:'ids'::uuid[]);")
    progress_line "projected: $n/$total"
    ((n >= total)) && break
    sleep 1
  done
  [[ -t 1 ]] && printf '\n'
  ((n >= total)) || die "seed: tracking-service projected only $n/$total patients with plans (see deploy/.data/logs/tracking-service.log)"

  log "seed: check-ins straight into tracking's database (check_in + daily_rollup + timeline_entry)…"
  seed_checkins "$WORK/patients.txt" "$BENCH_DAYS" "patients ($BENCH_DAYS days each)"
  seed_checkins "$WORK/long-patients.txt" "$((BENCH_DAYS * BENCH_LONG_FACTOR))" "long-history patients ($((BENCH_DAYS * BENCH_LONG_FACTOR)) days each)"
  log "seed: vacuum analyze…"
  psql_tracking -c 'vacuum analyze check_in' -c 'vacuum analyze daily_rollup' -c 'vacuum analyze timeline_entry'
  rows=$(psql_tracking -c 'select count(*) from check_in')
  printf '%s\n' "$signature" >"$WORK/seed.done"
  fragment seed "$(jq -n --argjson p "$BENCH_PATIENTS" --argjson d "$BENCH_DAYS" --argjson lp "$BENCH_LONG_PATIENTS" \
    --argjson ld "$((BENCH_DAYS * BENCH_LONG_FACTOR))" --argjson rows "$rows" --argjson s "$((SECONDS - started))" \
    '{patients: $p, days: $d, long_patients: $lp, long_days: $ld, check_in_rows: $rows, seconds: $s}')"
  cp "$WORK/results/seed.json" "$WORK/seed.json"
  log "seed: done in $((SECONDS - started)) s ($rows check-ins in tracking's database)"
}

# seed_checkins IDS_FILE DAYS LABEL: DAYS daily check-ins up to today for each patient, 50 patients per statement.
# The rows are what CheckInService.record writes: check_in (version 0, recorded by dr.house), the day's rollup
# (Rollups.checkIn) and the timeline row (TimelineEntry: at = the day's noon UTC, summary {pain, day, redFlags}).
seed_checkins() {
  local file=$1 days=$2 label=$3 total done=0 chunk
  total=$(wc -l <"$file")
  ((total > 0)) || return 0
  while IFS= read -r chunk; do
    psql_tracking -v ids="{$chunk}" -v days="$days" >/dev/null <<'SQL'
set timezone = 'UTC';
with ids as (select p.id, p.n from unnest(:'ids'::uuid[]) with ordinality as p(id, n)),
src as (
    select i.id as patient_id, (current_date - g)::date as day, g, i.n,
           least(10, greatest(0, round(4 + 2 * sin((g + i.n * 7) / 15.0) + random() * 2 - 1)))::int as pain
    from ids i cross join generate_series(0, :days - 1) g),
c as (
    insert into check_in (id, patient_id, day, version, pain, locations, pain_character, leg_symptoms, function_score,
                          sleep_hours, sleep_quality, mood, stress, triggers, relievers, note, red_flags, recorded_by,
                          recorded_at, updated_at)
    select gen_random_uuid(), patient_id, day, 0, pain,
           case when g % 5 = 0 then '["buttock-left", "lower-back"]' else '["lower-back"]' end::jsonb,
           case when pain >= 6 then '["aching", "stabbing"]' else '["aching"]' end::jsonb,
           random() < 0.2, 10 - pain, round((5 + random() * 3)::numeric, 1), (3 + random() * 5)::int,
           (4 + random() * 4)::int, (2 + random() * 6)::int,
           case when g % 3 = 0 then '["bending", "sitting"]' else '["sitting"]' end::jsonb,
           case when g % 2 = 0 then '["heat", "walking"]' else '["walking"]' end::jsonb,
           null, '[]'::jsonb, '10000000-0000-4000-8000-000000000001',
           least(now(), day::timestamp at time zone 'UTC' + interval '12 hours'),
           least(now(), day::timestamp at time zone 'UTC' + interval '12 hours')
    from src
    on conflict (patient_id, day) do nothing
    returning id, patient_id, day, pain, sleep_hours, sleep_quality, red_flags, recorded_at),
r as (
    insert into daily_rollup (patient_id, day, pain, sleep_hours, sleep_quality)
    select patient_id, day, pain, sleep_hours, sleep_quality from c
    on conflict (patient_id, day) do update
    set pain = excluded.pain, sleep_hours = excluded.sleep_hours, sleep_quality = excluded.sleep_quality)
insert into timeline_entry (id, patient_id, at, kind, item_id, summary)
select gen_random_uuid(), patient_id, recorded_at, 'check-in', id,
       jsonb_build_object('pain', pain, 'day', day::text, 'redFlags', red_flags)
from c;
SQL
    done=$((done + $(tr ',' '\n' <<<"$chunk" | wc -l)))
    progress_line "$label: $done/$total patients, $((done * days)) check-ins"
  done < <(xargs -n 50 <"$file" | tr " " ",")
  [[ -t 1 ]] && printf '\n'
  return 0
}

# ==============================================================================================================
# Phase: startup. Each service is stopped and launched again exactly as deploy/up.sh launches it (its environment
# from service_env, SERVICE_JAVA_OPTS); time from launch to the first 200 on /q/health/ready, then one real request,
# then its RSS (VmRSS of the java process).
# ==============================================================================================================
# launch_and_time NAME LOGFILE READY_URL COMMAND...: starts COMMAND with start_bg and prints the ms to the first 200.
launch_and_time() {
  local name=$1 logfile=$2 url=$3 t0 code
  shift 3
  t0=$(now_ms)
  start_bg "$name" "$logfile" "$@"
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null) || code=000
    [[ $code == 200 ]] && break
    pid_of "$name" >/dev/null || { tail -n 30 "$logfile" >&2; die "$name exited during start-up; see $logfile"; }
    (($(now_ms) - t0 < 180000)) || die "$name not ready after 180 s; see $logfile"
    sleep 0.05
  done
  echo $(($(now_ms) - t0))
}
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

phase_startup() {
  local line svc port ms pid rss code logged out=() path svc_env svc_cmd
  fresh_tokens
  local p1
  p1=$(head -n 1 "$WORK/patients.txt" 2>/dev/null || true)
  for line in "${SERVICES[@]}"; do
    svc=$(svc_field "$line" 1)
    port=$(svc_port "$line")
    case $svc in
      patient-service) path="/patients?size=1" ;;
      plan-service) path="/formulary" ;;
      tracking-service) path="/patients/${p1:-00000000-0000-4000-8000-000000000000}/trends?days=90" ;;
      notification-service) path="/notifications/kinds" ;;
      *) path="/q/health/ready" ;;
    esac
    mapfile -t svc_env < <(service_env "$line")
    mapfile -t svc_cmd < <(java_app "$ROOT_DIR/$svc/target/quarkus-app")
    log "startup: restarting $svc as deploy/up.sh does (${svc_cmd[*]})…"
    stop_pid "$svc" 30 || true
    ms=$(launch_and_time "$svc" "$LOG_DIR/$svc.log" "http://127.0.0.1:$port/q/health/ready" \
      env "${svc_env[@]}" "${svc_cmd[@]}")
    pid=$(pid_of "$svc")
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H "Authorization: Bearer $HOUSE_TOKEN" "http://127.0.0.1:$port$path")
    rss=$(rss_kib "$pid")
    logged=$(grep -o 'started in [0-9.]*s' "$LOG_DIR/$svc.log" | tail -n 1 | grep -o '[0-9.]*' | head -n 1 || true)
    note "$svc: first 200 after $ms ms (Quarkus says started in ${logged:-?} s); GET $path -> $code; RSS $((rss / 1024)) MiB"
    out+=("$(jq -nc --arg s "$svc" --argjson ms "$ms" --arg q "${logged:-}" --arg path "$path" --arg code "$code" \
      --argjson rss "$rss" '{service: $s, startup_ms: $ms, quarkus_started_s: ($q | if . == "" then null else tonumber end),
      first_request: {path: $path, status: ($code | tonumber)}, rss_mib: (($rss / 1024) * 10 | round / 10)}')")
  done
  update_roots
  fragment startup "$(printf '%s\n' "${out[@]}" | jq -sc .)"
}

# ==============================================================================================================
# wrk: run_wrk NAME BASE_URL SCRIPT [ARGS...] runs BENCH_WARMUPS + BENCH_RUNS runs of BENCH_DURATION; each run's
# JSON (from done() in bench/wrk/common.lua) goes to $WORK/runs/NAME.jsonl with "measured" true or false.
# For checkin.lua the day base moves back by STRIDE days on every run.
# ==============================================================================================================
run_wrk() {
  local name=$1 base=$2 script=$3 r total=$((BENCH_WARMUPS + BENCH_RUNS)) t0 t1 out json measured args
  shift 3
  : >"$WORK/runs/$name.jsonl"
  for ((r = 0; r < total; r++)); do
    measured=false
    ((r >= BENCH_WARMUPS)) && measured=true
    args=("$@")
    if [[ $script == checkin.lua ]]; then
      args+=("$((WRITE_BASE - CHECKIN_RUN * STRIDE))" "$BENCH_THREADS")
      CHECKIN_RUN=$((CHECKIN_RUN + 1))
    fi
    t0=$(now_ms)
    out=$(wrk -t "$BENCH_THREADS" -c "$BENCH_CONNECTIONS" -d "$BENCH_DURATION" --timeout 10s \
      -s "$BENCH_WRK_DIR/$script" "$base" -- "${args[@]}" 2>"$WORK/runs/$name.$r.err") ||
      { cat "$WORK/runs/$name.$r.err" >&2; die "wrk $name failed"; }
    t1=$(now_ms)
    json=$(sed -n 's/^BENCH_JSON //p' <<<"$out")
    [[ -n $json ]] || { printf '%s\n' "$out" >&2; die "wrk $name: no BENCH_JSON line"; }
    jq -c --argjson m "$measured" --argjson r "$r" '. + {run: $r, measured: $m}' <<<"$json" >>"$WORK/runs/$name.jsonl"
    [[ $measured == true ]] && window "wrk:$name:$r" "$t0" "$t1"
    note "$name run $((r + 1))/$total ($([[ $measured == true ]] && echo measured || echo warm-up)):" \
      "$(jq -r '"\(.rps | floor) req/s, p50 \(.latency_ms.p50) ms, p99 \(.latency_ms.p99) ms, errors \(.errors.total)"' <<<"$json")"
    if [[ -s $WORK/runs/$name.$r.err ]]; then sed 's/^/      /' "$WORK/runs/$name.$r.err" | head -n 6; fi
  done
  # median and min-max of the measured runs
  fragment "wrk-$name" "$(jq -sc --arg n "$name" 'map(select(.measured)) as $m
    | def med(f): ($m | map(f) | sort | .[(length - 1) / 2 | floor]);
      def mn(f): ($m | map(f) | min); def mx(f): ($m | map(f) | max);
    {name: $n, runs: ($m | length),
     rps: {median: med(.rps), min: mn(.rps), max: mx(.rps)},
     p50_ms: {median: med(.latency_ms.p50), min: mn(.latency_ms.p50), max: mx(.latency_ms.p50)},
     p99_ms: {median: med(.latency_ms.p99), min: mn(.latency_ms.p99), max: mx(.latency_ms.p99)},
     errors: ($m | map(.errors.total) | add), requests: ($m | map(.requests) | add), all: $m}' "$WORK/runs/$name.jsonl")"
}

# ==============================================================================================================
# Phase: ceilings. pgbench in a scratch database (insert of a check-in-shaped row; select of the newest 50
# timeline rows of one patient), then the minimal Quarkus hello endpoint (bench/hello) with the services' JVM flags.
# ==============================================================================================================
run_pgbench() { # NAME MODE SCRIPT
  local name=$1 mode=$2 script=$3 r total=$((BENCH_PG_WARMUPS + BENCH_RUNS)) t0 t1 out tps lat measured
  : >"$WORK/runs/pg-$name-$mode.jsonl"
  for ((r = 0; r < total; r++)); do
    measured=false
    ((r >= BENCH_PG_WARMUPS)) && measured=true
    t0=$(now_ms)
    out=$(PGPASSWORD=bench pgbench -h 127.0.0.1 -p "$PG_PORT" -U bench -n -c "$BENCH_PG_CLIENTS" -j "$BENCH_THREADS" \
      -T "$DURATION_S" -M "$mode" -D patients="$BENCH_PATIENTS" -f "$BENCH_DIR/pgbench/$script" bench 2>&1) ||
      { printf '%s\n' "$out" >&2; die "pgbench $name -M $mode failed"; }
    t1=$(now_ms)
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | tail -n 1)
    lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")
    failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$out")
    jq -nc --argjson tps "$tps" --argjson lat "${lat:-null}" --argjson f "${failed:-0}" --argjson m "$measured" \
      --argjson r "$r" '{tps: $tps, latency_avg_ms: $lat, failed: $f, run: $r, measured: $m}' >>"$WORK/runs/pg-$name-$mode.jsonl"
    [[ $measured == true ]] && window "pgbench:$name:$mode:$r" "$t0" "$t1"
    note "pgbench $name -M $mode run $((r + 1))/$total: $tps tps, latency avg ${lat:-?} ms"
  done
  fragment "pg-$name-$mode" "$(jq -sc --arg n "$name" --arg mode "$mode" 'map(select(.measured)) as $m
    | {name: $n, mode: $mode, clients: '"$BENCH_PG_CLIENTS"',
       tps: {median: ($m | map(.tps) | sort | .[(length - 1) / 2 | floor]), min: ($m | map(.tps) | min), max: ($m | map(.tps) | max)},
       failed: ($m | map(.failed) | add), all: $m}' "$WORK/runs/pg-$name-$mode.jsonl")"
}

phase_ceilings() {
  local ms pid rss
  log "ceilings: scratch database bench, tables shaped like check_in and timeline_entry ($BENCH_PATIENTS x $BENCH_DAYS timeline rows)…"
  psql_admin -f - >/dev/null <<'SQL'
SELECT 'CREATE ROLE bench LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench')\gexec
ALTER ROLE bench PASSWORD 'bench';
SELECT 'CREATE DATABASE bench OWNER bench' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'bench')\gexec
SQL
  psql_bench -v patients="$BENCH_PATIENTS" -v days="$BENCH_DAYS" -f "$BENCH_DIR/pgbench/schema.sql" >/dev/null
  fragment pg-settings "$(psql_bench -c "select json_object_agg(name, setting) from pg_settings where name in
    ('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'max_connections', 'server_version')")"
  log "ceilings: pgbench insert of a check-in-shaped row, $BENCH_PG_CLIENTS clients…"
  run_pgbench insert prepared insert.sql
  run_pgbench insert simple insert.sql
  log "ceilings: pgbench select of the newest 50 timeline rows of one patient, $BENCH_PG_CLIENTS clients…"
  run_pgbench select50 prepared select50.sql
  run_pgbench select50 simple select50.sql

  local jar=$BENCH_DIR/hello/target/quarkus-app/quarkus-run.jar
  if [[ ! -f $jar || -n $(find "$BENCH_DIR/hello/src" "$BENCH_DIR/hello/pom.xml" -newer "$jar" -print -quit) ]]; then
    log "ceilings: building bench/hello (mvnw package)…"
    (cd "$ROOT_DIR" && "$(mvn_cmd)" -B -q -f bench/hello/pom.xml -DskipTests package) >"$WORK/hello-build.log" 2>&1 ||
      { tail -n 30 "$WORK/hello-build.log" >&2; die "bench/hello build failed"; }
  fi
  port_in_use "$BENCH_HELLO_PORT" && die "port $BENCH_HELLO_PORT (BENCH_HELLO_PORT, bench/hello) is in use"
  log "ceilings: bench/hello on $HELLO_URL (java $SERVICE_JAVA_OPTS)…"
  local hello_cmd
  mapfile -t hello_cmd < <(java_app "$(dirname "$jar")")
  ms=$(launch_and_time bench-hello "$WORK/hello.log" "$HELLO_URL/hello" \
    env HELLO_HTTP_PORT="$BENCH_HELLO_PORT" "${hello_cmd[@]}")
  pid=$(pid_of bench-hello)
  rss=$(rss_kib "$pid")
  note "hello: first 200 after $ms ms, RSS $((rss / 1024)) MiB"
  fragment hello-startup "$(jq -nc --argjson ms "$ms" --argjson rss "$rss" '{startup_ms: $ms, rss_mib: (($rss / 1024) * 10 | round / 10)}')"
  update_roots
  run_wrk hello "$HELLO_URL" hello.lua
  stop_pid bench-hello 10 || true
}

# free_write_windows: deletes what earlier bench runs wrote before the seeded history of the normal patients (their
# check_in, daily_rollup and timeline rows), so every run of this invocation finds its window of days free again.
free_write_windows() {
  local ids n
  ids="{$(paste -sd, "$WORK/patients.txt")}"
  n=$(psql_tracking -v ids="$ids" -v cutoff="$((TODAY_DAY - BENCH_DAYS + 1))" <<<"set timezone = 'UTC';
    delete from timeline_entry t using check_in c where t.item_id = c.id and c.patient_id = any(:'ids'::uuid[])
      and c.day < date '1970-01-01' + :cutoff;
    delete from daily_rollup where patient_id = any(:'ids'::uuid[]) and day < date '1970-01-01' + :cutoff;
    with d as (delete from check_in where patient_id = any(:'ids'::uuid[]) and day < date '1970-01-01' + :cutoff returning 1)
    select count(*) from d;")
  ((n == 0)) || note "removed $n check-ins that earlier bench runs wrote before the seeded history"
}

# ==============================================================================================================
# Phase: http. BackCare's hot paths with wrk, as dr.house (on every care team), spread over the patients.
# ==============================================================================================================
phase_http() {
  [[ -s $WORK/patients.txt ]] || die "no $WORK/patients.txt: run the seed phase first"
  free_write_windows
  CHECKIN_RUN=0
  fresh_tokens
  log "http: PUT check-in (tracking-service; new patient-days, $STRIDE-day window per run before the seeded history)…"
  run_wrk checkin "$TRACKING_URL" checkin.lua "$WORK/tokens.txt" "$WORK/patients.txt"
  fresh_tokens
  log "http: GET newest-50 timeline (tracking-service)…"
  BENCH_PATH='/patients/{p}/timeline?size=50' run_wrk timeline "$TRACKING_URL" get.lua "$WORK/tokens.txt" "$WORK/patients.txt"
  fresh_tokens
  log "http: GET 90-day trend, $BENCH_DAYS days of history (tracking-service)…"
  BENCH_PATH='/patients/{p}/trends?days=90' run_wrk trend "$TRACKING_URL" get.lua "$WORK/tokens.txt" "$WORK/patients.txt"
  if [[ -s $WORK/long-patients.txt ]]; then
    fresh_tokens
    log "http: GET 90-day trend, $((BENCH_DAYS * BENCH_LONG_FACTOR)) days of history (tracking-service)…"
    BENCH_PATH='/patients/{p}/trends?days=90' run_wrk trend-long "$TRACKING_URL" get.lua "$WORK/tokens.txt" "$WORK/long-patients.txt"
  fi
  fresh_tokens
  log "http: GET /notifications/kinds (notification-service; authenticated, no database work)…"
  BENCH_PATH='/notifications/kinds' run_wrk kinds "$NOTIFICATION_URL" get.lua "$WORK/tokens.txt" "$WORK/patients.txt"
}

# ==============================================================================================================
# Phase: alerts. Check-ins with a red flag at BENCH_ALERT_RATE/s through tracking-service; each raises an urgent
# alert that notification-service pushes on dr.house's live stream (bench/tools/AlertLatency.java). An alert is
# raised once per episode, so a loop closes the open red-flag episodes twice a second in tracking's database (what a
# clean check-in would do) and each patient gets its next red flag BENCH_PATIENTS/rate seconds later.
# ==============================================================================================================
phase_alerts() {
  [[ -s $WORK/patients.txt ]] || die "no $WORK/patients.txt: run the seed phase first"
  local rate=$BENCH_ALERT_RATE closer t0 t1 out json
  free_write_windows
  # At most one red flag per patient every 3 s, so the closer has closed the episode before the next one.
  if ((rate * 3 > BENCH_PATIENTS)); then
    rate=$((BENCH_PATIENTS / 3))
    ((rate > 0)) || rate=1
    warn "alerts: $BENCH_PATIENTS patients allow at most $rate red flags/s (one per patient every 3 s); using $rate/s, not $BENCH_ALERT_RATE/s"
  fi
  fresh_tokens
  psql_tracking -c "update alert_episode set open = false, closed_at = now() where type = 'RED_FLAG_SYMPTOM' and open" >/dev/null
  rm -f "$WORK/alerts.stop"
  (while [[ ! -f $WORK/alerts.stop ]]; do
    psql_tracking -c "update alert_episode set open = false, closed_at = now() where type = 'RED_FLAG_SYMPTOM' and open" >/dev/null || true
    sleep 0.5
  done) &
  closer=$!
  log "alerts: red-flag check-ins at $rate/s for $BENCH_ALERT_DURATION s; latency to the notification on dr.house's stream…"
  t0=$(now_ms)
  out=$(java "$BENCH_DIR/tools/AlertLatency.java" "$TRACKING_URL" "$NOTIFICATION_URL" "$HOUSE_TOKEN" "$WORK/patients.txt" \
    "$rate" "$BENCH_ALERT_DURATION" "$ALERT_BASE" 30 2>"$WORK/runs/alerts.err") || true
  t1=$(now_ms)
  touch "$WORK/alerts.stop"
  wait "$closer" 2>/dev/null || true
  window alerts "$t0" "$t1"
  json=$(sed -n 's/^BENCH_JSON //p' <<<"$out")
  if [[ -z $json ]]; then
    cat "$WORK/runs/alerts.err" >&2
    die "alerts: AlertLatency printed no result"
  fi
  [[ -s $WORK/runs/alerts.err ]] && sed 's/^/      /' "$WORK/runs/alerts.err" | head -n 6
  note "$(jq -r '"sent \(.sent), accepted \(.accepted), received \(.received), lost \(.lost); p50 \(.latency_ms.p50) ms, p99 \(.latency_ms.p99) ms; the PUTs themselves: p50 \(.put_latency_ms.p50) ms, p99 \(.put_latency_ms.p99) ms"' <<<"$json")"
  fragment alerts "$(jq -c --argjson want "$BENCH_ALERT_RATE" '. + {requested_rate_per_s: $want}' <<<"$json")"
}

# ==============================================================================================================
# Phase: results. Merges the fragments, the ratios against the targets, the JVM settings and the CPU share of other
# processes into bench/results/<date>[-label].json and .md.
# ==============================================================================================================
cpu_share() { # prints JSON: the share of the machine's CPU taken by other processes, overall and per window
  local f=$WORK/cpu.txt
  [[ -s $f ]] || { echo null; return; }
  awk -v windows="$WORK/windows.txt" '
    BEGIN { n = 0; while ((getline line < windows) > 0) { split(line, w, " "); n++; wn[n] = w[1]; ws[n] = w[2]; we[n] = w[3] } }
    { t = $1; for (i = 1; i <= n; i++) if (t > ws[i] && t <= we[i] + 1000) { tot[i] += $3; oth[i] += $5; ours[i] += $4 }
      if (n > 0) { for (i = 1; i <= n; i++) if (t > ws[i] && t <= we[i] + 1000) { allt += $3; allo += $5; allu += $4; top[$6] += $7; break } } }
    END {
      printf "{\"measured_windows\":{\"others_share\":%.4f,\"ours_share\":%.4f,\"busiest_other\":\"%s\"},\"windows\":[", (allt ? allo / allt : 0), (allt ? allu / allt : 0), best()
      for (i = 1; i <= n; i++) printf "%s{\"name\":\"%s\",\"others_share\":%.4f,\"ours_share\":%.4f}", (i > 1 ? "," : ""), wn[i], (tot[i] ? oth[i] / tot[i] : 0), (tot[i] ? ours[i] / tot[i] : 0)
      printf "]}\n"
    }
    function best(   k, b, bv) { b = "-"; bv = 0; for (k in top) if (k != "-" && top[k] > bv) { b = k; bv = top[k] } return b }
  ' "$f"
}

phase_results() {
  local stamp json md name
  stamp=$(date -u +%Y-%m-%d-%H%M)
  name=$stamp${BENCH_LABEL:+-$BENCH_LABEL}
  mkdir -p "$RESULTS_DIR"
  json=$RESULTS_DIR/$name.json
  md=$RESULTS_DIR/$name.md
  local frags
  frags=$(for f in "$WORK"/results/*.json; do
    [[ -e $f ]] || continue
    jq -c --arg k "$(basename "$f" .json)" '{($k): .}' "$f"
  done | jq -sc 'add // {}')
  jq -n --argjson f "$frags" --argjson cpu "$(cpu_share)" \
    --arg date "$(date -u +%FT%TZ)" --arg lbl "$BENCH_LABEL" --arg host "$(uname -srm)" --arg cpus "$(nproc)" \
    --arg java "$(java -version 2>&1 | head -n 1)" --arg opts "$SERVICE_JAVA_OPTS" \
    --arg commit "$(git -C "$ROOT_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')" \
    --arg settings "duration=$BENCH_DURATION warmups=$BENCH_WARMUPS (pgbench $BENCH_PG_WARMUPS) runs=$BENCH_RUNS patients=$BENCH_PATIENTS days=$BENCH_DAYS long=$BENCH_LONG_PATIENTS x$BENCH_LONG_FACTOR threads=$BENCH_THREADS connections=$BENCH_CONNECTIONS pg_clients=$BENCH_PG_CLIENTS alert_rate=$BENCH_ALERT_RATE alert_duration=${BENCH_ALERT_DURATION}s" \
    '
    def r(a; b): if (a == null or b == null or b == 0) then null else ((a / b) * 1000 | round / 1000) end;
    def check(v; op; t): if v == null then "not measured" elif (op == ">=" and v >= t) or (op == "<=" and v <= t) or (op == "==" and v == t) then "met" else "MISSED" end;
    ($f["wrk-checkin"].rps.median) as $checkin | ($f["pg-insert-prepared"].tps.median) as $pgins
    | ($f["wrk-timeline"].rps.median) as $tl | ($f["pg-select50-prepared"].tps.median) as $pgsel
    | ($f["wrk-kinds"].rps.median) as $kinds | ($f["wrk-hello"].rps.median) as $hello
    | ($f["wrk-trend"].p99_ms.median) as $tp99 | ($f["wrk-trend-long"].p99_ms.median) as $tlp99
    | ($f.alerts.latency_ms.p50) as $ap50 | ($f.alerts.latency_ms.p99) as $ap99 | ($f.alerts.lost) as $lost
    | (($f.startup // []) | map(.startup_ms) | max) as $start | (($f.startup // []) | map(.rss_mib) | max) as $rss
    | ([$f | to_entries[] | select(.key | startswith("wrk-")) | .value.errors] | add) as $wrkerr
    | ([$f | to_entries[] | select(.key | startswith("pg-") and . != "pg-settings") | .value.failed // 0] | add) as $pgerr
    | (($f.alerts.http_failures // 0) + ($f.alerts.accepted // 0 | if $f.alerts then ($f.alerts.sent - .) else 0 end)) as $alerterr
    | {date: $date, "label": $lbl, commit: $commit, machine: {kernel: $host, cpus: ($cpus | tonumber)}, java: $java,
       jvm_settings: {services: $opts, hello: $opts}, settings: $settings, postgres: $f["pg-settings"],
       targets: [
         {what: "POST check-in / pgbench insert (prepared)", value: r($checkin; $pgins), target: ">= 0.30", status: check(r($checkin; $pgins); ">="; 0.30)},
         {what: "POST check-in / pgbench insert (simple)", value: r($checkin; $f["pg-insert-simple"].tps.median), target: "(info)", status: "info"},
         {what: "timeline / pgbench select-50 (prepared)", value: r($tl; $pgsel), target: ">= 0.25", status: check(r($tl; $pgsel); ">="; 0.25)},
         {what: "timeline / pgbench select-50 (simple)", value: r($tl; $f["pg-select50-simple"].tps.median), target: "(info)", status: "info"},
         {what: "kinds (authenticated, no DB) / hello", value: r($kinds; $hello), target: ">= 0.5", status: check(r($kinds; $hello); ">="; 0.5)},
         {what: "trend p99 ms", value: $tp99, target: "<= 100", status: check($tp99; "<="; 100)},
         {what: "trend p99 with 10x history / trend p99", value: r($tlp99; $tp99), target: "<= 1.5", status: check(r($tlp99; $tp99); "<="; 1.5)},
         {what: "alert p50 ms", value: $ap50, target: "<= 50", status: check($ap50; "<="; 50)},
         {what: "alert p99 ms", value: $ap99, target: "<= 200", status: check($ap99; "<="; 200)},
         {what: "alerts lost", value: $lost, target: "== 0", status: check($lost; "=="; 0)},
         {what: "slowest startup to first 200, ms", value: $start, target: "<= 3000", status: check($start; "<="; 3000)},
         {what: "largest RSS after the first request, MiB", value: $rss, target: "<= 200", status: check($rss; "<="; 200)},
         {what: "errors (wrk non-2xx/socket, pgbench failed, alert check-ins refused)", value: (($wrkerr // 0) + ($pgerr // 0) + $alerterr), target: "== 0", status: check((($wrkerr // 0) + ($pgerr // 0) + $alerterr); "=="; 0)}
       ],
       cpu: $cpu, figures: $f}' >"$json"
  render_md "$json" >"$md"
  log "results: $json"
  log "results: $md"
  sed -n '/^## Targets/,/^## /p' "$md" | sed '$d'
}

render_md() {
  local j=$1
  jq -r '
    def n(x): if x == null then "–" elif (x | type) != "number" then (x | tostring)
      elif (x | fabs) < 10 then (x * 1000 | round / 1000 | tostring) else (x * 10 | round / 10 | tostring) end;
    def mm(o): if o == null then "–" else "\(n(o.median)) (\(n(o.min))–\(n(o.max)))" end;
    "# BackCare benchmark \(.date)\(if .label != "" then " — " + .label else "" end)\n",
    (if .label == "debug" then "**Debug run with short settings: these are NOT the benchmark figures.**\n" else empty end),
    "Commit \(.commit); \(.machine.kernel), \(.machine.cpus) CPUs; \(.java).  ",
    "Settings: \(.settings).  ",
    "JVM flags (services and hello): `\(.jvm_settings.services)`, plus the AppCDS archive of each app (`-XX:SharedArchiveFile=…/app-cds.jsa`) built with it.  ",
    "PostgreSQL: \(.postgres // {} | to_entries | map("\(.key)=\(.value)") | join(", ")).  ",
    "CPU taken by other processes during the measured windows: \(if .cpu == null then "not sampled" else "\(n(.cpu.measured_windows.others_share * 100)) % (busiest other: \(.cpu.measured_windows.busiest_other)); ours \(n(.cpu.measured_windows.ours_share * 100)) %" end).\n",
    "## Targets\n",
    "| what | value | target | status |", "| --- | ---: | --- | --- |",
    (.targets[] | "| \(.what) | \(n(.value)) | \(.target) | \(.status) |"),
    "",
    "## Ceilings (median of the measured runs, min–max)\n",
    "| ceiling | tps / req/s | p50 ms | p99 ms |", "| --- | ---: | ---: | ---: |",
    (.figures | to_entries[] | select(.key | test("^pg-(insert|select50)")) | .value | "| pgbench \(.name) -M \(.mode), \(.clients) clients | \(mm(.tps)) | | |"),
    (.figures["wrk-hello"] // empty | "| hello (bench/hello GET /hello) | \(mm(.rps)) | \(mm(.p50_ms)) | \(mm(.p99_ms)) |"),
    "",
    "## BackCare (wrk, median of the measured runs, min–max)\n",
    "| endpoint | req/s | p50 ms | p99 ms | errors | requests |", "| --- | ---: | ---: | ---: | ---: | ---: |",
    (.figures | to_entries[] | select(.key | startswith("wrk-")) | select(.key != "wrk-hello") | .value
      | "| \(.name) | \(mm(.rps)) | \(mm(.p50_ms)) | \(mm(.p99_ms)) | \(.errors) | \(.requests) |"),
    "",
    "## Check-in -> Kafka -> notification\n",
    (.figures.alerts // null | if . == null then "not measured" else
      "\(.rate_per_s) red-flag check-ins/s for \(.duration_s) s (asked: \(.requested_rate_per_s)/s): sent \(.sent), accepted \(.accepted), notifications received \(.received), lost \(.lost); latency p50 \(n(.latency_ms.p50)) ms, p90 \(n(.latency_ms.p90)) ms, p99 \(n(.latency_ms.p99)) ms, max \(n(.latency_ms.max)) ms. The PUTs themselves: p50 \(n(.put_latency_ms.p50)) ms, p99 \(n(.put_latency_ms.p99)) ms." end),
    "",
    "## Start-up and memory\n",
    "| service | launch to first 200 ms | Quarkus \"started in\" s | first request | RSS MiB |", "| --- | ---: | ---: | --- | ---: |",
    (.figures.startup // [] | .[] | "| \(.service) | \(.startup_ms) | \(n(.quarkus_started_s)) | GET \(.first_request.path) -> \(.first_request.status) | \(.rss_mib) |"),
    (.figures["hello-startup"] // empty | "| bench/hello | \(.startup_ms) | – | GET /hello | \(.rss_mib) |"),
    "",
    "## Seed\n",
    (.figures.seed // null | if . == null then "not run in this invocation" else
      "\(.patients) patients x \(.days) days and \(.long_patients) x \(.long_days) days: \(.check_in_rows) check-ins in tracking, \(.seconds) s." end),
    "",
    "## CPU of other processes per window\n",
    (.cpu // null | if . == null then "not sampled" else ("| window | others | ours |", "| --- | ---: | ---: |",
      (.windows[] | "| \(.name) | \(n(.others_share * 100)) % | \(n(.ours_share * 100)) % |")) end)
  ' "$j"
}

# ==============================================================================================================
main() {
  case ${1:-} in
    __seed_register) seed_register "$2"; return ;;
    __seed_plan) seed_plan "$2"; return ;;
    -h | --help) sed -n '3,20p' "$0"; return ;;
    "") ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  mkdir -p "$WORK/results" "$WORK/runs" "$RESULTS_DIR"
  rm -f "$WORK"/results/*.json "$WORK/windows.txt" "$WORK/cpu.txt" "$WORK/cpu.stop"
  : >"$WORK/windows.txt"
  phase_tools
  log "bench: $BENCH_DURATION x ($BENCH_WARMUPS warm-up + $BENCH_RUNS measured); $BENCH_PATIENTS patients x $BENCH_DAYS days; phases: $BENCH_PHASES"
  if [[ " $BENCH_PHASES " == *" stack "* ]]; then phase_stack; fi
  [[ -f $PG_HOME/data/postmaster.pid ]] && PG_PORT=$(sed -n '4p' "$PG_HOME/data/postmaster.pid")
  update_roots
  java "$BENCH_DIR/tools/CpuSampler.java" "$WORK/roots.txt" "$WORK/cpu.txt" "$WORK/cpu.stop" 1000 &
  local sampler=$!
  trap 'touch "$WORK/cpu.stop"; stop_pid bench-hello 5 >/dev/null 2>&1 || true' EXIT
  local phase
  for phase in seed startup ceilings http alerts; do
    if [[ " $BENCH_PHASES " == *" $phase "* ]]; then "phase_$phase"; fi
  done
  touch "$WORK/cpu.stop"
  wait "$sampler" 2>/dev/null || true
  phase_results
  if [[ -n $BENCH_DOWN ]]; then "$DEPLOY_DIR/down.sh"; fi
}

main "$@"
