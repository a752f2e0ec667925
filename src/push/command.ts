import { startDeadline } from '../shared/deadline.js';
import { UsageError } from '../shared/errors.js';
import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';
import type { DeliveryResult } from './deliver.js';
import { deliverFrom } from './from.js';
import { DEFAULT_MODE, PUSH_MODES } from './execute.js';
import { planPush } from '../manifest/push-plan.js';
import { fromReport, presentProvenance, presentPush } from './present.js';

/** `cutover push`: pushes a locally built image where the timeline says, with one digest everywhere. */
export const push = defineCommand({
  name: 'push',
  summary:
    'Push a locally built image to the registries the timeline names today (old, both, or new), verified to one digest.',
  options: {
    image: option.string('The local image to push: name[:tag] or image ID (this or --from is required).', {
      expected: 'expected a local image name or ID',
    }),
    from: option.string(
      'An image already in one registry, host/repository[:tag]@sha256:…: copied by digest (index, attestations, signatures, referrers) to the registries the timeline names; no Docker engine needed.',
      { pattern: /@sha256:[a-f0-9]{64}$/, expected: 'expected host/repository@sha256:<64 hex>' },
    ),
    repository: option.string(
      "Repository path in the old registry (default: the image's own path); the manifest's paths give the new registry's path.",
    ),
    tag: option.list("Tags to push (default: the image's tag, else latest)."),
    deadline: option.duration(
      'Stop after this long (e.g. 10m): registry requests in flight are aborted, what is left fails as timed out (an engine push already started ends its attempt).',
    ),
    mode: option.choice(
      PUSH_MODES,
      'push: push from the engine to each registry; copy: push once, then copy registry to registry by digest; upload: export from the engine, compress once, upload to every registry at once.',
      { default: DEFAULT_MODE },
    ),
  },
  outputs: [
    { name: 'digest', description: 'The manifest digest, identical in every registry pushed to.' },
    { name: 'pushed', description: 'Every reference pushed, host/repository:tag, one per line.' },
    { name: 'skipped', description: 'Registries left out today and why, "host: reason", one per line.' },
  ],
  async run({ options, manifest: load, today, reporter, env, secrets }) {
    // parse
    const manifest = await load();
    const deadline = startDeadline(options.deadline);
    if (options.from !== undefined) {
      if (options.image !== undefined) throw new UsageError('give --image or --from, not both');
      const progress = (line: string) => reporter.info(line);
      const request = {
        from: options.from,
        tags: options.tag,
        ...(options.repository !== undefined && { repository: options.repository }),
      };
      // do: copy registry to registry by digest, then check for one digest everywhere
      const { from, plan, result } = await deliverFrom(manifest, today, request, {
        env,
        secrets,
        progress,
        signal: deadline.signal,
      });
      deadline.clear();
      return presentPush(fromReport(manifest, today, from, plan, result), reporter);
    }
    if (options.image === undefined)
      throw new UsageError(
        '--image: expected a local image name or ID (or --from REF@DIGEST for an image already in a registry)',
      );
    const plan = planPush(manifest, today, {
      image: options.image,
      ...(options.repository !== undefined && { repository: options.repository }),
      tags: options.tag,
    });
    // The engine client (dockerode) and the engine paths load only here: `--from` never needs them.
    const { DockerEngine } = await import('../docker/engine.js');
    const { deliver, judgeProvenance } = await import('./deliver.js');
    const engine = new DockerEngine(env);
    await engine.ping();
    const image = await engine.inspectImage(options.image);
    if (!image)
      throw new UsageError(
        `--image: the Docker engine has no image "${options.image}" (build or pull it first)`,
      );

    // do: refuse an image built from the retired registry, else push and check for one digest
    const provenance = judgeProvenance(image, manifest, today);
    presentProvenance(provenance, reporter);
    const delivery: DeliveryResult = provenance.blocked
      ? { outcomes: [] }
      : await deliver({
          plan,
          image,
          imageName: options.image,
          engine,
          mode: options.mode,
          env,
          secrets,
          progress: reporter,
          signal: deadline.signal,
        });
    deadline.clear();

    // present
    return presentPush(
      {
        ...delivery,
        manifest,
        today,
        plan,
        image: options.image,
        imageId: image.id,
        mode: options.mode,
        provenance,
      },
      reporter,
    );
  },
});
