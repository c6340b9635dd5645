import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { buildSite } from '../domain/sites.js';
import { backends, ORIGIN } from '../test-support.js';
import { createApp } from './app.js';
import { clientIpResolver } from './client-ip.js';

/**
 * Privacy, end to end: comments posted over real HTTP by people with unique e-mail addresses and
 * addresses (given by a trusted proxy's X-Forwarded-For, IPv4 and IPv6), then every public
 * endpoint crawled — listings in every order, counts, shares, votes, flags, live events, feeds,
 * the embed script, the OpenAPI document, health — and no e-mail, address or address prefix
 * (/24, /48, the part a hash is keyed on) may appear in any body or header.
 */

const PEOPLE = Array.from({ length: 6 }, (_, i) => ({
  email: `private.person${i}.x7q@example.org`,
  ip: i % 2 ? `2001:db8:7a1${i}:${i}::${i + 1}` : `172.31.${201 + i}.${17 + i}`,
}));

/**
 * The strings that must never leave the server: each e-mail, each address, each address prefix,
 * and their unkeyed hashes (a Gravatar-style MD5 or a SHA of an address identifies its owner as
 * well as the address does).
 */
function forbidden(): string[] {
  return PEOPLE.flatMap(({ email, ip }) => {
    const prefix = ip.includes(':') ? ip.split(':').slice(0, 3).join(':') : ip.split('.').slice(0, 3).join('.');
    const hashes = [email, ip, prefix].flatMap((v) =>
      ['md5', 'sha1', 'sha256'].flatMap((alg) => {
        const digest = createHash(alg).update(v).digest();
        // Long enough not to turn up by chance in a listing, short enough to catch a truncated hash.
        return [digest.toString('hex').slice(0, 12), digest.toString('base64url').slice(0, 12)];
      }),
    );
    return [email, email.split('@')[0] ?? email, ip, prefix, ...hashes];
  });
}

for (const backend of backends) {
  describe(`privacy on ${backend.name}`, () => {
    test('no e-mail, IP address or IP prefix appears in any public response body or header', async () => {
      const storage = await backend.open();
      await storage.createSite(
        buildSite(
          { id: 'demo', origins: [ORIGIN], settings: { rateLimitPerMinute: 0, rateLimitPerHour: 0, requireFormToken: false } },
          Date.now(),
        ),
      );
      const widgetDir = mkdtempSync(join(tmpdir(), 'parley-privacy-'));
      writeFileSync(join(widgetDir, 'embed.js'), 'export {};');
      const app = createApp({ storage, clientIp: clientIpResolver(['127.0.0.1']), widgetDir });
      const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
        const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
      });
      after(() => {
        app.live.close();
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close();
      });
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const seen: string[] = [];
      const send = async (method: string, path: string, body?: unknown, ip?: string) => {
        const res = await fetch(base + path, {
          method,
          headers: {
            origin: ORIGIN,
            ...(ip ? { 'x-forwarded-for': ip } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await res.text();
        seen.push(`${method} ${path} -> ${res.status}\n${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${text}`);
        return { status: res.status, text };
      };

      // Seed through the API: comments and replies by each person, votes, shares and flags from their addresses.
      const ids: string[] = [];
      for (const [i, p] of PEOPLE.entries()) {
        for (const page of ['/a', '/b']) {
          const parentId = i > 0 && page === '/a' ? ids[0] : undefined;
          const r = await send(
            'POST',
            '/api/v1/comments',
            { site: 'demo', page, body: `Comment ${i} on ${page}`, parentId, author: { name: `Person ${i}`, email: p.email } },
            p.ip,
          );
          assert.equal(r.status, 201, r.text);
          ids.push((JSON.parse(r.text) as { comment: { id: string } }).comment.id);
        }
      }
      for (const [i, p] of PEOPLE.entries()) {
        assert.equal((await send('POST', `/api/v1/comments/${ids[0]}/vote`, { value: i % 2 ? -1 : 1 }, p.ip)).status, 200);
        assert.equal((await send('POST', '/api/v1/shares', { site: 'demo', page: '/a', service: 'copy' }, p.ip)).status, 200);
        await send('POST', `/api/v1/comments/${ids[1]}/flag`, {}, p.ip);
      }
      const stored = await storage.getComment(ids[0] ?? '');
      assert.equal(
        stored?.authorEmail,
        PEOPLE[0]?.email,
        'the e-mail is stored (for notifications), so its absence below means something',
      );

      // Crawl every public endpoint.
      for (const page of ['/a', '/b']) {
        for (const sort of ['oldest', 'newest', 'top']) {
          await send('GET', `/api/v1/comments?site=demo&page=${page}&sort=${sort}&limit=2`);
          await send('GET', `/api/v1/comments?site=demo&page=${page}&sort=${sort}`);
        }
        await send('GET', `/api/v1/shares?site=demo&page=${page}`);
        await send('GET', `/api/v1/feeds/demo/page.atom?page=${page}`);
      }
      const listed = JSON.parse((await send('GET', '/api/v1/comments?site=demo&page=/a&limit=1')).text) as { nextCursor: string };
      await send('GET', `/api/v1/comments?site=demo&page=/a&limit=1&cursor=${encodeURIComponent(listed.nextCursor)}`);
      await send('GET', '/api/v1/counts?site=demo&page=/a&page=/b');
      await send('POST', '/api/v1/counts', { site: 'demo', pages: ['/a', '/b'] });
      await send('GET', '/api/v1/feeds/demo/comments.atom');
      await send('GET', '/api/openapi.json');
      await send('GET', '/healthz');
      await send('GET', '/readyz');
      await send('GET', '/embed.js');
      // Errors name what was asked for, never who asked.
      await send(
        'POST',
        '/api/v1/comments',
        { site: 'demo', page: '/a', body: '', author: { email: 'not-an-email' } },
        PEOPLE[0]?.ip,
      );
      await send('POST', `/api/v1/comments/${ids[0]}/vote`, { value: 5 }, PEOPLE[1]?.ip);
      // Live events from the start: they carry the comments as they were created and voted on.
      const events = new AbortController();
      const stream = await fetch(`${base}/api/v1/events?site=demo&page=/a&lastEventId=0`, {
        headers: { origin: ORIGIN },
        signal: events.signal,
      });
      assert.equal(stream.status, 200);
      const reader = stream.body?.getReader();
      let eventText = '';
      const deadline = Date.now() + 1500;
      while (reader && Date.now() < deadline && !eventText.includes(ids[2] ?? '?')) {
        const chunk = await Promise.race([reader.read(), new Promise<undefined>((r) => setTimeout(() => r(undefined), 300))]);
        if (chunk?.value) eventText += Buffer.from(chunk.value).toString();
      }
      await reader?.cancel();
      events.abort();
      seen.push(`events\n${[...stream.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${eventText}`);

      const all = seen.join('\n');
      assert.ok(all.includes(ids[0] ?? '?') && all.includes('Comment 5 on /b'), 'the crawl saw the seeded comments');
      assert.ok(all.includes('<feed'), 'the crawl read a feed');
      for (const secret of forbidden()) {
        const leak = seen.find((s) => s.includes(secret));
        assert.equal(leak, undefined, `"${secret}" leaked in:\n${leak?.slice(0, 400)}`);
      }
    });
  });
}
