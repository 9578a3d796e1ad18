/** The SQLSTATE and constraint of a Postgres error, looking through Drizzle's wrapper. */
export function pgError(error: unknown): { code?: string; constraint?: string; message: string } {
  for (let current = error; current instanceof Error; current = current.cause) {
    const candidate = current as Error & { code?: string; constraint?: string };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return { code: candidate.code, constraint: candidate.constraint, message: candidate.message };
    }
  }
  return { message: String(error) };
}

/** Runs `work`, expecting it to fail; returns the Postgres error it failed with. */
export async function failure(work: () => Promise<unknown>): Promise<ReturnType<typeof pgError>> {
  try {
    await work();
  } catch (error) {
    return pgError(error);
  }
  throw new Error('expected the statement to fail, but it succeeded');
}
