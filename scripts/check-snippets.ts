/**
 * Type-checks every TypeScript code block a reader may copy: the ```ts blocks of README.md and docs/*.md, and the
 * `@example` blocks of the TSDoc in src/. `npm run check:snippets` (CI runs it).
 *
 * Each block becomes a module of its own, compiled against the real sources (`leadkit/<entry>` resolves to
 * `src/<entry>/index.ts`). So that an example can stay short, every export of leadkit is in scope without an import
 * (a block's own imports take precedence), and a few names examples use for "your data" are declared with their
 * types (`lead`, `leads`, `asOf`, `spec`, …, see `fixtures` below). A block that is not meant to compile on its own (a
 * fragment of a larger object) is written ```jsonc or ```text instead of ```ts.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const out = join(root, 'node_modules', '.snippets');

interface Snippet {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

function markdownSnippets(file: string): Snippet[] {
  const text = readFileSync(join(root, file), 'utf8');
  const snippets: Snippet[] = [];
  const fence = /^```(ts|typescript)\s*$([\s\S]*?)^```\s*$/gm;
  for (const match of text.matchAll(fence)) {
    const line = text.slice(0, match.index).split('\n').length + 1;
    snippets.push({ file, line, code: match[2] ?? '' });
  }
  return snippets;
}

function walk(directory: string): string[] {
  return readdirSync(join(root, directory), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? walk(join(directory, entry.name))
      : entry.name.endsWith('.ts') && !/\.test(-d|-prop)?\.ts$|\.test-fixtures\.ts$|\.test-helpers\.ts$/.test(entry.name)
        ? [join(directory, entry.name)]
        : [],
  );
}

function exampleSnippets(file: string): Snippet[] {
  const text = readFileSync(join(root, file), 'utf8');
  const snippets: Snippet[] = [];
  const example = /@example\s*\n\s*\*\s*```(?:ts|typescript)?\s*\n([\s\S]*?)\n\s*\*\s*```/g;
  for (const match of text.matchAll(example)) {
    const line = text.slice(0, match.index).split('\n').length + 2;
    const code = (match[1] ?? '')
      .split('\n')
      .map((codeLine) => codeLine.replace(/^\s*\* ?/, ''))
      .join('\n')
      .replace(/\*\\\//g, '*/');
    snippets.push({ file, line, code });
  }
  return snippets;
}

const docs = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const snippets = [...docs.flatMap(markdownSnippets), ...walk('src').flatMap(exampleSnippets)];

// Every export of the package, in scope as an ambient global of the same name (values and types).
const entries = readdirSync(join(root, 'src'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'internal')
  .map((entry) => entry.name)
  .filter((name) => readdirSync(join(root, 'src', name)).includes('index.ts'));
const program = ts.createProgram(
  entries.map((name) => join(root, 'src', name, 'index.ts')),
  {
    allowImportingTsExtensions: true,
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
  },
);
const checker = program.getTypeChecker();
const globals: string[] = [];
const seen = new Set<string>();
for (const name of entries) {
  const source = program.getSourceFile(join(root, 'src', name, 'index.ts'));
  const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (symbol === undefined) continue;
  for (const exported of checker.getExportsOfModule(symbol)) {
    const exportName = exported.getName();
    if (seen.has(exportName)) continue;
    seen.add(exportName);
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const module = `import('leadkit/${name}')`;
    if (target.flags & ts.SymbolFlags.Value) globals.push(`  const ${exportName}: typeof ${module}.${exportName};`);
    if (target.flags & ts.SymbolFlags.Type) {
      const parameters = (target.declarations ?? [])
        .flatMap((declaration) =>
          (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration) || ts.isClassDeclaration(declaration)) &&
          declaration.typeParameters !== undefined
            ? [declaration.typeParameters]
            : [],
        )
        .at(0);
      if (parameters === undefined || parameters.length === 0) globals.push(`  type ${exportName} = ${module}.${exportName};`);
      else {
        const names = parameters.map((parameter) => parameter.name.text);
        const declared = parameters.map(
          (parameter) =>
            `${parameter.name.text}${parameter.constraint === undefined ? '' : ` extends ${parameter.constraint.getText()}`}${parameter.default === undefined ? '' : ` = ${parameter.default.getText()}`}`,
        );
        // Constraints and defaults may name other exports: they are globals too.
        globals.push(`  type ${exportName}<${declared.join(', ')}> = ${module}.${exportName}<${names.join(', ')}>;`);
      }
    }
  }
}

// Names examples use for the reader's own data.
const fixtures = `
  const lead: import('leadkit/models').Lead;
  const leads: import('leadkit/models').Lead[];
  const asOf: Date;
  const json: unknown;
  const text: string;
  const stored: string;
  const modelJson: unknown;
  const spec: import('leadkit/predict').FeatureSpec;
  const scorer: import('leadkit/scoring').CompiledScorer;
  const compiledModel: import('leadkit/scoring').CompiledScorer;
  const openLeads: import('leadkit/models').Lead[];
  const funnel: typeof import('leadkit/funnel').b2bFunnel;
  const reply: (status: number, body: unknown) => unknown;
  const use: (value: unknown) => unknown;
  const mapping: import('leadkit/import').ImportMapping;
  const rows: Record<string, unknown>[];
`;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'globals.d.ts'), `export {};\ndeclare global {\n${globals.join('\n')}\n${fixtures}\n}\n`);
const files = snippets.map((snippet, index) => {
  const path = join(out, `snippet-${index}.ts`);
  writeFileSync(path, `${snippet.code}\nexport {};\n`);
  return path;
});
const paths: Record<string, string[]> = { leadkit: [join(root, 'src/index.ts')] };
for (const name of entries) paths[`leadkit/${name}`] = [join(root, 'src', name, 'index.ts')];
const check = ts.createProgram([join(out, 'globals.d.ts'), ...files], {
  allowImportingTsExtensions: true,
  noEmit: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  esModuleInterop: true,
  baseUrl: root,
  paths,
  // Examples may declare a value only to show it.
  noUnusedLocals: false,
});
const problems: string[] = [];
for (const diagnostic of ts.getPreEmitDiagnostics(check)) {
  const file = diagnostic.file?.fileName ?? '';
  const index = files.indexOf(file);
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (index < 0) {
    problems.push(`${relative(root, file) || '(config)'}: ${message}`);
    continue;
  }
  const snippet = snippets[index] as Snippet;
  const { line } = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0) ?? { line: 0 };
  problems.push(`${snippet.file}:${snippet.line + line}: ${message}`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} problem(s) in ${snippets.length} code blocks`);
  process.exit(1);
}
console.log(`${snippets.length} code blocks type-check`);
