import * as core from '@actions/core';
import { isAbsolute, relative } from 'node:path';
import { scrubValue } from '../model/mask.js';
import type { RecordProblem } from '../model/types.js';

/** The part of `@actions/core` that annotations go through; tests pass a recorder. */
export interface AnnotationSink {
  error(message: string, properties?: core.AnnotationProperties): void;
  warning(message: string, properties?: core.AnnotationProperties): void;
  notice(message: string, properties?: core.AnnotationProperties): void;
}

export interface AnnotateOptions {
  /** Annotations per severity. GitHub shows about 10 errors and 10 warnings per step and drops the rest. */
  max?: number;
  /** Paths under it are made relative, which is what GitHub needs to link an annotation to a file. */
  workspace?: string;
}

const DEFAULT_MAX = 10;

/**
 * Turns record problems into workflow annotations: invalid records as errors, the rest as
 * warnings, at most `max` of each, then one notice that says how many were left out and where
 * the full list is. Messages pass the scrubber (model/mask.ts) on the way out: secrets, emails,
 * hashes and control characters; an annotation is shown to everyone who can read the run.
 * `@actions/core` escapes `%`, CR and LF in the message (and `:` `,` in properties), so text from
 * an export cannot end the command early or start another one.
 */
export function annotateProblems(
  problems: readonly RecordProblem[],
  sink: AnnotationSink = core,
  options: AnnotateOptions = {},
): { shown: number; notShown: number } {
  const max = Math.max(0, options.max ?? DEFAULT_MAX);
  const workspace = options.workspace ?? process.env.GITHUB_WORKSPACE;
  const shownBySeverity = { error: 0, warning: 0 };
  const notShownBySeverity = { error: 0, warning: 0 };

  for (const problem of problems) {
    // A policy skip is deliberate: the summary counts it; an annotation would cry wolf.
    if (problem.severity === 'skip') continue;
    const severity = problem.severity;
    if (shownBySeverity[severity] >= max) {
      notShownBySeverity[severity]++;
      continue;
    }
    shownBySeverity[severity]++;
    sink[severity](annotationMessage(problem), annotationProperties(problem, workspace));
  }

  const shown = shownBySeverity.error + shownBySeverity.warning;
  const notShown = notShownBySeverity.error + notShownBySeverity.warning;
  if (notShown > 0) {
    const parts = [
      notShownBySeverity.error > 0 ? `${notShownBySeverity.error} more invalid record(s)` : '',
      notShownBySeverity.warning > 0 ? `${notShownBySeverity.warning} more warning(s)` : '',
    ].filter((p) => p !== '');
    sink.notice(
      `${parts.join(' and ')} not shown: only the first ${max} of each severity are annotated. ` +
        'The job summary groups every problem by code; errors.jsonl in the report artifact lists each one with its file and line.',
      { title: `${notShown} more problem(s)` },
    );
  }
  return { shown, notShown };
}

function annotationMessage(problem: RecordProblem): string {
  const field = problem.field ? ` (field ${problem.field})` : '';
  const record = problem.sourceId ? `${problem.entity} ${problem.sourceId}` : problem.entity;
  return scrubValue(`${record}${field}: ${problem.message}`);
}

function annotationProperties(problem: RecordProblem, workspace: string | undefined): core.AnnotationProperties {
  const { file, line, column } = problem.location;
  const properties: core.AnnotationProperties = { title: scrubValue(problem.code) };
  if (file) properties.file = workspacePath(file, workspace);
  if (line > 0) properties.startLine = line;
  if (column !== undefined && column > 0) properties.startColumn = column;
  return properties;
}

function workspacePath(file: string, workspace: string | undefined): string {
  if (!workspace || !isAbsolute(file)) return file;
  const inside = relative(workspace, file);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? file : inside;
}
