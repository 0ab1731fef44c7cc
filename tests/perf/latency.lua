-- wrk reporter: one machine-readable line with request count, errors and latency percentiles in milliseconds.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("WRK_RESULT requests=%d errors=%d non2xx=%d p50=%.2f p95=%.2f p99=%.2f max=%.2f rps=%.1f\n",
    summary.requests, errors, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1000000)))
end
