// A promise nobody awaited (a library's background timer, a dropped request) must not take the
// whole host down: Node's default ends the process on an unhandled rejection. Every write is
// already durable, so the host says what happened and keeps serving.
export function keepServingOnStrayRejections(log: (message: string) => void = (message) => console.error(message)): () => void {
  const onRejection = (reason: unknown) => {
    const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    log(`[annotator] an operation failed in the background and was left alone; the app keeps running: ${detail}`);
  };
  process.on('unhandledRejection', onRejection);
  return () => void process.off('unhandledRejection', onRejection);
}
