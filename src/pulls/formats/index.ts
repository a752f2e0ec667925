import type { EvidenceFormat } from '../evidence.js';
import { distributionAccessLog, distributionJsonLog, distributionTextLog } from './distribution-log.js';
import {
  distributionNotificationDocument,
  distributionNotificationLines,
} from './distribution-notifications.js';
import { OTHER_FORMATS } from './others.js';

/**
 * Every evidence format, in the order they are tried: the first whose `sniff` claims a file reads it.
 * The distribution registry's own logs come first (their sniffs are the most specific), then the
 * Kubernetes lists, hosted registries' exports and the generic form.
 */
export const EVIDENCE_FORMATS: readonly EvidenceFormat[] = [
  distributionJsonLog,
  distributionTextLog,
  distributionAccessLog,
  distributionNotificationLines,
  distributionNotificationDocument,
  ...OTHER_FORMATS,
];
