import type { Summary } from './summary.js';

// What the run does to the environment beyond its records: the roles it creates and the
// webhooks its writes set off (README: "Webhooks during an import").

/** Said before the counts: a bulk import fires an event per write at every subscribed endpoint. */
export function webhooksSection(s: Summary): string {
  const w = s.webhooks;
  if (!w || w.endpoints === 0 || w.deliveries === 0) return '';
  const events = Object.entries(w.events)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${n} \`${name}\``)
    .join(', ');
  const verb = s.mode === 'plan' ? 'would send' : 'sends';
  return (
    `> [!WARNING]\n> This import ${verb} about ${w.deliveries} webhook deliveries to ${w.endpoints} enabled endpoint(s) (${events}). ` +
    'Pause delivery in the WorkOS dashboard (Webhooks: disable the endpoint) during the import, or make sure the receiver can take the load; see "Webhooks during an import" in the README.'
  );
}

/** import: the environment roles made before the memberships. */
export function rolesLine(s: Summary): string {
  const r = s.roles;
  if (!r || r.created + r.existing + r.failed + r.permissionsCreated === 0) return '';
  return (
    `Roles: ${r.created} created in the environment with ${r.permissionsCreated} new permission(s)` +
    (r.existing > 0 ? `, ${r.existing} found there already` : '') +
    (r.failed > 0 ? `, ${r.failed} could not be created (see the problems)` : '') +
    '.'
  );
}

/** The Roles row of the "Would change" table. */
export function rolesChangeRow(s: Summary): string[] {
  const c = s.changes?.roles;
  return c && c.create + c.unchanged > 0
    ? [`| Roles | ${c.create} | ${c.update} | ${c.unchanged} | ${c.remove} | ${c.conflict} |`]
    : [];
}

/** The log line said before any write (the same warning as the job summary's). */
export function webhookWarning(w: NonNullable<Summary['webhooks']>, mode: Summary['mode']): string {
  const events = Object.entries(w.events)
    .map(([name, n]) => `${n} ${name}`)
    .join(', ');
  return (
    `${mode === 'plan' ? 'An import now would send' : 'This import sends'} about ${w.deliveries} webhook deliveries to ${w.endpoints} enabled endpoint(s) (${events}). ` +
    'Pause delivery in the WorkOS dashboard (disable the endpoint) during the import if the receiver cannot take them; see "Webhooks during an import" in the README.'
  );
}
