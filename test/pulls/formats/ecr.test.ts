import { describe, expect, test } from '@jest/globals';
import { cloudTrailFormat, cloudTrailLinesFormat } from '../../../src/pulls/formats/cloudtrail.js';
import { ecrImagesFormat } from '../../../src/pulls/formats/ecr.js';
import { describePull, digestOf, readDocument, readLines } from './fixtures.js';

const ecr = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

// aws ecr describe-images (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeImages.html,
// ImageDetail: registryId, repositoryName, imageDigest, imageTags, imagePushedAt, lastRecordedPullTime).
describe('ECR describe-images', () => {
  test('each tag of an image pulled counts once at its last recorded pull; never-pulled images are passed over', () => {
    const { records, skipped } = readDocument(ecrImagesFormat, 'ecr-describe-images.json');
    expect(skipped).toBe(0);
    expect(records.map(describePull)).toEqual([
      `2026-11-30T08:15:07.811Z | payments/api:2.4.1@${digestOf('ecr payments/api:2.4.1')} | - | - | - | - | -`,
      `2026-11-30T08:15:07.811Z | payments/api:stable@${digestOf('ecr payments/api:2.4.1')} | - | - | - | - | -`,
      `2026-09-01T06:00:12.004Z | payments/api:2.3.0@${digestOf('ecr payments/api:2.3.0')} | - | - | - | - | -`,
      `2026-11-02T21:44:30.250Z | payments/api@${digestOf('ecr payments/api:untagged')} | - | - | - | - | -`,
    ]);
  });

  test('the AWS CLI v1 prints times as seconds since the epoch', () => {
    const v1 = {
      imageDetails: [
        { repositoryName: 'api', imageDigest: digestOf('x'), lastRecordedPullTime: 1796026502.431 },
      ],
    };
    expect(ecrImagesFormat.read(v1, 'x.json').records.map(describePull)).toEqual([
      `2026-11-30T08:15:02.431Z | api@${digestOf('x')} | - | - | - | - | -`,
    ]);
  });
});

// CloudTrail BatchGetImage (https://docs.aws.amazon.com/AmazonECR/latest/userguide/logging-using-cloudtrail.html;
// log file {"Records": [...]}: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html).
describe('CloudTrail ECR events', () => {
  const node = 'arn:aws:sts::123456789012:assumed-role/eks-node-group-prod/i-0b1c2d3e4f5a6b7c8';
  const ci = 'arn:aws:sts::123456789012:assumed-role/github-actions-deploy/GitHubActions';
  const expected = [
    `2026-11-30T08:15:07.000Z | ${ecr}/payments/api:2.4.1@${digestOf('ecr payments/api:2.4.1')} | - | - | containerd/v1.7.11 | ${node} | 10.20.1.11`,
    `2026-11-30T08:15:07.000Z | ${ecr}/payments/api:2.4.1 | - | - | containerd/v1.7.11 | ${node} | 10.20.1.11`,
    `2026-11-30T09:02:41.000Z | ${ecr}/payments/api@${digestOf('ecr payments/api:untagged')} | - | - | aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5 md/GOOS#linux md/GOARCH#amd64 api/ecr#1.24.6 | ${ci} | 203.0.113.40`,
    `2026-11-30T09:07:12.000Z | ${ecr}/batch/report:1.8.0 | - | - | AWS Internal | arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForECRReplication/ecr | -`,
  ];

  test('a trail log file: BatchGetImage per image id, not layers, not failures, not other services', () => {
    const { records, skipped } = readDocument(cloudTrailFormat, 'cloudtrail-ecr.json');
    expect(skipped).toBe(0);
    expect(records.map(describePull)).toEqual(expected);
  });

  test('the same events one per line, and as lookup-events prints them', () => {
    const lines = readLines(cloudTrailLinesFormat, 'cloudtrail-ecr.jsonl');
    expect(lines.problems).toEqual([]);
    expect(lines.records.map(describePull)).toEqual(expected);
    const lookup = readDocument(cloudTrailFormat, 'cloudtrail-lookup-events.json');
    expect(lookup.records.map(describePull)).toEqual(expected);
  });

  test('an event without its request parameters is a located problem', () => {
    const read = cloudTrailFormat.read(
      {
        Records: [
          {
            eventVersion: '1.08',
            eventSource: 'ecr.amazonaws.com',
            eventName: 'BatchGetImage',
            eventTime: '2026-11-30T08:15:07Z',
          },
        ],
      },
      'trail.json',
    );
    expect(read).toEqual({
      records: [],
      skipped: 1,
      problems: ['Records[0].requestParameters: expected an object'],
    });
  });
});
