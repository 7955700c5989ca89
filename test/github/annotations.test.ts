import type { AnnotationProperties } from '@actions/core';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { annotateProblems, type AnnotationSink } from '../../src/github/annotations.js';
import { maskEmailsInText, scrubValue as maskEmailsAndHashes } from '../../src/model/mask.js';
import { problem } from './plan-summary.js';

type Level = 'error' | 'warning' | 'notice';

function recordingSink(): AnnotationSink & {
  calls: { level: Level; message: string; properties?: AnnotationProperties | undefined }[];
} {
  const calls: { level: Level; message: string; properties?: AnnotationProperties | undefined }[] = [];
  return {
    calls,
    error: (message, properties) => calls.push({ level: 'error', message, properties }),
    warning: (message, properties) => calls.push({ level: 'warning', message, properties }),
    notice: (message, properties) => calls.push({ level: 'notice', message, properties }),
  };
}

describe('annotateProblems', () => {
  it('annotates the first 10 of each severity at their file, line and column, then one notice for the rest', () => {
    const problems = [
      ...Array.from({ length: 25 }, (_, i) =>
        problem({ location: { file: 'exports/users.ndjson', line: i + 1, column: 7 } }),
      ),
      ...Array.from({ length: 3 }, (_, i) =>
        problem({
          code: 'unmatched_password',
          entity: 'password',
          severity: 'warning',
          field: undefined,
          location: { file: 'exports/passwords.ndjson', line: i + 1 },
        }),
      ),
    ];
    const sink = recordingSink();
    expect(annotateProblems(problems, sink, { workspace: '/home/runner/work/app' })).toEqual({
      shown: 13,
      notShown: 15,
    });

    expect(sink.calls.filter((c) => c.level === 'error')).toHaveLength(10);
    expect(sink.calls.filter((c) => c.level === 'warning')).toHaveLength(3);
    expect(sink.calls[0]).toEqual({
      level: 'error',
      message:
        'user auth0|5f7c8ec7c33c6c004bbafe82 (field email): The user has no email address; WorkOS users need one.',
      properties: { title: 'missing_email', file: 'exports/users.ndjson', startLine: 1, startColumn: 7 },
    });
    expect(sink.calls.find((c) => c.level === 'warning')!.properties).toEqual({
      title: 'unmatched_password',
      file: 'exports/passwords.ndjson',
      startLine: 1,
    });

    const notices = sink.calls.filter((c) => c.level === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain('15 more invalid record(s) not shown');
    expect(notices[0]!.message).toContain('job summary');
    expect(notices[0]!.message).toContain('errors.jsonl');
    expect(sink.calls.at(-1)!.level).toBe('notice');
  });

  it('adds no notice when everything fits', () => {
    const sink = recordingSink();
    expect(annotateProblems([problem(), problem({ severity: 'warning' })], sink)).toEqual({ shown: 2, notShown: 0 });
    expect(sink.calls.map((c) => c.level)).toEqual(['error', 'warning']);
  });

  it('honours a smaller cap', () => {
    const sink = recordingSink();
    expect(
      annotateProblems(
        Array.from({ length: 5 }, () => problem({ severity: 'warning' })),
        sink,
        { max: 2 },
      ),
    ).toEqual({ shown: 2, notShown: 3 });
    expect(sink.calls.at(-1)!.message).toContain('3 more warning(s) not shown');
  });

  it('points at files relative to the workspace, so GitHub can link them', () => {
    const sink = recordingSink();
    annotateProblems(
      [
        problem({ location: { file: '/home/runner/work/app/app/exports/users.ndjson', line: 4 } }),
        problem({ location: { file: '/tmp/elsewhere.ndjson', line: 2 } }),
      ],
      sink,
      { workspace: '/home/runner/work/app/app' },
    );
    expect(sink.calls.map((c) => c.properties?.file)).toEqual(['exports/users.ndjson', '/tmp/elsewhere.ndjson']);
  });

  it('masks anything email- or hash-shaped that slipped into a message', () => {
    const sink = recordingSink();
    annotateProblems(
      [
        problem({
          sourceId: 'jane.doe@acme.example',
          message:
            'Duplicate of john.smith+work@mail.acme.example with hash $2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy and {SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=',
        }),
      ],
      sink,
    );
    const message = sink.calls[0]!.message;
    expect(message).toBe(
      'user j***@acme.example (field email): Duplicate of j***@mail.acme.example with hash [hash] and [hash]',
    );
  });

  it('keeps % and newlines from an export inside one workflow command', () => {
    const hostile = problem({
      code: 'bad,code: 100%',
      message: 'Value 100% off\r\n::warning::injected\n::add-mask::nothing',
      location: { file: 'exports/users,2024: final.ndjson', line: 9, column: 2 },
    });
    const dir = mkdtempSync(join(tmpdir(), 'annotations-'));
    const script = join(dir, 'annotate.mts');
    const annotations = fileURLToPath(new URL('../../src/github/annotations.ts', import.meta.url));
    writeFileSync(
      script,
      `import { annotateProblems } from ${JSON.stringify(annotations)};\nannotateProblems([${JSON.stringify(hostile)}], undefined, { workspace: '/nowhere' });\n`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
      // tsx keeps a compile cache in the child's TMPDIR (tsx-<uid>): in this folder, it goes with it.
      env: { ...process.env, GITHUB_ACTIONS: 'true', TMPDIR: dir },
    });
    rmSync(dir, { recursive: true, force: true });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);

    const lines = child.stdout.split(/\r?\n/).filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    const command = parseWorkflowCommand(lines[0]!);
    expect(command).toEqual({
      name: 'error',
      properties: { title: 'bad,code: 100%', file: 'exports/users,2024: final.ndjson', line: '9', col: '2' },
      // The scrubber puts the message on one line; core's escaping would have kept it in one command anyway.
      message:
        'user auth0|5f7c8ec7c33c6c004bbafe82 (field email): Value 100% off ::warning::injected ::add-mask::nothing',
    });
  });
});

describe('maskEmailsInText', () => {
  it('masks every address and leaves other text alone', () => {
    expect(maskEmailsInText('from ann@x.io, to bob.b@y.co.uk.')).toBe('from a***@x.io, to b***@y.co.uk.');
    expect(maskEmailsInText('auth0|abc @team 100%')).toBe('auth0|abc @team 100%');
  });
  it('takes linear time on a long value from an export', () => {
    const long = `${'m'.repeat(200_000)} @team ${'n'.repeat(200_000)}@nodot`;
    const started = performance.now();
    expect(maskEmailsAndHashes(long)).toBe(long);
    // A backtracking email pattern needs minutes here; a linear scan, milliseconds.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
  it('masks argon2 and pbkdf2 hashes too', () => {
    expect(maskEmailsAndHashes('h=$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g')).toBe('h=[hash]');
    expect(maskEmailsAndHashes('$pbkdf2-sha256$29000$N2ZkLmVn$abc')).toBe('[hash]');
  });
});

/** Reads a line the way the runner does: `::name k=v,k=v::message`, then undoes the escaping. */
function parseWorkflowCommand(line: string): { name: string; properties: Record<string, string>; message: string } {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescapeCommand = (s: string) =>
    s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    (match[2] ?? '')
      .split(',')
      .filter((p) => p !== '')
      .map((p) => {
        const eq = p.indexOf('=');
        return [p.slice(0, eq), unescapeCommand(p.slice(eq + 1))];
      }),
  );
  return { name: match[1]!, properties, message: unescapeCommand(match[3]!) };
}
