import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReplyOutline } from '../storage/types.js';
import { ThreadOrder } from './reply-paging.js';

const row = (id: string, parentId: string, createdAt: number, status: ReplyOutline['status'] = 'approved'): ReplyOutline => ({
  id,
  parentId,
  rootId: 'root',
  createdAt,
  status,
});

test('a thread 50,000 levels deep is put in order and paged without recursion', () => {
  const rows = Array.from({ length: 50_000 }, (_, i) => row(`r${i}`, i ? `r${i - 1}` : 'root', i));
  const order = new ThreadOrder({ id: 'root', status: 'approved' }, rows);
  const { shown, more } = order.slice(order.indexOf('r49990'), 5);
  assert.deepEqual(
    shown.map((r) => r.id),
    ['r49990', 'r49991', 'r49992', 'r49993', 'r49994'],
  );
  assert.equal(more, 5);
  assert.deepEqual(
    order.ancestors(order.indexOf('r49990'), 3).map((r) => r.id),
    ['r49987', 'r49988', 'r49989'],
    'the nearest ancestors, outermost first',
  );
});

test('a deleted top-level comment is listed only with a listed reply; hidden replies hide theirs', () => {
  const rows = [row('a', 'root', 1, 'pending'), row('a1', 'a', 2), row('b', 'root', 3, 'deleted')];
  const order = new ThreadOrder({ id: 'root', status: 'deleted' }, rows);
  assert.deepEqual(order.listed, [false, false, false]);
  assert.equal(order.rootListed, false);
  const withReply = new ThreadOrder({ id: 'root', status: 'deleted' }, [...rows, row('b1', 'b', 4)]);
  assert.deepEqual(
    withReply.order.map((r, i) => [r.id, withReply.listed[i]]),
    [
      ['a', false],
      ['a1', false],
      ['b', true],
      ['b1', true],
    ],
  );
  assert.equal(withReply.rootListed, true);
});
