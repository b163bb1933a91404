// The app's V8 inspector (the app runs with --inspect on 127.0.0.1): a full garbage collection before each
// memory reading, so the reading counts what the sockets keep and not garbage their handshakes left behind.
import WebSocket from 'ws';

export interface Inspector {
  collectGarbage(): Promise<void>;
  heapUsedBytes(): Promise<number>;
  close(): void;
}

export async function openInspector(port: number): Promise<Inspector> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  return {
    collectGarbage: async () => {
      await call('HeapProfiler.collectGarbage');
    },
    heapUsedBytes: async () => {
      const result = (await call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true })) as { result: { value: number } };
      return result.result.value;
    },
    close: () => ws.close(),
  };
}
