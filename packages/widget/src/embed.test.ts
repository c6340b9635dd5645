import { expect } from '@open-wc/testing';
import { loadCommentsWhenNear } from './embed.js';

/** The lazy import of the comment thread, with a stand-in tag so the real thread stays out. */
let n = 0;

/** Starts the watcher for a fresh tag name and counts the loads it asks for. */
function watch(): { tag: string; loads: () => number } {
  const tag = `x-lazy-thread-${++n}`;
  let loads = 0;
  loadCommentsWhenNear(() => {
    loads++;
    return Promise.resolve();
  }, tag);
  return { tag, loads: () => loads };
}

const frames = async (count = 5) => {
  for (let i = 0; i < count; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
};

const placed: HTMLElement[] = [];

/** Puts `html` (the test's own markup) in a container that is removed after the test. */
function place(html: string): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = html;
  document.body.append(box);
  placed.push(box);
  return box;
}

afterEach(() => {
  for (const box of placed.splice(0)) box.remove();
  window.scrollTo(0, 0);
});

describe('loadCommentsWhenNear', () => {
  it('loads once when an element in the page is within a viewport, not before', async () => {
    const { tag, loads } = watch();
    const box = place(`<div style="height: ${innerHeight * 4}px"></div><${tag}></${tag}>`);
    await frames();
    expect(loads()).to.equal(0);
    box.querySelector(tag)!.scrollIntoView();
    await frames();
    expect(loads()).to.equal(1);
    place(`<${tag}></${tag}>`);
    await frames();
    expect(loads()).to.equal(1);
  });

  it('watches elements added later (SPA navigation)', async () => {
    const { tag, loads } = watch();
    await frames();
    expect(loads()).to.equal(0);
    place(`<section><p><${tag}></${tag}></p></section>`);
    await frames();
    expect(loads()).to.equal(1);
  });

  it('loads at once for no-lazy, even far below', async () => {
    const { tag, loads } = watch();
    place(`<div style="height: ${innerHeight * 4}px"></div><${tag} no-lazy></${tag}>`);
    await frames();
    expect(loads()).to.equal(1);
  });

  it('loads at once, even far below, when the address is a comment permalink', async () => {
    const before = location.href;
    history.replaceState(null, '', '#comment-abc');
    try {
      const { tag, loads } = watch();
      place(`<div style="height: ${innerHeight * 4}px"></div><${tag}></${tag}>`);
      await frames();
      expect(loads()).to.equal(1);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('loads when the address changes to a comment permalink', async () => {
    const before = location.href;
    const { tag, loads } = watch();
    place(`<div style="height: ${innerHeight * 4}px"></div><${tag}></${tag}>`);
    await frames();
    expect(loads()).to.equal(0);
    try {
      location.hash = '#comment-xyz';
      await frames();
      expect(loads()).to.equal(1);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('does nothing when the element is already defined', async () => {
    const tag = `x-lazy-thread-${++n}`;
    customElements.define(tag, class extends HTMLElement {});
    let loads = 0;
    loadCommentsWhenNear(() => Promise.resolve(loads++), tag);
    place(`<${tag} no-lazy></${tag}>`);
    await frames();
    expect(loads).to.equal(0);
  });
});
