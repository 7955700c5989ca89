// Set up for every end-to-end test file: each request the engine (or a test, through the SDK)
// sends a WorkOS stand-in in this process, and each answer a route gives, is checked against
// WorkOS's published API description. What does not fit fails the test it happened in (or the
// file, for its hooks), naming the route and the field.
import { afterAll, afterEach } from 'vitest';
import { observeApiExchanges } from '../../../src/emulator/server.js';
import { WorkOSSpec } from './spec.js';

const spec = new WorkOSSpec();
const findings = new Set<string>();
observeApiExchanges((exchange) => {
  for (const finding of spec.check(exchange)) findings.add(finding);
});

function reportFindings(): void {
  if (findings.size === 0) return;
  const listed = [...findings];
  findings.clear();
  throw new Error(`The stand-in saw exchanges WorkOS's API does not allow:\n  ${listed.join('\n  ')}`);
}

afterEach(reportFindings);
afterAll(reportFindings);
