/**
 * Load generator for bench/api.ts, run as its own process so it never shares
 * an event loop with the servers under test. Reads a JSON job from argv,
 * runs autocannon, prints one JSON line: requests/s, p99 latency, errors.
 */
import autocannon from "autocannon";

interface Job {
  url: string;
  connections: number;
  duration: number;
  requests: { method: "GET" | "PATCH"; path: string; body?: string; headers?: Record<string, string> }[];
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job;
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.duration,
  requests: job.requests,
});
console.log(JSON.stringify({
  rps: result.requests.average,
  p99: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
  total: result.requests.total,
}));
