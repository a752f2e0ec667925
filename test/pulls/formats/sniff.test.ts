import { describe, expect, test } from '@jest/globals';
import { EVIDENCE_FORMATS } from '../../../src/pulls/formats/index.js';
import { OTHER_FORMATS } from '../../../src/pulls/formats/others.js';
import { claims } from './fixtures.js';

/** Each fixture, and the one format that must claim it. */
const FIXTURES: Record<string, string> = {
  'prod-eu.json': 'kubernetes',
  'harbor-audit-logs.json': 'harbor',
  'ecr-describe-images.json': 'ecr-describe-images',
  'cloudtrail-ecr.json': 'cloudtrail',
  'cloudtrail-lookup-events.json': 'cloudtrail',
  'cloudtrail-ecr.jsonl': 'cloudtrail-lines',
  'gcloud-logging-read.json': 'google-cloud-audit',
  'gcs-audit-export.jsonl': 'google-cloud-audit-lines',
  'azure-acr-export.csv': 'azure-acr-csv',
  'azure-acr-query.json': 'azure-acr-json',
  'quay-repository-logs.json': 'quay',
  'artifactory-aql.json': 'artifactory',
  'artifactory-stats.json': 'artifactory',
  'generic-pulls.csv': 'generic-csv',
  'generic-pulls.jsonl': 'generic-json-lines',
};

describe('format detection', () => {
  test.each(Object.entries(FIXTURES))(
    "%s is claimed by %s and by no other format (the distribution registry's included)",
    (fixture, format) => {
      const claimants = EVIDENCE_FORMATS.filter((candidate) => claims(candidate, fixture)).map(
        ({ name }) => name,
      );
      expect(claimants).toEqual([format]);
    },
  );

  test('every format has a fixture', () => {
    expect(new Set(Object.values(FIXTURES))).toEqual(new Set(OTHER_FORMATS.map(({ name }) => name)));
  });
});
