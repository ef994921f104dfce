-- PUT /patients/{p}/check-ins/{day}: creates check-ins (201), each for a patient-day that has none, so there is
-- never a 428/409. Request number g of the whole run (threads interleave: g = count * threads + thread) goes to
-- patient g mod N on day DAY_BASE - floor(g / N): the run walks backwards from DAY_BASE, one day per N requests.
-- bench/run.sh gives every run its own window of days before the seeded history (tracking-service runs with
-- CHECKIN_MAX_BACKDATE_DAYS raised for the bench), so runs never collide with each other or the seed.
-- Usage: wrk ... -s checkin.lua URL -- TOKENS_FILE PATIENTS_FILE DAY_BASE THREADS
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local tokens, patients, base, tid, threads, count = nil, nil, 0, 0, 1, 0

setup = common.setup
done = common.done
if os.getenv("BENCH_WRK_DEBUG") then response = common.response end

local bodies = {
  '{"pain":4,"locations":["lower-back"],"painCharacter":["aching"],"legSymptoms":false,"functionScore":6,' ..
    '"sleepHours":6.5,"sleepQuality":4,"mood":6,"stress":5,"triggers":["sitting"],"relievers":["walking","heat"],' ..
    '"note":"Long meeting","redFlags":[]}',
  '{"pain":6,"locations":["lower-back","buttock-left"],"painCharacter":["aching","stabbing"],"legSymptoms":true,' ..
    '"functionScore":4,"sleepHours":5.0,"sleepQuality":3,"mood":4,"stress":7,"triggers":["bending","lifting"],' ..
    '"relievers":["rest"],"redFlags":[]}',
  '{"pain":3,"locations":["lower-back"],"legSymptoms":false,"functionScore":8,"sleepHours":7.5,"sleepQuality":7,' ..
    '"mood":7,"stress":3,"triggers":[],"relievers":["walking","exercise"],"redFlags":[]}',
}

function init(args)
  tokens = common.lines(args[1])
  patients = common.lines(args[2])
  base = assert(tonumber(args[3]), "DAY_BASE (epoch day) missing")
  threads = assert(tonumber(args[4]), "THREADS missing")
  tid = tonumber(wrk.thread:get("tid")) or 0
end

function request()
  local g = count * threads + tid
  count = count + 1
  local p = patients[(g % #patients) + 1]
  local day = os.date("!%Y-%m-%d", (base - math.floor(g / #patients)) * 86400)
  local t = tokens[(g % #tokens) + 1]
  return wrk.format("PUT", "/patients/" .. p .. "/check-ins/" .. day,
    { ["Authorization"] = "Bearer " .. t, ["Content-Type"] = "application/json", ["Accept"] = "application/json" },
    bodies[(g % #bodies) + 1])
end
