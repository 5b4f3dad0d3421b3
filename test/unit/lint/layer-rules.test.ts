// Each layer rule of eslint.config.js fires on a file that breaks it, and stays quiet on the same import
// where the layer allows it: the rules are checked by linting source text at a path inside each folder.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The messages of `no-restricted-imports` for `source` linted as if it were the file at `path`. */
async function importProblems(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${ROOT}${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const CASES: Array<{ rule: string; path: string; breaks: string; allowed: string; says: RegExp }> = [
  {
    rule: 'main/core imports no Node built-in',
    path: 'main/core/layer-probe.ts',
    breaks: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    allowed: "import { DAY_MS } from './time';\nexport const x = DAY_MS;\n",
    says: /main\/core is pure/,
  },
  {
    rule: 'main/core imports no electron',
    path: 'main/core/alerts/layer-probe.ts',
    breaks: "import { app } from 'electron';\nexport const x = app;\n",
    allowed: "import { DAY_MS } from '../time';\nexport const x = DAY_MS;\n",
    says: /main\/core is pure/,
  },
  {
    rule: 'main/core imports no service',
    path: 'main/core/alerts/layer-probe.ts',
    breaks:
      "import { createSystemClock } from '../../services/clock';\nexport const x = createSystemClock;\n",
    allowed: "import { DAY_MS } from '../time';\nexport const x = DAY_MS;\n",
    says: /main\/core is pure/,
  },
  {
    rule: 'main/core imports nothing of main/app or main/host',
    path: 'main/core/layer-probe.ts',
    breaks:
      "import { a } from '../app/create-app';\nimport { b } from '../host/server';\nexport const x = [a, b];\n",
    allowed: "import { a } from './app-words';\nexport const x = a;\n",
    says: /main\/core is pure/,
  },
  {
    rule: 'main/app never imports main/host',
    path: 'main/app/layer-probe.ts',
    breaks: "import { startServer } from '../host/server';\nexport const x = startServer;\n",
    allowed: "import { createSystemClock } from '../services/clock';\nexport const x = createSystemClock;\n",
    says: /main\/app runs under both hosts/,
  },
  {
    rule: 'main/app never imports main/electron',
    path: 'main/app/layer-probe.ts',
    breaks: "import { createTray } from '../electron/tray';\nexport const x = createTray;\n",
    allowed: "import { DAY_MS } from '@core/time';\nexport const x = DAY_MS;\n",
    says: /main\/app runs under both hosts/,
  },
  {
    rule: 'main/services never imports main/app',
    path: 'main/services/stores/layer-probe.ts',
    breaks: "import { createApp } from '../../app/create-app';\nexport const x = createApp;\n",
    allowed: "import { createSystemClock } from '../clock';\nexport const x = createSystemClock;\n",
    says: /main\/services is composed by main\/app/,
  },
  ...(['services', 'app', 'host', 'electron'] as const).map((folder) => ({
    rule: `renderer never imports main/${folder}`,
    path: 'renderer/components/layer-probe.tsx',
    breaks: `import { x as y } from '../../main/${folder}/anything';\nexport const x = y;\n`,
    allowed: "import { DAY_MS } from '@core/time';\nexport const x = DAY_MS;\n",
    says: /The renderer talks only to CreditwatchApi/,
  })),
];

describe('layer import rules', () => {
  it.each(CASES)('$rule', async ({ path, breaks, allowed, says }) => {
    const broken = await importProblems(path, breaks);
    expect(broken.length).toBeGreaterThan(0);
    for (const message of broken) expect(message).toMatch(says);
    expect(await importProblems(path, allowed)).toEqual([]);
  });

  it('leaves the same import alone in a folder the rule does not cover', async () => {
    // main/host may import main/app: that is how it serves the handlers.
    const source = "import { createApp } from '../app/create-app';\nexport const x = createApp;\n";
    expect(await importProblems('main/host/layer-probe.ts', source)).toEqual([]);
  });
});
