#!/usr/bin/env bash
# End-to-end smoke test through the stack that deploy/up.sh started, with real Keycloak tokens.
# Prints every step; exits non-zero at the first deviation (status code or body).
#
# Story (patient-service): dr.house registers a patient linked to anna.patient's login, adds pt.jones and
# psy.miller to the care team; anna reads her record; ben.patient and dr.grey (not on the team) get 404,
# pt.jones 200; the integrator lists patients; dr.house records a positive red-flag screening, the record
# shows urgentReview, and a RedFlagRaised event for the patient is on Kafka topic patient-events.
#
# Story (plan-service, when it is a module of the root pom): plan-service projects anna's record from
# patient-events; dr.house creates a draft plan from the mechanical template (15-minute daily routine);
# pt.jones edits the exercises (If-Match; a stale ETag gets 412), psy.miller may not (403) but edits
# self-management; dr.house prescribes naproxen for 14 days: 422 until the warnings are acknowledged, then
# 200; dr.house activates the plan; anna sees exercises and naproxen in "today", ben.patient gets 404, the
# integrator reads the plan but may not edit it (403); a PlanActivated event keyed by the patient id is on
# Kafka topic plan-events.
#
# Story (tracking-service, when it is a module of the root pom; after the plan is active): tracking-service
# projects anna's record; anna records today's check-in (a second PUT without If-Match gets 428), logs a
# bird-dog session and a naproxen intake, and records yesterday's check-in with a red flag (saddle numbness):
# an urgent RedFlagSymptomReported alert keyed by the patient id is on Kafka topic tracking-events; pt.jones
# reads the timeline and the 7-day trend, ben.patient gets 404, the integrator reads the trend but may not
# record a check-in (403); anna fills in an ODI questionnaire (score 37.8).
#
# Story (notification-service, when it is a module of the root pom; right after the red-flag screening):
# dr.house's inbox gets the urgent red-flag notification for the patient, with an alert awaiting
# acknowledgement; anna.patient gets the urgent-care guidance; ben.patient cannot see dr.house's notification
# (404); dr.house acknowledges the alert (twice: the second answers who acknowledged it first); pt.jones's
# care-team-joined notification is not an alert (409 on acknowledgement); the live stream answers with
# text/event-stream. Last of all: the red-flag e-mail to dr.house arrives in GreenMail (he sets his e-mail
# preference before the screening).
#
# Story (psychology, when all four services run; last): ben.patient's record, a team without a psychologist;
# ben answers STarT Back (high risk): his record shows the stratum and dr.house gets a psychology-referral item;
# a plan from the template gets graded exposure, CBT, pacing, a psychologist review and PCS/TSK-11 (due today);
# psy.miller joins; a PHQ-9 with item 9 above 0 raises an urgent self-harm alert for dr.house and psy.miller
# (awaiting acknowledgement, armed to escalate) and crisis guidance for ben; the PHQ-9 trend and the FHIR
# RiskAssessment/Observation show the results.
#
# Re-runnable: anna's login can be linked to one record only, so when an earlier run already linked it,
# the new patient is registered without a login and anna's steps use her existing record. The plan story
# always runs on anna's record; an open plan left by an earlier run is discontinued first. A check-in for a day that
# already has one (an earlier run) is read first and updated with its ETag in If-Match.
# shellcheck disable=SC2016  # the single-quoted \$names are jq variables
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

command -v jq >/dev/null || apt_install jq
command -v curl >/dev/null || apt_install curl

PATIENT_URL=http://127.0.0.1:$(svc_port "${SERVICES[0]}")
PLAN_URL=http://127.0.0.1:$(svc_port "${SERVICES[1]}")
TRACKING_URL=http://127.0.0.1:$(svc_port "${SERVICES[2]}")
NOTIFICATION_URL=http://127.0.0.1:$(svc_port "${SERVICES[3]}")
KAFKA_WAIT=${BACKCARE_SMOKE_KAFKA_WAIT:-20}
PROJECTION_WAIT=${BACKCARE_SMOKE_PROJECTION_WAIT:-30}
NOTIFICATION_WAIT=${BACKCARE_SMOKE_NOTIFICATION_WAIT:-30}
MAIL_WAIT=${BACKCARE_SMOKE_MAIL_WAIT:-30}
# plan-service is checked when it is a module of the root pom (then deploy/up.sh starts it).
PLAN_SERVICE=
grep -q '<module>plan-service</module>' "$ROOT_DIR/pom.xml" 2>/dev/null && PLAN_SERVICE=1
# tracking-service likewise; its steps follow the plan-service steps (they need the active plan).
TRACKING_SERVICE=
[[ -n $PLAN_SERVICE ]] && grep -q '<module>tracking-service</module>' "$ROOT_DIR/pom.xml" 2>/dev/null && TRACKING_SERVICE=1
# notification-service likewise; its steps follow the red-flag screening, its e-mail check comes last.
NOTIFICATION_SERVICE=
grep -q '<module>notification-service</module>' "$ROOT_DIR/pom.xml" 2>/dev/null && NOTIFICATION_SERVICE=1

# Demo users' fixed ids (deploy/keycloak/backcare-realm.json).
HOUSE_ID=10000000-0000-4000-8000-000000000001
GREY_ID=10000000-0000-4000-8000-000000000002
JONES_ID=20000000-0000-4000-8000-000000000001
MILLER_ID=30000000-0000-4000-8000-000000000001
ANNA_ID=50000000-0000-4000-8000-000000000001
BEN_ID=50000000-0000-4000-8000-000000000002
INTEGRATOR_ID=60000000-0000-4000-8000-000000000001

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
STEP=0
PASSED=0

step() { STEP=$((STEP + 1)); printf '[%02d] %s\n' "$STEP" "$*"; }
ok() { PASSED=$((PASSED + 1)); printf '     ok: %s\n' "$*"; }
fail() {
  printf '     FAILED: %s\n' "$*" >&2
  if [[ -s $WORK/body ]]; then
    printf '     last response (HTTP %s): %s\n' "${STATUS:-?}" "$(head -c 2000 "$WORK/body")" >&2
  fi
  printf '%s passed, 1 failed\n' "$PASSED" >&2
  exit 1
}

# login USER: stores in TOKENS[USER] a password-grant access token from the public client backcare-app
# (password USER-pw). login_integrator: TOKENS[integrator], client credentials of backcare-integrator.
# Called in the main shell (never inside $(...)), so that fail stops the script.
declare -A TOKENS=()
login() {
  local user=$1 response
  response=$(curl -s --max-time 20 -d grant_type=password -d client_id=backcare-app \
    -d username="$user" -d password="$user-pw" "$TOKEN_URL") || fail "no answer from $TOKEN_URL"
  TOKENS[$user]=$(jq -r '.access_token // empty' <<<"$response" 2>/dev/null) || true
  [[ -n ${TOKENS[$user]} ]] || fail "no token for $user: $response"
}
login_integrator() {
  local response
  response=$(curl -s --max-time 20 -d grant_type=client_credentials -d client_id=backcare-integrator \
    -d client_secret=backcare-integrator-secret "$TOKEN_URL") || fail "no answer from $TOKEN_URL"
  TOKENS[integrator]=$(jq -r '.access_token // empty' <<<"$response" 2>/dev/null) || true
  [[ -n ${TOKENS[integrator]} ]] || fail "no client-credentials token for backcare-integrator: $response"
}
# claims TOKEN: the token's payload as JSON.
claims() {
  local payload
  payload=$(cut -d. -f2 <<<"$1" | tr '_-' '/+')
  while ((${#payload} % 4)); do payload+='='; done
  base64 -d <<<"$payload"
}

# request BASE_URL METHOD PATH TOKEN [JSON [IF_MATCH]]: sets STATUS; the body is in $WORK/body, headers in
# $WORK/headers. call = patient-service, pcall = plan-service, tcall = tracking-service,
# ncall = notification-service.
request() {
  local base=$1 method=$2 path=$3 tok=$4 data=${5:-} if_match=${6:-} args=()
  args=(-s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' --max-time 30 -X "$method")
  [[ -n $tok ]] && args+=(-H "Authorization: Bearer $tok")
  [[ -n $data ]] && args+=(-H 'Content-Type: application/json' --data "$data")
  [[ -n $if_match ]] && args+=(-H "If-Match: $if_match")
  STATUS=$(curl "${args[@]}" "$base$path") || fail "$method $path: no answer from $base"
}
call() { request "$PATIENT_URL" "$@"; }
pcall() { request "$PLAN_URL" "$@"; }
tcall() { request "$TRACKING_URL" "$@"; }
ncall() { request "$NOTIFICATION_URL" "$@"; }
expect_status() {
  [[ $STATUS == "$1" ]] || fail "expected HTTP $1, got $STATUS"
  ok "HTTP $STATUS"
}
# expect JQ_FILTER DESCRIPTION [jq args...]: the filter must be true on the last body.
expect() {
  local filter=$1 what=$2
  shift 2
  jq -e "$@" "$filter" "$WORK/body" >/dev/null 2>&1 || fail "$what (jq: $filter)"
  ok "$what"
}
header() { sed -n "s/^$1: *//Ip" "$WORK/headers" | tr -d '\r' | head -n 1; }
# expect_problem STATUS: that status with an RFC 9457 body (application/problem+json, matching "status").
expect_problem() {
  expect_status "$1"
  [[ $(header Content-Type) == application/problem+json* ]] || fail "Content-Type is '$(header Content-Type)', expected application/problem+json"
  expect '.status == ($s | tonumber)' "application/problem+json, status $1" --arg s "$1"
}
# wait_notification USER QUERY WHAT [SINCE [FILTER]]: polls USER's notification-service GET /notifications?QUERY
# (up to $NOTIFICATION_WAIT s) until it lists an item created at or after SINCE (epoch seconds; default: any) for
# which the jq FILTER is true (default: any). The body is then that page with only those items; NOTIFICATION_ID
# is the newest one's id.
wait_notification() {
  local user=$1 query=$2 what=$3 since=${4:-0} filter=${5:-true} started=$SECONDS
  step "$user's inbox has $what (waiting up to ${NOTIFICATION_WAIT}s)"
  while :; do
    ncall GET "/notifications?$query" "${TOKENS[$user]}"
    [[ $STATUS == 200 ]] || fail "$user: GET /notifications?$query: expected HTTP 200, got $STATUS"
    jq --argjson since "$since" '.items |= map(select((.createdAt | sub("\\.[0-9]+"; "") | fromdateiso8601) >= $since)
      | select('"$filter"'))' "$WORK/body" >"$WORK/page" && mv "$WORK/page" "$WORK/body"
    jq -e '.items | length > 0' "$WORK/body" >/dev/null && break
    ((SECONDS - started < NOTIFICATION_WAIT)) || fail "$user: nothing after ${NOTIFICATION_WAIT}s (notification-service.log)"
    sleep 0.5
  done
  ok "HTTP 200 after $((SECONDS - started)) s"
  NOTIFICATION_ID=$(jq -r '.items[0].id' "$WORK/body")
}

# wait_ready NAME URL: waits up to 30 s for URL/q/health/ready to answer 200.
wait_ready() {
  local name=$1 url=$2 i
  step "$name is ready (waiting up to 30 s)"
  for ((i = 0; i < 30; i++)); do
    STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' --max-time 10 "$url/q/health/ready") || STATUS=000
    [[ $STATUS == 000 || $STATUS == 200 ]] && break # not running at all, or ready
    sleep 1
  done
  [[ $STATUS == 200 ]] || fail "$url/q/health/ready answered HTTP $STATUS: is the stack up (deploy/up.sh)?"
  ok "HTTP 200"
}

# check_red_flag_mail: the e-mail check, last of all (mail is the slowest path, and a failure here should
# not hide the other steps). GreenMail keeps every mail per recipient address; its API lists
# them (deploy/README.md). The red-flag mail names the patient (RUN_TAG is its family name).
check_red_flag_mail() {
  local url=$MAIL_API_URL/api/user/$HOUSE_MAIL/messages/ started=$SECONDS
  rm -f "$WORK/body"
  step "E-MAIL: GreenMail received the red-flag e-mail to $HOUSE_MAIL about $RUN_TAG (waiting up to ${MAIL_WAIT}s)"
  [[ $MAIL_PREFERENCE == set ]] ||
    fail "dr.house's e-mail preference was not saved before the screening"
  while :; do
    # GreenMail answers 400 "User ... not found" until the first mail to that address arrives.
    STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' --max-time 10 "$url") ||
      fail "no answer from GreenMail at $MAIL_API_URL (deploy/up.sh starts it)"
    if [[ $STATUS == 200 ]] && jq -e --arg tag "$RUN_TAG" --arg p "$PATIENT_ID" 'any(.[];
        ((.subject // "") | contains($tag)) or (.mimeMessage | gsub("=\r?\n"; "") | contains($tag) or contains($p)))' \
        "$WORK/body" >/dev/null 2>&1; then
      break
    fi
    ((SECONDS - started < MAIL_WAIT)) ||
      fail "no e-mail about $RUN_TAG for $HOUSE_MAIL after ${MAIL_WAIT}s ($url; notification-service.log, greenmail.log)"
    sleep 1
  done
  ok "after $((SECONDS - started)) s: \"$(jq -r --arg tag "$RUN_TAG" '[.[] | select((.subject // "") | contains($tag))][0].subject // "(subject without the name)"' "$WORK/body")\""
}

# finish: the e-mail check (when notification-service runs), then the summary line; exits 0.
finish() {
  [[ -n $NOTIFICATION_SERVICE ]] && check_red_flag_mail
  printf '\nsmoke: %s passed, 0 failed (%s steps)\n' "$PASSED" "$STEP"
  exit 0
}

printf 'BackCare smoke test against %s%s%s%s (Keycloak %s, Kafka %s)\n' "$PATIENT_URL" \
  "${PLAN_SERVICE:+, $PLAN_URL}" "${TRACKING_SERVICE:+, $TRACKING_URL}" "${NOTIFICATION_SERVICE:+, $NOTIFICATION_URL}" \
  "$REALM_URL" "$KAFKA_BOOTSTRAP"

wait_ready patient-service "$PATIENT_URL"
if [[ -n $PLAN_SERVICE ]]; then
  wait_ready plan-service "$PLAN_URL"
fi
if [[ -n $TRACKING_SERVICE ]]; then
  wait_ready tracking-service "$TRACKING_URL"
fi
if [[ -n $NOTIFICATION_SERVICE ]]; then
  wait_ready notification-service "$NOTIFICATION_URL"
fi

# --- Tokens -------------------------------------------------------------------------------------------
step "tokens from Keycloak for every demo user and the integrator; they carry sub, name and realm roles"
for user in dr.house dr.grey pt.jones psy.miller anna.patient ben.patient; do
  login "$user"
done
login_integrator
ok "7 tokens"
house_claims=$(claims "${TOKENS[dr.house]}")
jq -e --arg id "$HOUSE_ID" '.sub == $id and .preferred_username == "dr.house" and .name == "Gregory House"
  and (.realm_access.roles | index("physician"))' <<<"$house_claims" >/dev/null ||
  fail "dr.house token claims unexpected: $house_claims"
ok "dr.house: sub=$HOUSE_ID, roles physician"
int_claims=$(claims "${TOKENS[integrator]}")
jq -e --arg id "$INTEGRATOR_ID" '.sub == $id and (.realm_access.roles | index("integrator"))' <<<"$int_claims" >/dev/null ||
  fail "integrator token claims unexpected: $int_claims"
ok "backcare-integrator (client credentials): roles integrator"

step "no token -> 401 problem+json with a Bearer challenge"
call GET /patients ""
expect_status 401
grep -qi '^content-type: application/problem+json' "$WORK/headers" || fail "401 without a problem+json body"
grep -qi '^www-authenticate: Bearer' "$WORK/headers" || fail "401 without a Bearer challenge"
ok "problem+json, WWW-Authenticate: Bearer"

step "a token of the realm's admin-cli client (no backcare-api audience) -> 401; BackCare tokens carry the audience"
jq -e '(.aud | if type == "array" then . else [.] end | index("backcare-api"))' <<<"$house_claims" >/dev/null ||
  fail "dr.house's token lacks the backcare-api audience: $house_claims"
foreign=$(curl -s --max-time 20 -d grant_type=password -d client_id=admin-cli -d username=dr.house \
  -d password=dr.house-pw "$TOKEN_URL" | jq -r '.access_token // empty')
[[ -n $foreign ]] || fail "no admin-cli token for dr.house"
call GET /patients "$foreign"
expect_status 401
ok "refused: not issued for BackCare"

# --- Registration ---------------------------------------------------------------------------------------
step "anna.patient: is her login already linked to a record (earlier run)?"
call GET /patients/me "${TOKENS[anna.patient]}"
ANNA_RECORD=
case $STATUS in
  404) ok "HTTP 404: not yet, the new patient will be linked to her login" ;;
  200) ANNA_RECORD=$(jq -r .id "$WORK/body"); ok "HTTP 200: yes ($ANNA_RECORD); the new patient gets no login" ;;
  *) fail "expected HTTP 404 or 200, got $STATUS" ;;
esac

RUN_TAG=Smoke$(date +%s)
if [[ -z $ANNA_RECORD ]]; then subject=$ANNA_ID; else subject=; fi
register_body=$(jq -n --arg family "$RUN_TAG" --arg subject "$subject" '{
  givenName: "Anna", familyName: $family, birthDate: "1980-04-02", sex: "female",
  email: "anna.patient@backcare.example", phone: "+46 70 123 45 67", preferredLanguage: "en",
  oidcSubject: (if $subject == "" then null else $subject end),
  painOnsetDate: "2025-01-15", painType: "mechanical",
  painTypeRationale: "Pain worse with bending and sitting, eases with movement",
  comorbidities: ["kidney-disease"]}')
step "dr.house registers patient $RUN_TAG${subject:+ linked to anna.patient ($subject)}"
call POST /patients "${TOKENS[dr.house]}" "$register_body"
expect_status 201
PATIENT_ID=$(jq -r .id "$WORK/body")
[[ $PATIENT_ID =~ ^[0-9a-f-]{36}$ ]] || fail "no id in the body"
ok "id $PATIENT_ID"
[[ $(header Location) == */patients/$PATIENT_ID ]] || fail "Location header is '$(header Location)'"
ok "Location $(header Location)"
[[ -n $(header ETag) ]] || fail "no ETag header"
ok "ETag $(header ETag)"
expect '.status == "active" and .urgentReview == false' 'status active, urgentReview false'
expect '.painType == "mechanical" and .comorbidities == ["kidney-disease"] and .sex == "female"' 'kebab-case enums as sent'
expect '.careTeam | any(.subject == $id and .role == "physician")' 'dr.house joined the care team as physician' --arg id "$HOUSE_ID"
[[ -z $ANNA_RECORD ]] && ANNA_RECORD=$PATIENT_ID

# --- Care team -------------------------------------------------------------------------------------------
step "dr.house adds pt.jones (physical-therapist) to the care team"
call POST "/patients/$PATIENT_ID/care-team" "${TOKENS[dr.house]}" \
  "$(jq -n --arg s "$JONES_ID" '{subject: $s, role: "physical-therapist", displayName: "Paula Jones, PT"}')"
expect_status 201
step "dr.house adds psy.miller (psychologist) to the care team"
call POST "/patients/$PATIENT_ID/care-team" "${TOKENS[dr.house]}" \
  "$(jq -n --arg s "$MILLER_ID" '{subject: $s, role: "psychologist", displayName: "Sam Miller"}')"
expect_status 201

# --- Who sees the record --------------------------------------------------------------------------------
step "anna.patient: GET /patients/me"
call GET /patients/me "${TOKENS[anna.patient]}"
expect_status 200
expect '.id == $id and .oidcSubject == $sub' "her record ($ANNA_RECORD)" --arg id "$ANNA_RECORD" --arg sub "$ANNA_ID"
step "anna.patient: GET /patients/$ANNA_RECORD"
call GET "/patients/$ANNA_RECORD" "${TOKENS[anna.patient]}"
expect_status 200
expect '.id == $id' 'same record' --arg id "$ANNA_RECORD"

step "ben.patient: GET /patients/$PATIENT_ID (not his record)"
call GET "/patients/$PATIENT_ID" "${TOKENS[ben.patient]}"
expect_status 404
step "pt.jones (on the care team): GET /patients/$PATIENT_ID"
call GET "/patients/$PATIENT_ID" "${TOKENS[pt.jones]}"
expect_status 200
expect '.careTeam | map(.subject) | (index($a) != null and index($b) != null and index($c) != null and index($g) == null)' \
  'care team: dr.house, pt.jones, psy.miller (not dr.grey)' --arg a "$HOUSE_ID" --arg b "$JONES_ID" --arg c "$MILLER_ID" --arg g "$GREY_ID"
step "dr.grey (physician, not on the care team): GET /patients/$PATIENT_ID"
call GET "/patients/$PATIENT_ID" "${TOKENS[dr.grey]}"
expect_status 404
step "dr.grey: the patient is not in his list either"
call GET "/patients?name=$RUN_TAG" "${TOKENS[dr.grey]}"
expect_status 200
expect '.total == 0 and (.items | length) == 0' 'empty page'
step "integrator: GET /patients?name=$RUN_TAG"
call GET "/patients?name=$RUN_TAG&page=0&size=20" "${TOKENS[integrator]}"
expect_status 200
expect '.total == 1 and .items[0].id == $id and .page == 0 and .size == 20' 'one match, the new patient' --arg id "$PATIENT_ID"

# --- E-mail preference -------------------------------------------------------------------------------------
# notification-service e-mails an urgent alert to a recipient whose preferences allow e-mail. dr.house's
# address is not in patient-events (he joined the care team by registering the patient, which records no
# e-mail), so he sets it himself, before the screening; the check that the mail arrived is the last step
# (check_red_flag_mail). An earlier run may have saved his preferences: then they are updated with If-Match.
HOUSE_MAIL=dr.house@backcare.example
MAIL_PREFERENCE=
if [[ -n $NOTIFICATION_SERVICE ]]; then
  step "dr.house sets his notification preferences: in-app and e-mail to $HOUSE_MAIL (PUT /preferences/me)"
  ncall GET /preferences/me "${TOKENS[dr.house]}"
  expect_status 200
  prefs=$(jq -n --arg m "$HOUSE_MAIL" '{channels: {inApp: true, email: true}, email: $m, quietHours: null,
    timeZone: "UTC", checkInReminderTime: null}')
  ncall PUT /preferences/me "${TOKENS[dr.house]}" "$prefs" "$(header ETag)"
  case $STATUS in
    200 | 201) MAIL_PREFERENCE="set"; ok "HTTP $STATUS" ;;
    *) fail "expected HTTP 200 or 201, got $STATUS: $(cat "$WORK/body")" ;;
  esac
fi

# --- Red flags ---------------------------------------------------------------------------------------------
step "dr.house records a red-flag screening with one positive item (recent significant trauma)"
call POST "/patients/$PATIENT_ID/red-flag-screenings" "${TOKENS[dr.house]}" '{
  "newLegWeaknessOrProgressiveNumbness": false, "bowelOrBladderLossOrSaddleNumbness": false, "fever": false,
  "unexplainedWeightLoss": false, "historyOfCancer": false, "recentSignificantTrauma": true,
  "severeUnrelentingNightPain": false, "notes": "Fell from a ladder two weeks ago (smoke test)"}'
expect_status 201
expect '.positive == true and .positiveFindings == ["recent-significant-trauma"]' 'positive, finding recent-significant-trauma'
step "the record now shows urgentReview"
call GET "/patients/$PATIENT_ID" "${TOKENS[dr.house]}"
expect_status 200
expect '.urgentReview == true' 'urgentReview true'
step "integrator: the patient is among those awaiting urgent review"
call GET "/patients?urgentReview=true&name=$RUN_TAG" "${TOKENS[integrator]}"
expect_status 200
expect '.total == 1 and .items[0].id == $id' 'listed with urgentReview=true' --arg id "$PATIENT_ID"

# --- Kafka -------------------------------------------------------------------------------------------------
# kafka_find TOPIC TEXT...: the first record on TOPIC (read from the beginning, up to $KAFKA_WAIT s) whose value
# contains every TEXT; sets KAFKA_KEY, the value goes to $WORK/body (so expect works on it).
kafka_find() {
  local topic=$1 record
  shift
  compgen -G "$KAFKA_LIB/kafka-clients-*.jar" >/dev/null || fail "no Kafka jars in $KAFKA_LIB (run deploy/up.sh)"
  rm -f "$WORK/body"
  if ! record=$(java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$KAFKA_LIB/*" "$DEPLOY_DIR/kafka/KafkaTool.java" \
    find "$KAFKA_BOOTSTRAP" "$topic" "$KAFKA_WAIT" "$@" 2>"$WORK/kafka.err"); then
    fail "no record on $topic containing $*: $(cat "$WORK/kafka.err")"
  fi
  KAFKA_KEY=${record%%$'\t'*}
  printf '%s\n' "${record#*$'\t'}" >"$WORK/body"
}

step "Kafka topic patient-events has a RedFlagRaised event for $PATIENT_ID (waiting up to ${KAFKA_WAIT}s)"
kafka_find patient-events RedFlagRaised "$PATIENT_ID"
[[ $KAFKA_KEY == "$PATIENT_ID" ]] || fail "record key is '$KAFKA_KEY', expected the patient id"
ok "key = patient id"
expect '.type == "RedFlagRaised" and .version == 1 and .patientId == $id and (.id | length) == 36 and .occurredAt != null and .data != null' \
  'envelope: type RedFlagRaised, version 1, patientId, id, occurredAt, data' --arg id "$PATIENT_ID"

# =============================================================================================================
# notification-service: the red flag above reaches the inbox of every physician on the team and the patient.
# =============================================================================================================
if [[ -n $NOTIFICATION_SERVICE ]]; then
  wait_notification dr.house "unread=true&priority=urgent&kind=red-flag&patientId=$PATIENT_ID" \
    "an unread urgent red-flag notification for $PATIENT_ID"
  RED_FLAG_NOTIFICATION=$NOTIFICATION_ID
  expect '.items[0] | .kind == "red-flag" and .priority == "urgent" and .patientId == $p and .read == false
    and (.title | contains($tag)) and (.message | contains("Recent significant trauma"))' \
    "red-flag, urgent, unread, about $RUN_TAG: recent significant trauma" --arg p "$PATIENT_ID" --arg tag "$RUN_TAG"
  expect '.items[0].alert | (.id | length) == 36 and .acknowledged == false and .nextEscalationAt != null' \
    'an alert awaiting acknowledgement, escalated at nextEscalationAt'

  # The red-flag patient is linked to anna's login only on the first run (on an empty database); later runs
  # register it without a login, and anna's guidance is the one her own record got on that first run.
  wait_notification anna.patient "kind=urgent-care-guidance&patientId=$ANNA_RECORD" \
    "the urgent-care guidance for her record $ANNA_RECORD"
  expect '.items[0] | .kind == "urgent-care-guidance" and .priority == "urgent" and .alert == null
    and (.message | contains("seek urgent care"))' 'urgent-care-guidance, urgent, when to seek urgent care; no alert'

  step "ben.patient: GET /notifications/$RED_FLAG_NOTIFICATION (dr.house's)"
  ncall GET "/notifications/$RED_FLAG_NOTIFICATION" "${TOKENS[ben.patient]}"
  expect_problem 404

  step "dr.house: GET /notifications/unread-count"
  ncall GET /notifications/unread-count "${TOKENS[dr.house]}"
  expect_status 200
  expect '.unread >= 1 and .awaitingAcknowledgement >= 1' 'unread >= 1, awaitingAcknowledgement >= 1'
  ok "unread $(jq -r .unread "$WORK/body"), awaitingAcknowledgement $(jq -r .awaitingAcknowledgement "$WORK/body")"

  step "dr.house acknowledges the red-flag alert (POST /notifications/$RED_FLAG_NOTIFICATION/acknowledgement)"
  ncall POST "/notifications/$RED_FLAG_NOTIFICATION/acknowledgement" "${TOKENS[dr.house]}"
  expect_status 200
  expect '.id == $n and .read == true and .alert.acknowledged == true and .alert.acknowledgedBy == $h
    and .alert.acknowledgedAt != null and .alert.nextEscalationAt == null' \
    'acknowledged by dr.house, no further escalation, read' --arg n "$RED_FLAG_NOTIFICATION" --arg h "$HOUSE_ID"
  acknowledged_at=$(jq -r .alert.acknowledgedAt "$WORK/body")
  step "dr.house acknowledges it again -> 200, unchanged"
  ncall POST "/notifications/$RED_FLAG_NOTIFICATION/acknowledgement" "${TOKENS[dr.house]}"
  expect_status 200
  # The first answer carries the clock's nanoseconds, later ones the stored microseconds: compare milliseconds.
  expect 'def ms: capture("^(?<s>[^.Z]+)(\\.(?<f>[0-9]+))?Z$") | .s + "." + ((.f // "") + "000")[0:3];
    .alert.acknowledged == true and .alert.acknowledgedBy == $h and (.alert.acknowledgedAt | ms) == ($at | ms)' \
    "still acknowledged by dr.house at $acknowledged_at" --arg h "$HOUSE_ID" --arg at "$acknowledged_at"

  wait_notification pt.jones "kind=care-team-joined&patientId=$PATIENT_ID" "care-team-joined for $PATIENT_ID"
  expect '.items[0] | .priority == "normal" and .alert == null and (.title | contains($tag))' \
    "normal priority, no alert, about $RUN_TAG" --arg tag "$RUN_TAG"
  JOINED_NOTIFICATION=$NOTIFICATION_ID
  step "pt.jones acknowledges care-team-joined (not an urgent alert) -> 409"
  ncall POST "/notifications/$JOINED_NOTIFICATION/acknowledgement" "${TOKENS[pt.jones]}"
  expect_problem 409
  step "pt.jones marks it read instead"
  ncall POST "/notifications/$JOINED_NOTIFICATION/read" "${TOKENS[pt.jones]}"
  expect_status 200
  expect '.read == true and .readAt != null' 'read'

  # The stream stays open: curl stops it after 3 s (exit code 28) and reports the status and headers it got.
  step "dr.house: GET /notifications/stream answers 200 text/event-stream (Server-Sent Events; read for 3 s)"
  rm -f "$WORK/body"
  STATUS=$(curl -s -N -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' --max-time 3 \
    -H 'Accept: text/event-stream' -H "Authorization: Bearer ${TOKENS[dr.house]}" "$NOTIFICATION_URL/notifications/stream") ||
    [[ $? == 28 ]] || fail "GET /notifications/stream: no answer from $NOTIFICATION_URL"
  expect_status 200
  [[ $(header Content-Type) == text/event-stream* ]] || fail "Content-Type is '$(header Content-Type)', expected text/event-stream"
  ok "Content-Type $(header Content-Type)"
  step "no token: GET /notifications/stream -> 401"
  ncall GET /notifications/stream ""
  expect_status 401
fi

if [[ -z $PLAN_SERVICE ]]; then
  printf '\nplan-service is not a module of the root pom: its steps and those of tracking-service are skipped\n'
  finish
fi

# =============================================================================================================
# plan-service. The plan is for anna's record (she reads "today"), which the first run registered with
# dr.house, pt.jones and psy.miller on its care team.
# =============================================================================================================
P=$ANNA_RECORD
if [[ $P != "$PATIENT_ID" ]]; then
  step "anna's record $P (from an earlier run): dr.house, pt.jones and psy.miller are on its care team"
  call GET "/patients/$P" "${TOKENS[dr.house]}"
  [[ $STATUS == 200 ]] || fail "dr.house cannot read anna's record $P (HTTP $STATUS); start afresh with deploy/down.sh --clean"
  ok "HTTP 200"
  for member in "$JONES_ID|physical-therapist|Paula Jones, PT" "$MILLER_ID|psychologist|Sam Miller"; do
    IFS='|' read -r subject role display <<<"$member"
    if jq -e --arg s "$subject" '.careTeam | any(.subject == $s)' "$WORK/body" >/dev/null; then
      ok "$role $subject on the team"
    else
      call POST "/patients/$P/care-team" "${TOKENS[dr.house]}" \
        "$(jq -n --arg s "$subject" --arg r "$role" --arg d "$display" '{subject: $s, role: $r, displayName: $d}')"
      expect_status 201
      call GET "/patients/$P" "${TOKENS[dr.house]}"
    fi
  done
fi

# --- 1. The projection ------------------------------------------------------------------------------------
step "plan-service has projected patient $P and its care team from patient-events (waiting up to ${PROJECTION_WAIT}s)"
started=$SECONDS
for user in dr.house pt.jones psy.miller; do
  while :; do
    pcall GET "/patients/$P/plans?size=100" "${TOKENS[$user]}"
    [[ $STATUS == 200 ]] && break
    [[ $STATUS == 404 ]] || fail "$user: GET /patients/$P/plans: expected HTTP 200 (or 404 while projecting), got $STATUS"
    ((SECONDS - started < PROJECTION_WAIT)) || fail "$user: still HTTP 404 after ${PROJECTION_WAIT}s: the patient or its care team is not projected (plan-service.log)"
    sleep 0.5
  done
  ok "$user: HTTP 200 after $((SECONDS - started)) s"
done
expect '(.items | type) == "array" and (.total | type) == "number"' 'a page of plans'

open_plans=$(jq -r '.items[] | select(.status == "draft" or .status == "active" or .status == "on-hold") | .id' "$WORK/body")
if [[ -n $open_plans ]]; then
  while read -r old_plan; do
    step "dr.house discontinues open plan $old_plan left by an earlier run"
    pcall POST "/plans/$old_plan/status" "${TOKENS[dr.house]}" '{"status": "discontinued", "reason": "Smoke test starts a new plan"}'
    expect_status 200
    expect '.status == "discontinued" and .nextStatuses == []' 'discontinued, final'
  done <<<"$open_plans"
fi

# --- 2. A draft plan from the patient's pain type ---------------------------------------------------------
ROUTINE='["pelvic-tilt", "cat-camel", "transverse-abdominis-activation", "bird-dog", "glute-bridge"]'
step "dr.house creates a plan from the mechanical template (the patient's pain type)"
pcall POST "/patients/$P/plans" "${TOKENS[dr.house]}" \
  "$(jq -n --arg t "$RUN_TAG: back to gardening by spring" '{title: $t, template: "mechanical"}')"
expect_status 201
PLAN_ID=$(jq -r .id "$WORK/body")
[[ $PLAN_ID =~ ^[0-9a-f-]{36}$ ]] || fail "no plan id in the body"
ok "plan $PLAN_ID"
[[ $(header Location) == */plans/$PLAN_ID ]] || fail "Location header is '$(header Location)'"
ok "Location $(header Location)"
[[ -n $(header ETag) ]] || fail "no ETag header"
ok "ETag $(header ETag)"
expect '.status == "draft" and .template == "mechanical" and .patientId == $p and .ownerSubject == $h and .revision == 1' \
  'draft, template mechanical, owner dr.house, revision 1' --arg p "$P" --arg h "$HOUSE_ID"
expect '.sections | keys == ["assessments", "exercises", "flare-up", "goals", "medications", "self-management"]' 'all six sections'
expect '[.sections.exercises.content.exercises[] | select(.dose.sessionsPerWeek >= 7)]
  | (map(.exercise) == $routine) and (map(.dose.minutes) | add) == 15' \
  'exercises: the 15-minute daily routine (5 daily exercises, 15 minutes)' --argjson routine "$ROUTINE"
expect '.sections.medications.content.medications == []' 'no medication yet (left to the physician)'

# --- 3. Section ownership and If-Match --------------------------------------------------------------------
step "pt.jones reads the exercises section"
pcall GET "/plans/$PLAN_ID/sections/exercises" "${TOKENS[pt.jones]}"
expect_status 200
etag=$(header ETag)
[[ -n $etag ]] || fail "no ETag header"
expect '.kind == "exercises" and (.version | tostring) == ($e | ltrimstr("\"") | rtrimstr("\""))' "ETag $etag = the section's version" --arg e "$etag"
# The body is the content just read, changed: what the API writes, a client can send back.
exercises=$(jq -c '.content | .exercises |= map(if .exercise == "bird-dog" then .dose.reps = 10 else . end)
  | .notes = "Bird-dog up to 10 reps (smoke test)"' "$WORK/body")
step "pt.jones edits the exercises (bird-dog 10 reps) with If-Match: $etag"
pcall PUT "/plans/$PLAN_ID/sections/exercises" "${TOKENS[pt.jones]}" "$exercises" "$etag"
expect_status 200
expect '.updatedBy == $j and (.content.exercises[] | select(.exercise == "bird-dog") | .dose.reps) == 10' \
  'saved: bird-dog 10 reps, updatedBy pt.jones' --arg j "$JONES_ID"
new_etag=$(header ETag)
[[ -n $new_etag && $new_etag != "$etag" ]] || fail "ETag did not change ('$etag' -> '$new_etag')"
ok "ETag $etag -> $new_etag"
step "pt.jones saves again with the old ETag $etag -> 412"
pcall PUT "/plans/$PLAN_ID/sections/exercises" "${TOKENS[pt.jones]}" "$exercises" "$etag"
expect_problem 412

step "psy.miller (psychologist) edits the exercises -> 403"
pcall PUT "/plans/$PLAN_ID/sections/exercises" "${TOKENS[psy.miller]}" "$exercises" "$new_etag"
expect_problem 403

step "psy.miller reads the self-management section"
pcall GET "/plans/$PLAN_ID/sections/self-management" "${TOKENS[psy.miller]}"
expect_status 200
etag=$(header ETag)
expect '.content.pacing | length > 0' 'pre-filled from the template (pacing)'
selfcare=$(jq -c '.content | .cbt = {sessions: 8, everyWeeks: 1, focus: "Fear of movement, pacing (smoke test)"}' "$WORK/body")
step "psy.miller adds 8 weekly CBT sessions with If-Match: $etag"
pcall PUT "/plans/$PLAN_ID/sections/self-management" "${TOKENS[psy.miller]}" "$selfcare" "$etag"
expect_status 200
expect '.updatedBy == $m and .content.cbt.sessions == 8' 'saved, updatedBy psy.miller' --arg m "$MILLER_ID"

# --- 4. Medication safety ---------------------------------------------------------------------------------
step "dr.house reads the medications section"
pcall GET "/plans/$PLAN_ID/sections/medications" "${TOKENS[dr.house]}"
expect_status 200
etag=$(header ETag)
start=$(date -u +%F)
end=$(date -u -d "$start + 13 days" +%F)
# medication ACKNOWLEDGED_JSON_ARRAY: the section body, naproxen 500 mg twice daily, $start..$end (14 days).
medication() {
  jq -n --arg s "$start" --arg e "$end" --argjson ack "$1" '{medications: [{drug: "naproxen", dose: 500, unit: "mg",
    timesPerDay: 2, asNeeded: false, startDate: $s, endDate: $e, acknowledgedWarnings: $ack,
    instructions: "Take with food (smoke test)"}], notes: "Short NSAID course to allow movement"}'
}
step "dr.house prescribes naproxen 500 mg twice daily $start..$end (14 days), nothing acknowledged -> 422"
pcall PUT "/plans/$PLAN_ID/sections/medications" "${TOKENS[dr.house]}" "$(medication '[]')" "$etag"
expect_problem 422
expect '.issues | any(.drug == "naproxen" and .code == "nsaid-longer-than-10-days" and .acknowledgeable)' \
  'issues[]: naproxen nsaid-longer-than-10-days (acknowledgeable)'
# The patient was registered with kidney-disease, so naproxen also draws nsaid-kidney-disease.
expect '[.issues[].code] | sort == ["nsaid-kidney-disease", "nsaid-longer-than-10-days"]' \
  'issues[]: exactly nsaid-longer-than-10-days and nsaid-kidney-disease (the patient has kidney disease)'
step "dr.house acknowledges nsaid-longer-than-10-days only -> 422 naming the other warning alone"
pcall PUT "/plans/$PLAN_ID/sections/medications" "${TOKENS[dr.house]}" "$(medication '["nsaid-longer-than-10-days"]')" "$etag"
expect_problem 422
expect '[.issues[].code] == ["nsaid-kidney-disease"]' 'issues[]: nsaid-kidney-disease only'
step "dr.house acknowledges both warnings -> 200"
pcall PUT "/plans/$PLAN_ID/sections/medications" "${TOKENS[dr.house]}" \
  "$(medication '["nsaid-longer-than-10-days", "nsaid-kidney-disease"]')" "$etag"
expect_status 200
expect '.content.medications | length == 1 and (.[0] | .drug == "naproxen" and (.id | length) == 36
  and .dailyDose == 1000 and .drugClass == "nsaid" and (.acknowledgedWarnings | length) == 2)' \
  'naproxen saved with an id, dailyDose 1000, drugClass nsaid, both acknowledgments'

# --- 5. Activation ----------------------------------------------------------------------------------------
day_before=$(date -u +%F)
plan_activated=$(($(date -u +%s) - 1)) # notifications caused by the activation are at or after this instant
step "dr.house activates the plan"
pcall POST "/plans/$PLAN_ID/status" "${TOKENS[dr.house]}" '{"status": "active", "reason": "Agreed with the patient (smoke test)"}'
expect_status 200
expect '.status == "active" and (.nextStatuses | sort) == ["completed", "discontinued", "on-hold"]' 'active; next: on-hold, completed, discontinued'
expect '.startDate == $a or .startDate == $b' 'start date set to today' --arg a "$day_before" --arg b "$(date -u +%F)"

# --- 6. Who sees what -------------------------------------------------------------------------------------
step "anna.patient: GET /patients/$P/plan/today"
pcall GET "/patients/$P/plan/today" "${TOKENS[anna.patient]}"
expect_status 200
expect '[.exercises[].exercise] as $e | $routine | all(. as $x | $e | index($x) != null)' \
  'exercises: the daily routine is listed' --argjson routine "$ROUTINE"
expect '.medications | any(.drug == "naproxen" and .dose == 500 and .unit == "mg" and .timesPerDay == 2)' \
  'medications: naproxen 500 mg twice a day'
step "ben.patient: GET /patients/$P/plan/today (not his record)"
pcall GET "/patients/$P/plan/today" "${TOKENS[ben.patient]}"
expect_problem 404
step "integrator: GET /plans/$PLAN_ID"
pcall GET "/plans/$PLAN_ID" "${TOKENS[integrator]}"
expect_status 200
expect '.id == $id and .status == "active" and (.sections | length) == 6' 'the active plan with its sections' --arg id "$PLAN_ID"
step "integrator: PUT /plans/$PLAN_ID/sections/exercises -> 403"
pcall PUT "/plans/$PLAN_ID/sections/exercises" "${TOKENS[integrator]}" "$exercises" "$new_etag"
expect_problem 403

# --- 7. Kafka -----------------------------------------------------------------------------------------------
step "Kafka topic plan-events has a PlanActivated event for plan $PLAN_ID (waiting up to ${KAFKA_WAIT}s)"
kafka_find plan-events PlanActivated "$PLAN_ID"
[[ $KAFKA_KEY == "$P" ]] || fail "record key is '$KAFKA_KEY', expected the patient id $P"
ok "key = patient id"
expect '.type == "PlanActivated" and .version == 1 and .source == "plan-service" and .patientId == $p and (.id | length) == 36
  and .occurredAt != null and .data.planId == $plan and .data.plan.status == "active"' \
  'envelope: type PlanActivated, version 1, source plan-service, patientId; data: planId, plan active' \
  --arg p "$P" --arg plan "$PLAN_ID"
expect '.data.plan.sections.medications.content.medications | any(.drug == "naproxen")' 'data.plan carries the medications (naproxen)'

if [[ -n $NOTIFICATION_SERVICE ]]; then
  # The section edits above also told the team and anna (plan revised): pick the activation by its title.
  wait_notification anna.patient "kind=plan-changed&patientId=$P" '"Your treatment plan is ready" (plan-changed)' \
    "$plan_activated" '.title == "Your treatment plan is ready"'
  expect '.items[0] | .priority == "normal" and .alert == null' 'normal priority, no alert'
  wait_notification pt.jones "kind=plan-changed&patientId=$P" '"Plan activated: ..." (plan-changed, a team member)' \
    "$plan_activated" '.title | startswith("Plan activated: ")'
  step "dr.house (who activated it) got no plan-changed about the activation"
  ncall GET "/notifications?kind=plan-changed&patientId=$P&size=100" "${TOKENS[dr.house]}"
  expect_status 200
  expect '[.items[] | select((.createdAt | sub("\\.[0-9]+"; "") | fromdateiso8601) >= $t and (.title | startswith("Plan activated: ")))] == []' \
    'none' --argjson t "$plan_activated"
fi

if [[ -z $TRACKING_SERVICE ]]; then
  printf '\ntracking-service is not a module of the root pom: its steps are skipped\n'
  finish
fi

# =============================================================================================================
# tracking-service, on anna's record with its active plan. "Today" is UTC (tracking-service's default
# backcare.time-zone), as in the plan steps.
# =============================================================================================================
today=$(date -u +%F)
yesterday=$(date -u -d "$today - 1 day" +%F)
tracking_started=$(($(date -u +%s) - 1)) # alerts raised by this run are at or after this instant

# --- 1. The projection ------------------------------------------------------------------------------------
step "tracking-service has projected patient $P and its care team from patient-events (waiting up to ${PROJECTION_WAIT}s)"
started=$SECONDS
for user in anna.patient pt.jones; do
  while :; do
    tcall GET "/patients/$P/timeline" "${TOKENS[$user]}"
    [[ $STATUS == 200 ]] && break
    [[ $STATUS == 404 ]] || fail "$user: GET /patients/$P/timeline: expected HTTP 200 (or 404 while projecting), got $STATUS"
    ((SECONDS - started < PROJECTION_WAIT)) || fail "$user: still HTTP 404 after ${PROJECTION_WAIT}s: the patient or its care team is not projected (tracking-service.log)"
    sleep 0.5
  done
  ok "$user: HTTP 200 after $((SECONDS - started)) s"
done
expect '(.items | type) == "array" and (.total | type) == "number"' 'a page of timeline entries'

# checkin PAIN RED_FLAGS_JSON: a check-in body (lower back, worse sitting, better walking, sleep quality 5).
checkin() {
  jq -n --argjson pain "$1" --argjson flags "$2" '{pain: $pain, locations: ["lower-back"], triggers: ["sitting"],
    relievers: ["walking"], sleepQuality: 5, redFlags: $flags}'
}
# record_checkin DAY BODY: anna records the check-in of DAY. A free day: PUT without If-Match -> 201 with
# Location; a day with a check-in (an earlier run): GET it, PUT with its ETag in If-Match -> 200. Sets
# CHECKIN_ID and CHECKIN_ETAG (the new ETag).
record_checkin() {
  local day=$1 body=$2 etag=
  step "anna.patient: GET /patients/$P/check-ins/$day (is the day taken?)"
  tcall GET "/patients/$P/check-ins/$day" "${TOKENS[anna.patient]}"
  case $STATUS in
    404) ok "HTTP 404: no check-in for $day yet" ;;
    200)
      etag=$(header ETag)
      [[ -n $etag ]] || fail "no ETag header"
      expect '.day == $d and (.version | tostring) == ($e | ltrimstr("\"") | rtrimstr("\""))' \
        "HTTP 200: a check-in from an earlier run, ETag $etag = its version" --arg d "$day" --arg e "$etag"
      ;;
    *) fail "expected HTTP 404 or 200, got $STATUS" ;;
  esac
  step "anna.patient: PUT /patients/$P/check-ins/$day${etag:+ with If-Match: $etag}"
  tcall PUT "/patients/$P/check-ins/$day" "${TOKENS[anna.patient]}" "$body" "$etag"
  if [[ -z $etag ]]; then
    expect_status 201
    [[ $(header Location) == */patients/$P/check-ins/$day ]] || fail "Location header is '$(header Location)'"
    ok "Location $(header Location)"
  else
    expect_status 200
  fi
  CHECKIN_ETAG=$(header ETag)
  [[ -n $CHECKIN_ETAG && $CHECKIN_ETAG != "$etag" ]] || fail "ETag missing or unchanged ('$etag' -> '$CHECKIN_ETAG')"
  ok "ETag ${etag:+$etag -> }$CHECKIN_ETAG"
  expect '.patientId == $p and .day == $d and .recordedBy == $a and ((.id // "") | length) == 36' \
    'the check-in: patient, day, recordedBy anna, id' --arg p "$P" --arg d "$day" --arg a "$ANNA_ID"
  expect '.pain == $b.pain and .locations == $b.locations and .triggers == $b.triggers and .relievers == $b.relievers
    and .sleepQuality == $b.sleepQuality and .redFlags == $b.redFlags' 'stored as sent' --argjson b "$body"
  CHECKIN_ID=$(jq -r .id "$WORK/body")
}

# --- 2. Today's check-in ----------------------------------------------------------------------------------
today_checkin=$(checkin 6 '[]')
record_checkin "$today" "$today_checkin"
TODAY_CHECKIN_ID=$CHECKIN_ID
step "anna.patient: the same PUT again without If-Match -> 428"
tcall PUT "/patients/$P/check-ins/$today" "${TOKENS[anna.patient]}" "$today_checkin"
expect_problem 428

# --- 3. Exercise and medication logs ----------------------------------------------------------------------
step "anna.patient logs a bird-dog session (2 x 10, pain 6 -> 5) for $today"
tcall POST "/patients/$P/exercise-sessions" "${TOKENS[anna.patient]}" \
  "$(jq -n --arg d "$today" '{day: $d, exercise: "bird-dog", sets: 2, reps: 10, painBefore: 6, painAfter: 5}')"
expect_status 201
expect '(.id | length) == 36 and (.alertsRaised | type) == "array"' 'an id and the alerts it raised'
SESSION_ID=$(jq -r .id "$WORK/body")
ok "session $SESSION_ID, alerts raised: $(jq -c .alertsRaised "$WORK/body")"
taken_at=$(date -u -d '1 minute ago' +%FT%TZ)
step "anna.patient logs naproxen 500 mg taken at $taken_at"
tcall POST "/patients/$P/medication-intakes" "${TOKENS[anna.patient]}" \
  "$(jq -n --arg t "$taken_at" '{takenAt: $t, drug: "naproxen", dose: 500, unit: "mg"}')"
expect_status 201
expect '(.id | length) == 36 and (.alertsRaised | type) == "array"' 'an id and the alerts it raised'
INTAKE_ID=$(jq -r .id "$WORK/body")
ok "intake $INTAKE_ID, alerts raised: $(jq -c .alertsRaised "$WORK/body")"

# --- 4. A red flag, entered a day late --------------------------------------------------------------------
# Today's check-in (no red flag) closed any red-flag episode an earlier run left open, so this one raises a new alert.
record_checkin "$yesterday" "$(checkin 6 '["saddle-numbness"]')"
YESTERDAY_CHECKIN_ID=$CHECKIN_ID
step "pt.jones: the timeline shows the urgent red-flag-symptom alert this check-in raised"
tcall GET "/patients/$P/timeline?kind=alert&from=$today&size=100" "${TOKENS[pt.jones]}"
expect_status 200
alert_filter='[.items[] | select(.kind == "alert" and .summary.alert == "red-flag-symptom"
  and (.at | sub("\\.[0-9]+"; "") | fromdateiso8601) >= $t)] | first'
expect "$alert_filter | .summary.priority == \"urgent\" and (.summary.message | contains(\"saddle-numbness\"))" \
  'alert red-flag-symptom, priority urgent, naming saddle-numbness, raised by this run' --argjson t "$tracking_started"
# The event's data.raisedAt is the alert's instant: matching it to the second picks this run's event (the relay
# sends the payload as PostgreSQL's jsonb prints it, with a space after the colon: match the value alone).
raised_at=$(jq -r --argjson t "$tracking_started" "$alert_filter"' | .at | sub("\\.[0-9]+"; "") | rtrimstr("Z")' "$WORK/body")
step "Kafka topic tracking-events has a RedFlagSymptomReported event for $P raised at $raised_at (waiting up to ${KAFKA_WAIT}s)"
kafka_find tracking-events RedFlagSymptomReported "$P" "\"$raised_at"
[[ $KAFKA_KEY == "$P" ]] || fail "record key is '$KAFKA_KEY', expected the patient id $P"
ok "key = patient id"
expect '.type == "RedFlagSymptomReported" and .version == 1 and .source == "tracking-service" and .patientId == $p
  and (.id | length) == 36 and .occurredAt != null and (.data.raisedAt | startswith($r))' \
  'envelope: type RedFlagSymptomReported, version 1, source tracking-service, patientId; data.raisedAt' --arg p "$P" --arg r "$raised_at"
expect '.data.alert == "red-flag-symptom" and .data.priority == "urgent" and (.data.details.redFlags | index("saddle-numbness") != null)' \
  'data: alert red-flag-symptom, priority urgent, redFlags saddle-numbness'
if [[ -n $NOTIFICATION_SERVICE ]]; then
  wait_notification dr.house "priority=urgent&kind=red-flag&patientId=$P" "the urgent red-flag alert for the reported symptom" \
    "$tracking_started"
  expect '.items[0] | (.message | contains("saddle-numbness")) and .alert.acknowledged == false' \
    'naming saddle-numbness, awaiting acknowledgement'
  step "dr.house acknowledges it"
  ncall POST "/notifications/$NOTIFICATION_ID/acknowledgement" "${TOKENS[dr.house]}"
  expect_status 200
  expect '.alert.acknowledged == true and .alert.acknowledgedBy == $h' 'acknowledged by dr.house' --arg h "$HOUSE_ID"
fi

# --- 5. Who sees what -------------------------------------------------------------------------------------
step "pt.jones: GET /patients/$P/timeline (from $yesterday)"
tcall GET "/patients/$P/timeline?from=$yesterday&size=100" "${TOKENS[pt.jones]}"
expect_status 200
for entry in "check-in|$TODAY_CHECKIN_ID" "check-in|$YESTERDAY_CHECKIN_ID" "exercise-session|$SESSION_ID" "medication-intake|$INTAKE_ID"; do
  IFS='|' read -r kind id <<<"$entry"
  expect '.items | any(.kind == $k and .itemId == $id)' "$kind $id" --arg k "$kind" --arg id "$id"
done
expect '.items | any(.itemId == $id and .summary.exercise == "bird-dog" and .summary.painAfter == 5)' 'the session: bird-dog, pain after 5' --arg id "$SESSION_ID"
expect '.items | any(.itemId == $id and .summary.drug == "naproxen" and .summary.dose == 500 and .summary.unit == "mg")' \
  'the intake: naproxen 500 mg' --arg id "$INTAKE_ID"
step "pt.jones: GET /patients/$P/trends?days=7"
tcall GET "/patients/$P/trends?days=7" "${TOKENS[pt.jones]}"
expect_status 200
expect '.days == 7 and .to == $d and .daysLogged >= 1 and (.meanPain | type) == "number"' \
  'a 7-day window to today, daysLogged >= 1, a mean pain' --arg d "$today"
ok "daysLogged $(jq -r .daysLogged "$WORK/body"), meanPain $(jq -r .meanPain "$WORK/body"), verdict $(jq -r .verdict "$WORK/body")"
step "ben.patient: GET /patients/$P/timeline (not his record)"
tcall GET "/patients/$P/timeline" "${TOKENS[ben.patient]}"
expect_problem 404
step "integrator: GET /patients/$P/trends?days=7"
tcall GET "/patients/$P/trends?days=7" "${TOKENS[integrator]}"
expect_status 200
expect '.days == 7 and .daysLogged >= 1' 'the summary'
step "integrator: PUT /patients/$P/check-ins/$today -> 403"
tcall PUT "/patients/$P/check-ins/$today" "${TOKENS[integrator]}" "$today_checkin" "$CHECKIN_ETAG"
expect_problem 403

# --- 6. ODI -------------------------------------------------------------------------------------------------
step "anna.patient fills in an ODI questionnaire (section 7 skipped: 17 points over 9 sections)"
tcall POST "/patients/$P/questionnaires/odi" "${TOKENS[anna.patient]}" '{"answers": [2, 2, 3, 2, 1, 2, null, 2, 2, 1]}'
expect_status 201
expect '.score == 37.8 and .answered == 9 and .day == $d and (.id | length) == 36' 'score 37.8 (17 / 45 x 100), 9 answered, today' --arg d "$today"
ok "baseline $(jq -r .baseline "$WORK/body") (baseline score $(jq -r .baselineScore "$WORK/body"), change $(jq -r .change "$WORK/body"))"


# --- 7. EHR integration: FHIR R4 and Bulk Data export ----------------------------------------------------------
# fhir_get BASE PATH TOKEN: a FHIR request (Accept application/fhir+json); sets STATUS, body in $WORK/body.
fhir_get() {
  local args=(-s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' --max-time 30 -H 'Accept: application/fhir+json')
  [[ -n $3 ]] && args+=(-H "Authorization: Bearer $3")
  STATUS=$(curl "${args[@]}" "${@:4}" "$1$2") || fail "GET $2: no answer from $1"
}

# bulk_export NAME BASE TYPE: the integrator exports TYPE from service NAME (kick-off, poll, manifest, download);
# a clinician may not read the export.
bulk_export() {
  local name=$1 base=$2 type=$3 location url lines started=$SECONDS
  step "integrator: $name GET /fhir/\$export?_type=$type (Prefer: respond-async)"
  fhir_get "$base" "/fhir/\$export?_type=$type" "${TOKENS[integrator]}" -H 'Prefer: respond-async'
  [[ $STATUS == 202 ]] || fail "expected HTTP 202, got $STATUS: $(head -c 300 "$WORK/body")"
  location=$(header Content-Location)
  [[ -n $location ]] || fail "no Content-Location header"
  ok "202, status at $location"
  step "integrator polls the $name export until its manifest is ready"
  while :; do
    STATUS=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' --max-time 30 \
      -H "Authorization: Bearer ${TOKENS[integrator]}" "$location") || fail "no answer from $location"
    [[ $STATUS == 200 ]] && break
    [[ $STATUS == 202 ]] || fail "expected HTTP 202 or 200, got $STATUS: $(head -c 300 "$WORK/body")"
    ((SECONDS - started < 90)) || fail "the export was not done after 90 s (X-Progress: $(header X-Progress))"
    sleep 1
  done
  expect '.requiresAccessToken == true and (.transactionTime | length) > 0 and (.output | length) >= 1
    and all(.output[]; .type == $t) and .error == []' "manifest: output of $type, no errors" --arg t "$type"
  url=$(jq -r '.output[0].url' "$WORK/body")
  step "integrator downloads $url"
  STATUS=$(curl -s -o "$WORK/ndjson" -w '%{http_code}' --max-time 60 -H "Authorization: Bearer ${TOKENS[integrator]}" \
    "$url") || fail "no answer from $url"
  [[ $STATUS == 200 ]] || fail "expected HTTP 200, got $STATUS"
  lines=$(grep -c . "$WORK/ndjson" || true)
  ((lines >= 1)) || fail "the file is empty"
  jq -e -s --arg t "$type" 'all(.[]; .resourceType == $t and (.id | length) > 0)' "$WORK/ndjson" >/dev/null ||
    fail "not one $type resource per line: $(head -c 300 "$WORK/ndjson")"
  ok "$lines $type resources, one per line"
  step "dr.house may not read the $name export (403)"
  STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' --max-time 30 -H "Authorization: Bearer ${TOKENS[dr.house]}" \
    "$location") || fail "no answer from $location"
  [[ $STATUS == 403 ]] || fail "expected HTTP 403, got $STATUS"
  ok "HTTP 403"
}

step "patient-service GET /fhir/metadata (public CapabilityStatement)"
fhir_get "$PATIENT_URL" /fhir/metadata ""
expect_status 200
expect '.resourceType == "CapabilityStatement" and .fhirVersion == "4.0.1"' 'a CapabilityStatement for FHIR 4.0.1'
# SMART Backend Services discovery: public, and it sends integrators to Keycloak's token endpoint with a signed JWT.
# (clients/ CareStoryTest then gets a token that way, from backcare-integrator-jwt and the key up.sh generated.)
for smart in "patient-service $PATIENT_URL" "plan-service $PLAN_URL" "tracking-service $TRACKING_URL"; do
  step "${smart%% *} GET /fhir/.well-known/smart-configuration (public SMART discovery)"
  STATUS=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' --max-time 30 -H 'Accept: application/json' \
    "${smart#* }/fhir/.well-known/smart-configuration") || fail "no answer from ${smart#* }"
  expect_status 200
  expect '.token_endpoint == $t and .grant_types_supported == ["client_credentials"]
    and (.token_endpoint_auth_methods_supported | index("private_key_jwt") != null)
    and (.token_endpoint_auth_signing_alg_values_supported | index("RS384") != null)
    and (.capabilities | index("client-confidential-asymmetric") != null)' \
    "token endpoint $TOKEN_URL, client_credentials with private_key_jwt (RS384)" --arg t "$TOKEN_URL"
done
step "anna.patient GET /fhir/Patient/$P (her own record as FHIR)"
fhir_get "$PATIENT_URL" "/fhir/Patient/$P" "${TOKENS[anna.patient]}"
expect_status 200
expect '.resourceType == "Patient" and .id == $id and (.meta.versionId | length) > 0' 'Patient with meta.versionId' --arg id "$P"
[[ $(header ETag) == W/* ]] || fail "expected a weak ETag, got '$(header ETag)'"
ok "ETag $(header ETag)"
step "ben.patient GET /fhir/Patient/$P -> 404 OperationOutcome"
fhir_get "$PATIENT_URL" "/fhir/Patient/$P" "${TOKENS[ben.patient]}"
expect_status 404
expect '.resourceType == "OperationOutcome"' 'an OperationOutcome'
bulk_export patient-service "$PATIENT_URL" Patient
step "anna.patient GET /fhir/Observation?patient=$P (her reports as FHIR Observations)"
fhir_get "$TRACKING_URL" "/fhir/Observation?patient=$P&_count=50" "${TOKENS[anna.patient]}"
expect_status 200
expect '.resourceType == "Bundle" and .type == "searchset" and .total >= 1
  and any(.entry[].resource; .code.coding[0].code == "72514-3")' 'a searchset with a pain score (LOINC 72514-3)'
bulk_export tracking-service "$TRACKING_URL" Observation
step "pt.jones GET /fhir/CarePlan?patient=$P (the plan as a FHIR CarePlan)"
fhir_get "$PLAN_URL" "/fhir/CarePlan?patient=$P" "${TOKENS[pt.jones]}"
expect_status 200
expect '.resourceType == "Bundle" and .total >= 1 and any(.entry[].resource; .status == "active" and .intent == "plan")' \
  'a searchset with the active CarePlan'
bulk_export plan-service "$PLAN_URL" CarePlan

# =============================================================================================================
# Psychology in the plan, on ben.patient's record (a team with no psychologist at first): ben answers STarT Back
# (high risk) -> the stratum is on his record and dr.house is told to consider a psychology referral -> the plan
# drafted at intake is replaced by one from the template, which now carries the psychologically informed parts ->
# psy.miller joins; ben answers a PHQ-9 with item 9 above 0 -> an urgent self-harm alert reaches dr.house and
# psy.miller, awaiting acknowledgement and armed to escalate, and ben gets crisis guidance at once. (The escalation
# fires after ESCALATION_TIMEOUT, 30 min by default: notification-service's tests cover it.) The results are
# FHIR resources too: a RiskAssessment and a PHQ-9 Observation (LOINC 44261-6).
# =============================================================================================================
if [[ -n $PLAN_SERVICE && -n $TRACKING_SERVICE && -n $NOTIFICATION_SERVICE ]]; then
  PSYCHOLOGY_SINCE=$(($(date -u +%s) - 1))
  # START_BACK_HIGH: items 1-8 agree/disagree (1/0), item 9 "extremely" bothersome (4 = 1 point): total 7,
  # psychosocial subscale (items 5-9) 5 -> high risk.
  START_BACK_HIGH='{"answers": [1, 1, 0, 0, 1, 1, 1, 1, 4]}'
  START_BACK_LOW='{"answers": [0, 0, 0, 0, 0, 0, 0, 0, 0]}'

  step "ben.patient: is his login already linked to a record (earlier run)?"
  call GET /patients/me "${TOKENS[ben.patient]}"
  BEN=
  case $STATUS in
    404) ok "HTTP 404: not yet" ;;
    200) BEN=$(jq -r .id "$WORK/body"); ok "HTTP 200: yes ($BEN)" ;;
    *) fail "expected HTTP 404 or 200, got $STATUS" ;;
  esac
  if [[ -z $BEN ]]; then
    step "dr.house registers ben.patient's record (${RUN_TAG}Psy), linked to his login; dr.house alone on the team"
    call POST /patients "${TOKENS[dr.house]}" "$(jq -n --arg family "${RUN_TAG}Psy" --arg subject "$BEN_ID" '{
      givenName: "Ben", familyName: $family, birthDate: "1975-09-12", sex: "male", email: "ben.patient@backcare.example",
      preferredLanguage: "en", oidcSubject: $subject, painOnsetDate: "2025-06-01", painType: "mechanical",
      painTypeRationale: "Worse with lifting, eases with rest", comorbidities: []}')"
    expect_status 201
    BEN=$(jq -r .id "$WORK/body")
    expect '.riskStratum == null' 'no risk stratum yet'
  else
    step "dr.house: psy.miller leaves ben's team if an earlier run added him (the story needs a team without a psychologist)"
    call DELETE "/patients/$BEN/care-team/$MILLER_ID" "${TOKENS[dr.house]}"
    [[ $STATUS == 204 || $STATUS == 404 ]] || fail "expected HTTP 204 or 404, got $STATUS"
    ok "HTTP $STATUS"
  fi

  step "ben's intake: plan-service knows his record (his plans, waiting up to ${PROJECTION_WAIT}s); open plans of earlier runs are discontinued"
  started=$SECONDS
  while :; do
    pcall GET "/patients/$BEN/plans?size=100" "${TOKENS[dr.house]}"
    [[ $STATUS == 200 ]] && break
    [[ $STATUS == 404 ]] || fail "expected HTTP 200 (or 404 while projecting), got $STATUS"
    ((SECONDS - started < PROJECTION_WAIT)) || fail "still HTTP 404 after ${PROJECTION_WAIT}s (plan-service.log)"
    sleep 0.5
  done
  ok "HTTP 200 after $((SECONDS - started)) s"
  while read -r old_plan; do
    [[ -n $old_plan ]] || continue
    pcall POST "/plans/$old_plan/status" "${TOKENS[dr.house]}" '{"status": "discontinued", "reason": "Smoke test starts a new plan"}'
    expect_status 200
  done < <(jq -r '.items[] | select(.status == "draft" or .status == "active" or .status == "on-hold") | .id' "$WORK/body")
  step "dr.house drafts an intake plan for ben (no template) before the screening"
  pcall POST "/patients/$BEN/plans" "${TOKENS[dr.house]}" '{"title": "Intake", "template": "none"}'
  expect_status 201
  INTAKE_PLAN=$(jq -r .id "$WORK/body")
  expect '.stratifiedCare == null' 'no stratified care'

  # instrument USER INSTRUMENT BODY: POST /patients/$BEN/questionnaires/INSTRUMENT, waiting while tracking-service
  # has not projected ben's record yet (404).
  instrument() {
    local user=$1 id=$2 body=$3 started=$SECONDS
    while :; do
      tcall POST "/patients/$BEN/questionnaires/$id" "${TOKENS[$user]}" "$body"
      [[ $STATUS == 404 ]] || break
      ((SECONDS - started < PROJECTION_WAIT)) || fail "still HTTP 404 after ${PROJECTION_WAIT}s (tracking-service.log)"
      sleep 0.5
    done
  }
  call GET "/patients/$BEN" "${TOKENS[dr.house]}"
  if jq -e '.riskStratum.stratum == "high"' "$WORK/body" >/dev/null; then
    step "an earlier run left ben at high risk: ben answers a low-risk STarT Back first (the referral episode ends)"
    instrument ben.patient start-back "$START_BACK_LOW"
    expect_status 201
    expect '.band.code == "low"' 'low risk'
  fi

  step "ben.patient answers the STarT Back Screening Tool (POST /patients/$BEN/questionnaires/start-back)"
  instrument ben.patient start-back "$START_BACK_HIGH"
  expect_status 201
  START_BACK_ID=$(jq -r .id "$WORK/body")
  expect '.instrument == "start-back" and .score == 7 and .band.code == "high"
    and (.subscales[] | select(.code == "psychosocial") | .score) == 5 and .flags == []' \
    'scored by the server: total 7, psychosocial 5 -> high risk'

  step "the stratum reaches ben's record in patient-service (waiting up to ${PROJECTION_WAIT}s)"
  started=$SECONDS
  while :; do
    call GET "/patients/$BEN" "${TOKENS[dr.house]}"
    [[ $STATUS == 200 ]] || fail "expected HTTP 200, got $STATUS"
    jq -e --arg q "$START_BACK_ID" '.riskStratum.questionnaireId == $q' "$WORK/body" >/dev/null && break
    ((SECONDS - started < PROJECTION_WAIT)) || fail "riskStratum is not this result after ${PROJECTION_WAIT}s (patient-service.log)"
    sleep 0.5
  done
  expect '.riskStratum | .instrument == "start-back" and .stratum == "high" and .day != null' 'riskStratum: start-back, high'

  wait_notification dr.house "kind=psychology-referral&patientId=$BEN" \
    "a psychology referral to consider for $BEN (high risk, no psychologist on the team)" "$PSYCHOLOGY_SINCE"
  expect '.items[0] | .priority == "high" and .alert == null and (.message | contains("STarT Back"))' \
    'psychology-referral, high priority, not an alert to chase'

  step "plan-service has the stratum too (the intake draft shows it, waiting up to ${PROJECTION_WAIT}s)"
  started=$SECONDS
  while :; do
    pcall GET "/plans/$INTAKE_PLAN" "${TOKENS[dr.house]}"
    [[ $STATUS == 200 ]] || fail "expected HTTP 200, got $STATUS"
    jq -e --arg q "$START_BACK_ID" '.riskStratum.questionnaireId == $q' "$WORK/body" >/dev/null && break
    ((SECONDS - started < PROJECTION_WAIT)) || fail "the plan's riskStratum is not this result after ${PROJECTION_WAIT}s (plan-service.log)"
    sleep 0.5
  done
  ok "riskStratum high after $((SECONDS - started)) s"
  pcall POST "/plans/$INTAKE_PLAN/status" "${TOKENS[dr.house]}" '{"status": "discontinued", "reason": "Replaced by the stratified plan"}'
  expect_status 200

  step "dr.house creates ben's plan from the mechanical template: high risk adds the psychologically informed parts"
  pcall POST "/patients/$BEN/plans" "${TOKENS[dr.house]}" '{"title": "Stratified care", "template": "mechanical"}'
  expect_status 201
  BEN_PLAN=$(jq -r .id "$WORK/body")
  expect '.riskStratum.stratum == "high" and .stratifiedCare.stratum == "high" and (.stratifiedCare.added | length) >= 5' \
    'stratifiedCare: high, the added parts listed'
  expect '.sections.goals.content.goals | any(.discipline == "psychologist" and (.what | contains("Psychologist review")))' \
    'goals: a psychologist review'
  expect '.sections.exercises.content.exercises | any(.exercise == "hip-hinge-lift")' 'exercises: graded exposure (hip-hinge lift)'
  expect '.sections["self-management"].content.cbt != null and (.sections["self-management"].content.pacing | length) > 0' \
    'self-management: CBT sessions and pacing'
  expect '[.sections.assessments.content.assessments[].instrument] as $i | ["start-back", "phq-9", "gad-7", "pcs", "tsk-11"]
    | all(. as $x | $i | index($x) != null)' 'assessments: STarT Back, PHQ-9, GAD-7, PCS and TSK-11 scheduled'
  pcall POST "/plans/$BEN_PLAN/status" "${TOKENS[dr.house]}" '{"status": "active", "reason": "Agreed with ben (smoke test)"}'
  expect_status 200
  step "ben.patient: GET /patients/$BEN/plan/today lists the questionnaires due (not the STarT Back he just answered)"
  pcall GET "/patients/$BEN/plan/today" "${TOKENS[ben.patient]}"
  expect_status 200
  expect '[.assessments[].instrument] | (index("pcs") != null and index("tsk-11") != null and index("start-back") == null)' \
    'assessments due: PCS and TSK-11 at intake; STarT Back done'

  step "dr.house adds psy.miller (psychologist) to ben's team"
  call POST "/patients/$BEN/care-team" "${TOKENS[dr.house]}" \
    "$(jq -n --arg s "$MILLER_ID" '{subject: $s, role: "psychologist", displayName: "Sam Miller"}')"
  expect_status 201
  # notification-service knows he is on the team once it told him so: only then is the PHQ-9 answered.
  wait_notification psy.miller "kind=care-team-joined&patientId=$BEN" "care-team-joined for $BEN" "$PSYCHOLOGY_SINCE"

  step "ben.patient answers the PHQ-9 with item 9 (thoughts of self-harm) 'several days'"
  instrument ben.patient phq-9 '{"answers": [1, 1, 1, 1, 1, 1, 1, 1, 1]}'
  expect_status 201
  expect '.instrument == "phq-9" and .score == 9 and .band.code == "mild" and .flags == ["self-harm"]' \
    'PHQ-9 9 (mild), flagged self-harm'
  for clinician in dr.house psy.miller; do
    wait_notification "$clinician" "priority=urgent&kind=self-harm-risk&patientId=$BEN" \
      "an urgent self-harm-risk alert for $BEN" "$PSYCHOLOGY_SINCE"
    expect '.items[0].alert | .acknowledged == false and .nextEscalationAt != null' \
      'an alert awaiting acknowledgement, escalated at nextEscalationAt unless acknowledged'
  done
  wait_notification ben.patient "kind=crisis-guidance&patientId=$BEN" "crisis guidance" "$PSYCHOLOGY_SINCE"
  expect '.items[0] | .priority == "urgent" and .alert == null and (.message | contains("crisis line"))' \
    'crisis-guidance, urgent, what to do now; no alert'

  step "psy.miller: GET /patients/$BEN/questionnaires/phq-9/trend"
  tcall GET "/patients/$BEN/questionnaires/phq-9/trend" "${TOKENS[psy.miller]}"
  expect_status 200
  expect '(.results | length) >= 1 and .results[-1].score == 9' 'the PHQ-9 series ends with 9'

  step "integrator: GET /fhir/RiskAssessment?patient=$BEN (STarT Back as FHIR)"
  fhir_get "$TRACKING_URL" "/fhir/RiskAssessment?patient=$BEN&_count=100" "${TOKENS[integrator]}"
  expect_status 200
  expect 'any(.entry[].resource; .resourceType == "RiskAssessment" and .prediction[0].qualitativeRisk.coding[0].code == "high")' \
    'a RiskAssessment: high risk'
  step "psy.miller: GET /fhir/Observation?patient=$BEN&code=http://loinc.org|44261-6 (PHQ-9 total)"
  fhir_get "$TRACKING_URL" "/fhir/Observation?patient=$BEN&code=http://loinc.org%7C44261-6" "${TOKENS[psy.miller]}"
  expect_status 200
  expect '.total >= 1 and any(.entry[].resource; .valueQuantity.value == 9)' 'the PHQ-9 total 9 (LOINC 44261-6)'
fi

finish
