/**
 * A bounded B2B load for fault tests: a few workers post orders at a steady pace
 * for a given time (or up to a maximum count), recording each answer's status,
 * its Retry-After header and the order id of each 2xx, and every dropped connection.
 */

export interface LoadResult {
  sent: number;
  /** Order ids the server acknowledged (2xx). */
  acknowledged: number[];
  statuses: Record<string, number>;
  unavailable: number;
  /** 503s that came without a Retry-After header. */
  unavailableWithoutRetryAfter: number;
  /** Requests that got no HTTP answer at all (connection refused or reset). */
  dropped: number;
  /** When (ms since epoch) each 2xx came back. */
  acknowledgedAt: number[];
  /** A few bodies of unexpected answers, for the failure message. */
  samples: string[];
}

export interface LoadOptions {
  url: string;
  token: string;
  customers: string[];
  durationMs: number;
  maxOrders: number;
  pauseMs?: number;
}

export async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "p" }) });
  if (res.status !== 200) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export async function b2bLoad(opts: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { sent: 0, acknowledged: [], statuses: {}, unavailable: 0, unavailableWithoutRetryAfter: 0,
    dropped: 0, acknowledgedAt: [], samples: [] };
  const until = Date.now() + opts.durationMs;
  // One customer per worker: the load is about faults, not about writers queuing on one customer row.
  const worker = async (customer: string) => {
    while (Date.now() < until && result.sent < opts.maxOrders) {
      result.sent++;
      const body = { AccountId: customer, Surname: "Buchanan", Given: "Steven",
        Items: [{ ProductName: "Chai", QuantityOrdered: 1 }, { ProductName: "Chang", QuantityOrdered: 2 }] };
      try {
        const res = await fetch(`${opts.url}/api/ServicesEndPoint/OrderB2B`, { method: "POST", body: JSON.stringify(body),
          headers: { "content-type": "application/json", authorization: `Bearer ${opts.token}` } });
        const text = await res.text();
        result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
        if (res.ok) {
          result.acknowledged.push((JSON.parse(text) as { order: { Id: number } }).order.Id);
          result.acknowledgedAt.push(Date.now());
        } else if (res.status === 503) {
          result.unavailable++;
          if (!res.headers.get("retry-after")) result.unavailableWithoutRetryAfter++;
        } else if (result.samples.length < 5) {
          result.samples.push(`${res.status} ${text.slice(0, 300)}`);
        }
      } catch (err) {
        result.dropped++;
        if (result.samples.length < 5) result.samples.push(`dropped: ${(err as Error).message}`);
      }
      await Bun.sleep(opts.pauseMs ?? 25);
    }
  };
  await Promise.all(opts.customers.map(worker));
  return result;
}
