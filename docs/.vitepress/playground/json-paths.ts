/**
 * Paths in JSON text, on the syntax tree of `@lezer/json` (the parser of CodeMirror's JSON mode): where a leadkit
 * issue path (`['rules', 2, 'points']`) is in the text, and which path the cursor is in (for schema completion).
 */
import type { SyntaxNode, Tree } from '@lezer/common';

/** A key or an array index, as in `ValidationIssue.path`. */
export type PathSegment = string | number;

const VALUE_NODES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

function children(node: SyntaxNode): SyntaxNode[] {
  const list: SyntaxNode[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) list.push(child);
  return list;
}

function unquote(text: string): string {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : text;
  } catch {
    return text.replace(/^"|"$/g, '');
  }
}

/** The key of a `Property` node. */
export function propertyKey(property: SyntaxNode, text: string): string | undefined {
  const name = property.getChild('PropertyName');
  return name === null ? undefined : unquote(text.slice(name.from, name.to));
}

/** The value node of a `Property` node (after the colon), if it has one. */
export function propertyValue(property: SyntaxNode): SyntaxNode | undefined {
  return children(property).find((child) => VALUE_NODES.has(child.name) && child.name !== 'PropertyName');
}

/**
 * The text range of the value at `path`, or of the deepest part of it that exists (a missing key points at the object
 * that lacks it); the whole document for the root.
 */
export function rangeOfPath(tree: Tree, text: string, path: readonly PathSegment[]): { from: number; to: number } {
  let node: SyntaxNode | undefined = children(tree.topNode).find((child) => VALUE_NODES.has(child.name));
  if (node === undefined) return { from: 0, to: text.length };
  for (const segment of path) {
    let next: SyntaxNode | undefined;
    if (node.name === 'Object' && typeof segment === 'string') {
      const property: SyntaxNode | undefined = node.getChildren('Property').find((candidate) => propertyKey(candidate, text) === segment);
      next = property === undefined ? undefined : propertyValue(property);
      if (property !== undefined && next === undefined) return { from: property.from, to: property.to };
    } else if (node.name === 'Array' && typeof segment === 'number') {
      next = children(node).filter((child) => VALUE_NODES.has(child.name))[segment];
    }
    if (next === undefined) break;
    node = next;
  }
  // An object or array spanning many lines is marked on its first line only.
  const newline = text.indexOf('\n', node.from);
  return { from: node.from, to: newline > node.from && newline < node.to ? newline : node.to };
}

/** Where the cursor is: the path of the object or array it is in, and whether a key or a value is expected. */
export interface CursorPlace {
  /** The path of the enclosing object (for a key) or of the value being written. */
  readonly path: readonly PathSegment[];
  /** `key`: inside an object, where a property name goes; `value`: after a colon or in an array. */
  readonly kind: 'key' | 'value';
  /** The object node the key goes in (for the keys already there), or the property whose value is written. */
  readonly node: SyntaxNode;
}

function pathTo(node: SyntaxNode, text: string): PathSegment[] {
  const path: PathSegment[] = [];
  let child: SyntaxNode = node;
  for (let parent = node.parent; parent !== null; child = parent, parent = parent.parent) {
    if (parent.name === 'Property') {
      const key = propertyKey(parent, text);
      if (key !== undefined) path.unshift(key);
    } else if (parent.name === 'Array') {
      path.unshift(children(parent).filter((item) => VALUE_NODES.has(item.name) && item.from < child.from).length);
    }
  }
  return path;
}

/** The place of the cursor at `position` in `text` (undefined outside any object or array). */
export function cursorPlace(tree: Tree, text: string, position: number): CursorPlace | undefined {
  let node: SyntaxNode | null = tree.resolveInner(position, -1);
  for (; node !== null; node = node.parent) {
    if (node.name === 'PropertyName') {
      const object = node.parent?.parent;
      return object?.name === 'Object' ? { path: pathTo(object, text), kind: 'key', node: object } : undefined;
    }
    if (node.name === 'Property') {
      const colon = children(node).find((child) => child.name === ':');
      if (colon !== undefined && position >= colon.to) return { path: [...pathTo(node, text), propertyKey(node, text) ?? ''], kind: 'value', node };
      const object = node.parent;
      return object?.name === 'Object' ? { path: pathTo(object, text), kind: 'key', node: object } : undefined;
    }
    if (node.name === 'Object' && position > node.from) return { path: pathTo(node, text), kind: 'key', node };
    if (node.name === 'Array' && position > node.from) {
      const index = children(node).filter((item) => VALUE_NODES.has(item.name) && item.to < position).length;
      return { path: [...pathTo(node, text), index], kind: 'value', node };
    }
  }
  return undefined;
}
