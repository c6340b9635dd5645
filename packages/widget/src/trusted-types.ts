/**
 * The one Trusted Types policy Parley creates, `parley`, for pages that enforce
 * `require-trusted-types-for 'script'`. Only the sanitiser uses it: it parses comment HTML in an
 * inert `<template>` and then rebuilds an allowlisted copy node by node, so the policy may pass
 * the string through; nothing it returns is ever inserted into a live document as it is.
 * Lit creates its own policy, `lit-html`. A publisher's CSP names both:
 * `trusted-types parley lit-html`.
 */
interface HtmlPolicy {
  createHTML(input: string): string | TrustedHTMLLike;
}
/** What `TrustedHTML` looks like to code that only passes it on to `innerHTML`. */
interface TrustedHTMLLike {
  toString(): string;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML(input: string): string }): HtmlPolicy;
}

/** The policy's name, as the CSP `trusted-types` directive must list it. */
export const POLICY_NAME = 'parley';

let policy: HtmlPolicy | undefined;

/**
 * `html` as a value `innerHTML` of an inert template accepts under Trusted Types; the plain
 * string where the browser has no Trusted Types. For the sanitiser's parsing step only.
 */
export function inertHTML(html: string): string {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return html;
  policy ??= factory.createPolicy(POLICY_NAME, { createHTML: (input) => input });
  // TrustedHTML is accepted wherever a string is; the DOM typings only know the string.
  return policy.createHTML(html) as string;
}
