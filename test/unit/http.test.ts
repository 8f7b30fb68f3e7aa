import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserServer, staticPath, type BrowserServer } from '../../src/main/transport/http';
import { harness, type Harness } from '../helpers';

let h: Harness;
let server: BrowserServer;
let www: string;

beforeEach(async () => {
  h = harness();
  www = join(h.root, 'www');
  mkdirSync(join(www, 'assets'), { recursive: true });
  writeFileSync(join(www, 'index.html'), '<!doctype html><title>캠페인</title>');
  writeFileSync(join(www, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(h.root, 'secret.txt'), 'do not serve');
  symlinkSync(join(h.root, 'secret.txt'), join(www, 'assets', 'link.txt'));
  server = await startBrowserServer({ handlers: h.handlers, staticDir: www });
});
afterEach(async () => {
  await server.close();
  await h.close();
});

interface Res {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw HTTP request, so Host and Origin can be set freely (fetch does not allow a foreign Host). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Res> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on('error', fail);
    if (body) req.write(body);
    req.end();
  });
}

const json = { 'content-type': 'application/json' };

describe('browser mode transport', () => {
  it('serves the contract with the token', async () => {
    const project = join(h.root, 'p');
    const res = await raw('POST', '/api/project.create', { ...json, 'x-workbench-token': server.token }, JSON.stringify({ project }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, result: { project } });
    const bad = await raw('POST', '/api/project.create', { ...json, 'x-workbench-token': server.token }, JSON.stringify({ project: 1 }));
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
  });

  it('refuses, with 403 and no effect, a missing token, a wrong token, a foreign Host and a foreign Origin', async () => {
    const project = join(h.root, 'never');
    const body = JSON.stringify({ project });
    const attempts = [
      await raw('POST', '/api/project.create', json, body),
      await raw('POST', '/api/project.create', { ...json, 'x-workbench-token': 'wrong' }, body),
      await raw('POST', '/api/project.create', { ...json, 'x-workbench-token': server.token, host: 'evil.example' }, body),
      await raw('POST', '/api/project.create', { ...json, 'x-workbench-token': server.token, host: `evil.example:${server.port}` }, body),
      await raw('POST', '/api/project.create', { ...json, 'x-workbench-token': server.token, origin: 'http://evil.example' }, body),
      await raw('GET', '/', {}),
      await raw('GET', '/?token=wrong', {}),
    ];
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(existsSync(project)).toBe(false);
  });

  it('explains, on the page itself opened without the token, where the tokened address is (Korean first, then English); everything else stays a bare 403', async () => {
    for (const path of ['/', '/index.html', '/?token=wrong']) {
      const page = await raw('GET', path);
      expect(page.status, path).toBe(403);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
      expect(page.headers['set-cookie']).toBeUndefined();
      const ko = page.body.indexOf('접속 토큰이 필요합니다');
      const en = page.body.indexOf('This address needs the access token');
      expect(ko).toBeGreaterThan(0);
      expect(en).toBeGreaterThan(ko);
      expect(page.body).toContain('<code>npm start</code>');
      expect(page.body).toContain(`http://127.0.0.1:${server.port}/?token=…`);
      expect(page.body).not.toContain(server.token);
      expect(page.body).not.toContain('<script');
      expect(page.body).not.toContain('캠페인</title>'); // not the app's page
    }
    const head = await raw('HEAD', '/');
    expect([head.status, head.body]).toEqual([403, '']);
    // API calls, assets, the event stream and a foreign Host get the plain 403, as before
    const plain = [
      await raw('POST', '/api/project.create', json, '{}'),
      await raw('GET', '/api/events'),
      await raw('GET', '/assets/app.js'),
      await raw('GET', '/assets/app.js?token=wrong'),
      await raw('POST', '/', json, '{}'),
      await raw('GET', '/', { host: `evil.example:${server.port}` }),
    ];
    expect(plain.map((r) => [r.status, r.headers['content-type'], r.body])).toEqual(plain.map(() => [403, 'text/plain; charset=utf-8', 'Forbidden']));
  });

  it('hands the token over as a strict cookie on the first page load and serves the page with a CSP', async () => {
    const page = await raw('GET', `/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('캠페인');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(String(page.headers['set-cookie'])).toMatch(/cw_token=.*HttpOnly; SameSite=Strict/);
    const asset = await raw('GET', '/assets/app.js', { cookie: `cw_token=${server.token}` });
    expect(asset.status).toBe(200);
  });

  it('serves files from the build folder only: no path traversal, no symlinks out', async () => {
    const auth = { 'x-workbench-token': server.token };
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..\\secret.txt', '/assets/link.txt', '/%00', '/assets']) {
      const res = await raw('GET', path, auth);
      expect([403, 404], path).toContain(res.status);
      expect(res.body).not.toContain('do not serve');
    }
    expect(staticPath(www, '/assets/app.js')).toBe(join(www, 'assets', 'app.js'));
    expect(staticPath(www, '/%E0%A4%A')).toBeNull();
  });

  it('sends job progress as server-sent events', async () => {
    const events: string[] = [];
    const stream = await new Promise<import('node:http').IncomingMessage>((ok) => {
      request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, 'x-workbench-token': server.token } }, ok).end();
    });
    stream.setEncoding('utf8');
    // Wait for the signal: the job.finished frame arriving on the stream.
    const finished = new Promise<void>((resolve) =>
      stream.on('data', (c: string) => {
        events.push(c);
        if (events.join('').includes('event: job.finished')) resolve();
      }),
    );
    const project = join(h.root, 'p');
    const auth = { ...json, 'x-workbench-token': server.token };
    await raw('POST', '/api/project.create', auth, JSON.stringify({ project }));
    await raw('POST', '/api/data.importLpoint', auth, JSON.stringify({ project, folder: join(import.meta.dirname, '..', 'fixtures', 'lpoint') }));
    await finished;
    stream.destroy();
    const text = events.join('');
    expect(text).toContain('event: job.progress');
    expect(text).toContain('event: job.finished');
  });
});
