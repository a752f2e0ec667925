import type { EvidenceFormat } from '../evidence.js';
import { artifactoryFormat } from './artifactory.js';
import { azureCsvFormat, azureJsonFormat } from './azure.js';
import { cloudTrailFormat, cloudTrailLinesFormat } from './cloudtrail.js';
import { ecrImagesFormat } from './ecr.js';
import { genericCsvFormat, genericJsonLinesFormat } from './generic.js';
import { googleAuditFormat, googleAuditLinesFormat } from './google-cloud.js';
import { harborFormat } from './harbor.js';
import { kubernetesFormat } from './kubernetes.js';
import { quayFormat } from './quay.js';

/**
 * The formats beside the distribution registry's own logs: Kubernetes workload lists, hosted registries'
 * exports and the generic CSV/JSON-lines form. Each is a file of its own in this folder, and each claims
 * only its own files (test/pulls/formats/sniff.test.ts), so their order does not matter.
 */
export const OTHER_FORMATS: EvidenceFormat[] = [
  kubernetesFormat,
  harborFormat,
  ecrImagesFormat,
  cloudTrailFormat,
  cloudTrailLinesFormat,
  googleAuditFormat,
  googleAuditLinesFormat,
  azureCsvFormat,
  azureJsonFormat,
  quayFormat,
  artifactoryFormat,
  genericCsvFormat,
  genericJsonLinesFormat,
];
