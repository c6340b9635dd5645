import { CommentLine, INTERCHANGE_VERSION, PageLine, SiteLine } from '../../domain/export-format.js';
import { type ImportRecord, MalformedImportError } from '../../domain/import-records.js';
import { linesOf, openText, type ReadLimits, type ReadProgress } from './file.js';

/**
 * Reads a Parley export (docs/interchange.md): JSON Lines, a `parley-export` header with the
 * site, then pages each followed by their comments. Lines that are not JSON, a missing header
 * or a newer version stop the import; a line of the wrong shape fails that record only.
 */
export function readParley(path: string, limits?: ReadLimits): { records: AsyncIterable<ImportRecord> } & ReadProgress {
  const file = openText(path, undefined, limits);
  async function* records(): AsyncIterable<ImportRecord> {
    let header = false;
    for await (const { text, line } of linesOf(file.chunks)) {
      if (!text.trim()) continue;
      const at = `line ${line}`;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw new MalformedImportError(at, `not valid JSON (${(err as Error).message.slice(0, 120)})`);
      }
      if (!header) {
        const parsed = SiteLine.safeParse(value);
        if (!parsed.success)
          throw new MalformedImportError(at, 'the first line must be a "parley-export" header (docs/interchange.md)');
        if (parsed.data.version > INTERCHANGE_VERSION) {
          throw new MalformedImportError(
            at,
            `format version ${parsed.data.version} is newer than this Parley reads (${INTERCHANGE_VERSION})`,
          );
        }
        header = true;
        const { site } = parsed.data;
        yield { kind: 'site', id: site.id, name: site.name, origins: site.origins, settings: site.settings };
        continue;
      }
      const type = (value as { type?: unknown } | null)?.type;
      if (type === 'page') {
        const page = PageLine.safeParse(value);
        if (!page.success) {
          yield { kind: 'failure', sourceId: '?', reason: `invalid page: ${issue(page.error)}`, at };
          continue;
        }
        const p = page.data;
        yield {
          kind: 'page',
          ref: p.key,
          key: p.key,
          url: p.url,
          title: p.title,
          locked: p.locked,
          createdAt: Date.parse(p.createdAt),
          standalone: true,
          at,
        };
      } else if (type === 'comment') {
        const comment = CommentLine.safeParse(value);
        if (!comment.success) {
          const id = (value as { id?: unknown }).id;
          yield {
            kind: 'failure',
            sourceId: typeof id === 'string' ? id : '?',
            reason: `invalid comment: ${issue(comment.error)}`,
            at,
          };
          continue;
        }
        const c = comment.data;
        yield {
          kind: 'comment',
          sourceId: c.id,
          pageRef: c.page,
          parentSourceId: c.parentId,
          authorName: c.author.name,
          authorEmail: c.author.email,
          authorWebsite: c.author.website,
          body: c.body,
          html: c.html,
          status: c.status,
          createdAt: Date.parse(c.createdAt),
          editedAt: c.editedAt === null ? null : Date.parse(c.editedAt),
          up: c.up,
          down: c.down,
          at,
        };
      } else {
        yield { kind: 'failure', sourceId: '?', reason: `unknown line type ${JSON.stringify(type)}`, at };
      }
    }
    if (!header) throw new MalformedImportError('line 1', 'empty file: expected a "parley-export" header');
  }
  return { records: records(), fraction: file.fraction };
}

function issue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || 'line'}: ${first.message}` : 'invalid';
}
