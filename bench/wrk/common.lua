-- Shared by the bench/wrk/*.lua scripts (loaded with dofile in every Lua state wrk creates: the main one and one
-- per thread). Arguments after "--" on the wrk command line: TOKENS_FILE PATIENTS_FILE [DAY_BASE]
--   TOKENS_FILE    one bearer token per line (fetched from Keycloak by bench/run.sh before the run)
--   PATIENTS_FILE  one patient id per line
--   DAY_BASE       (check-in only) the epoch day of the newest day this run may write; it writes backwards from it
-- Each thread spreads its requests over every patient and every token; done() prints one JSON line
-- prefixed with "BENCH_JSON " that bench/run.sh parses.

local M = {}

function M.lines(path)
  local out = {}
  local f = assert(io.open(path, "r"), "cannot read " .. tostring(path))
  for line in f:lines() do
    if line ~= "" then out[#out + 1] = line end
  end
  f:close()
  assert(#out > 0, path .. " is empty")
  return out
end

local thread_count = 0
-- setup runs in the main state once per thread, before init: give every thread its index.
function M.setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
end

function M.done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  local non2xx = e.status
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_s":%.3f,"rps":%.2f,"bytes":%d,' ..
    '"latency_ms":{"mean":%.3f,"p50":%.3f,"p90":%.3f,"p99":%.3f,"p999":%.3f,"max":%.3f},' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"total":%d}}\n',
    summary.requests, secs, summary.requests / secs, summary.bytes,
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, non2xx, e.timeout, e.connect + e.read + e.write + non2xx + e.timeout))
end

-- The first few non-2xx answers of each thread are printed (status and body start), to see why a run had errors.
local shown = 0
function M.response(status, headers, body)
  if status >= 300 and shown < 3 then
    shown = shown + 1
    io.stderr:write(string.format("wrk: HTTP %d %s\n", status, string.sub(body or "", 1, 300)))
  end
end

return M
