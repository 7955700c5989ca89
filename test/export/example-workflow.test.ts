import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The example workflow a team copies: every `with:` key must be an input of action.yml, and the
// artifact the export job writes must be the one the later jobs read.

const root = new URL('../../', import.meta.url);
const action = parse(readFileSync(fileURLToPath(new URL('action.yml', root)), 'utf8')) as {
  inputs: Record<string, unknown>;
};
const workflow = parse(
  readFileSync(fileURLToPath(new URL('examples/workflows/export-plan-import.yml', root)), 'utf8'),
) as {
  jobs: Record<string, { needs?: string; steps: { uses?: string; with?: Record<string, string> }[] }>;
};

describe('examples/workflows/export-plan-import.yml', () => {
  const steps = Object.entries(workflow.jobs).flatMap(([job, spec]) =>
    spec.steps.filter((s) => s.uses?.startsWith('migrate-to-workos/')).map((s) => ({ job, with: s.with ?? {} })),
  );

  it('uses only inputs the action has', () => {
    for (const step of steps)
      for (const key of Object.keys(step.with)) expect(action.inputs, `${step.job}: ${key}`).toHaveProperty(key);
  });

  it('exports, then plans and imports from the artifact the export wrote', () => {
    expect(steps.map((s) => [s.job, s.with.mode])).toEqual([
      ['export', 'export'],
      ['plan', 'plan'],
      ['import', 'import'],
    ]);
    const artifact = steps[0]!.with['export-artifact'];
    for (const step of steps.slice(1)) {
      expect(step.with.users).toBe(`artifact:${artifact}/users.ndjson.gz.gpg`);
      expect(step.with.organizations).toBe(`artifact:${artifact}/organizations.json.gpg`);
      expect(step.with.passphrase).toBe(steps[0]!.with.passphrase);
    }
    expect(workflow.jobs.plan!.needs).toBe('export');
    expect(workflow.jobs.import!.needs).toBe('plan');
  });
});
