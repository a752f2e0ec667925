import type { RegistryRole } from '../manifest/timeline.js';
import type { RegistryClient } from '../oci/client.js';
import { copyImage, CopySession } from '../copy/copy.js';
import { formatBytes } from '../shared/markdown.js';
import { formatRate, ProgressLine } from '../shared/progress.js';
import type { CopyStep } from './execute.js';

/**
 * The copy mode's second step: the copy-tags engine copies the digest just pushed from one
 * registry to another and writes the tag there. Blobs go registry to registry as stored, so
 * nothing is compressed again and the digest cannot change. A push replaces its own tags (as
 * `docker push` does), so a tag that points elsewhere is overwritten, not reported as a conflict.
 */
export function pushViaCopy(
  clientFor: (role: RegistryRole) => RegistryClient,
  print: (line: string) => void,
): CopyStep {
  const session = new CopySession();
  return async (from, to, tag, digest) => {
    print(`copying ${digest} from ${from.name} to ${to.name}:${tag} (registry to registry)`);
    const started = session.bytesStreamed;
    const line = new ProgressLine(
      print,
      (seconds) =>
        `copying to ${to.registry.host}: ${formatBytes(session.bytesStreamed - started)}, ${formatRate(session.bytesStreamed - started, seconds)}, ${seconds.toFixed(1)} s`,
    );
    // The engine's events drive the push's line; a copy has none, so a timer asks every second.
    const timer = setInterval(() => line.tick(), 1000);
    try {
      const result = await copyImage(
        {
          source: clientFor(from.role),
          sourceRepository: from.repository,
          reference: digest,
          target: clientFor(to.role),
          targetRepository: to.repository,
          targetReference: tag,
        },
        { overwrite: true, session },
      );
      line.done();
      return result.digest;
    } finally {
      clearInterval(timer);
    }
  };
}
