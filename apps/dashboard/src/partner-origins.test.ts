// Partner domains typed by site owners, and the warning when no allowed origin covers one (issue 14).
import { describe, expect, it } from 'vitest';
import { isPartnerDomain, originFor, parsePartners, partnersWithoutOrigin } from './partner-origins';

describe('partner domains', () => {
  it('reads domains as typed, dropping scheme and path, and accepts localhost with a port for local testing', () => {
    expect(parsePartners('https://Track.Carrier.example/parcel\nlocalhost:5174, 127.0.0.1:8788')).toEqual([
      'track.carrier.example',
      'localhost:5174',
      '127.0.0.1:8788',
    ]);
    for (const d of ['carrier.example', 'localhost', 'localhost:5174', '127.0.0.1:8788', 'carrier.example:8443'])
      expect(isPartnerDomain(d), d).toBe(true);
    for (const d of ['not', '*.example', 'localhost:port', 'carrier..example'])
      expect(isPartnerDomain(d), d).toBe(false);
  });

  it('names the partners whose origin is not allowed, matching hosts and ports as the widget does', () => {
    const origins = ['https://shop.example', 'https://track.carrier.example', 'http://localhost:5174'];
    expect(
      partnersWithoutOrigin(
        ['carrier.example', 'track.carrier.example', 'pay.example', 'localhost:5174', 'localhost:5175', 'localhost'],
        origins,
      ),
    ).toEqual(['pay.example', 'localhost:5175']);
    expect(partnersWithoutOrigin(['carrier.example'], [])).toEqual(['carrier.example']);
    expect(originFor('localhost:5175')).toBe('http://localhost:5175');
    expect(originFor('pay.example')).toBe('https://pay.example');
  });
});
