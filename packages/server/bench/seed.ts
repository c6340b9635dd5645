/**
 * Data for the benchmark: a site whose rate limits are lifted, a 200-comment page posted through
 * the real service (markdown rendered, ids and tokens as in production), 20 small pages for the
 * counts request, and, for the scale run, filler comments inserted in large batches.
 */
import { CommentService } from '../src/domain/comments.js';
import { buildSite } from '../src/domain/sites.js';
import type { KyselyStorage } from '../src/storage/kysely-storage.js';

export const SITE = 'bench';
export const PAGE = '/bench/page';
export const COUNT_PAGES = Array.from({ length: 20 }, (_, i) => `/bench/count-${i}`);

const WORDS = 'the council voted on a plan for new cycle lanes while residents asked about parking and buses late at night'.split(
  ' ',
);

/** A comment body of a realistic shape: a few sentences, some emphasis, sometimes a link. */
export function body(n: number): string {
  const words = Array.from({ length: 25 + (n % 40) }, (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length]).join(' ');
  const link = n % 5 === 0 ? ' See [the minutes](https://news.example.com/minutes).' : '';
  return `I think *${WORDS[n % WORDS.length]}* matters here: ${words}.${link}`;
}

/** Creates the bench site (no rate limits, no moderation) and the 200-comment page; a third are replies. */
export async function seedPage(storage: KyselyStorage, page = PAGE): Promise<void> {
  if (!(await storage.getSite(SITE))) {
    await storage.createSite(
      buildSite(
        {
          id: SITE,
          name: 'Bench',
          origins: ['https://news.example.com'],
          // The spam rules are measured by their own tests; the bench posts as fast as it can.
          settings: { rateLimitPerMinute: 0, rateLimitPerHour: 0, requireFormToken: false, refuseDuplicates: false },
        },
        Date.now(),
      ),
    );
  }
  const service = new CommentService(storage);
  const top: string[] = [];
  for (let i = 0; i < 200; i++) {
    const parent = i % 3 === 2 ? top[(i * 7) % top.length] : undefined;
    const { comment } = await service.create(
      {
        site: SITE,
        page,
        url: `https://news.example.com${page}`,
        title: 'Council backs cycle lanes',
        body: body(i),
        parentId: parent,
        author: {
          name: `Reader ${i % 37}`,
          email: `reader${i}@example.org`,
          website: i % 4 ? undefined : 'https://blog.example',
        },
      },
      { ip: `198.51.100.${i % 250}` },
    );
    if (!parent) top.push(comment.id);
  }
  for (const [i, key] of COUNT_PAGES.entries()) {
    for (let j = 0; j <= i % 4; j++) {
      await service.create({ site: SITE, page: key, body: body(j) }, { ip: '198.51.100.1' });
    }
  }
}

/**
 * Adds `comments` filler comments spread over `pages` new pages (a third of them replies), in
 * multi-row inserts inside transactions of about 20,000 rows. `from` numbers pages and ids so
 * that calls can be repeated to grow a database.
 */
export async function seedFiller(storage: KyselyStorage, pages: number, comments: number, from = 0): Promise<void> {
  const db = storage.db;
  const now = Date.now() - 86_400_000;
  const pageIds: number[] = [];
  for (let start = 0; start < pages; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, pages - start) }, (_, k) => {
      const n = `${from}-${start + k}`;
      return {
        site_id: SITE,
        key: `/filler/${n}`,
        url: `https://news.example.com/filler/${n}`,
        title: `Story ${n}`,
        locked: 0,
        created_at: now,
      };
    });
    const ids = await db.insertInto('pages').values(rows).returning('id').execute();
    pageIds.push(...ids.map((r) => Number(r.id)));
  }
  const perPage = Math.ceil(comments / pages);
  const batch = storage.dialect === 'sqlite' ? 1500 : 3000;
  const perTransaction = 20_000;
  let made = 0;
  while (made < comments) {
    const end = Math.min(comments, made + perTransaction);
    await db.transaction().execute(async (trx) => {
      for (let start = made; start < end; start += batch) {
        const rows = [];
        for (let n = start; n < Math.min(end, start + batch); n++) {
          const p = Math.floor(n / perPage);
          const inPage = n % perPage;
          // Every third comment answers the first comment of its page.
          const reply = inPage % 3 === 2;
          const root = `f${from}-${p * perPage}`;
          const text = body(n).slice(0, 120);
          rows.push({
            id: `f${from}-${n}`,
            page_id: pageIds[p] ?? pageIds[0] ?? 0,
            parent_id: reply ? root : null,
            root_id: reply ? root : null,
            depth: reply ? 1 : 0,
            author_name: `Reader ${n % 97}`,
            author_email: null,
            author_website: null,
            body: text,
            html: `<p>${text}</p>`,
            status: 'approved',
            created_at: now + n,
            edited_at: null,
            up: 0,
            down: 0,
            edit_token_hash: null,
            ip_hash: null,
          });
        }
        await trx.insertInto('comments').values(rows).execute();
      }
    });
    made = end;
  }
}
