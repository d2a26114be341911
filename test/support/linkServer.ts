import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small web site on 127.0.0.1 for the external-link tests, so that no test touches the
 * internet. Every path answers in a known way; it records what was asked.
 */
export interface LinkServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  server: Server;
  /** Requests as `METHOD /path`, in order. */
  log: string[];
  /** The most requests that were in flight at once. */
  maxInFlight: number;
  /** When each request started (ms since the epoch), in order. */
  starts: number[];
  /** How long /slow waits before answering. */
  slowMs: number;
  close(): Promise<void>;
}

export async function startLinkServer(): Promise<LinkServer> {
  const state = { log: [] as string[], inFlight: 0, maxInFlight: 0, starts: [] as number[], slowMs: 2000 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    state.log.push(`${req.method} ${path}`);
    state.starts.push(Date.now());
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    let ended = false;
    const finish = (status: number, headers: Record<string, string> = {}) => {
      if (ended) return;
      ended = true;
      state.inFlight--;
      res.writeHead(status, { 'content-type': 'text/html', ...headers });
      res.end(req.method === 'HEAD' ? undefined : `<p>${status}</p>`);
    };
    res.on('close', () => {
      if (!ended) {
        ended = true;
        state.inFlight--;
      }
    });
    const redirect = (status: number, location: string) => finish(status, { location });
    const delay = /^\/delay\/(\d+)\//.exec(path);
    if (delay) {
      setTimeout(() => finish(200), Number(delay[1]));
      return;
    }
    switch (path) {
      case '/ok':
        return finish(200);
      case '/moved':
        return redirect(301, '/ok');
      case '/chain':
        return redirect(301, '/chain2');
      case '/chain2':
        return redirect(308, `http://127.0.0.1:${(server.address() as AddressInfo).port}/ok`);
      case '/temp':
        return redirect(302, '/ok');
      case '/missing':
        return finish(404);
      case '/gone':
        return finish(410);
      case '/moved-missing':
        return redirect(301, '/missing');
      case '/slow':
        setTimeout(() => finish(200), state.slowMs);
        return;
      case '/head-refused':
        return finish(req.method === 'HEAD' ? 405 : 200);
      case '/head-wrong':
        return finish(req.method === 'HEAD' ? 404 : 200);
      case '/loop':
        return redirect(301, '/loop2');
      case '/loop2':
        return redirect(301, '/loop');
      case '/to-mailto':
        return redirect(301, 'mailto:someone@example.com');
      case '/to-file':
        return redirect(302, 'file:///etc/passwd');
      case '/forbidden':
        return finish(403);
      case '/error':
        return finish(500);
      default:
        return finish(404);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    server,
    get log() {
      return state.log;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    set maxInFlight(value: number) {
      state.maxInFlight = value;
    },
    get starts() {
      return state.starts;
    },
    get slowMs() {
      return state.slowMs;
    },
    set slowMs(value: number) {
      state.slowMs = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } as LinkServer;
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
