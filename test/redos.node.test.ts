import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { check } from 'recheck';

/**
 * Every regular expression in src/ is proven free of catastrophic backtracking by recheck (the ReDoS checker
 * of makenowjust-labs: automaton analysis plus fuzzing, run by its native binary, offline). A pattern it calls
 * vulnerable or cannot decide fails the test, and so does a `RegExp` built at run time, which no checker can see.
 */
const root = join(import.meta.dirname, '..', 'src');

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(?:ts|js)$/.test(entry.name) ? [path] : [];
  });

interface Found {
  where: string;
  source: string;
  flags: string;
}

function patterns(file: string): { found: Found[]; built: string[] } {
  const text = readFileSync(file, 'utf8');
  const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const built: string[] = [];
  const where = (node: ts.Node) =>
    `${relative(root, file)}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText();
      const end = literal.lastIndexOf('/');
      found.push({ where: where(node), source: literal.slice(1, end), flags: literal.slice(end + 1) });
    }
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') {
      built.push(where(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return { found, built };
}

const all = sources(root).map(patterns);

test('the scan finds the regular expressions of src/', () => {
  assert.ok(all.flatMap((file) => file.found).length > 20);
});

test('no RegExp is built at run time in src/ (a checker could not see it)', () => {
  assert.deepEqual(
    all.flatMap((file) => file.built),
    [],
  );
});

test('every regular expression in src/ is safe from catastrophic backtracking (recheck)', async () => {
  const verdicts = await Promise.all(
    all
      .flatMap((file) => file.found)
      .map(async (pattern) => ({ ...pattern, status: (await check(pattern.source, pattern.flags)).status })),
  );
  const unsafe = verdicts.filter((verdict) => verdict.status !== 'safe');
  assert.deepEqual(
    unsafe.map((verdict) => `${verdict.where} /${verdict.source}/${verdict.flags}: ${verdict.status}`),
    [],
  );
});
