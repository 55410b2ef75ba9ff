import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.pdf': 'application/pdf',
};

export interface StaticServer {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

/**
 * Serves `dir` under `prefix` (e.g. `/lms/content/12/`) on a free loopback port, the way an LMS
 * serves an uploaded package from a folder the course does not control. Anything outside the
 * prefix is a 404, so a course that asks for `/assets/...` fails loudly. `gzip` compresses text
 * responses as a production web server would (for Lighthouse).
 */
export async function serveStatic(
  dir: string,
  prefix = '/',
  extraHeaders: Record<string, string> = {},
  opts: { gzip?: boolean } = {},
): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('outside the course folder');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      let body = await readFile(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      // As most web servers (and LMSs) do: text compressed for clients that accept it.
      const gzip = opts.gzip && /text|javascript|json|xml|svg/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      if (gzip) body = gzipSync(body);
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-store',
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        ...extraHeaders,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind');
  return {
    url: `http://127.0.0.1:${address.port}${prefix}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
