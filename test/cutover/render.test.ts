import { describe, expect, it } from 'vitest';
import { decideCutover } from '../../src/cutover/decide.js';
import {
  portalLinkSecrets,
  renderCutoverJson,
  renderCutoverMarkdown,
  renderSsoSetupCsv,
} from '../../src/cutover/render.js';
import { acme, readyEvidence } from './evidence-fixture.js';

const LINK = 'http://127.0.0.1:4010/portal/launch?intent=sso&token=s3cr3t-t0ken';

function noGoEvidence() {
  return readyEvidence({
    logins: { tried: 2, succeeded: 1, failed: 1 },
    sso: {
      organizations: [
        acme({ workosConnections: [{ type: 'OktaSAML', state: 'draft' }], portalLink: LINK }),
        acme({
          externalId: 'org_initech',
          workosId: 'org_01INIT',
          connectionTypes: ['adfs', 'samlp'],
          users: 7,
          domains: ['initech.com', 'initech.io'],
          portalLink: `${LINK}2`,
        }),
        acme({
          externalId: 'org_globex',
          workosId: 'org_01GLOBEX',
          activeConnection: true,
          workosConnections: [{ type: 'AzureSAML', state: 'active' }],
        }),
      ],
      usersWithoutOrganization: {},
      portalLinks: true,
    },
  });
}

describe('cutover.md', () => {
  it('renders a go: one row per check and the next steps', () => {
    const evidence = readyEvidence();
    const markdown = renderCutoverMarkdown(decideCutover(evidence), evidence);
    expect(markdown).toMatchSnapshot();
    // No login probes ran: not a pass.
    expect(markdown).toMatch(/^\| logins \| ➖ not checked \| Not run/m);
  });

  it('renders a no-go with the organizations that need SSO, and never a portal link', () => {
    const evidence = noGoEvidence();
    const markdown = renderCutoverMarkdown(decideCutover(evidence), evidence);
    expect(markdown).toMatchSnapshot();
    expect(markdown).not.toContain('token=');
    expect(renderCutoverJson(decideCutover(evidence))).not.toContain('token=');
  });

  it('keeps the SSO table to five short columns that fit a 1,000 px page, the rest in sso-setup.csv', () => {
    const evidence = noGoEvidence();
    evidence.sso.organizations[1] = acme({
      externalId: `org_${'x'.repeat(120)}`,
      domains: ['a-very-long-domain-name.example.com', 'another-long-domain.example.org', 'third.example.net'],
    });
    const markdown = renderCutoverMarkdown(decideCutover(evidence), evidence);
    const table = markdown.split('### Organizations that need an SSO connection')[1]!;
    const rows = table.split('\n').filter((l) => l.startsWith('|'));
    for (const row of rows) {
      expect(row.split(' | ')).toHaveLength(5);
      // About 7 px a character: 140 characters is a 1,000 px line.
      expect(row.length, row).toBeLessThanOrEqual(140);
    }
    expect(table).toContain('| a-very-long-domain-name.example.com, an… |');
  });

  it('escapes data from the export: no HTML, links or mentions from an organization id or domain', () => {
    const evidence = readyEvidence({
      sso: {
        organizations: [
          acme({ externalId: '<img src=x onerror=alert(1)>|@team', domains: ['[click](https://evil.example)'] }),
        ],
        usersWithoutOrganization: {},
        portalLinks: false,
      },
    });
    const markdown = renderCutoverMarkdown(decideCutover(evidence), evidence);
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('](https://');
    expect(markdown).not.toMatch(/@team/);
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;\\|@\u200bteam');
  });

  it('lists at most 50 organizations and points at sso-setup.csv for the rest', () => {
    const organizations = Array.from({ length: 60 }, (_, i) => acme({ externalId: `org_${i}`, workosId: `org_W${i}` }));
    const evidence = readyEvidence({ sso: { organizations, usersWithoutOrganization: {}, portalLinks: false } });
    const markdown = renderCutoverMarkdown(decideCutover(evidence), evidence);
    expect(markdown.split('\n').filter((l) => l.startsWith('| org\\_'))).toHaveLength(50);
    expect(markdown).toContain('…and 10 more: see sso-setup.csv.');
  });
});

describe('cutover.json', () => {
  it('is {go, checks:[{name, ok, detail}]}', () => {
    const parsed = JSON.parse(renderCutoverJson(decideCutover(noGoEvidence())));
    expect(Object.keys(parsed)).toEqual(['go', 'checks']);
    expect(parsed.go).toBe(false);
    expect(parsed.checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
      ['reconciled', true],
      ['complete', true],
      ['logins', false],
      ['enterprise-sso', false],
      ['people', true],
      ['rollback-ready', true],
    ]);
    expect(Object.keys(parsed.checks[0])).toEqual(['name', 'ok', 'detail']);
  });
});

describe('sso-setup.csv', () => {
  it('lists only the organizations without an active connection, with their portal links', () => {
    expect(renderSsoSetupCsv(noGoEvidence())).toBe(
      'organization_external_id,workos_organization_id,connection_types,users,domains,portal_link\n' +
        `org_acme,org_01ACME,samlp,40,acme.com,${LINK}\n` +
        `org_initech,org_01INIT,adfs|samlp,7,initech.com|initech.io,${LINK}2\n`,
    );
    expect(portalLinkSecrets(noGoEvidence())).toEqual([LINK, `${LINK}2`]);
  });

  it('has no portal_link column without --portal-links, and quotes what a spreadsheet would run', () => {
    const evidence = readyEvidence({
      sso: {
        organizations: [acme({ externalId: '=HYPERLINK("x")', workosId: undefined, domains: ['a.com', 'b,c.com'] })],
        usersWithoutOrganization: {},
        portalLinks: false,
      },
    });
    expect(renderSsoSetupCsv(evidence)).toBe(
      'organization_external_id,workos_organization_id,connection_types,users,domains\n' +
        `"'=HYPERLINK(""x"")",,samlp,40,"a.com|b,c.com"\n`,
    );
  });
});
