import picomatch from 'picomatch';
import type { Manifest } from '../manifest/model.js';
import { referencePolicy, type ReferencePolicy } from '../manifest/timeline.js';
import { formatRepositoryReference } from '../oci/reference.js';
import type { Finding } from './finding.js';
import type { LocatedFinding } from './scan.js';

/**
 * Gives every finding the severity of the day (info before the new registry opens, a warning with
 * the days left, an error from `guard.fail-from`) and marks the ones the manifest allows:
 * `guard.allow.files` globs match the file path; `guard.allow.references` globs match the normalised
 * reference (`registry.old.example.com/base/jdk:17`), the path with its tag (`base/jdk:17`) or the
 * bare repository (`base/jdk`). Inline `cutover: ignore` was already marked by the scanner.
 * The findings given are completed in place and returned as the result's findings.
 */
export function applyPolicy(
  findings: LocatedFinding[],
  manifest: Manifest,
  today: string,
): { policy: ReferencePolicy; findings: Finding[] } {
  const policy = referencePolicy(manifest.timeline, today);
  const allowFile = picomatch(manifest.guard.allowFiles.length ? manifest.guard.allowFiles : ['\0'], {
    dot: true,
  });
  const allowReference = picomatch(
    manifest.guard.allowReferences.length ? manifest.guard.allowReferences : ['\0'],
    { dot: true },
  );
  return {
    policy,
    findings: findings.map((finding) => {
      let ignored = finding.ignored;
      if (!ignored && manifest.guard.allowFiles.length && allowFile(finding.file)) ignored = 'allow-files';
      if (
        !ignored &&
        manifest.guard.allowReferences.length &&
        [finding.normalized, formatRepositoryReference(finding.image), finding.image.repository].some(
          (form) => allowReference(form),
        )
      )
        ignored = 'allow-references';
      // Completed in place, as locate() completes its own: thousands of findings are not copied
      // for two more fields. Markdown prose names an image for readers, not for a build: it never
      // fails the check.
      const decided = finding as Finding;
      // Compatibility logic, history and vendored files pull nothing: reported, never failing.
      decided.severity = finding.prose || finding.review ? 'info' : policy.severity;
      if (ignored) decided.ignored = ignored;
      return decided;
    }),
  };
}
