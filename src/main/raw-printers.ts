/**
 * Which hosts may receive raw printer language. The host owns the list: a printer is added only when the user
 * confirms it in the host's own dialog, and only addresses on this computer or the local network qualify, so
 * the page cannot turn `print:raw` into a way to reach arbitrary machines.
 */
import { isIP } from 'node:net';
import { BridgeError } from '../shared/bridge-client.ts';
import type { SecretFiles } from './secrets.ts';

/** Loopback, private, link-local and carrier-grade NAT ranges (IPv4 and IPv6, IPv4-mapped included). */
export function isLocalNetworkAddress(address: string): boolean {
  const bare = address.toLowerCase().replace(/^\[|\]$/g, '');
  const version = isIP(bare);
  if (version === 4) {
    const [a = -1, b = -1] = bare.split('.').map(Number);
    return (
      a === 127 ||
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (version === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
    if (mapped?.[1]) return isLocalNetworkAddress(mapped[1]);
    if (bare === '::1') return true;
    const first = Number.parseInt(bare.split(':')[0] || '0', 16);
    return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80; // fc00::/7 unique local, fe80::/10 link-local
  }
  return false;
}

export interface PrinterConfirmation {
  host: string;
  port: number;
  address: string;
}

export interface RawPrinterGateDeps {
  /** `printers.json` in the user's data folder: the hosts the user confirmed. */
  file: SecretFiles;
  /** Every address a name resolves to (the OS resolver). */
  resolve: (host: string) => Promise<string[]>;
  /** The host's own question to the user; true = send. */
  confirm: (printer: PrinterConfirmation) => Promise<boolean>;
}

export interface RawPrinterGate {
  /** The address to connect to, or a `BridgeError` (`printer-refused`, `printer-declined`). */
  authorise(host: string, port: number): Promise<string>;
  confirmedHosts(): Promise<string[]>;
}

const refused = (message: string) => new BridgeError({ code: 'printer-refused', message });

export function createRawPrinterGate(deps: RawPrinterGateDeps): RawPrinterGate {
  const asking = new Map<string, Promise<boolean>>();

  async function confirmedHosts(): Promise<string[]> {
    const text = await deps.file.read().catch(() => undefined);
    if (!text) return [];
    try {
      const parsed: unknown = JSON.parse(text);
      const hosts = typeof parsed === 'object' && parsed !== null && 'hosts' in parsed ? parsed.hosts : undefined;
      return Array.isArray(hosts) ? hosts.filter((host): host is string => typeof host === 'string') : [];
    } catch {
      return []; // an unreadable list only means asking again
    }
  }

  async function remember(host: string): Promise<void> {
    const hosts = await confirmedHosts();
    if (!hosts.includes(host)) await deps.file.write(JSON.stringify({ hosts: [...hosts, host] }));
  }

  async function addressesOf(host: string): Promise<string[]> {
    if (isIP(host)) return [host];
    try {
      return await deps.resolve(host);
    } catch {
      throw refused(`Printer ${host} could not be found on the network`);
    }
  }

  return {
    confirmedHosts,
    async authorise(rawHost, port) {
      const host = rawHost.trim().toLowerCase().replace(/^\[|\]$/g, '');
      const addresses = await addressesOf(host);
      // Every address must be local, checked at each send: a name confirmed once cannot later be re-pointed
      // (DNS rebinding) at a machine on the internet. The socket then uses the checked address, not the name.
      const address = addresses[0];
      if (address === undefined || !addresses.every(isLocalNetworkAddress)) {
        throw refused(`Printer ${host} is not on this computer or the local network`);
      }
      if ((await confirmedHosts()).includes(host)) return address;
      let answer = asking.get(host);
      if (!answer) {
        answer = deps.confirm({ host, port, address }).finally(() => asking.delete(host));
        asking.set(host, answer);
      }
      if (!(await answer)) throw new BridgeError({ code: 'printer-declined', message: `Sending to ${host} was not confirmed` });
      await remember(host);
      return address;
    },
  };
}
