import { eq } from 'drizzle-orm';
import { clients } from '../../../schema';
import type { GrowthAnalysis } from '../../../schema/insights';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { assembleAnalysis } from './assemble';
import { readAnalysisRows, type Scope } from './statements';
import { type AnalysisWindow, windowBounds } from './window';

export type { AnalysisWindow };

/** Whether the client is a test client (the demo): its leads are all tests or samples, and they count. */
async function scopeOf(tx: Transaction, clientId: string): Promise<Scope> {
  const [row] = await tx.select({ isTest: clients.isTest }).from(clients).where(eq(clients.id, clientId));
  return { clientId, testClient: row?.isTest ?? false };
}

/**
 * The growth analysis of one client for `period` (against the period of equal length
 * before it), read in the client's tenant transaction: row-level security decides what
 * exists, so no other client's lead can count. Writes nothing.
 */
export function analyzeLeads(db: DatabaseAccess, clientId: string, period: AnalysisWindow): Promise<GrowthAnalysis> {
  const bounds = windowBounds(period);
  return db.tenant(clientId, async (tx) => {
    const scope = await scopeOf(tx, clientId);
    return assembleAnalysis(await readAnalysisRows(tx, scope, bounds), bounds);
  });
}
