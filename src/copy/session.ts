/**
 * The state one run of the copy engine shares between its images: which target repositories hold
 * which blobs and manifests, the uploads and manifest copies in flight (each done once, the others
 * wait), the blobs that failed, and the totals.
 */

/**
 * Per-run state of the copy engine: which target repositories hold which blobs, uploads in
 * flight (so a blob is uploaded at most once per run and mounted everywhere else), and totals.
 */
export class CopySession {
  bytesUploaded = 0;
  /** Bytes sent so far, counted as they stream (for progress lines). */
  bytesStreamed = 0;
  blobsUploaded = 0;
  blobsMounted = 0;
  blobsSkipped = 0;

  /** target host + digest → target repositories known to hold it. */
  private readonly holders = new Map<string, Set<string>>();
  /** target host + digest → the first ensure of that blob, others wait for it. */
  private readonly pending = new Map<string, Promise<unknown>>();
  /** target host + repository + digest → manifests known present. */
  private readonly manifests = new Set<string>();
  /** target host + digest → why the blob could not be copied: not tried again in this run. */
  private readonly failedBlobs = new Map<string, unknown>();
  /** target host + repository + digest → the copy of that manifest in flight; others wait for it. */
  private readonly manifestsInFlight = new Map<string, Promise<void>>();

  /** Records that a target repository holds a blob. */
  noteBlob(host: string, repository: string, digest: string): void {
    const key = `${host} ${digest}`;
    const set = this.holders.get(key) ?? new Set<string>();
    set.add(repository);
    this.holders.set(key, set);
  }

  /** True when the run already knows the repository holds the blob. */
  hasBlob(host: string, repository: string, digest: string): boolean {
    return this.holders.get(`${host} ${digest}`)?.has(repository) ?? false;
  }

  /** Some other repository of the target that holds the blob, to mount from. */
  mountSource(host: string, repository: string, digest: string): string | undefined {
    for (const holder of this.holders.get(`${host} ${digest}`) ?? [])
      if (holder !== repository) return holder;
    return undefined;
  }

  noteManifest(host: string, repository: string, digest: string): void {
    this.manifests.add(`${host} ${repository} ${digest}`);
  }

  hasManifest(host: string, repository: string, digest: string): boolean {
    return this.manifests.has(`${host} ${repository} ${digest}`);
  }

  /** Records that a blob could not be copied to a target host; later images needing it fail at once. */
  noteFailedBlob(host: string, digest: string, error: unknown): void {
    this.failedBlobs.set(`${host} ${digest}`, error);
  }

  /** Why a blob already failed in this run, if it did. */
  failedBlob(host: string, digest: string): unknown {
    return this.failedBlobs.get(`${host} ${digest}`);
  }

  /**
   * Copies a manifest once however many indexes of the run name it: while one copy of it to a
   * target repository is in flight, the others wait for that copy instead of making their own.
   */
  manifestOnce(host: string, repository: string, digest: string, work: () => Promise<void>): Promise<void> {
    const key = `${host} ${repository} ${digest}`;
    const running = this.manifestsInFlight.get(key);
    if (running) return running;
    const promise = work().finally(() => this.manifestsInFlight.delete(key));
    this.manifestsInFlight.set(key, promise);
    return promise;
  }

  /** Runs `work` as the single owner of a blob key; later callers wait for it, then do their own work. */
  async exclusive<T>(host: string, digest: string, work: () => Promise<T>): Promise<T> {
    const key = `${host} ${digest}`;
    for (;;) {
      const running = this.pending.get(key);
      if (!running) break;
      await running.catch(() => undefined);
    }
    const promise = work();
    this.pending.set(key, promise);
    try {
      return await promise;
    } finally {
      if (this.pending.get(key) === promise) this.pending.delete(key);
    }
  }
}
