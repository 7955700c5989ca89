import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../model/types.js';
import { readAuth0Tenant } from '../inventory/auth0-tenant.js';
import { classifyAuth0 } from '../inventory/classify-auth0.js';
import { classifyClerk, readClerkInstance } from '../inventory/clerk.js';
import {
  inventoryHeadline,
  inventoryReport,
  renderInventoryMarkdown,
  type InventoryReport,
} from '../inventory/render.js';
import { silentLogger, type Logger } from '../report/logger.js';
import { outboundJson, outboundText } from '../report/outbound.js';

// `inventory`: before the cutover plan is approved, the old tenant's dependencies, each
// classified portable / replaceable / redesign, written as inventory.json and inventory.md.
// Read-only on the source; nothing is written to WorkOS.

export type InventorySource = 'auth0' | 'clerk';

export interface InventoryOptions {
  source: InventorySource;
  /** Credentials and base URLs (AUTH0_*, CLERK_*). */
  env: NodeJS.ProcessEnv;
  outDir?: string;
  log?: Logger;
  signal?: AbortSignal;
}

export interface InventoryResult {
  report: InventoryReport;
  markdown: string;
  headline: string;
  files?: { inventoryJson: string; inventoryMd: string };
}

export function parseInventorySource(value: string | undefined): InventorySource {
  if (value === 'auth0' || value === 'clerk') return value;
  throw new UsageError(`inventory reads auth0 or clerk, not "${value ?? ''}".`);
}

export async function runInventory(options: InventoryOptions): Promise<InventoryResult> {
  const log = options.log ?? silentLogger;
  // Tokens learned during the run are masked wherever they might surface.
  const secrets: string[] = [];
  const onSecret = (secret: string) => secrets.push(secret);
  let report: InventoryReport;
  if (options.source === 'auth0') {
    const tenant = await readAuth0Tenant({ env: options.env, log, signal: options.signal, onSecret });
    report = inventoryReport('auth0', classifyAuth0(tenant), tenant.unread);
  } else {
    const instance = await readClerkInstance({ env: options.env, log, signal: options.signal });
    report = inventoryReport('clerk', classifyClerk(instance), instance.unread);
  }
  const policy = { includePii: false, secrets };
  const markdown = outboundText(renderInventoryMarkdown(report), policy);
  const headline = outboundText(inventoryHeadline(report), policy);
  let files: InventoryResult['files'];
  if (options.outDir) {
    await mkdir(options.outDir, { recursive: true });
    files = {
      inventoryJson: join(options.outDir, 'inventory.json'),
      inventoryMd: join(options.outDir, 'inventory.md'),
    };
    await writeFile(files.inventoryJson, outboundJson(report, policy));
    await writeFile(files.inventoryMd, markdown);
  }
  return { report, markdown, headline, ...(files ? { files } : {}) };
}
