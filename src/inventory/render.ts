import { escapeMarkdown } from '../report/escape.js';
import type { Classification, InventoryItem, Unread } from './item.js';

// inventory.json (every item, for tools) and inventory.md (the plan a team reviews before the
// cutover plan is approved: redesign first, then replaceable, then portable, then unused).

export interface InventoryReport {
  source: string;
  /** In use, by class; unused items (disabled, unbound) are counted apart. */
  counts: Record<Classification, number> & { unused: number };
  items: InventoryItem[];
  unread: Unread[];
}

export function inventoryReport(source: string, items: InventoryItem[], unread: Unread[]): InventoryReport {
  const counts = { portable: 0, replaceable: 0, redesign: 0, unused: 0 };
  for (const item of items) {
    if (item.enabled) counts[item.classification]++;
    else counts.unused++;
  }
  return { source, counts, items, unread };
}

export function inventoryHeadline(report: InventoryReport): string {
  const { portable, replaceable, redesign, unused } = report.counts;
  const unread = describeUnread(report.unread) !== '' ? ` Not read: ${describeUnread(report.unread)}.` : '';
  return `Inventory of the ${report.source} tenant: ${redesign} redesign, ${replaceable} replaceable, ${portable} portable, ${unused} unused.${unread}`;
}

const HEADINGS: Record<Classification, string> = {
  redesign: 'Redesign: custom code or behaviour WorkOS does not run',
  replaceable: 'Replaceable: WorkOS has it; a person configures it',
  portable: 'Portable: this tool moves it',
};

export function renderInventoryMarkdown(report: InventoryReport): string {
  const lines: string[] = [`## Inventory of the ${escapeMarkdown(report.source)} tenant`, ''];
  const { portable, replaceable, redesign, unused } = report.counts;
  lines.push(
    `| Redesign | Replaceable | Portable | Unused |`,
    '|---:|---:|---:|---:|',
    `| ${redesign} | ${replaceable} | ${portable} | ${unused} |`,
    '',
  );
  if (describeUnread(report.unread) !== '') {
    lines.push(
      `**Incomplete:** the credentials could not read ${describeUnread(report.unread)}. Grant the scope and run inventory again.`,
      '',
    );
  }
  for (const classification of ['redesign', 'replaceable', 'portable'] as const satisfies readonly Classification[]) {
    const items = report.items.filter((i) => i.enabled && i.classification === classification);
    if (items.length === 0) continue;
    lines.push(`### ${HEADINGS[classification]}`, '', '| Kind | Name | In WorkOS | To do |', '|---|---|---|---|');
    for (const item of items) lines.push(row(item));
    lines.push('');
  }
  const idle = report.items.filter((i) => !i.enabled);
  if (idle.length > 0) {
    lines.push(
      '### Unused (disabled or unbound): nothing runs, nothing to move',
      '',
      '| Kind | Name | Class | Note |',
      '|---|---|---|---|',
    );
    for (const item of idle)
      lines.push(
        `| ${label(item)} | ${escapeMarkdown(item.name)} | ${item.classification} | ${escapeMarkdown(item.action)} |`,
      );
    lines.push('');
  }
  lines.push('Every item, with links to the WorkOS documentation, is in inventory.json.', '');
  return `${lines.join('\n')}\n`;
}

function row(item: InventoryItem): string {
  // The docs link is ours (a fixed workos.com URL), so it is not escaped like tenant data.
  return `| ${label(item)} | ${escapeMarkdown(item.name)} | ${escapeMarkdown(item.replacement)} | ${escapeMarkdown(item.action)} [docs](${item.docs}) |`;
}

function label(item: InventoryItem): string {
  const kind = item.kind.replace(/_/g, ' ');
  return item.detail ? `${kind} (${escapeMarkdown(item.detail)})` : kind;
}

/** Kinds refused for a missing scope (a 404, a kind the tenant does not have, is no gap). */
function describeUnread(unread: Unread[]): string {
  const byKind = new Map<string, string>();
  for (const u of unread) if (u.reason === 'forbidden') byKind.set(u.kind, `${u.kind} (grant ${u.scope})`);
  return [...byKind.values()].join(', ');
}
