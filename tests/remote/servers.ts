// Small HTTP servers on 127.0.0.1 that remote tests put in front of (or instead of) Virtuoso: a
// web site that is not a SPARQL endpoint, and a reverse proxy that demands HTTP Basic credentials
// the way a web server in front of a triple store does.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface LocalServer {
  /** Base URL, `http://127.0.0.1:PORT`. */
  url: string;
  close(): Promise<void>;
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<LocalServer> {
  const server: Server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`proxy error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A museum's home page at every path (200, HTML), and a 404 page at /missing. */
export function startWebSite(): Promise<LocalServer> {
  return listen((req, res) => {
    req.resume();
    const missing = req.url?.startsWith('/missing') === true;
    res.writeHead(missing ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      missing
        ? '<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>Page not found</h1><p>No page here.</p></body></html>'
        : '<!DOCTYPE html><html><head><title>Welcome to the Example Museum</title></head><body><h1>Collections</h1></body></html>',
    );
  });
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A reverse proxy to `target` (an origin) that answers 401 unless the request carries
 * `Authorization: Basic` with `user:password`; it does not pass the credentials on.
 */
export function startBasicAuthProxy(
  target: string,
  user: string,
  password: string,
): Promise<LocalServer> {
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return listen(async (req, res) => {
    const payload = await body(req);
    if (req.headers.authorization !== expected) {
      res.writeHead(401, {
        'Content-Type': 'text/plain; charset=utf-8',
        'WWW-Authenticate': 'Basic realm="SPARQL"',
      });
      res.end('Authentication required: send your user name and password.\n');
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ['accept', 'content-type']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstream = await fetch(new URL(req.url ?? '/', target), {
      method: req.method ?? 'GET',
      headers,
      ...(payload.length > 0 ? { body: new Uint8Array(payload) } : {}),
    });
    const out: Record<string, string> = {};
    for (const name of ['content-type', 'server', 'x-sparql-maxrows']) {
      const value = upstream.headers.get(name);
      if (value !== null) out[name] = value;
    }
    res.writeHead(upstream.status, upstream.statusText, out);
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
}
