-- GET /hello on bench/hello (the ceiling of an endpoint with no database work); no token, the same done() output.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
setup = common.setup
done = common.done
if os.getenv("BENCH_WRK_DEBUG") then response = common.response end
wrk.method = "GET"
wrk.path = "/hello"
wrk.headers["Accept"] = "application/json"
