/**
 * A CodeMirror 6 JSON editor: completion from a JSON Schema (property names and allowed values at the cursor's
 * path), and the problems leadkit's parser reports, underlined where their paths point.
 */
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { syntaxTree } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorView, basicSetup } from 'codemirror';
import { cursorPlace, propertyKey, propertyValue, rangeOfPath, type PathSegment } from '../../playground/json-paths.ts';
import type { Problem } from '../../playground/problems.ts';
import { keySuggestions, schemasAt, valueSuggestions, type JsonSchema } from '../../playground/schema-suggestions.ts';

/** The string and number values an object in the text already has, by path (to narrow a union by its `kind`). */
function writtenValues(context: CompletionContext) {
  const text = context.state.doc.toString();
  const tree = syntaxTree(context.state);
  return (path: readonly PathSegment[]): Record<string, unknown> | undefined => {
    const range = rangeOfPath(tree, text, path);
    const node = tree.resolveInner(range.from, 1);
    const object = node.name === 'Object' ? node : node.parent?.name === 'Object' ? node.parent : null;
    if (object === null || object.from !== range.from) return undefined;
    const values: Record<string, unknown> = {};
    for (const property of object.getChildren('Property')) {
      const key = propertyKey(property, text);
      const value = propertyValue(property);
      if (key === undefined || value === undefined || (value.name !== 'String' && value.name !== 'Number')) continue;
      try {
        values[key] = JSON.parse(text.slice(value.from, value.to));
      } catch {
        // an unfinished value says nothing yet
      }
    }
    return values;
  };
}

function schemaCompletion(schema: JsonSchema) {
  return (context: CompletionContext): CompletionResult | null => {
    const text = context.state.doc.toString();
    const tree = syntaxTree(context.state);
    const place = cursorPlace(tree, text, context.pos);
    if (place === undefined) return null;
    const word = context.matchBefore(/"?[\w$-]*/);
    if (word === null || (word.from === word.to && !context.explicit)) return null;
    const schemas = schemasAt(schema, place.path, writtenValues(context));
    if (place.kind === 'key') {
      const present = new Set(place.node.getChildren('Property').map((property) => propertyKey(property, text) ?? ''));
      const options = keySuggestions(schema, schemas, present).map((item) => ({ label: item.label, apply: item.apply, detail: item.detail, type: 'property' }));
      return { from: word.from, options, validFor: /^"?[\w$-]*$/ };
    }
    const options = valueSuggestions(schema, schemas).map((item) => ({ label: item.label, apply: item.apply, detail: item.detail, type: 'enum' }));
    return options.length === 0 ? null : { from: word.from, options, validFor: /^"?[\w$-]*$/ };
  };
}

/** Options of {@link createJsonEditor}. */
export interface JsonEditorOptions {
  readonly parent: HTMLElement;
  readonly text: string;
  readonly schema: JsonSchema | undefined;
  /** Called with the whole text after every change. */
  readonly onChange: (text: string) => void;
  /** The problems to show for a text (leadkit's, with paths). */
  readonly problems: (text: string) => readonly Problem[];
  readonly label: string;
}

/** Creates the editor; the caller destroys it (`view.destroy()`). */
export function createJsonEditor(options: JsonEditorOptions): EditorView {
  const problemLinter = linter(
    (view): Diagnostic[] => {
      const text = view.state.doc.toString();
      const tree = syntaxTree(view.state);
      return options.problems(text).map((problem) => {
        const range = rangeOfPath(tree, text, problem.path);
        return { from: range.from, to: Math.max(range.from, range.to), severity: 'error', message: `${problem.pathText}: ${problem.message}` };
      });
    },
    { delay: 150 },
  );
  return new EditorView({
    parent: options.parent,
    doc: options.text,
    extensions: [
      basicSetup,
      json(),
      lintGutter(),
      problemLinter,
      autocompletion({ override: options.schema === undefined ? [] : [schemaCompletion(options.schema)] }),
      EditorView.contentAttributes.of({ 'aria-label': options.label }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange(update.state.doc.toString());
      }),
    ],
  });
}
