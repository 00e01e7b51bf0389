-- A mixed workload for wrk: reads (list, search, one actor, an actor's ties), optional route queries, and
-- writes (new actors with unique ids). Every request carries the API key in LOAD_KEY (exempt from rate limits
-- for the run), so any non-2xx response is a real error, not throttling.

local key = os.getenv("LOAD_KEY")
local routes = os.getenv("LOAD_ROUTES") == "1"
local threads = {}
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
  statuses = {}
  writes = 0
end

local function get(path)
  return wrk.format("GET", path, { ["X-Api-Key"] = key })
end

local function post(path, body)
  return wrk.format("POST", path, { ["X-Api-Key"] = key, ["Content-Type"] = "application/json" }, body)
end

function request()
  counter = counter + 1
  local slot = counter % 10
  if slot <= 3 then
    return get("/api/actors?limit=20&offset=" .. (counter % 40))
  elseif slot == 4 then
    return get("/api/actors?q=kic")
  elseif slot == 5 then
    return get("/api/actors/kicox")
  elseif slot == 6 then
    return get("/api/relationships?actor=kicox")
  elseif slot == 7 then
    if routes then
      return post("/api/routes/introductions", '{"from":["pole-eau"],"to":{"kind":"MiniCluster","country":"KR"},"k":3}')
    end
    return get("/api/relationships?type=MOU")
  else
    writes = writes + 1
    local id = string.format("load-%d-%d-%d", os.time() % 100000, thread_id, counter)
    return post("/api/actors", '{"id":"' .. id .. '","name":"Load ' .. id .. '","kind":"Company","country":"FR","sectors":["load"]}')
  end
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  io.write("status counts:")
  for status, count in pairs(totals) do
    io.write(string.format(" %d=%d", status, count))
  end
  io.write("\n")
  io.write(string.format("requests=%d duration_s=%.1f throughput_rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
