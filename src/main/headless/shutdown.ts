/**
 * Graceful shutdown on SIGINT/SIGTERM: run `close` (listener, request log, stats, store) once, then
 * exit 0. A repeat within a second (a process group forwarding the signal, an atomic-write library's
 * exit hook re-raising it) is ignored; a later one is a person pressing Ctrl-C again, which means
 * "exit now".
 */
export function exitOnSignals(close: () => Promise<unknown>, onError: (error: unknown) => void = () => {}): void {
  let closingSince: number | null = null;
  const shutdown = (): void => {
    if (closingSince !== null) {
      if (Date.now() - closingSince > 1_000) process.exit(1);
      return;
    }
    closingSince = Date.now();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        onError(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
