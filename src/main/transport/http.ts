import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, resolve, sep } from 'node:path';
import type { EventName, Events } from '../../shared/contract';
import { fill, t, type Lang } from '../../shared/i18n';
import type { Handlers } from './handlers';
import { CONTENT_SECURITY_POLICY } from '../security';
import { dispatch } from './dispatch';
import { PROJECT_FILE } from '../services/project/projectStore';

/**
 * Browser mode: the same handler table over HTTP, progress over server-sent events.
 * Bound to 127.0.0.1 only. Every request needs the per-start token (header, cookie, or on the
 * first page load the ?token= query, which then becomes a SameSite=Strict cookie) and a Host,
 * and where sent an Origin, naming this server; anything else gets 403 and touches nothing. The page
 * itself (GET / without a valid token) gets its 403 as a short HTML page saying where the tokened address is.
 */
export interface HttpOptions {
  handlers: Handlers;
  /** The built renderer (out/renderer). Files are served from here only. */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface BrowserServer {
  server: Server;
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const TOKEN_HEADER = 'x-workbench-token';
const COOKIE = 'cw_token';
const MAX_BODY = 1 << 20;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

export async function startBrowserServer(options: HttpOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = realpathSync(resolve(options.staticDir));
  const streams = new Set<ServerResponse>();
  const emit = <E extends EventName>(name: E, payload: Events[E]) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  };
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, 'text/plain; charset=utf-8', 'Internal error'));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    if (!hostAllowed(req.headers.host, port) || !originAllowed(req.headers.origin, port)) return forbidden(res);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token');
    const presented = headerValue(req.headers[TOKEN_HEADER]) ?? cookieValue(req.headers.cookie, COOKIE) ?? queryToken;
    if (!presented || !sameToken(presented, token)) {
      const page = (req.method === 'GET' || req.method === 'HEAD') && (url.pathname === '/' || url.pathname === '/index.html');
      return page ? tokenHelp(res, port) : forbidden(res);
    }

    if (url.pathname.startsWith('/api/')) {
      if (url.pathname === '/api/events' && req.method === 'GET') return openEvents(res);
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'text/plain; charset=utf-8', 'Request too large');
      let args: unknown;
      try {
        args = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, { ok: false, error: { code: 'BAD_ARGUMENT', message: 'The request body is not JSON.' } });
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      return sendJson(res, await dispatch(options.handlers, method, args, { emit }));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    if (url.pathname === EXPORT_ROUTE) return serveExport(url, res);
    if (queryToken) {
      res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    return serveStatic(url.pathname, res);
  }

  function openEvents(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const file = staticPath(staticRoot, pathname);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.writeHead(200, { 'Content-Type': type });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    token,
    port,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((ok) => {
        for (const res of streams) res.end();
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/**
 * A file under the build folder for a URL path, or null. Decoding happens once; any `..`, NUL,
 * backslash or a resolved path (symlinks included) outside the folder is refused.
 */
export function staticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const candidate = resolve(join(root, relative));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    const real = realpathSync(candidate);
    if (!real.startsWith(root + sep) || !statSync(real).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function forbidden(res: ServerResponse): void {
  send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
}

function tokenHelp(res: ServerResponse, port: number): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  send(res, 403, 'text/html; charset=utf-8', tokenHelpPage(port));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * What an address without the token shows: the language setting cannot be read without the token,
 * so Korean first, English below. No script, nothing from elsewhere, and of course no token.
 */
export function tokenHelpPage(port: number): string {
  const command = '<code>npm start</code>';
  const section = (lang: Lang) => `<section lang="${lang}">
<h1>${escapeHtml(t('appTitle', lang))}: ${escapeHtml(t('tokenPage.title', lang))}</h1>
<p>${escapeHtml(t('tokenPage.why', lang))}</p>
<p>${fill(escapeHtml(t('tokenPage.how', lang)), { command })}</p>
<pre>Campaign Workbench (browser mode): http://127.0.0.1:${port}/?token=…</pre>
<p>${fill(escapeHtml(t('tokenPage.restart', lang)), { command })}</p>
</section>`;
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${t('appTitle', 'ko')} · ${t('appTitle', 'en')}`)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#222}h1{font-size:1.3rem}pre,code{background:#f2f2f2;padding:.1rem .3rem}pre{padding:.5rem}section+section{margin-top:2rem;padding-top:1rem;border-top:1px solid #ccc}</style>
</head>
<body>
${section('ko')}
${section('en')}
</body>
</html>
`;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

function sendJson(res: ServerResponse, body: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(body));
}

// ───────────── Downloads of exported files (browser mode has no file manager) ─────────────

/** GET /exports?project=<project folder>&file=<file name>: a file the app wrote under <project>/exports, as a download. */
export const EXPORT_ROUTE = '/exports';

/**
 * The file for a download, or null: the folder must be a project (it holds project.duckdb), the
 * name a plain file name (no separator, no leading dot: never a temporary file of an export being
 * written), and the resolved file, symlinks included, inside that project's exports folder.
 */
export function exportPath(project: string, name: string): string | null {
  if (!project || !name || /[/\\\0]/.test(name) || name.startsWith('.')) return null;
  try {
    const dir = resolve(project);
    if (!statSync(join(dir, PROJECT_FILE)).isFile()) return null;
    return staticPath(realpathSync(join(dir, 'exports')), `/${encodeURIComponent(name)}`);
  } catch {
    return null;
  }
}

function serveExport(url: URL, res: ServerResponse): void {
  const file = exportPath(url.searchParams.get('project') ?? '', url.searchParams.get('file') ?? '');
  if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  const name = basename(file);
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.writeHead(200, {
    'Content-Type': extname(file) === '.csv' ? 'text/csv; charset=utf-8' : 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Content-Length': statSync(file).size,
  });
  createReadStream(file).pipe(res);
}
