#!/usr/bin/env bash
# Scale and fault check through the stack that `deploy/up.sh --replicas 2` started (2 instances of each service
# behind HAProxy). Prints what it counted and exits non-zero on any loss, duplicate or disorder.
#
#  1. dr.house registers $SCALE_PATIENTS patients and adds pt.jones to each team (through HAProxy: both
#     patient-service relays publish), while PostgreSQL is restarted once.
#  2. Each patient reports a red flag (saddle numbness) on $SCALE_DAYS days: $SCALE_PATIENTS x $SCALE_DAYS
#     check-ins (1,000 by default), four clients at once, retrying what a dying instance did not answer. Meanwhile
#     tracking-service-1 and notification-service-1 are killed (kill -9) and started again, then Kafka is restarted.
#  3. Counted once everything has drained: lost and duplicate urgent notifications (one red-flag alert per patient
#     and episode for dr.house), duplicate escalations, e-mails (GreenMail), events out of order per patient on
#     patient-events and tracking-events, check-ins the API did not take.
#  4. Live stream: a client on each notification-service replica receives every notification of new red flags.
#  5. An export started on tracking-service-1 is polled and downloaded through tracking-service-2.
#  6. notification-service-1 is killed again; an urgent alert raised right then must reach the inbox within 30 s,
#     and another one within 30 s of the instance's restart.
# Environment: BACKCARE_SCALE_PATIENTS (250), BACKCARE_SCALE_DAYS (4, at most 8), BACKCARE_SCALE_CLIENTS (4).
# shellcheck disable=SC2016  # single-quoted $names are jq's
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

command -v jq >/dev/null || apt_install jq
SCALE_PATIENTS=${BACKCARE_SCALE_PATIENTS:-250}
SCALE_DAYS=${BACKCARE_SCALE_DAYS:-4}
SCALE_CLIENTS=${BACKCARE_SCALE_CLIENTS:-4}
CONVERGE_WAIT=${BACKCARE_SCALE_CONVERGE_WAIT:-180}
MAIL_WAIT=${BACKCARE_SCALE_MAIL_WAIT:-180} # > EMAIL_SEND_LEASE: a killed sender's e-mail is re-sent after it
((SCALE_DAYS >= 1 && SCALE_DAYS <= 8)) || die "BACKCARE_SCALE_DAYS must be 1..8 (check-ins are backdated at most 7 days)"

PATIENT_URL=http://127.0.0.1:$(svc_port "${SERVICES[0]}")
TRACKING_URL=http://127.0.0.1:$(svc_port "${SERVICES[2]}")
NOTIFICATION_URL=http://127.0.0.1:$(svc_port "${SERVICES[3]}")
TRACKING_1=http://127.0.0.1:$(replica_port "${SERVICES[2]}" 1)
TRACKING_2=http://127.0.0.1:$(replica_port "${SERVICES[2]}" 2)
NOTIFICATION_1=http://127.0.0.1:$(replica_port "${SERVICES[3]}" 1)
NOTIFICATION_2=http://127.0.0.1:$(replica_port "${SERVICES[3]}" 2)
JONES_ID=20000000-0000-4000-8000-000000000001
HOUSE_MAIL=dr.house@backcare.example
UP=("$DEPLOY_DIR/up.sh" --replicas 2)
export BACKCARE_SKIP_BUILD=1

pid_of haproxy >/dev/null || die "HAProxy is not running: start the stack with deploy/up.sh --replicas 2"
for line in "${SERVICES[@]}"; do
  svc=$(svc_field "$line" 1)
  for k in 1 2; do
    pid_of "$svc-$k" >/dev/null || die "$svc-$k is not running: start the stack with deploy/up.sh --replicas 2"
  done
done

WORK=$(mktemp -d)
STREAM_PIDS=()
cleanup() {
  local pid
  for pid in "${STREAM_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
log() { printf '==> [%4ds] %s\n' "$SECONDS" "$*"; }
PROBLEMS=()
problem() { PROBLEMS+=("$*"); printf '    PROBLEM: %s\n' "$*" >&2; }

token() { # USER
  curl -sf --max-time 20 -d grant_type=password -d client_id=backcare-app -d username="$1" -d password="$1-pw" \
    "$TOKEN_URL" | jq -r .access_token
}
HOUSE=$(token dr.house)
INTEGRATOR=$(curl -sf --max-time 20 -d grant_type=client_credentials -d client_id=backcare-integrator \
  -d client_secret=backcare-integrator-secret "$TOKEN_URL" | jq -r .access_token)
[[ -n $HOUSE && $HOUSE != null && -n $INTEGRATOR && $INTEGRATOR != null ]] || die "no tokens from $TOKEN_URL"
export HOUSE WORK

# send METHOD URL BODY [IDEMPOTENCY_KEY]: one request with retries while an instance or the database is away (no
# answer, 502, 503, 504, or 409 while its Idempotency-Key is still held). Prints "STATUS<TAB>BODY". A retried create
# carries the same Idempotency-Key.
send() {
  local method=$1 url=$2 body=$3 key=${4:-} attempt out status
  # Up to ~3 minutes: a request cut off by the database restart may hold its Idempotency-Key "in progress" (409,
  # Retry-After) until backcare.idempotency.processing-timeout (2 min) lets the retry take it over.
  for ((attempt = 1; attempt <= 360; attempt++)); do
    out=$(curl -s --max-time 30 -w '\t%{http_code}' -X "$method" -H "Authorization: Bearer $HOUSE" \
      -H 'Content-Type: application/json' ${key:+-H "Idempotency-Key: $key"} --data "$body" "$url") || out=$'\t000'
    status=${out##*$'\t'}
    case $status in
      000 | 502 | 503 | 504) sleep 0.5 ;;
      409) [[ $out == *idempotency-key-in-progress* ]] || break; sleep 1 ;;
      *) break ;;
    esac
  done
  printf '%s\t%s\n' "$status" "${out%$'\t'*}"
}
export -f send

# register I TAG: one patient with dr.house and pt.jones on the team; prints the patient id or "FAILED ...".
register() {
  local i=$1 tag=$2 reply status id
  reply=$(send POST "$PATIENT_URL/patients" "$(jq -nc --arg f "$tag-$i" '{givenName: "Scale", familyName: $f,
    birthDate: "1970-01-01", sex: "other", painOnsetDate: "2025-01-01", painType: "mechanical",
    painTypeRationale: "Worse with sitting, eases with walking"}')" "$tag-register-$i")
  status=${reply%%$'\t'*}
  [[ $status == 201 ]] || { printf 'FAILED register %s: HTTP %s %s\n' "$i" "$status" "$(head -c 300 <<<"${reply#*$'\t'}")"; return 0; }
  id=$(jq -r .id <<<"${reply#*$'\t'}")
  reply=$(send POST "$PATIENT_URL/patients/$id/care-team" \
    "$(jq -nc --arg s "$JONES_ID" '{subject: $s, role: "physical-therapist", displayName: "Paula Jones, PT"}')" \
    "$tag-team-$i")
  status=${reply%%$'\t'*}
  # 409: the member was added by a try whose answer was lost.
  [[ $status == 201 || $status == 409 ]] || { printf 'FAILED care team %s: HTTP %s\n' "$id" "$status"; return 0; }
  printf '%s\n' "$id"
}
export -f register
export PATIENT_URL TRACKING_URL JONES_ID

# checkins ID DAYS: the patient's red-flag check-ins, oldest day first; prints one line per check-in: OK or FAILED.
checkins() {
  local id=$1 days=$2 d day reply status
  for ((d = days - 1; d >= 0; d--)); do
    day=$(date -u -d "-$d day" +%F)
    reply=$(send PUT "$TRACKING_URL/patients/$id/check-ins/$day" '{"pain": 8, "locations": ["lower-back"],
      "triggers": ["sitting"], "relievers": ["walking"], "sleepQuality": 3, "redFlags": ["saddle-numbness"]}')
    status=${reply%%$'\t'*}
    # 428: stored by an earlier try whose answer was lost (a second PUT of the day needs If-Match).
    case $status in
      200 | 201 | 428) printf 'OK\n' ;;
      *) printf 'FAILED %s %s: HTTP %s %s\n' "$id" "$day" "$status" "$(head -c 200 <<<"${reply#*$'\t'}")" ;;
    esac
  done
}
export -f checkins

restart_postgresql() {
  log "fault: PostgreSQL restart (pg_ctl restart -m fast)"
  as_pg "$(pg_bin_dir)/pg_ctl" -D "$PG_HOME/data" -m fast -w -t 60 restart >>"$WORK/faults.log" 2>&1
}
kill_replica() { # NAME
  local pid
  pid=$(pid_of "$1") || { log "fault: $1 is not running"; return 0; }
  log "fault: kill -9 $1 (pid $pid)"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  rm -f "$RUN_DIR/$1.pid"
}
restart_dead() {
  log "restarting what is down (deploy/up.sh --replicas 2)"
  "${UP[@]}" >>"$WORK/faults.log" 2>&1 || { tail -n 30 "$WORK/faults.log" >&2; die "deploy/up.sh failed"; }
  log "stack complete again"
}
restart_kafka() {
  log "fault: Kafka restart"
  stop_pid kafka 60 >>"$WORK/faults.log" 2>&1 || true
  restart_dead
}

TAG=Scale$(date +%s)
START_EPOCH=$(date +%s)
log "scale check $TAG: $SCALE_PATIENTS patients x $SCALE_DAYS red-flag check-ins, $SCALE_CLIENTS clients, 2 replicas"

# dr.house wants urgent alerts by e-mail too (as in the smoke test).
prefs=$(curl -s -D "$WORK/h" -o /dev/null -H "Authorization: Bearer $HOUSE" "$NOTIFICATION_URL/preferences/me" && \
  sed -n 's/^ETag: *//Ip' "$WORK/h" | tr -d '\r')
curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $HOUSE" -H 'Content-Type: application/json' \
  ${prefs:+-H "If-Match: $prefs"} --data "{\"channels\": {\"inApp\": true, \"email\": true}, \"email\": \"$HOUSE_MAIL\",
  \"quietHours\": null, \"timeZone\": \"UTC\", \"checkInReminderTime\": null}" "$NOTIFICATION_URL/preferences/me" ||
  die "dr.house's preferences could not be saved"

# --- 1. Registration, with a PostgreSQL restart -------------------------------------------------------------------
log "1. registering $SCALE_PATIENTS patients through HAProxy"
( sleep 3; restart_postgresql ) &
fault=$!
seq 1 "$SCALE_PATIENTS" | xargs -P "$SCALE_CLIENTS" -I{} bash -c 'register "$1" "$2"' _ {} "$TAG" >"$WORK/registered"
wait "$fault"
grep '^FAILED' "$WORK/registered" | head -5 >&2 && problem "$(grep -c '^FAILED' "$WORK/registered") registrations failed"
grep -v '^FAILED' "$WORK/registered" >"$WORK/patients" || true
PATIENTS=$(wc -l <"$WORK/patients")
((PATIENTS > 0)) || die "no patient could be registered; nothing to check"
log "   $PATIENTS patients registered"

# The check-ins need tracking-service to know each patient and team (its projection of patient-events).
started=$SECONDS
while read -r id; do
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $HOUSE" \
    "$TRACKING_URL/patients/$id/check-ins") == 200 ]]; do
    ((SECONDS - started < 120)) || { problem "tracking-service never projected patient $id"; break 2; }
    sleep 0.5
  done
done <"$WORK/patients"
log "   tracking-service knows them all ($((SECONDS - started)) s)"

# --- 2. Red-flag check-ins, with instances killed and Kafka restarted ---------------------------------------------
log "2. $((PATIENTS * SCALE_DAYS)) red-flag check-ins"
(
  sleep 4
  kill_replica tracking-service-1
  kill_replica notification-service-1
  sleep 6
  restart_dead
  restart_kafka
) &
fault=$!
xargs -P "$SCALE_CLIENTS" -I{} bash -c 'checkins "$1" "$2"' _ {} "$SCALE_DAYS" <"$WORK/patients" >"$WORK/checkins"
log "   check-ins sent; waiting for the faults to end"
wait "$fault"
CHECKINS_OK=$(grep -c '^OK' "$WORK/checkins" || true)
CHECKINS_FAILED=$(grep -c '^FAILED' "$WORK/checkins" || true)
((CHECKINS_FAILED == 0)) || { grep '^FAILED' "$WORK/checkins" | head -5 >&2; problem "$CHECKINS_FAILED check-ins not taken"; }

# --- 3. Counting --------------------------------------------------------------------------------------------------
# inbox_urgent: dr.house's urgent red-flag notifications of this run, one line per notification: patient<TAB>level.
inbox_urgent() {
  local page=0 total
  : >"$WORK/inbox"
  while :; do
    curl -sf --max-time 30 -H "Authorization: Bearer $HOUSE" \
      "$NOTIFICATION_URL/notifications?kind=red-flag&priority=urgent&size=100&page=$page" >"$WORK/page" || return 1
    jq -r --argjson since "$START_EPOCH" '.items[] | select((.createdAt | sub("\\.[0-9]+"; "") | fromdateiso8601) >= $since)
      | "\(.patientId)\t\(.escalationLevel)"' "$WORK/page" >>"$WORK/inbox"
    total=$(jq '.total' "$WORK/page")
    page=$((page + 1))
    ((page * 100 < total)) || break
  done
}
log "3. waiting until every patient's urgent alert reached dr.house's inbox (up to ${CONVERGE_WAIT} s)"
started=$SECONDS
while :; do
  inbox_urgent || true
  have=$(cut -f1 "$WORK/inbox" | sort -u | grep -cFf "$WORK/patients" || true)
  ((have >= PATIENTS)) && break
  ((SECONDS - started < CONVERGE_WAIT)) || break
  sleep 2
done
log "   $have of $PATIENTS patients have their alert ($((SECONDS - started)) s)"
sleep 5 # anything still in flight would show as a duplicate now
inbox_urgent
LOST=$(comm -23 <(sort -u "$WORK/patients") <(cut -f1 "$WORK/inbox" | sort -u) | wc -l)
DUPLICATES=$(awk -F'\t' '$2 == 0' "$WORK/inbox" | cut -f1 | sort | uniq -d | wc -l)
ESCALATION_DUPLICATES=$(awk -F'\t' '$2 > 0' "$WORK/inbox" | sort | uniq -d | wc -l)
ESCALATIONS=$(awk -F'\t' '$2 > 0' "$WORK/inbox" | wc -l)

# E-mails: one per urgent notification to dr.house; the subject names the patient ("Scale <tag>-<i>"). An e-mail
# whose sender was killed mid-send is sent again by another instance once the claim's lease (EMAIL_SEND_LEASE, 2 min)
# has run out, so the count waits up to that lease and a minute more before calling one lost.
count_mails() {
  curl -s --max-time 60 "$MAIL_API_URL/api/user/$HOUSE_MAIL/messages/" >"$WORK/mails" || echo '[]' >"$WORK/mails"
  jq -r --arg tag "$TAG-" '.[] | (.subject // "") | select(contains($tag)) | select(contains("URGENT"))
    | capture("(?<n>" + $tag + "[0-9]+)").n' "$WORK/mails" 2>/dev/null | sort >"$WORK/mailed" || : >"$WORK/mailed"
  MAILS=$(wc -l <"$WORK/mailed")
  MAIL_DUPLICATES=$(uniq -d "$WORK/mailed" | wc -l)
  MAIL_LOST=$((PATIENTS - $(sort -u "$WORK/mailed" | wc -l)))
}
started=$SECONDS
count_mails
while ((MAIL_LOST > 0 && SECONDS - started < MAIL_WAIT)); do
  sleep 5
  count_mails
done
if ((SECONDS - started > 0)); then log "   e-mails: $MAILS after waiting $((SECONDS - started)) s for re-sends"; fi

# Order per patient, as the consumers read it: a patient's CareTeamMemberAdded after their PatientRegistered; a
# red-flag alert after the check-in that raised it.
java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$KAFKA_LIB/*" "$DEPLOY_DIR/kafka/KafkaTool.java" \
  dump "$KAFKA_BOOTSTRAP" patient-events 120 >"$WORK/patient-events"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$KAFKA_LIB/*" "$DEPLOY_DIR/kafka/KafkaTool.java" \
  dump "$KAFKA_BOOTSTRAP" tracking-events 120 >"$WORK/tracking-events"
out_of_order() { # FILE FIRST_TYPE LATER_TYPE: patients of this run whose LATER_TYPE came before any FIRST_TYPE
  awk -F'\t' 'NR == FNR { ours[$1] = 1; next } ($1 in ours) { print $1 "\t" $2 }' "$WORK/patients" "$1" |
    jq -R -r --arg first "$2" --arg later "$3" 'split("\t") | {p: .[0], t: (.[1] | fromjson | .type)}
      | "\(.p)\t\(.t)"' |
    awk -F'\t' -v first="$2" -v later="$3" '$2 == first { seen[$1] = 1 } $2 == later && !($1 in seen) { bad[$1] = 1 }
      END { n = 0; for (p in bad) n++; print n }'
}
ORDER_PATIENT=$(out_of_order "$WORK/patient-events" PatientRegistered CareTeamMemberAdded)
ORDER_TRACKING=$(out_of_order "$WORK/tracking-events" CheckInRecorded RedFlagSymptomReported)
EVENTS_MISSING=$(awk -F'\t' 'NR == FNR { ours[$1] = 1; next } ($1 in ours) && $2 ~ /"type": *"CareTeamMemberAdded"/ { n[$1] = 1 }
  END { c = 0; for (p in ours) if (!(p in n)) c++; print c }' "$WORK/patients" "$WORK/patient-events")

# --- 4. Live stream on each replica -------------------------------------------------------------------------------
LIVE_PATIENTS=${BACKCARE_SCALE_LIVE_PATIENTS:-10}
log "4. live stream: a client on each notification-service replica, $LIVE_PATIENTS new red flags"
for k in 1 2; do
  base=NOTIFICATION_$k
  curl -s -N --max-time 600 -H 'Accept: text/event-stream' -H "Authorization: Bearer $HOUSE" \
    "${!base}/notifications/stream" >"$WORK/stream-$k" 2>/dev/null &
  STREAM_PIDS+=($!)
done
sleep 2 # both clients subscribed before the first notification
seq 1 "$LIVE_PATIENTS" | xargs -P "$SCALE_CLIENTS" -I{} bash -c 'register "$1" "$2"' _ {} "$TAG-live" >"$WORK/live"
grep -v '^FAILED' "$WORK/live" >"$WORK/live-patients" || true
while read -r id; do
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $HOUSE" \
    "$TRACKING_URL/patients/$id/check-ins") == 200 ]]; do sleep 0.3; done
  checkins "$id" 1 >/dev/null
done <"$WORK/live-patients"
SSE_MISSED=()
for k in 1 2; do
  started=$SECONDS
  while :; do
    missed=$(while read -r id; do grep -q "\"patientId\":\"$id\".*\"kind\":\"red-flag\"\|\"kind\":\"red-flag\".*\"patientId\":\"$id\"" \
      "$WORK/stream-$k" || echo "$id"; done <"$WORK/live-patients" | wc -l)
    ((missed == 0 || SECONDS - started >= 60)) && break
    sleep 1
  done
  SSE_MISSED[k]=$missed
done

# --- 5. Export on one replica, download through the other ---------------------------------------------------------
log "5. Bulk export kicked off on tracking-service-1, polled and downloaded through tracking-service-2"
EXPORT=failed
location=$(curl -s -D - -o /dev/null --max-time 30 -H 'Accept: application/fhir+json' -H 'Prefer: respond-async' \
  -H "Authorization: Bearer $INTEGRATOR" "$TRACKING_1/fhir/\$export?_type=Observation" |
  sed -n 's/^Content-Location: *//Ip' | tr -d '\r')
if [[ -n $location ]]; then
  location=${location/$TRACKING_1/$TRACKING_2}
  started=$SECONDS
  while ((SECONDS - started < 120)); do
    status=$(curl -s -o "$WORK/manifest" -w '%{http_code}' --max-time 30 -H "Authorization: Bearer $INTEGRATOR" "$location")
    [[ $status == 200 ]] && break
    sleep 1
  done
  url=$(jq -r '.output[0].url // empty' "$WORK/manifest" 2>/dev/null || true)
  if [[ -n $url ]]; then
    url=${url/$TRACKING_1/$TRACKING_2}
    status=$(curl -s -o "$WORK/ndjson" -w '%{http_code}' --max-time 60 -H "Authorization: Bearer $INTEGRATOR" "$url")
    [[ $status == 200 ]] && jq -e -s 'length > 0 and all(.[]; .resourceType == "Observation")' "$WORK/ndjson" >/dev/null &&
      EXPORT="ok ($(grep -c . "$WORK/ndjson") Observations via $TRACKING_2)"
  fi
fi
[[ $EXPORT == ok* ]] || problem "export started on $TRACKING_1 could not be read through $TRACKING_2 ($location)"

# --- 6. Urgent alert timing around a kill -9 of notification-service ------------------------------------------------
# alert_delay: registers one patient, records a red-flag check-in and prints the seconds until dr.house sees it.
alert_delay() {
  local id started
  id=$(register 1 "$TAG-timing$1")
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $HOUSE" \
    "$TRACKING_URL/patients/$id/check-ins") == 200 ]]; do sleep 0.3; done
  started=$SECONDS
  checkins "$id" 1 >/dev/null
  until curl -sf --max-time 10 -H "Authorization: Bearer $HOUSE" \
    "$NOTIFICATION_URL/notifications?kind=red-flag&patientId=$id" | jq -e '.total > 0' >/dev/null; do
    ((SECONDS - started < 120)) || { echo 999; return; }
    sleep 0.5
  done
  echo $((SECONDS - started))
}
log "6. kill -9 notification-service-1, then an urgent alert"
kill_replica notification-service-1
DELAY_KILLED=$(alert_delay 1)
"${UP[@]}" >>"$WORK/faults.log" 2>&1 || die "deploy/up.sh failed to restart notification-service-1"
DELAY_RESTARTED=$(alert_delay 2)
((DELAY_KILLED <= 30)) || problem "urgent alert took ${DELAY_KILLED} s with notification-service-1 killed"
((DELAY_RESTARTED <= 30)) || problem "urgent alert took ${DELAY_RESTARTED} s after notification-service-1 restarted"

# --- Report -----------------------------------------------------------------------------------------------------
((LOST == 0)) || problem "$LOST patients' urgent alerts never reached dr.house's inbox"
((DUPLICATES == 0)) || problem "$DUPLICATES patients have duplicate urgent notifications"
((ESCALATION_DUPLICATES == 0)) || problem "$ESCALATION_DUPLICATES duplicate escalations"
((MAIL_DUPLICATES == 0)) || problem "$MAIL_DUPLICATES patients' urgent e-mails were sent twice"
((MAIL_LOST == 0)) || problem "$MAIL_LOST patients' urgent e-mails never arrived"
((ORDER_PATIENT == 0 && ORDER_TRACKING == 0)) || problem "events out of order: patient-events $ORDER_PATIENT, tracking-events $ORDER_TRACKING"
((EVENTS_MISSING == 0)) || problem "$EVENTS_MISSING patients' CareTeamMemberAdded missing on patient-events"
((SSE_MISSED[1] == 0 && SSE_MISSED[2] == 0)) || problem "live stream missed notifications: replica 1 ${SSE_MISSED[1]}, replica 2 ${SSE_MISSED[2]}"

cat <<EOF

scale check $TAG ($((SECONDS)) s), 2 replicas per service behind HAProxy
  faults                      PostgreSQL restart; kill -9 tracking-service-1 and notification-service-1, restart; Kafka restart; kill -9 notification-service-1
  patients                    $PATIENTS registered (of $SCALE_PATIENTS)
  check-ins                   $CHECKINS_OK taken, $CHECKINS_FAILED not taken
  urgent alerts (dr.house)    $((PATIENTS - LOST)) of $PATIENTS patients; lost $LOST; duplicates $DUPLICATES
  escalations                 $ESCALATIONS (none are due within a run: ESCALATION_TIMEOUT is 30 min); duplicates $ESCALATION_DUPLICATES
  reminders                   not exercised (the run's patients have no login to remind)
  e-mails (GreenMail)         $MAILS urgent to $HOUSE_MAIL; lost $MAIL_LOST; duplicates $MAIL_DUPLICATES
  events out of order         patient-events $ORDER_PATIENT, tracking-events $ORDER_TRACKING; CareTeamMemberAdded missing $EVENTS_MISSING
  live stream                 $LIVE_PATIENTS notifications; missed by the client on replica 1: ${SSE_MISSED[1]}, on replica 2: ${SSE_MISSED[2]}
  export across replicas      $EXPORT
  urgent alert after kill -9  ${DELAY_KILLED} s with notification-service-1 dead, ${DELAY_RESTARTED} s after its restart
EOF
if ((${#PROBLEMS[@]})); then
  printf '\nscale check FAILED: %s problem(s)\n' "${#PROBLEMS[@]}" >&2
  printf '  - %s\n' "${PROBLEMS[@]}" >&2
  exit 1
fi
printf '\nscale check passed: 0 lost, 0 duplicated, 0 out of order\n'
