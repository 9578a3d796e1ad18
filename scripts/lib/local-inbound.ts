import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The local stack's inbound mail: a token secret made once per data folder (so addresses
 * a form test handed out stay valid across restarts and for `npm run job`), the domain
 * the demo sites answer to, and where a running `npm start` serves its demo sites (so a
 * job run beside it uses the same ones, whose answers reach the same Worker).
 */

export const LOCAL_INBOUND_DOMAIN = 'inbound.avenir.local';

export interface LocalInbound {
  INBOUND_DOMAIN: string;
  INBOUND_TOKEN_SECRET: string;
  /** The demo's tester and a number that can never ring anyone (555-01xx is reserved for fiction). */
  FORM_TEST_SENDER_NAME: string;
  FORM_TEST_PHONE: string;
  /**
   * Outreach on the local stack: any hour and day, no spacing, so a demo campaign is sent
   * when a person approves it; a postal address for the identification the law requires
   * (a fictional one, as the demo's businesses are). Production keeps the documented defaults.
   */
  OUTREACH_SENDING_HOURS: string;
  OUTREACH_WEEKENDS: string;
  OUTREACH_SPACING_SECONDS: string;
  OUTREACH_JITTER_SECONDS: string;
  OUTREACH_POSTAL_ADDRESS: string;
}

export async function localInbound(dataDir: string): Promise<LocalInbound> {
  const file = path.join(dataDir, 'inbound-secret');
  let secret = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (secret.length < 32) {
    secret = randomBytes(32).toString('hex');
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
  }
  return {
    INBOUND_DOMAIN: LOCAL_INBOUND_DOMAIN,
    INBOUND_TOKEN_SECRET: secret,
    FORM_TEST_SENDER_NAME: 'Marie Tremblay',
    FORM_TEST_PHONE: '+1 514 555-0100',
    OUTREACH_SENDING_HOURS: '0-24',
    OUTREACH_WEEKENDS: 'on',
    OUTREACH_SPACING_SECONDS: '0',
    OUTREACH_JITTER_SECONDS: '0',
    OUTREACH_POSTAL_ADDRESS: '1000, rue De La Gauchetière Ouest, Montréal (Québec) H3B 0A2',
  };
}

const runningFile = (dataDir: string) => path.join(dataDir, 'demo-sites.json');

/** Written by `npm start` once its demo sites listen, removed when it stops. */
export const announceDemoSites = (dataDir: string, origin: string) =>
  writeFile(runningFile(dataDir), JSON.stringify({ origin, pid: process.pid }));

export const withdrawDemoSites = (dataDir: string) => rm(runningFile(dataDir), { force: true });

/** The demo sites of an `npm start` running on this data folder, or null. */
export async function runningDemoSites(dataDir: string): Promise<string | null> {
  try {
    const { origin, pid } = JSON.parse(await readFile(runningFile(dataDir), 'utf8')) as { origin: string; pid: number };
    process.kill(pid, 0); // throws when that npm start is gone
    const answer = await fetch(`${origin}/api/businesses?per_page=1`, { signal: AbortSignal.timeout(2_000) });
    return answer.ok ? origin : null;
  } catch {
    return null;
  }
}
