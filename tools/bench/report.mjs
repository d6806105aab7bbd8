// Turns autocannon results plus the per-response latencies collected by run.mjs into rows and a table.

/** Nearest-rank percentile of an ascending-sorted array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round = (value, digits = 1) => Number(value.toFixed(digits));

/** One scenario's figures. Latencies are in milliseconds, as measured by autocannon's client. */
export function summarize(scenario, result, latencies) {
  const sorted = Float64Array.from(latencies).sort();
  const completed = result.requests.total;
  return {
    scenario: scenario.name,
    request: scenario.title,
    connections: scenario.connections,
    durationSeconds: round(result.duration, 2),
    requests: completed,
    requestsPerSecond: round(completed / result.duration),
    latencyMs: {
      p50: round(percentile(sorted, 50), 2),
      p95: round(percentile(sorted, 95), 2),
      p99: round(percentile(sorted, 99), 2),
      max: round(sorted.length ? sorted[sorted.length - 1] : 0, 2),
    },
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
    non2xx: result.non2xx,
  };
}

/** Whether a row shows any failed request (connection error, timeout, wrong body or non-2xx). */
export function hasFailures(row) {
  return row.errors + row.timeouts + row.mismatches + row.non2xx > 0;
}

/** A plain-text table, one line per scenario. */
export function formatTable(rows) {
  const header = [
    'Scenario',
    'Conn',
    'Req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'Max ms',
    'Requests',
    'Errors',
    'Non-2xx',
  ];
  const lines = rows.map((row) => [
    row.request,
    String(row.connections),
    row.requestsPerSecond.toFixed(1),
    row.latencyMs.p50.toFixed(1),
    row.latencyMs.p95.toFixed(1),
    row.latencyMs.p99.toFixed(1),
    row.latencyMs.max.toFixed(1),
    String(row.requests),
    String(row.errors + row.timeouts + row.mismatches),
    String(row.non2xx),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  // First column left-aligned, figures right-aligned.
  const render = (cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(render)].join('\n');
}
