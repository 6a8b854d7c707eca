// A few at a time: files read or written one by one leave the disk waiting between them.

/**
 * Runs `work` on every item, at most `limit` at once. On a failure no new item starts, and the
 * first error is thrown once the ones under way have settled (nothing runs on after a return).
 */
export async function eachInFlight<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        await work(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw (failure as { error: unknown }).error;
}
