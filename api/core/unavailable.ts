// Telling a store that went away from a bug (no imports: the pages' bundle uses it too).

/** Whether an error means the database cannot be reached or is shutting down (answered 503, not 500). */
export function isUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (!e) return false;
  if (e.code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', 'SQLITE_BUSY', 'SQLITE_LOCKED'].includes(e.code)) return true;
  return /Connection terminated|connection (is )?closed|Client has encountered a connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end/i.test(e.message ?? '');
}
