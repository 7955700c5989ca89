import { IdGenerator } from './ids.js';
import { listPage, OrderedIds, type PageRequest } from './ordered-ids.js';
import type { EmulatorStore } from './store.js';
import {
  CONNECTION_STATES,
  CONNECTION_TYPES,
  notFound,
  type ConnectionState,
  type ConnectionType,
  type WireConnection,
  type WireList,
} from './wire.js';

// SSO connections of the stand-in's organizations. The API has no call that creates an
// enterprise connection the way an IT admin does (they finish it in the Admin Portal), so
// tests put them in place through the controls (seedConnection, POST /_emulator/connections)
// and the API lists, reads and deletes them.

/** A connection to put in place: the organization and type are required. */
export interface SeedConnection {
  organization_id: string;
  connection_type: string;
  /** Default: the organization's name. */
  name?: string;
  /** Default `active`. */
  state?: string;
  /** Default: the organization's domains. */
  domains?: string[];
}

export interface ConnectionFilter {
  organizationId?: string;
  connectionType?: string;
  domain?: string;
}

export function isConnectionType(value: unknown): value is ConnectionType {
  return typeof value === 'string' && (CONNECTION_TYPES as readonly string[]).includes(value);
}

export class ConnectionStore {
  private readonly ids = new IdGenerator();
  private connections = new Map<string, WireConnection>();
  private order = new OrderedIds();

  constructor(
    private readonly store: EmulatorStore,
    private readonly now: () => number = Date.now,
  ) {}

  reset(): void {
    this.connections = new Map();
    this.order = new OrderedIds();
  }

  /** Throws an Error naming what is wrong with the seed (the controls answer it as a 400). */
  seed(input: SeedConnection): WireConnection {
    if (typeof input?.organization_id !== 'string' || input.organization_id === '')
      throw new Error('a connection needs an organization_id');
    if (!isConnectionType(input.connection_type)) {
      throw new Error(
        `connection_type must be one of ${CONNECTION_TYPES.join(', ')}; got ${JSON.stringify(input.connection_type)}`,
      );
    }
    const state = input.state ?? 'active';
    if (!(CONNECTION_STATES as readonly string[]).includes(state))
      throw new Error(`state must be one of ${CONNECTION_STATES.join(', ')}`);
    if (
      input.domains !== undefined &&
      !(Array.isArray(input.domains) && input.domains.every((d) => typeof d === 'string' && d !== ''))
    ) {
      throw new Error('domains must be an array of domain names');
    }
    const organization = this.store.getOrganization(input.organization_id);
    const id = this.ids.next('conn');
    const at = new Date(this.now()).toISOString();
    const domains = input.domains ?? organization.domains.map((d) => d.domain);
    const connection: WireConnection = {
      object: 'connection',
      id,
      organization_id: organization.id,
      connection_type: input.connection_type,
      name: input.name ?? organization.name,
      state: state as ConnectionState,
      // Deprecated in favour of `state`, but WorkOS still sends it (required in its description).
      status: state === 'active' ? 'linked' : 'unlinked',
      domains: domains.map((domain) => ({ object: 'connection_domain', id: this.ids.next('conn_domain'), domain })),
      created_at: at,
      updated_at: at,
    };
    this.connections.set(id, connection);
    this.order.add(id);
    return structuredClone(connection);
  }

  get(id: string): WireConnection {
    const connection = this.live(id);
    if (connection === undefined) throw notFound('Connection', id);
    return structuredClone(connection);
  }

  list(filter: ConnectionFilter, page: PageRequest): WireList<WireConnection> {
    const domain = filter.domain?.toLowerCase();
    const matching = this.order.all().filter((id) => {
      const c = this.live(id);
      return (
        c !== undefined &&
        (filter.organizationId === undefined || c.organization_id === filter.organizationId) &&
        (filter.connectionType === undefined || c.connection_type === filter.connectionType) &&
        (domain === undefined || c.domains.some((d) => d.domain.toLowerCase() === domain))
      );
    });
    return listPage(new OrderedIds([...matching]), page, (id) => this.get(id));
  }

  delete(id: string): void {
    this.get(id);
    this.connections.delete(id);
    this.order.remove(id);
  }

  /** Every connection, oldest first, for assertions. */
  all(): WireConnection[] {
    return this.order.all().flatMap((id) => {
      const c = this.live(id);
      return c === undefined ? [] : [structuredClone(c)];
    });
  }

  /** A connection whose organization was deleted is gone too, as in WorkOS. */
  private live(id: string): WireConnection | undefined {
    const connection = this.connections.get(id);
    if (connection === undefined) return undefined;
    try {
      this.store.getOrganization(connection.organization_id);
    } catch {
      return undefined;
    }
    return connection;
  }
}
