/**
 * Runs the built action (dist/main, dist/post) the way the GitHub runner does: `node <entry>`
 * in the workspace, inputs as INPUT_<NAME> with action.yml's defaults filled in, the file
 * commands (step summary, outputs, state) as files, and the post step handed main's state as
 * STATE_<name>. GitHub's REST API and artifact service are the local fake in test/fakes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync, gunzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import type { FakeGitHub } from '../fakes/github.js';
import { tempDirForFile } from '../support/temp-dir.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MAIN_BUNDLE = join(REPO_ROOT, 'dist/main/index.js');
export const POST_BUNDLE = join(REPO_ROOT, 'dist/post/index.js');

interface ActionInputSpec {
  default?: string;
}

/** action.yml's inputs with defaults, as the runner fills them in before starting node. */
export function actionInputDefaults(githubToken: string): Record<string, string> {
  const manifest = parseYaml(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, ActionInputSpec>;
  };
  const defaults: Record<string, string> = {};
  for (const [name, spec] of Object.entries(manifest.inputs)) {
    if (spec.default === undefined) continue;
    defaults[name] = String(spec.default).replace(/\$\{\{\s*github\.token\s*\}\}/g, githubToken);
  }
  return defaults;
}

/** The environment variable the runner sets for an input (`@actions/core` reads it back). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export interface JobOptions {
  /** The checkout the step runs in (cwd, GITHUB_WORKSPACE); the repository root by default. */
  workspace?: string;
  eventName?: string;
  eventPayload?: unknown;
  /** What `${{ github.token }}` is in this job: the fake's write token by default, its read-only one on fork PRs. */
  githubToken?: string;
}

/** One job of one workflow run: a fresh runner (its own RUNNER_TEMP) and the run's identity. */
export interface Job {
  runnerTemp: string;
  workspace: string;
  githubToken: string;
  /** The runner's variables for this job, without the per-step files and inputs. */
  env: Record<string, string>;
}

/** A new job of the fake's current workflow run (call `fake.newRun()` first for a new run). */
export function newJob(fake: FakeGitHub, options: JobOptions = {}): Job {
  const root = tempDirForFile('e2e-runner-');
  const runnerTemp = join(root, 'temp');
  mkdirSync(join(runnerTemp, '_runner_file_commands'), { recursive: true });
  const eventPath = join(root, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.eventPayload ?? {}));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    // The suite's scratch folder (test/support/scratch-tmpdir.ts), so what the action leaves goes with it.
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    HOME: process.env.HOME ?? root,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'e2e-runner',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: join(root, 'tool-cache'),
    GITHUB_WORKFLOW: 'Migrate to WorkOS',
    GITHUB_JOB: 'migrate',
    GITHUB_ACTION: 'migrate',
    GITHUB_ACTION_PATH: REPO_ROOT,
    GITHUB_ACTOR: 'octo-maintainer',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: options.workspace ?? REPO_ROOT,
    ...fake.actionsEnv(),
  };
  return { runnerTemp, workspace: env.GITHUB_WORKSPACE!, githubToken: options.githubToken ?? fake.token, env };
}

export interface StepOptions {
  /** Inputs as written under `with:`; action.yml's defaults fill the rest. */
  inputs: Record<string, string>;
  /** The post step: main's saved state (`StepRun.state`). */
  state?: Record<string, string>;
}

export interface StepRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** What the step appended to GITHUB_STEP_SUMMARY. */
  summary: string;
  /** `core.setOutput` values from GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** `core.saveState` values from GITHUB_STATE: the post step gets them as STATE_<name>. */
  state: Record<string, string>;
}

export function startStep(
  job: Job,
  step: 'main' | 'post',
  options: StepOptions,
): { child: ChildProcess; done: Promise<StepRun> } {
  const files = join(job.runnerTemp, '_runner_file_commands');
  const id = randomUUID();
  const summaryFile = join(files, `step_summary_${id}`);
  const outputFile = join(files, `set_output_${id}`);
  const stateFile = join(files, `save_state_${id}`);
  for (const file of [summaryFile, outputFile, stateFile]) writeFileSync(file, '');

  const inputs = { ...actionInputDefaults(job.githubToken), ...options.inputs };
  const env: Record<string, string> = {
    ...job.env,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STATE: stateFile,
    GITHUB_ENV: join(files, `set_env_${id}`),
    GITHUB_PATH: join(files, `add_path_${id}`),
  };
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;

  const child = spawn(process.execPath, [step === 'main' ? MAIN_BUNDLE : POST_BUNDLE], {
    cwd: job.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<StepRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout,
        stderr,
        summary: readIfThere(summaryFile),
        outputs: parseFileCommand(readIfThere(outputFile)),
        state: parseFileCommand(readIfThere(stateFile)),
      }),
    );
  });
  return { child, done };
}

export function runStep(job: Job, step: 'main' | 'post', options: StepOptions): Promise<StepRun> {
  return startStep(job, step, options).done;
}

function readIfThere(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** `name<<delimiter\nvalue\ndelimiter\n` blocks, as `@actions/core` writes GITHUB_OUTPUT and GITHUB_STATE; a block cut off by a kill is left out. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!header) continue;
    const end = lines.indexOf(header[2]!, i + 1);
    if (end < 0) break;
    values[header[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return values;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** `::command key=value,...::message` lines in a step's stdout, unescaped the way the runner reads them. */
export function workflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter((p) => p !== '')) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    commands.push({ command: match[1]!, properties, message: unescapeData(match[3]!) });
  }
  return commands;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** Downloads an artifact's zip the way a user does from the run page (REST, then the signed URL) and unpacks it. */
export async function downloadArtifact(fake: FakeGitHub, artifactId: number): Promise<Map<string, Buffer>> {
  const response = await fetch(`${fake.apiUrl}/repos/${fake.owner}/${fake.repo}/actions/artifacts/${artifactId}/zip`, {
    headers: { authorization: `Bearer ${fake.token}` },
  });
  if (!response.ok) throw new Error(`downloading artifact ${artifactId}: HTTP ${response.status}`);
  return unzip(Buffer.from(await response.arrayBuffer()));
}

/** The files of a zip archive (stored or deflated entries, as @actions/artifact writes them), .gz files unpacked too. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('zip central directory is damaged');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    let content = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : undefined;
    if (!content) throw new Error(`zip entry ${name} uses compression method ${method}`);
    if (name.endsWith('.gz')) content = gunzipSync(content);
    files.set(name, content);
  }
  return files;
}
