import { useEffect, useState } from 'preact/hooks';
import type { ConnectionHealthView } from '../schema/connection-health-api';
import { api } from './api';
import { PATHS } from './router';

/**
 * The session client's connection health (GET /api/app/connection-health), apart from the
 * screens that draw it (connection-health.tsx): the home reads it on every visit, and
 * loads the banner's code only when there is a problem to show.
 */

/** The settings card's id, the anchor the banner and the alert email link to. */
export const CONNECTION_CARD = 'st-connection';
export const CONNECTION_LINK = `${PATHS.settings}#${CONNECTION_CARD}`;

/** Read again when `version` changes; null until it arrives. */
export function useConnectionHealth(clientId: string, version = 0) {
  const [view, setView] = useState<ConnectionHealthView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    api<ConnectionHealthView>('GET', '/connection-health').then(
      (fresh) => {
        if (!current) return;
        setView(fresh);
        setError(null);
      },
      (caught: unknown) => {
        if (current) setError(caught);
      },
    );
    return () => {
      current = false;
    };
  }, [clientId, version]);
  return { view, error };
}
