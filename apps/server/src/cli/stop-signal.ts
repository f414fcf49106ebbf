/**
 * Resolves when `signal` aborts, or, without a signal, on the first SIGINT / SIGTERM: how the long-running commands
 * (`serve`, `worker`) learn to stop cleanly.
 */
export function stopped(signal: AbortSignal | undefined): Promise<void> {
  if (signal)
    return signal.aborted
      ? Promise.resolve()
      : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  return new Promise((resolve) => {
    const onSignal = (): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
