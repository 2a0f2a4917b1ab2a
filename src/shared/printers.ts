/**
 * Where raw printer language (ZPL) may be sent: one definition for the bridge's schema, the host's socket,
 * the page's form and the command line.
 */
import { z } from 'zod';

/**
 * The JetDirect port range (9100 is the usual one; print servers with several ports count up from it).
 * Raw printing is limited to it so the bridge cannot be used to probe arbitrary services.
 */
export const rawPrinterPorts = { min: 9100, max: 9109 } as const;
export const defaultRawPrinterPort = rawPrinterPorts.min;

/**
 * A host name, an IPv4 address or an IPv6 address (bracketed or not): letters, digits, dots, colons,
 * brackets and hyphens only, so nothing shell- or URL-like reaches the socket.
 */
export const printerHostPattern = /^[A-Za-z0-9.:[\]-]+$/u;
/** The longest DNS name. */
export const printerHostMaxLength = 253;

export function isRawPrinterPort(port: unknown): port is number {
  return typeof port === 'number' && Number.isInteger(port) && port >= rawPrinterPorts.min && port <= rawPrinterPorts.max;
}

export function isPrinterHost(host: unknown): host is string {
  return typeof host === 'string' && host.length >= 1 && host.length <= printerHostMaxLength && printerHostPattern.test(host);
}

/** For zod schemas (the bridge's `print:raw`, stored print options). */
export const rawPrinterPortSchema = z.number().int().min(rawPrinterPorts.min).max(rawPrinterPorts.max);
export const printerHostSchema = z.string().min(1).max(printerHostMaxLength).regex(printerHostPattern, 'a host name or IP address');
