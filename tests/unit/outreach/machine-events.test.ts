import { describe, expect, it } from 'vitest';
import { classifyTrackingRequest, type TrackingRequest } from '../../../worker/features/outreach/machine-events';

const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const browserHeaders = { accept: 'text/html', 'accept-language': 'fr-CA,fr;q=0.9', 'sec-fetch-mode': 'navigate' };

const request = (overrides: Partial<TrackingRequest>): TrackingRequest => ({
  kind: 'click',
  method: 'GET',
  userAgent: chrome,
  ip: '198.51.100.20',
  headers: browserHeaders,
  secondsAfterDelivery: 3_600,
  linksClickedWithin10s: 1,
  ...overrides,
});

describe('telling people from machines', () => {
  it('counts a person clicking an hour after delivery, and one opening in Gmail', () => {
    expect(classifyTrackingRequest(request({}))).toEqual({ human: true, machineKind: null, reasons: [] });
    const gmail = request({
      kind: 'open',
      userAgent: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
      ip: '66.249.84.5',
      headers: { accept: 'image/*' },
      secondsAfterDelivery: 40,
    });
    expect(classifyTrackingRequest(gmail).human).toBe(true);
  });

  it('flags Apple Mail Privacy Protection by its agent and by its network', () => {
    const byAgent = classifyTrackingRequest(request({ kind: 'open', userAgent: 'Mozilla/5.0', ip: null }));
    expect(byAgent).toMatchObject({ human: false, machineKind: 'apple_mpp' });
    const byRelay = classifyTrackingRequest(
      request({ kind: 'open', userAgent: 'Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15', ip: '17.58.1.2' }),
    );
    expect(byRelay.machineKind).toBe('apple_mpp');
    // An Apple address clicking is not MPP (it only fetches images): judged on its own marks.
    expect(classifyTrackingRequest(request({ ip: '17.58.1.2' })).human).toBe(true);
  });

  it('flags a gateway by its published network even with a browser’s headers', () => {
    const safeLinks = classifyTrackingRequest(request({ ip: '40.94.12.3', secondsAfterDelivery: 900 }));
    expect(safeLinks).toMatchObject({ human: false, machineKind: 'security_scanner' });
    expect(safeLinks.reasons).toContain('scanner_network');
    expect(classifyTrackingRequest(request({ ip: '::ffff:40.94.12.3' })).machineKind).toBe('security_scanner');
  });

  it('flags clicks on delivery, many links at once, HEAD requests and browsers that name no language', () => {
    expect(classifyTrackingRequest(request({ secondsAfterDelivery: 4 })).reasons).toEqual(['clicked_on_delivery']);
    expect(classifyTrackingRequest(request({ linksClickedWithin10s: 4 })).reasons).toEqual(['many_links_at_once']);
    expect(classifyTrackingRequest(request({ linksClickedWithin10s: 2 })).human).toBe(true);
    expect(classifyTrackingRequest(request({ method: 'HEAD' })).machineKind).toBe('security_scanner');
    expect(classifyTrackingRequest(request({ headers: { accept: '*/*' } })).reasons).toEqual(['no_accept_language']);
  });

  it('names previews, prefetches, scripts and a spoofed image proxy', () => {
    const kind = (overrides: Partial<TrackingRequest>) => classifyTrackingRequest(request(overrides)).machineKind;
    expect(kind({ userAgent: 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' })).toBe('link_preview');
    expect(kind({ headers: { ...browserHeaders, 'sec-purpose': 'prefetch' } })).toBe('prefetch');
    expect(kind({ userAgent: 'Microsoft Office Existence Discovery', method: 'HEAD' })).toBe('prefetch');
    expect(kind({ userAgent: 'python-requests/2.32.3' })).toBe('bot');
    expect(kind({ userAgent: null })).toBe('bot');
    expect(kind({ kind: 'open', userAgent: 'Mozilla/5.0 (via ggpht.com GoogleImageProxy)', ip: '203.0.113.9' })).toBe(
      'bot',
    );
  });

  it('keeps Outlook desktop opens, days later, as a person', () => {
    const outlook = request({
      kind: 'open',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Trident/7.0; Microsoft Outlook 16.0.17628; ms-office; MSOffice 16)',
      headers: { accept: '*/*', 'accept-language': 'fr-CA' },
      secondsAfterDelivery: 400_000,
    });
    expect(classifyTrackingRequest(outlook).human).toBe(true);
  });
});
