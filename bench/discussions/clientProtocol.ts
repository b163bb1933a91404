/** Messages between broadcast.ts and the socket clients' process (socketClients.ts). */
export type ClientCommand =
  | {
      type: 'connect';
      id: number;
      target: 'app' | 'bare';
      url: string;
      /** One socket per cookie (the app), or `count` sockets without one (the bare server). */
      cookies?: string[];
      count?: number;
      join: { event: string; payload: unknown };
      /** Handshakes in flight at once. */
      concurrency: number;
    }
  | { type: 'round'; id: number; target: 'app' | 'bare'; trigger: { url: string; headers: Record<string, string>; body: string }; timeoutMs: number }
  | { type: 'disconnect'; id: number; target: 'app' | 'bare' };

export type ClientReply =
  | { type: 'connected'; id: number; connected: number; failed: number; firstError?: string; ms: number }
  | { type: 'round'; id: number; status: number; /** From sending the request to its whole response. */ responseMs: number; expected: number; latencies: number[]; payload?: unknown }
  | { type: 'disconnected'; id: number };
