import { describe, expect, it } from 'vitest';
import { isPrinterHost, isRawPrinterPort, printerHostSchema, rawPrinterPortSchema, rawPrinterPorts } from '../../../src/shared/printers.ts';

describe('raw printer address', () => {
  it('accepts the JetDirect range 9100–9109 and nothing else', () => {
    expect(rawPrinterPorts).toEqual({ min: 9100, max: 9109 });
    for (const port of [9100, 9105, 9109]) {
      expect(isRawPrinterPort(port)).toBe(true);
      expect(rawPrinterPortSchema.safeParse(port).success).toBe(true);
    }
    for (const port of [9099, 9110, 22, 80, 9100.5, Number.NaN, '9100', null]) {
      expect(isRawPrinterPort(port)).toBe(false);
      expect(rawPrinterPortSchema.safeParse(port).success).toBe(false);
    }
  });

  it('accepts host names and IPv4/IPv6 addresses but nothing shell- or URL-like', () => {
    for (const host of ['zebra.local', '192.168.1.20', 'fe80::1', '[::1]', 'printer-2']) {
      expect(isPrinterHost(host)).toBe(true);
      expect(printerHostSchema.safeParse(host).success).toBe(true);
    }
    for (const host of ['', ' zebra', 'printer; rm -rf /', 'http://zebra', 'a/b', 'zebra local', 'a'.repeat(254), 42]) {
      expect(isPrinterHost(host)).toBe(false);
      expect(printerHostSchema.safeParse(host).success).toBe(false);
    }
  });
});
