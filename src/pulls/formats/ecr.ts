import type { DocumentFormat, EvidenceRecord } from '../evidence.js';
import { isObject, parseTime, readEach, repositoryPath, requiredString, tagOrDigest } from './fields.js';

/**
 * AWS ECR's `aws ecr describe-images --repository-name NAME --output json`: `{imageDetails: [{registryId,
 * repositoryName, imageDigest, imageTags, imagePushedAt, lastRecordedPullTime, …}]}`. ECR keeps one
 * `lastRecordedPullTime` per image and no count, and may record a pull up to a day late: each tag of an
 * image pulled in the window counts as pulled once, at that time (an untagged image by its digest).
 * The region is not in the output, so the records do not name the registry host.
 */
export const ecrImagesFormat: DocumentFormat = {
  name: 'ecr-describe-images',
  style: 'document',
  sniff(document) {
    return (
      isObject(document) &&
      Array.isArray(document.imageDetails) &&
      document.imageDetails.every(
        (image) => isObject(image) && 'imageDigest' in image && 'repositoryName' in image,
      )
    );
  },
  read(document) {
    const images = (document as { imageDetails: unknown[] }).imageDetails;
    return readEach(
      images,
      (index) => `imageDetails[${index}].`,
      (image): EvidenceRecord[] => {
        if (!isObject(image) || image.lastRecordedPullTime === undefined) return []; // never pulled
        const repository = repositoryPath(requiredString(image, 'repositoryName'), 'repositoryName');
        const digest = tagOrDigest(requiredString(image, 'imageDigest'), 'imageDigest').digest;
        if (digest === undefined) throw new Error('imageDigest: expected a digest');
        const time = parseTime(image.lastRecordedPullTime, 'lastRecordedPullTime');
        const tags = Array.isArray(image.imageTags)
          ? image.imageTags.filter((tag) => typeof tag === 'string')
          : [];
        if (tags.length === 0) return [{ type: 'pull', time, repository, digest }];
        return tags.map((tag) => ({ type: 'pull', time, repository, tag, digest }));
      },
    );
  },
};

/** The registry host of an ECR account in a region. */
export function ecrHost(registryId: string | undefined, region: string | undefined): string | undefined {
  if (registryId === undefined || region === undefined) return undefined;
  if (!/^\d{12}$/.test(registryId) || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) return undefined;
  return `${registryId}.dkr.ecr.${region}.amazonaws.com`;
}
