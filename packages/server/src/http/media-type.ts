/**
 * A Content-Type value per RFC 9110 §8.3.1: `type "/" subtype *( OWS ";" OWS [ parameter ] )`,
 * tokens case-insensitive, parameter values a token or a quoted string. Written so that no two
 * branches can match the same characters (after a `;` the spaces go to one `[ \t]*` and a
 * parameter must start with a token character), so it cannot backtrack badly (see redos.test.ts).
 */
const MEDIA_TYPE =
  /^[ \t]*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\/([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*(?:;[ \t]*(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+=(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+|"(?:[\t !#-[\]-~\x80-\xff]|\\[\t -~\x80-\xff])*")[ \t]*)?)*$/;

/**
 * The lower-case essence (`type/subtype`) of `header` when it is a well-formed media type of
 * JSON: `application/json` or any `application/*+json` (RFC 6839 structured syntax suffix).
 * Undefined for other types and for values that are not media types at all.
 */
export function jsonMediaType(header: string | undefined): string | undefined {
  const match = MEDIA_TYPE.exec(header ?? '');
  if (!match) return undefined;
  const type = match[1]!.toLowerCase();
  const subtype = match[2]!.toLowerCase();
  if (type !== 'application' || (subtype !== 'json' && !/^[!#$%&'*.^_`|~0-9a-z-]+\+json$/.test(subtype))) return undefined;
  return `${type}/${subtype}`;
}
