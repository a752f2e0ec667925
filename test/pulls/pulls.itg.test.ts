/**
 * `cutover pulls` on the very logs a real distribution registry wrote while real clients pulled from it:
 * skopeo, the Docker engine, curl (HEAD and GET, by tag and by digest) and cutover copy-tags itself.
 * One registry logs JSON with a separate access log and sends notifications to a receiver; another logs
 * logrus text with the access log mixed in (as `docker logs` shows them). Every log must tell the same
 * story: what the test did.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { runnerFiles } from '../harness/actions-env.js';
import { runAction, runCli } from '../harness/cli.js';
import { startDockerd, type TestDockerd } from '../harness/dockerd.js';
import { seedImage } from '../harness/images.js';
import { writeManifest } from '../harness/manifest.js';
import { markLogs, startNotificationReceiver, type NotificationReceiver } from '../harness/notifications.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { skopeo } from '../harness/skopeo.js';
import { requireTool } from '../harness/tools.js';

const run = promisify(execFile);
const TWO_ARCH = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64' },
];
const ACCEPT =
  'Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json';

interface Client {
  agent: string | null;
  identity: string | null;
  address: string | null;
  pulls: number;
  last: string | null;
}
interface Image {
  repository: string;
  tag: string | null;
  digest: string | null;
  pulls: number;
  last: string | null;
  clients: Client[];
}
interface Report {
  sources: {
    file: string;
    format: string;
    records: number;
    pulls: number;
    skipped: number;
    problems: string[];
  }[];
  pulls: number;
  images: Image[];
  clients: Client[];
  workloads: unknown[];
  own: { pulls: number; images: number };
  notCounted: { outsideWindow: number; otherRegistry: number; failed: number };
}

/** What the test did to one old registry, to compare the logs with. */
interface Done {
  registry: TestRegistry;
  api: string;
  web: string;
  /** The amd64 manifest of team/web:2.0's index (what the engine pulls by digest). */
  webAmd64: string;
  curlAgent: string;
  mark: string;
  manifest: string;
}

/** `team/api:1.0` or `team/api@sha256:…` → pulls of that image by an agent starting with `agent`. */
function pullsBy(report: Report, image: string, agent: string): number {
  const [repository, reference] = image.includes('@') ? image.split('@') : image.split(':');
  const byDigest = image.includes('@');
  return report.images
    .filter(
      (entry) =>
        entry.repository === repository &&
        (byDigest ? entry.digest === reference && entry.tag === null : entry.tag === reference),
    )
    .flatMap((entry) => entry.clients)
    .filter((client) => client.agent?.startsWith(agent))
    .reduce((sum, client) => sum + client.pulls, 0);
}

async function curl(args: string[], agent: string): Promise<void> {
  await run('curl', ['-sS', '-o', '/dev/null', '-A', agent, '-H', ACCEPT, ...args]);
}

describe('cutover pulls on real distribution registry logs', () => {
  let receiver: NotificationReceiver;
  let dockerd: TestDockerd;
  let dir: string;
  const opened: { stop(): Promise<unknown> }[] = [];
  const done: Record<'json' | 'text', Done> = {} as never;

  /** Everything the test does to one old registry, in order; returns what to compare the logs with. */
  async function pullEverything(old: TestRegistry, name: string): Promise<Done> {
    const target = await startRegistry();
    opened.push(target);
    const api = await seedImage(old, 'team/api:1.0', { layers: [{ seed: `api-${name}`, size: 4_000 }] });
    const web = await seedImage(old, 'team/web:2.0', {
      layers: [{ seed: `web-${name}`, size: 3_000 }],
      platforms: TWO_ARCH,
    });
    const index = await skopeo.manifest(old, 'team/web@' + web);
    const webAmd64 = (index['manifests'] as { digest: string; platform: { architecture: string } }[]).find(
      (entry) => entry.platform.architecture === 'amd64',
    )!.digest;
    // skopeo: one GET of team/api:1.0's manifest (inspect --raw).
    await skopeo.digest(old, 'team/api:1.0');
    // The engine: team/web:2.0 (the index by tag, then its amd64 manifest by digest).
    await dockerd.docker(['pull', `${old.host}/team/web:2.0`]);
    // curl: HEAD and GET by tag and by digest; a tag that does not exist; a blob (not an image pull).
    const curlAgent = `curl/${name}-test`;
    const base = `${old.url}/v2/team/api`;
    await curl(['-I', `${base}/manifests/1.0`], curlAgent);
    await curl([`${base}/manifests/1.0`], curlAgent);
    await curl([`${base}/manifests/${api}`], curlAgent);
    await curl(['-I', `${base}/manifests/${api}`], curlAgent);
    await curl([`${base}/manifests/0.9-missing`], curlAgent);
    const config = (await skopeo.manifest(old, 'team/api:1.0'))['config'] as { digest: string };
    await curl([`${base}/blobs/${config.digest}`], curlAgent);
    // cutover copy-tags: its own pulls, never "still pulling".
    const manifest = writeManifest(
      dir,
      { old: old.host, new: target.host, copy: [{ images: ['team/*'] }] },
      `cutover-${name}.yml`,
    );
    const copied = await runCli(['copy-tags', '--manifest', manifest, '--json']);
    expect([copied.code, copied.stderr]).toEqual([0, expect.any(String)]);
    const mark = await markLogs(old, 'team/api:1.0', name === 'json' ? receiver : undefined);
    return { registry: old, api, web, webAmd64, curlAgent, mark, manifest };
  }

  beforeAll(async () => {
    requireTool('curl');
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-pulls-'));
    receiver = await startNotificationReceiver();
    opened.push(receiver);
    dockerd = await startDockerd();
    opened.push(dockerd);
    const json = await startRegistry({
      log: { formatter: 'json', access: 'separate' },
      notify: receiver.url,
    });
    opened.push(json);
    done.json = await pullEverything(json, 'json');
    const text = await startRegistry({ log: { formatter: 'text', access: 'mixed' } });
    opened.push(text);
    done.text = await pullEverything(text, 'text');
    // Kept outside the registries' folders (stop() removes them) for the tests below.
    for (const [name, file] of [
      ['json.log', json.logFile],
      ['access.log', json.accessLogFile!],
      ['text-and-access.log', text.logFile],
      ['events.jsonl', receiver.file],
    ] as const)
      copyFileSync(file, path.join(dir, name));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(opened.map((server) => server.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function pulls(manifest: string, files: string[], extra: string[] = []): Promise<Report> {
    const result = await runCli(
      ['pulls', '--manifest', manifest, '--json', ...files.flatMap((file) => ['--evidence', file]), ...extra],
      {
        cwd: dir,
      },
    );
    expect([result.code, result.stderr]).toEqual([0, expect.not.stringContaining('error')]);
    if (process.env['PULLS_TEST_DUMP']) console.log(result.stdout);
    return JSON.parse(result.stdout) as Report;
  }

  /** The story every log of one registry must tell. */
  function expectWhatTheTestDid(report: Report, test: Done, format: string): void {
    expect(report.sources).toEqual([expect.objectContaining({ format, skipped: 0, problems: [] })]);
    // curl: 2 pulls by tag (HEAD, GET), 2 by digest (GET, HEAD); the missing tag failed; the blob is no image.
    expect(pullsBy(report, 'team/api:1.0', test.curlAgent)).toBe(2);
    expect(pullsBy(report, `team/api@${test.api}`, test.curlAgent)).toBe(2);
    expect(report.notCounted.failed).toBe(1);
    // skopeo inspect --raw, twice (the digest, then the manifest for its config); seeding pushed, pulling nothing.
    expect(pullsBy(report, 'team/api:1.0', 'skopeo/')).toBe(2);
    // The engine (dockerd 20.10): the index by tag, again by its digest, then the amd64 manifest by digest.
    expect(pullsBy(report, 'team/web:2.0', 'docker/')).toBe(1);
    expect(pullsBy(report, `team/web@${test.web}`, 'docker/')).toBe(1);
    expect(pullsBy(report, `team/web@${test.webAmd64}`, 'docker/')).toBe(1);
    // The mark that made sure the log was complete.
    expect(pullsBy(report, 'team/api:1.0', test.mark)).toBe(1);
    // cutover's own pulls: apart, never among the clients; it copied team/api:1.0, team/web:2.0 and
    // the index's two manifests.
    expect(report.own.images).toBe(4);
    expect(report.own.pulls).toBeGreaterThanOrEqual(4);
    expect(
      report.clients.map((client) => client.agent).filter((agent) => agent?.startsWith('cutover/')),
    ).toEqual([]);
    const agents = report.clients.map((client) => client.agent!.split(' ')[0]!.split('/')[0]).sort();
    expect(agents).toEqual(['curl', 'docker', 'harness-mark', 'skopeo']);
    expect(report.clients.every((client) => client.address === '127.0.0.1')).toBe(true);
    expect(report.pulls).toBe(report.images.reduce((sum, image) => sum + image.pulls, 0));
  }

  test('the JSON log: every client, HEAD and GET, tag and digest; cutover apart; failures and blobs not counted', async () => {
    const report = await pulls(done.json.manifest, ['json.log']);
    expectWhatTheTestDid(report, done.json, 'distribution registry log (JSON)');
  });

  test('the access log alone tells the same story as the JSON log', async () => {
    const json = await pulls(done.json.manifest, ['json.log']);
    const access = await pulls(done.json.manifest, ['access.log']);
    expectWhatTheTestDid(access, done.json, 'distribution registry access log');
    // The same images, pulls and clients; the access log's times are whole seconds.
    const comparable = (report: Report) =>
      report.images
        .map((image) => ({
          ...image,
          last: image.last?.slice(0, 19),
          clients: image.clients.map((client) => `${client.agent} ${client.address} ${client.pulls}`).sort(),
        }))
        .sort((a, b) =>
          `${a.repository}:${a.tag}@${a.digest}`.localeCompare(`${b.repository}:${b.tag}@${b.digest}`),
        );
    expect(comparable(access)).toEqual(comparable(json));
    expect(access.own.pulls).toBe(json.own.pulls);
  });

  test('the text log mixed with the access log (docker logs): each request counted once', async () => {
    const report = await pulls(done.text.manifest, ['text-and-access.log']);
    expectWhatTheTestDid(report, done.text, 'distribution registry log (text)');
    // Both logs name each manifest GET or HEAD: as many text lines as access lines, each request counted once.
    const lines = readFileSync(path.join(dir, 'text-and-access.log'), 'utf8').split('\n');
    const application = lines.filter(
      (line) =>
        /^time=.* msg="response completed/.test(line) &&
        /method=(GET|HEAD) .*uri="?\/v2\/\S+\/manifests\//.test(line),
    );
    const access = lines.filter((line) => /^127\.0\.0\.1 .* "(GET|HEAD) \/v2\/\S+\/manifests\//.test(line));
    expect(application.length).toBe(access.length);
    expect(report.pulls + report.own.pulls + report.notCounted.failed).toBe(access.length);
  });

  test('the notifications: pulls with the digest each tag resolved to; blob pulls and pushes are not image pulls', async () => {
    const report = await pulls(done.json.manifest, ['events.jsonl']);
    const test = done.json;
    expect(report.sources).toEqual([
      expect.objectContaining({ format: 'distribution registry notifications', skipped: 0 }),
    ]);
    const tagged = report.images.filter((image) => image.repository === 'team/api' && image.tag === '1.0');
    expect(tagged.map((image) => image.digest)).toEqual([test.api]);
    expect(pullsBy(report, 'team/api:1.0', test.curlAgent)).toBe(2);
    expect(pullsBy(report, `team/api@${test.api}`, test.curlAgent)).toBe(2);
    expect(pullsBy(report, 'team/api:1.0', 'skopeo/')).toBe(2);
    expect(pullsBy(report, `team/web@${test.webAmd64}`, 'docker/')).toBe(1);
    // The same pulls as the JSON log (notifications have no failed requests).
    const json = await pulls(test.manifest, ['json.log']);
    expect(report.pulls).toBe(json.pulls);
    expect(report.own.pulls).toBe(json.own.pulls);
    expect(receiver.refused()).toBe(0);
  });

  test('gzip is told by its bytes, not its name; the window leaves old pulls out', async () => {
    writeFileSync(path.join(dir, 'registry.log'), gzipSync(readFileSync(path.join(dir, 'json.log'))));
    const plain = await pulls(done.json.manifest, ['json.log']);
    const zipped = await pulls(done.json.manifest, ['registry.log']);
    expect(zipped.images).toEqual(plain.images);
    const before = await pulls(done.json.manifest, ['registry.log'], ['--now', '2020-01-01', '--days', '7']);
    expect([before.pulls, before.images, before.own.pulls]).toEqual([0, [], 0]);
    expect(before.notCounted.outsideWindow).toBe(plain.pulls + plain.own.pulls);
  });

  test('damaged lines are counted and skipped, the first few shown with their line numbers', async () => {
    const lines = readFileSync(path.join(dir, 'json.log'), 'utf8').trimEnd().split('\n');
    // A pull line cut short, as when a disk fills or a copy is interrupted, three times.
    const pull = lines.findIndex(
      (line) => line.includes('/manifests/') && line.includes(done.json.curlAgent),
    );
    const cut = lines[pull]!.slice(0, Math.floor(lines[pull]!.length / 2));
    const damaged = [...lines.slice(0, 3), cut, ...lines.slice(3, 10), cut, cut, ...lines.slice(10)];
    writeFileSync(path.join(dir, 'damaged.log'), `${damaged.join('\n')}\n`);
    const report = await pulls(done.json.manifest, ['damaged.log']);
    const plain = await pulls(done.json.manifest, ['json.log']);
    expect(report.sources[0]).toMatchObject({ skipped: 3 });
    expect(report.sources[0]!.problems.map((problem) => problem.split(':')[0])).toEqual([
      'line 4',
      'line 12',
      'line 13',
    ]);
    expect(report.images).toEqual(plain.images);
    const text = await runCli(['pulls', '--manifest', done.json.manifest, '--evidence', 'damaged.log'], {
      cwd: dir,
    });
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('damaged.log: 3 lines skipped as unreadable (first: line 4:');
  });

  test('a file that is not evidence, or of which nothing can be read, is exit 2 naming the file and the line', async () => {
    copyFileSync(done.json.manifest, path.join(dir, 'not-evidence.yml'));
    const notEvidence = await runCli(
      ['pulls', '--manifest', done.json.manifest, '--evidence', 'not-evidence.yml'],
      {
        cwd: dir,
      },
    );
    expect(notEvidence.code).toBe(2);
    expect(notEvidence.stderr).toContain(
      'not-evidence.yml:1: not pull evidence cutover can read: "version: 1"',
    );
    // Every manifest request's line cut just after its URI: nothing can be read from the log.
    const lines = readFileSync(path.join(dir, 'json.log'), 'utf8').trimEnd().split('\n');
    const others = lines.filter((line) => !line.includes('/manifests/'));
    const cut = lines
      .filter((line) => line.includes('/manifests/'))
      .map((line) => line.slice(0, line.indexOf('/manifests/') + 20));
    writeFileSync(path.join(dir, 'all-damaged.log'), `${[...others, ...cut].join('\n')}\n`);
    const unreadable = await runCli(
      ['pulls', '--manifest', done.json.manifest, '--evidence', 'all-damaged.log'],
      {
        cwd: dir,
      },
    );
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain(
      `all-damaged.log:${others.length + 1}: nothing could be read as distribution registry log (JSON): `,
    );
    const missing = await runCli(['pulls', '--manifest', done.json.manifest, '--evidence', 'nowhere.log'], {
      cwd: dir,
    });
    expect([missing.code, missing.stderr]).toEqual([
      2,
      expect.stringContaining('nowhere.log: cannot read the evidence file (ENOENT)'),
    ]);
  });

  test('the terminal report and the action: headline, top images and clients, job summary, outputs', async () => {
    const text = await runCli(['pulls', '--manifest', done.json.manifest, '--evidence', 'json.log'], {
      cwd: dir,
    });
    expect(text.code).toBe(0);
    const json = await pulls(done.json.manifest, ['json.log']);
    expect(text.stdout.split('\n')[0]).toMatch(
      new RegExp(
        `^${json.images.length} images pulled from the old registry by 4 clients in the last 30 days \\(.*\\): ${json.pulls} pulls$`,
      ),
    );
    expect(text.stdout).toContain('top images:');
    expect(text.stdout).toContain(`team/api:1.0`);
    expect(text.stdout).toContain(`cutover's own pulls (not counted): ${json.own.pulls} pulls`);
    const runner = runnerFiles();
    const action = await runAction(['pulls'], {
      cwd: dir,
      env: {
        ...runner.env,
        INPUT_MANIFEST: done.json.manifest,
        INPUT_EVIDENCE: 'json.log\naccess.log\n',
        INPUT_DAYS: '30',
      },
    });
    expect(action.code).toBe(0);
    expect(runner.outputs()).toMatchObject({
      pulls: String(json.pulls * 2),
      images: String(json.images.length),
      clients: '4',
    });
    expect(runner.summary()).toContain('| Image | Pulls | Last pull (UTC) | Clients |');
    expect(runner.summary()).toContain('`team/api:1.0`');
  });
});
