-- wrk script for scripts/bench/support/load.ts. Arguments: a file of pre-built
-- requests, one per line (method, path, body, then header name/value pairs,
-- tab-separated), and the status every answer should have. The requests are
-- formatted once at start and sent in order, round and round; the summary is
-- printed as one JSON line for the benchmark to read.

local requests = {}
local expected = 200
local next_index = 0
local threads = {}
-- Global, so done() can collect it from each thread with thread:get().
unexpected = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  expected = tonumber(args[2])
  for line in io.lines(args[1]) do
    local fields = {}
    for field in (line .. "\t"):gmatch("([^\t]*)\t") do
      fields[#fields + 1] = field
    end
    local headers = {}
    for i = 4, #fields - 1, 2 do
      headers[fields[i]] = fields[i + 1]
    end
    local body = nil
    if fields[3] ~= "" then body = fields[3] end
    requests[#requests + 1] = wrk.format(fields[1], fields[2], headers, body)
  end
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

function response(status)
  if status ~= expected then unexpected = unexpected + 1 end
end

function done(summary, latency)
  local wrong = 0
  for _, thread in ipairs(threads) do wrong = wrong + thread:get("unexpected") end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"unexpected":%d,"errors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), wrong,
    e.connect + e.read + e.write + e.timeout))
end
