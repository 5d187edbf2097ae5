/**
 * No file imports a private file of a dependency (`pkg/dist/...`): such a path is no part of the
 * package's API and may change in any release. dependency-cruiser cannot tell (a public import
 * resolves into `dist/` too), so this reads each import's specifier in every tracked TypeScript file.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '..');

/** `from '…'`, `import('…')`, `require('…')` and `import '…'` specifiers of a package's `dist` folder or a file in it (relative ones aside). */
const PRIVATE = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]((?:@[\w.-]+\/)?[\w.-]+\/(?:[^'"]*\/)?dist(?:\/[^'"]*)?)['"]/gm;

function privateImports(source: string): string[] {
  return [...source.matchAll(PRIVATE)].map((match) => match[1]!).filter((specifier) => !specifier.startsWith('.'));
}

describe('imports of dependencies', () => {
  it('finds a private import in every form it can take, and not a public or relative one', () => {
    const dist = 'dist';
    const sources = [
      `import { x } from '@apollo/gateway/${dist}/executeQueryPlan.js';`,
      `import type { T } from "@apollo/subgraph/${dist}/schema-helper/resolverMap.js";`,
      `const m = await import('some-package/${dist}');`,
      `const m = require('some-package/lib/${dist}/index.js');`,
      `import 'pkg/${dist}/register.js';`,
    ];
    for (const source of sources) assert.equal(privateImports(source).length, 1, source);
    for (const source of [`import { ApolloGateway } from '@apollo/gateway';`, `import { a } from './${dist}/a.ts';`, `import { b } from '../gateway/graphiql/${dist}/b.js';`]) {
      assert.deepEqual(privateImports(source), [], source);
    }
  });

  it('no tracked TypeScript file imports a private file of a dependency', () => {
    const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mts', '*.cts'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    assert.ok(files.length > 100, 'the repository’s files are listed');
    const found = files.flatMap((file) => privateImports(readFileSync(join(ROOT, file), 'utf8')).map((specifier) => `${file}: ${specifier}`));
    assert.deepEqual(found, [], 'use the package’s public exports');
  });
});
