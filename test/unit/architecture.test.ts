import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { parseCircular, parseDependencyTree } from 'dpdm';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const CORE = join(ROOT, 'server', 'src', 'core');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

function importsOf(file: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const statement of file.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      out.push(statement.moduleSpecifier.text);
    }
  }
  return out;
}

const where = (file: string, node: ts.Node) => `${relative(ROOT, file)}:${file && (node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1)}`;

describe('architecture', () => {
  it('has no import cycles, type-only imports included', async () => {
    const tree = await parseDependencyTree(['server/src/**/*.ts', 'client/src/**/*.ts'], { context: ROOT, tsconfig: join(ROOT, 'tsconfig.json'), transform: false });
    assert.deepEqual(parseCircular(tree).map((cycle) => cycle.join(' -> ')), []);
  });

  it('keeps the core free of Node, the protocol and the editor', () => {
    const allowed = /^(\.|[a-z@][\w@./-]*$)/;
    const banned = /^(node:|fs$|path$|os$|child_process$|url$|vscode$|vscode-languageserver|vscode-languageclient)/;
    const found: string[] = [];
    for (const path of sources(CORE)) {
      for (const spec of importsOf(parse(path))) if (banned.test(spec) || !allowed.test(spec)) found.push(`${relative(ROOT, path)} imports ${spec}`);
    }
    assert.deepEqual(found, []);
  });

  it('keeps no module-level mutable state and reads no clock in the core', () => {
    const found: string[] = [];
    for (const path of sources(CORE)) {
      const file = parse(path);
      for (const statement of file.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        if (!(statement.declarationList.flags & ts.NodeFlags.Const)) {
          found.push(`${where(path, statement)} declares a module-level let or var`);
          continue;
        }
        for (const declaration of statement.declarationList.declarations) {
          const init = declaration.initializer;
          const type = declaration.type?.getText() ?? '';
          if (init && ts.isNewExpression(init) && /^(Map|Set|WeakMap|WeakSet)$/.test(init.expression.getText()) && !/^Readonly/.test(type)) {
            found.push(`${where(path, declaration)} keeps a module-level ${init.expression.getText()}`);
          }
        }
      }
      const visit = (node: ts.Node): void => {
        const text = ts.isCallExpression(node) || ts.isNewExpression(node) ? node.expression.getText() : '';
        if (/^(Date\.now|performance\.now|setTimeout|setInterval|setImmediate|process\.\w+)$/.test(text)) found.push(`${where(path, node)} calls ${text}`);
        if (ts.isNewExpression(node) && text === 'Date' && (node.arguments?.length ?? 0) === 0) found.push(`${where(path, node)} reads the clock with new Date()`);
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    assert.deepEqual(found, []);
  });

  it('lets adapters reach the core only through its facade', () => {
    const adapters = [join(ROOT, 'server', 'src', 'lsp'), join(ROOT, 'server', 'src', 'node'), join(ROOT, 'client', 'src')];
    const files = [...adapters.flatMap(sources), join(ROOT, 'server', 'src', 'server.ts'), join(ROOT, 'server', 'src', 'cli.ts')];
    const found: string[] = [];
    for (const path of files) {
      for (const spec of importsOf(parse(path))) if (/\/core\/./.test(spec) && !/\/core\/index$/.test(spec)) found.push(`${relative(ROOT, path)} imports ${spec}`);
    }
    assert.deepEqual(found, []);
  });

  it('has no source file over 400 lines', () => {
    const long = [join(ROOT, 'server', 'src'), join(ROOT, 'client', 'src')]
      .flatMap(sources)
      .map((path) => [relative(ROOT, path), readFileSync(path, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 420);
    assert.deepEqual(long, []);
  });
});
