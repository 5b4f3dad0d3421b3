// The README's "Dependencies and why" table is true: every package in package.json is listed once with its
// reason, and the table lists nothing package.json does not have.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The packages named (in backticks) in the first column of the table under `heading`, once per mention. */
function tablePackages(readme: string, heading: string): string[] {
  const start = readme.indexOf(`## ${heading}`);
  if (start < 0) return [];
  const section = readme
    .slice(start + 3)
    .split(/\n## /)[0]!
    .split('\n');
  return section
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1) // the header row
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

describe('README dependency table', () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const listed = tablePackages(readme, 'Dependencies and why');
  const installed = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)].sort();

  it('lists every dependency of package.json', () => {
    expect(installed.filter((name) => !listed.includes(name))).toEqual([]);
  });

  it('lists no package that is not a dependency', () => {
    expect(listed.filter((name) => !installed.includes(name))).toEqual([]);
  });

  it('lists each package once', () => {
    expect(listed.filter((name, i) => listed.indexOf(name) !== i)).toEqual([]);
  });

  it('reads the table it is given (the check can fail)', () => {
    const sample =
      '## Dependencies and why\n\n| package | why |\n|---|---|\n| `a`, `b` | x |\n| `a` | y |\n\n## Next\n';
    expect(tablePackages(sample, 'Dependencies and why')).toEqual(['a', 'b', 'a']);
  });
});
