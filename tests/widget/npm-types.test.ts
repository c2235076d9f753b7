// The npm package's TypeScript declarations as an app sees them: `@throughline/widget` resolved through the package's
// `exports` (as a bundler and as Node do) to the built dist/npm/throughline.d.ts. A correct app type-checks, wrong
// calls are errors, and every public call and option carries its JSDoc (an example each, defaults stated).
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PACKAGE = fileURLToPath(new URL('../../packages/widget/', import.meta.url));
const TYPES = path.join(PACKAGE, 'dist/npm/throughline.d.ts');
const RESOLUTIONS = { bundler: ts.ModuleResolutionKind.Bundler, nodenext: ts.ModuleResolutionKind.NodeNext } as const;

let app: string;

beforeAll(() => {
  if (!existsSync(TYPES)) throw new Error(`no ${TYPES}: build the widget first (pnpm build)`);
  // A throwaway app with the package installed as a link, the way a workspace or `npm link` installs it.
  app = mkdtempSync(path.join(os.tmpdir(), 'tl-npm-types-'));
  mkdirSync(path.join(app, 'node_modules/@throughline'), { recursive: true });
  symlinkSync(PACKAGE, path.join(app, 'node_modules/@throughline/widget'), 'dir');
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ type: 'module' }));
});
afterAll(() => rmSync(app, { recursive: true, force: true }));

/** Type-checks one app file; returns its errors as "line: message" and where the import resolved to. */
function check(source: string, resolution: keyof typeof RESOLUTIONS = 'bundler') {
  const file = path.join(app, 'app.ts');
  writeFileSync(file, source);
  const nodeNext = resolution === 'nodenext';
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: nodeNext ? ts.ModuleKind.NodeNext : ts.ModuleKind.ESNext,
    moduleResolution: RESOLUTIONS[resolution],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
  };
  const program = ts.createProgram([file], options);
  const resolved = ts.resolveModuleName('@throughline/widget', file, options, ts.sys).resolvedModule?.resolvedFileName;
  const errors = ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start != null ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
  return { errors, resolved: resolved && path.relative(PACKAGE, resolved) };
}

const CORRECT = `
import { consent, event, init, locale, show, touchpoint, type InitOptions } from '@throughline/widget';
const options: InitOptions = { site: 'tl_4f9c2a7b1e', endpoint: 'https://throughline.example.com/', touchpoint: 'checkout',
  locale: 'de-CH', inline: document.body, nonce: 'abc' };
init(options);
init({ site: 'demo', endpoint: 'https://throughline.example.com', inline: '#feedback' });
touchpoint('checkout');
consent(false);
event('order-complete');
show();
locale('fr');
const nothing: void = show();
`;

describe('the npm package types', () => {
  for (const resolution of Object.keys(RESOLUTIONS) as (keyof typeof RESOLUTIONS)[]) {
    it(`an app using every call type-checks against the built declarations (${resolution} resolution)`, () => {
      const { errors, resolved } = check(CORRECT, resolution);
      expect(resolved).toBe('dist/npm/throughline.d.ts');
      expect(errors).toEqual([]);
    });
  }

  it('wrong calls are type errors', () => {
    const { errors } = check(`
import { consent, init, touchpoint } from '@throughline/widget';
init({ site: 'demo' });
init({ site: 42, endpoint: 'https://throughline.example.com' });
init({ site: 'demo', endpoint: 'https://throughline.example.com', inline: 3 });
init({ site: 'demo', endpoint: 'https://throughline.example.com', theme: 'dark' });
consent('no');
touchpoint();
`);
    // One error on each wrong line (lines 3–8 of the source), naming what is wrong.
    expect(errors.map((e) => e.split(':')[0])).toEqual(['3', '4', '5', '6', '7', '8']);
    expect(errors[0]).toMatch(/endpoint/);
    expect(errors[1]).toMatch(/number.*string/);
    expect(errors[3]).toMatch(/theme/);
  });

  it('every public call and option has JSDoc with an example, and each option states its default', () => {
    const source = ts.createSourceFile(TYPES, ts.sys.readFile(TYPES)!, ts.ScriptTarget.ES2022, true);
    const documented: Record<string, { example: boolean; text: string }> = {};
    const note = (name: string, node: ts.Node) => {
      const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
      documented[name] = {
        example: docs.some((d) => d.tags?.some((t) => t.tagName.text === 'example')),
        text: docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join(' '),
      };
    };
    source.forEachChild((node) => {
      if (ts.isFunctionDeclaration(node) && node.name) note(node.name.text, node);
      if (ts.isInterfaceDeclaration(node))
        for (const m of node.members)
          if (ts.isPropertySignature(m)) note(`${node.name.text}.${m.name.getText(source)}`, m);
    });
    expect(Object.keys(documented).sort()).toEqual(
      [
        'consent',
        'event',
        'init',
        'locale',
        'show',
        'touchpoint',
        ...['endpoint', 'inline', 'locale', 'nonce', 'site', 'touchpoint'].map((o) => 'InitOptions.' + o),
      ].sort(),
    );
    for (const [name, doc] of Object.entries(documented)) {
      expect(doc.example, `${name} has an @example`).toBe(true);
      if (name.startsWith('InitOptions.'))
        expect(doc.text, `${name} states its default`).toMatch(/Default:|no default/);
    }
  });
});
