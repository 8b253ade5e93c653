/** The wire between a provider client and its server: real HTTP in live mode, the simulator in-process otherwise. */
export type WireRequest = { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; body?: string };
export type WireResponse = { status: number; headers?: Record<string, string>; body: string };
export type Transport = (req: WireRequest) => Promise<WireResponse>;

export const fetchTransport: Transport = async (req) => {
  const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(10_000) });
  return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: await res.text() };
};
