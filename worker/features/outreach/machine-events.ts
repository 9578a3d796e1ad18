import ipaddr from 'ipaddr.js';

/**
 * Whether an open or a click was a person or a machine. Pure: the request's shape as the
 * tracking route recorded it, and what the queue consumer knows about the email (how long
 * after delivery, how many of its links were hit at once). Machines are recorded, never
 * counted as people: Apple Mail Privacy Protection fetches every image on delivery,
 * security gateways open every link before (and sometimes when) the person does, chat apps
 * fetch a link to preview it, browsers prefetch. A person's open or click has none of
 * their marks. Ordered from the surest mark to the weakest; the first one decides, every
 * mark found is kept as a reason.
 */

export const MACHINE_KINDS = ['apple_mpp', 'security_scanner', 'link_preview', 'prefetch', 'bot'] as const;
export type MachineKind = (typeof MACHINE_KINDS)[number];

export interface TrackingRequest {
  kind: 'open' | 'click';
  method: string;
  userAgent: string | null;
  ip: string | null;
  /** Request headers, names in lower case. */
  headers: Readonly<Record<string, string>>;
  /** Seconds between the email's sending and this request; null when unknown. */
  secondsAfterDelivery: number | null;
  /** The email's links requested within 10 seconds of this one, this one included. */
  linksClickedWithin10s: number;
}

export interface EventClassification {
  human: boolean;
  machineKind: MachineKind | null;
  /** Every mark found, for the event's metadata: why it was or was not counted. */
  reasons: string[];
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];
const ranges = (cidrs: string[]): Range[] => cidrs.map((cidr) => ipaddr.parseCIDR(cidr));

/**
 * Where Mail Privacy Protection fetches from: Apple's own network and the iCloud Private
 * Relay egress its proxies share (Akamai's 172.224.0.0/12, Cloudflare's 104.28.0.0/16).
 */
const APPLE = ranges(['17.0.0.0/8', '2620:149::/32', '2a01:b740::/32', '172.224.0.0/12', '104.28.0.0/16']);

/** Google's networks: a genuine GoogleImageProxy fetch (a Gmail reader opening) comes from them. */
const GOOGLE = ranges([
  '66.249.64.0/19',
  '66.102.0.0/20',
  '64.233.160.0/19',
  '72.14.192.0/18',
  '74.125.0.0/16',
  '209.85.128.0/17',
  '108.177.0.0/17',
  '172.217.0.0/16',
  '142.250.0.0/15',
  '2001:4860::/32',
  '2a00:1450::/32',
]);

/**
 * Mail security gateways that open links and images to inspect them, from their published
 * ranges: Microsoft Exchange Online Protection and Defender Safe Links, Proofpoint, Mimecast,
 * Barracuda, Broadcom (Symantec Email Security.cloud), Cisco Secure Email, Trend Micro.
 */
const SCANNER_NETWORKS = ranges([
  '40.92.0.0/15',
  '40.94.0.0/16',
  '40.107.0.0/16',
  '52.100.0.0/14',
  '104.47.0.0/17',
  '148.163.128.0/19',
  '67.231.144.0/20',
  '205.139.110.0/24',
  '207.211.30.0/24',
  '170.10.128.0/21',
  '64.235.144.0/20',
  '209.222.80.0/21',
  '216.82.240.0/20',
  '68.232.128.0/19',
  '150.70.0.0/16',
]);

/** Agents that fetch a link to draw a preview card in a chat or a feed. */
const LINK_PREVIEW_AGENT =
  /slackbot|slack-imgproxy|facebookexternalhit|facebot|twitterbot|linkedinbot|whatsapp|telegrambot|discordbot|skypeuripreview|microsoftpreview|teamsbot|iframely|embedly|redditbot|pinterestbot|viber|snapchat|bitlybot|google-pagerenderer|vkshare|mastodon/i;

/** Agents of mail security products and URL reputation checks. */
const SCANNER_AGENT =
  /barracuda|mimecast|proofpoint|ironport|cisco|symantec|messagelabs|trend ?micro|sophos|fortinet|fortiguard|forcepoint|zscaler|safelinks|google-safety|bingpreview|urlscan|virustotal|paloalto|checkpoint|cloudmark|spamassassin|msnbot-media/i;

/** Programs, crawlers and headless browsers: nobody reading their mail. */
const BOT_AGENT =
  /bot\b|bot\/|crawler|spider|curl\/|wget\/|python|go-http-client|java\/|okhttp|axios|node-fetch|undici|headlesschrome|phantomjs|libwww|httpclient|scrapy|postman|insomnia|^mozilla\/5\.0 \(compatible\)$/i;

/** Mail clients and their image proxies, which fetch the pixel when the person opens the email. */
const MAIL_CLIENT_PROXY = /googleimageproxy|yahoomailproxy|outlook|thunderbird|ggpht\.com/i;

/** A click this soon after sending was no person: the gateway opens links as the mail arrives. */
const SCANNER_CLICK_SECONDS = 10;
/** This many links in 10 seconds: a scanner opening every link, not a reader choosing one. */
const SCANNER_BURST = 3;

function within(ip: string | null, networks: Range[]): boolean {
  if (!ip || !ipaddr.isValid(ip)) return false;
  let address = ipaddr.parse(ip);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    address = (address as ipaddr.IPv6).toIPv4Address();
  }
  return networks.some(([network, bits]) => address.kind() === network.kind() && address.match(network, bits));
}

/** Office checks that a link exists before it hands it to the browser, which then asks on its own. */
const OFFICE_PROBE_AGENT = /microsoft office (existence|protocol) discovery/i;

const isPrefetch = (agent: string, headers: TrackingRequest['headers']) =>
  OFFICE_PROBE_AGENT.test(agent) ||
  [headers.purpose, headers['sec-purpose'], headers['x-purpose'], headers['x-moz']].some((value) =>
    /prefetch|prerender|preview/i.test(value ?? ''),
  );

export function classifyTrackingRequest(request: TrackingRequest): EventClassification {
  const agent = request.userAgent?.trim() ?? '';
  const marks: { kind: MachineKind; reason: string }[] = [];
  const mark = (kind: MachineKind, reason: string) => marks.push({ kind, reason });

  if (isPrefetch(agent, request.headers)) mark('prefetch', 'prefetch_request');
  if (request.method.toUpperCase() === 'HEAD') mark('security_scanner', 'head_request');
  if (LINK_PREVIEW_AGENT.test(agent)) mark('link_preview', 'link_preview_agent');
  if (SCANNER_AGENT.test(agent)) mark('security_scanner', 'scanner_agent');
  if (within(request.ip, SCANNER_NETWORKS)) mark('security_scanner', 'scanner_network');
  if (request.kind === 'open' && (agent === 'Mozilla/5.0' || within(request.ip, APPLE))) {
    mark('apple_mpp', agent === 'Mozilla/5.0' ? 'apple_proxy_agent' : 'apple_network');
  }
  if (agent === '') mark('bot', 'no_user_agent');
  else if (BOT_AGENT.test(agent) && !MAIL_CLIENT_PROXY.test(agent)) mark('bot', 'bot_agent');
  if (/googleimageproxy/i.test(agent) && request.ip && !within(request.ip, GOOGLE)) mark('bot', 'spoofed_image_proxy');
  if (request.kind === 'click') {
    const seconds = request.secondsAfterDelivery;
    if (seconds !== null && seconds < SCANNER_CLICK_SECONDS) mark('security_scanner', 'clicked_on_delivery');
    if (request.linksClickedWithin10s >= SCANNER_BURST) mark('security_scanner', 'many_links_at_once');
    // Every browser says which languages its person reads; a gateway's fetcher often does not.
    if (!request.headers['accept-language']) mark('security_scanner', 'no_accept_language');
  } else if (request.secondsAfterDelivery !== null && request.secondsAfterDelivery < 0) {
    mark('bot', 'before_delivery');
  }

  const first = marks[0];
  return first
    ? { human: false, machineKind: first.kind, reasons: marks.map((entry) => entry.reason) }
    : { human: true, machineKind: null, reasons: [] };
}
