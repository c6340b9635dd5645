/**
 * Comment bodies built to make a markdown parser or an HTML sanitiser slow: long runs of emphasis
 * delimiters, backticks, brackets, angle brackets, deep nesting and linkify bait, each cut to the
 * requested length; and a plain body of the same length as the baseline. Used by
 * `src/domain/markdown-adversarial.test.ts` (CI) and `bench/markdown.ts` (figures).
 */

/** `unit` repeated until `length` characters, then cut there. */
function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Ordinary prose with paragraphs, a little emphasis and a link: what most comments look like. */
export function plainBody(length: number): string {
  const sentence = 'The council voted on the plan for new cycle lanes, and residents asked about *parking* and late buses. ';
  const paragraph = `${sentence.repeat(4)}See [the minutes](https://news.example.com/minutes) for details.\n\n`;
  return fill(paragraph, length);
}

/** Named adversarial bodies of exactly `length` characters (before normalisation). */
export function adversarialBodies(length: number): { name: string; body: string }[] {
  const growing = (unit: string) => {
    let s = '';
    for (let k = 1; s.length < length; k++) s += `${unit.repeat(k)}a`;
    return s.slice(0, length);
  };
  const nested = (open: string, close: string) => {
    const half = Math.floor(length / (open.length + close.length));
    return `${open.repeat(half)}${close.repeat(half)}`.slice(0, length);
  };
  const bodies: [string, string][] = [
    ['stars', fill('*', length)],
    ['underscores', fill('_', length)],
    ['star-underscore', fill('*_', length)],
    ['unclosed emphasis openers', fill('*a ', length)],
    ['unclosed strong openers', fill('**a ', length)],
    ['underscore word runs', fill('_a_b', length)],
    ['mixed delimiters', fill('*_`[<>~', length)],
    ['tildes', fill('~', length)],
    ['strikethrough pairs', fill('~~a', length)],
    ['backticks', fill('`', length)],
    ['backtick runs of growing length', growing('`')],
    ['code spans', fill('`a` ', length)],
    ['open brackets', fill('[', length)],
    ['nested brackets', nested('[', ']')],
    ['unclosed links', fill('[a](', length)],
    ['link label soup', fill('[a]', length)],
    ['unclosed link destinations', fill('[a](b ', length)],
    ['nested link titles', nested('[a](b "', '")')],
    ['parentheses in destinations', `[a](${nested('(', ')')}`.slice(0, length)],
    ['open angle brackets', fill('<', length)],
    ['angle autolink bait', fill('<a', length)],
    ['angle nesting', nested('<', '>')],
    ['quote markers', fill('>', length)],
    [
      'nested quotes, one per line',
      Array.from({ length: 200 }, (_, i) => `${'> '.repeat(i)}a`)
        .join('\n')
        .slice(0, length),
    ],
    [
      'nested lists',
      Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- a`)
        .join('\n')
        .slice(0, length),
    ],
    ['list markers', fill('- ', length)],
    ['ordered list markers', fill('1. ', length)],
    ['linkify: http runs', fill('http://', length)],
    ['linkify: www runs', fill('www.', length)],
    ['linkify: one long host', `https://${fill('a.', length - 8)}`],
    ['linkify: many short links', fill('a.co ', length)],
    ['linkify: open parentheses', `http://a.co/${fill('(', length - 12)}`],
    ['linkify: trailing punctuation', `http://a.co/${fill('.,;:!?', length - 12)}`],
    ['linkify: e-mail bait', fill('a@b.', length)],
    ['many links', fill('[a](https://a.example/) ', length)],
    ['many bare links', fill('https://a.example/ ', length)],
    ['entities', fill('&amp;', length)],
    ['numeric entities', fill('&#x1F600;', length)],
    ['broken entities', fill('&#', length)],
    ['backslashes', fill('\\', length)],
    ['escaped delimiters', fill('\\*\\_', length)],
    ['hard line breaks', fill('a  \n', length)],
    ['line breaks', fill('a\n', length)],
    ['blank lines and text', fill('a\n\n', length)],
    ['fenced code openers', fill('```\n', length)],
    ['indented code and text', fill('    a\nb\n', length)],
    ['headings (disabled) and rules (disabled)', fill('# a\n---\n', length)],
    ['images (disabled)', fill('![a](http://a.co/x.png)', length)],
    ['raw html (disabled)', fill('<script>alert(1)</script>', length)],
  ];
  // Patterns that do not divide the length evenly are topped up with plain letters.
  return bodies.map(([name, body]) => ({ name, body: body.padEnd(length, 'a') }));
}
