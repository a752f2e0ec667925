import type { EvidenceFormat } from '../evidence.js';

/**
 * The formats beside the distribution registry's own logs: Kubernetes workload lists, hosted registries'
 * exports and the generic CSV/JSON-lines form. Each is a file of its own in this folder.
 */
export const OTHER_FORMATS: EvidenceFormat[] = [];
