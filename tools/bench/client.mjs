// HTTP helpers shared by the benchmark suites: plain JSON requests for set-up, and autocannon runs
// that keep every response time.
import autocannon from 'autocannon';
import { summarize } from './report.mjs';

/** One JSON request; any non-2xx answer throws with its body. */
export async function request(baseUrl, method, path, { token, body } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Logs in and returns the access token. */
export async function login(baseUrl, name, password) {
  const { access_token: token } = await request(baseUrl, 'POST', '/api/v1/auth/login', {
    body: { login: name, password },
  });
  return token;
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function forEachConcurrently(items, concurrency, work) {
  const pending = [...items.entries()];
  const worker = async () => {
    for (let next = pending.shift(); next !== undefined; next = pending.shift()) await work(next[1], next[0]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Runs autocannon once, collecting every response time (autocannon's summary has no p95). */
export function fire(opts) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon(opts, (error, result) =>
      error ? reject(error) : resolve({ result, latencies }),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/**
 * Measures one autocannon scenario (`name`, `title` and autocannon options) for `duration` seconds
 * after `warmup` seconds, and returns its summary row.
 */
export async function measure(scenario, { duration, warmup, log }) {
  const { name, title, ...target } = scenario;
  const base = { ...target, timeout: 10 };
  if (warmup > 0) {
    log(`${name}: warm-up ${warmup} s`);
    await fire({ ...base, duration: warmup });
  }
  log(`${name}: ${duration} s with ${scenario.connections} connections`);
  const { result, latencies } = await fire({ ...base, title, duration });
  return summarize(scenario, result, latencies);
}
