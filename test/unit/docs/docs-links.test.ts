// Every link between the project's own pages resolves: README.md, docs/, and the guides beside the code. A
// relative link names a file that exists; a `#fragment` names a heading of that page (GitHub's slugs).
// Web addresses are not fetched (the tests never need the network).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', 'release', 'test-results', 'playwright-report', '.git']);

/** Every Markdown file of the project (its own pages, not its dependencies'). */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return markdownFiles(path);
    return e.name.endsWith('.md') ? [path] : [];
  });
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  return new Set([...withoutCode.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1]!)));
}

/** The link targets of a page, code blocks and inline code left out. */
function linksOf(markdown: string): string[] {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}

/** What is wrong with one link of `page`, or null when it resolves. */
function problemOf(page: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null; // https:, mailto: … (not fetched)
  const [pathPart, fragment] = target.split('#', 2) as [string, string | undefined];
  const file = pathPart === '' ? page : join(dirname(page), decodeURIComponent(pathPart));
  if (!existsSync(file)) return `${target}: no such file`;
  if (fragment && file.endsWith('.md') && !anchorsOf(readFileSync(file, 'utf8')).has(fragment))
    return `${target}: no heading #${fragment} in ${relative(ROOT, file)}`;
  return null;
}

describe('links in the documentation', () => {
  const pages = markdownFiles(ROOT);

  it('finds the README and the docs folder', () => {
    const names = pages.map((p) => relative(ROOT, p));
    expect(names).toContain('README.md');
    expect(names.filter((n) => n.startsWith('docs/')).length).toBeGreaterThan(5);
  });

  it.each(pages.map((p) => [relative(ROOT, p), p] as const))('%s: every link resolves', (_name, page) => {
    const problems = linksOf(readFileSync(page, 'utf8'))
      .map((target) => problemOf(page, target))
      .filter((p) => p !== null);
    expect(problems).toEqual([]);
  });

  it('notices a broken link (the check can fail)', () => {
    const readme = join(ROOT, 'README.md');
    expect(problemOf(readme, 'docs/no-such-page.md')).toBe('docs/no-such-page.md: no such file');
    expect(problemOf(readme, 'docs/architecture.md#no-such-heading')).toMatch(/no heading/);
    expect(problemOf(readme, 'docs/architecture.md')).toBeNull();
  });
});
