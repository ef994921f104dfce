#!/usr/bin/env bash
# End-to-end smoke test through the stack that deploy/up.sh started, with real Keycloak tokens.
# Prints every step; exits non-zero at the first deviation (status code or body).
#
# Story (patient-service): dr.house registers a patient linked to anna.patient's login, adds pt.jones and
# psy.miller to the care team; anna reads her record; ben.patient and dr.grey (not on the team) get 404,
# pt.jones 200; the integrator lists patients; dr.house records a positive red-flag screening, the record
# shows urgentReview, and a RedFlagRaised event for the patient is on Kafka topic patient-events.
#
# Re-runnable: anna's login can be linked to one record only, so when an earlier run already linked it,
# the new patient is registered without a login and anna's steps use her existing record.
# shellcheck disable=SC2016  # the single-quoted \$names are jq variables
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

command -v jq >/dev/null || apt_install jq
command -v curl >/dev/null || apt_install curl

PATIENT_LINE=${SERVICES[0]}
PATIENT_URL=http://127.0.0.1:$(svc_port "$PATIENT_LINE")
KAFKA_WAIT=${BACKCARE_SMOKE_KAFKA_WAIT:-20}

# Demo users' fixed ids (deploy/keycloak/backcare-realm.json).
HOUSE_ID=10000000-0000-4000-8000-000000000001
GREY_ID=10000000-0000-4000-8000-000000000002
JONES_ID=20000000-0000-4000-8000-000000000001
MILLER_ID=30000000-0000-4000-8000-000000000001
ANNA_ID=50000000-0000-4000-8000-000000000001
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

# call METHOD PATH TOKEN [JSON]: sets STATUS; the body is in $WORK/body, headers in $WORK/headers.
call() {
  local method=$1 path=$2 tok=$3 data=${4:-} args=()
  args=(-s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' --max-time 30 -X "$method")
  [[ -n $tok ]] && args+=(-H "Authorization: Bearer $tok")
  [[ -n $data ]] && args+=(-H 'Content-Type: application/json' --data "$data")
  STATUS=$(curl "${args[@]}" "$PATIENT_URL$path") || fail "$method $path: no answer from $PATIENT_URL"
}
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

printf 'BackCare smoke test against %s (Keycloak %s, Kafka %s)\n' "$PATIENT_URL" "$REALM_URL" "$KAFKA_BOOTSTRAP"

step "patient-service is ready (waiting up to 30 s)"
for ((i = 0; i < 30; i++)); do
  STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' --max-time 10 "$PATIENT_URL/q/health/ready") || STATUS=000
  [[ $STATUS == 000 || $STATUS == 200 ]] && break # not running at all, or ready
  sleep 1
done
[[ $STATUS == 200 ]] || fail "$PATIENT_URL/q/health/ready answered HTTP $STATUS: is the stack up (deploy/up.sh)?"
ok "HTTP 200"

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

step "no token -> 401"
call GET /patients ""
expect_status 401

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
step "Kafka topic patient-events has a RedFlagRaised event for $PATIENT_ID (waiting up to ${KAFKA_WAIT}s)"
compgen -G "$KAFKA_LIB/kafka-clients-*.jar" >/dev/null || fail "no Kafka jars in $KAFKA_LIB (run deploy/up.sh)"
if ! record=$(java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$KAFKA_LIB/*" "$DEPLOY_DIR/kafka/KafkaTool.java" \
  find "$KAFKA_BOOTSTRAP" patient-events "$KAFKA_WAIT" RedFlagRaised "$PATIENT_ID" 2>"$WORK/kafka.err"); then
  fail "no RedFlagRaised event for $PATIENT_ID: $(cat "$WORK/kafka.err")"
fi
key=${record%%$'\t'*}
value=${record#*$'\t'}
printf '%s\n' "$value" >"$WORK/body"
[[ $key == "$PATIENT_ID" ]] || fail "record key is '$key', expected the patient id"
ok "key = patient id"
expect '.type == "RedFlagRaised" and .version == 1 and .patientId == $id and (.id | length) == 36 and .occurredAt != null and .data != null' \
  'envelope: type RedFlagRaised, version 1, patientId, id, occurredAt, data' --arg id "$PATIENT_ID"

printf '\nsmoke: %s passed, 0 failed (%s steps)\n' "$PASSED" "$STEP"
