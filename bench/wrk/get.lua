-- GET of a per-patient path, spread over the patients and tokens. The path template comes from the environment
-- variable BENCH_PATH, with {p} for the patient id: /patients/{p}/timeline?size=50, /patients/{p}/trends?days=90.
-- Without {p} (e.g. /notifications/kinds) every request has the same path; the tokens still rotate.
-- Usage: wrk ... -s get.lua URL -- TOKENS_FILE PATIENTS_FILE
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local tokens, patients, template, tid, n = nil, nil, nil, 0, 0

setup = common.setup
done = common.done
if os.getenv("BENCH_WRK_DEBUG") then response = common.response end

function init(args)
  tokens = common.lines(args[1])
  patients = common.lines(args[2])
  template = assert(os.getenv("BENCH_PATH"), "BENCH_PATH not set")
  tid = tonumber(wrk.thread:get("tid")) or 0
  n = tid * 7919 -- threads start at different patients
end

function request()
  n = n + 1
  local p = patients[(n % #patients) + 1]
  local t = tokens[(n % #tokens) + 1]
  local path = string.gsub(template, "{p}", p)
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. t, ["Accept"] = "application/json" })
end
