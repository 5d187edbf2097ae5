import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitStatements } from './db.ts';

test('a migration splits at semicolons that end a line, comments dropped', () => {
  assert.deepEqual(splitStatements('-- why\nCREATE TABLE a (x int);\nCREATE INDEX a_x ON a (x);\n\n'), ['CREATE TABLE a (x int)', 'CREATE INDEX a_x ON a (x)']);
});

test('a $$-quoted function body stays one statement with the semicolons inside it', () => {
  const script = [
    "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$",
    'BEGIN',
    '  INSERT INTO t VALUES (1);',
    '  RETURN NULL;',
    'END',
    '$$;',
    'CREATE TRIGGER tr AFTER INSERT ON a FOR EACH STATEMENT EXECUTE FUNCTION f();',
  ].join('\n') + '\n';
  assert.deepEqual(splitStatements(script), [
    'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  INSERT INTO t VALUES (1);\n  RETURN NULL;\nEND\n$$',
    'CREATE TRIGGER tr AFTER INSERT ON a FOR EACH STATEMENT EXECUTE FUNCTION f()',
  ]);
});
