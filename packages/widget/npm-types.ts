// The npm entry's declarations (dist/npm/throughline.d.ts), emitted by the TypeScript compiler from src/npm.ts, so
// the types and their JSDoc cannot drift from the code. The public surface names only its own types, so the file
// stands alone; the build fails when the source has a type error or the declarations would import anything.
import { writeFileSync } from 'node:fs';
import ts from 'typescript';

export function writeNpmTypes(entry: string, out: string): void {
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    jsx: ts.JsxEmit.ReactJSX,
    jsxImportSource: 'preact',
    strict: true,
    noUncheckedIndexedAccess: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    declaration: true,
    emitDeclarationOnly: true,
    removeComments: false,
  });
  const problems = ts.getPreEmitDiagnostics(program);
  if (problems.length)
    throw new Error(
      'npm types:\n' +
        ts.formatDiagnostics(problems, {
          getCanonicalFileName: (f) => f,
          getCurrentDirectory: () => process.cwd(),
          getNewLine: () => '\n',
        }),
    );
  let text: string | undefined;
  const source = program.getSourceFile(entry)!;
  program.emit(
    source,
    (name, data) => {
      if (name.endsWith('/npm.d.ts')) text = data;
    },
    undefined,
    true,
  );
  if (!text) throw new Error(`npm types: nothing emitted for ${entry}`);
  const imports = text.match(/^\s*(import|export)\b.*\bfrom\s+['"][^'"]+['"]/gm);
  if (imports) throw new Error(`npm types: the declarations must stand alone, but they import: ${imports.join('; ')}`);
  writeFileSync(out, text);
}
