import { expect, fixture, html } from '@open-wc/testing';
import type { AdminComment } from './api-types.js';
import type { ParleyAdminList } from './parley-admin-list.js';
import { type Call, comment, fakeServer, press, until } from './test-fake-server.js';
import './parley-admin-list.js';

/**
 * Decisions carry the version of the comment the moderator saw (docs/admin-api.md): when the
 * server answers 409 because the comment changed since (its author edited it, another moderator
 * acted), the console acts on nothing, says so in words, and shows the comment as it is now.
 */

const conflict = { status: 409, body: { code: 'conflict', detail: 'The comment was changed meanwhile; reload it' } };

/** A list with focus on its first comment: its keys act only while focus is inside. */
async function list(items: AdminComment[]) {
  const el = await fixture<ParleyAdminList>(html`<parley-admin-list resolve label="Queue" .items=${items}></parley-admin-list>`);
  (el.shadowRoot!.querySelector('parley-admin-comment') as HTMLElement).focus();
  return el;
}

const notice = (el: ParleyAdminList) => el.shadowRoot!.querySelector('.notice')?.textContent?.trim() ?? '';
const bodies = (el: ParleyAdminList) => el.items.map((c) => c.body);

describe('parley-admin-list: comments that changed since they were shown', () => {
  it('approve sends the version shown; a 409 approves nothing, reloads the comment and says so', async () => {
    const seen = comment({ body: 'A harmless first comment', version: 'pending.0' });
    const now = { ...seen, body: 'Buy pills at https://spam.example/', html: '<p>Buy pills</p>', version: 'pending.42' };
    const fake = fakeServer({
      [`POST /comments/${seen.id}/approve`]: () => conflict,
      [`GET /comments/${seen.id}`]: () => ({ body: { comment: now } }),
    });
    try {
      const el = await list([seen]);
      await expect(el).to.be.accessible();
      const said: string[] = [];
      el.addEventListener('parley-admin-announce', (e) => said.push((e as CustomEvent<{ message: string }>).detail.message));
      press('a');
      await until(() => bodies(el)[0] === now.body, 'the comment as it is now');
      expect(fake.calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal([
        `POST /comments/${seen.id}/approve`,
        `GET /comments/${seen.id}`,
      ]);
      expect(fake.calls[0]!.body).to.deep.equal({ version: 'pending.0' });
      expect(el.items).to.have.length(1, 'still in the queue: nothing was approved');
      expect(el.items[0]!.version).to.equal('pending.42', 'the next decision is on what is shown now');
      const text =
        '1 comment changed since it was shown and has been reloaded; nothing was done to it. Check it and decide again.';
      expect(notice(el)).to.equal(text);
      expect(said).to.deep.equal([text]);
      await expect(el).to.be.accessible();
    } finally {
      fake.restore();
    }
  });

  it('in bulk, the changed comments are reloaded and the rest acted on; a deleted one shows as deleted', async () => {
    const [a, b, c] = [comment({ version: 'pending.0' }), comment({ version: 'pending.0' }), comment({ version: 'pending.0' })];
    const fake = fakeServer({
      'POST /comments/bulk': () => ({
        body: {
          results: [
            { id: a.id, ok: true },
            { id: b.id, ok: false, code: 'conflict' },
            { id: c.id, ok: false, code: 'comment-deleted' },
          ],
        },
      }),
      [`GET /comments/${b.id}`]: () => ({ body: { comment: { ...b, body: 'edited', version: 'pending.7' } } }),
      [`GET /comments/${c.id}`]: () => ({
        body: { comment: { ...c, body: '', html: '', status: 'deleted', version: 'deleted.0' } },
      }),
    });
    try {
      const el = await list([a, b, c]);
      for (let i = 0; i < 3; i++) {
        press('x');
        press('j');
      }
      await el.updateComplete;
      press('r');
      await until(() => notice(el) !== '', 'the notice');
      const bulk = fake.calls.find((x: Call) => x.path === '/comments/bulk')!;
      expect(bulk.body).to.deep.equal({
        action: 'reject',
        ids: [a.id, b.id, c.id],
        versions: { [a.id]: 'pending.0', [b.id]: 'pending.0', [c.id]: 'pending.0' },
      });
      expect(el.items.map((x) => [x.id, x.status, x.body])).to.deep.equal([
        [b.id, 'pending', 'edited'],
        [c.id, 'deleted', ''],
      ]);
      expect(notice(el)).to.contain('2 comments changed since they were shown');
    } finally {
      fake.restore();
    }
  });

  it('an edit sends the version shown; the notice goes with the next action', async () => {
    const c = comment({ version: 'approved.5' });
    const fake = fakeServer({
      [`PATCH /comments/${c.id}`]: () => conflict,
      [`GET /comments/${c.id}`]: () => ({ body: { comment: { ...c, body: 'author wording', version: 'approved.9' } } }),
      [`POST /comments/${c.id}/spam`]: () => ({ body: { comment: { ...c, status: 'spam' } } }),
    });
    try {
      const el = await list([c]);
      press('e');
      const dialog = el.shadowRoot!.querySelector('parley-admin-dialog')!;
      await until(() => dialog.open, 'the editor');
      dialog.shadowRoot!.querySelector('textarea')!.value = 'moderator wording';
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await until(() => bodies(el)[0] === 'author wording', 'the reloaded text');
      expect(fake.calls[0]!.body).to.deep.equal({ body: 'moderator wording', version: 'approved.5' });
      expect(notice(el)).to.contain('1 comment changed');
      press('s');
      await until(() => el.items.length === 0, 'the spam to leave');
      expect(fake.calls.at(-1)!.body).to.deep.equal({ version: 'approved.9' });
      expect(notice(el)).to.equal('');
    } finally {
      fake.restore();
    }
  });
});
