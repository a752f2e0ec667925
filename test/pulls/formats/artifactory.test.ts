import { describe, expect, test } from '@jest/globals';
import { artifactoryFormat } from '../../../src/pulls/formats/artifactory.js';
import { describePull, digestOf, readDocument } from './fixtures.js';

// Artifactory AQL (https://jfrog.com/help/r/jfrog-rest-apis/artifactory-query-language, the `stat` domain:
// downloaded, downloaded_by, downloads) and File Statistics
// (https://jfrog.com/help/r/jfrog-rest-apis/file-statistics: downloadCount, lastDownloaded, lastDownloadedBy).
describe('Artifactory download statistics', () => {
  test('AQL: each manifest at its last download (tag folders, sha256__ folders); layers and undownloaded passed over', () => {
    const { records, skipped } = readDocument(artifactoryFormat, 'artifactory-aql.json');
    expect(skipped).toBe(0);
    expect(records.map(describePull)).toEqual([
      '2026-11-30T08:15:02.431Z | payments/api:2.4.1 | - | - | - | k8s-puller | -',
      '2026-09-01T06:00:12.004Z | payments/api:2.3.0 | - | - | - | k8s-puller | -',
      `2026-11-29T22:10:40.118Z | library/postgres@${digestOf('library/postgres:15.5')} | - | - | - | anonymous | -`,
    ]);
  });

  test('file statistics gathered into an array', () => {
    const { records } = readDocument(artifactoryFormat, 'artifactory-stats.json');
    expect(records.map(describePull)).toEqual([
      '2026-11-30T08:15:02.431Z | payments/api:2.4.1 | - | - | - | k8s-puller | -',
    ]);
  });
});
