/**
 * `npm run demo`: rehearses a whole registry migration on this machine. Two real registries
 * (docker-registry on loopback) stand in for the old and the new one, the old one is seeded with
 * a small organisation's images, and the CLI bundle's commands run at dates across the timeline —
 * plan → copy-tags → push → guard → status — printing what each team would see.
 *
 * Steps whose command this build of cutover does not have are announced and skipped, so the demo
 * works on any build. Set CUTOVER_BUNDLE to rehearse another build's dist/index.js.
 *
 * `npm run build` also bundles this script into dist/rehearsal/index.js, which `scripts/demo.sh` runs:
 * a fresh clone rehearses without `npm install` (the GitHub API stand-in then routes requests without
 * checking them against GitHub's OpenAPI description, a development dependency).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDockerd, type TestDockerd } from '../test/harness/dockerd.js';
import { seedImageHttp } from '../test/harness/http-seed.js';
import { startRegistry } from '../test/harness/registry.js';
import { serveRepositories, startGitHubApi } from '../test/harness/github-api.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLE = process.env['CUTOVER_BUNDLE'] ?? path.join(ROOT, 'dist/index.js');

/** The timeline of the rehearsal. */
const DAYS = {
  before: '2030-02-15',
  opening: '2030-03-02',
  dual: '2030-03-10',
  readOnly: '2030-04-05',
  failFrom: '2030-04-20',
  lastCheck: '2030-04-28',
  retired: '2030-05-02',
};

/** The organisation's images in the old registry, oldest tag first. */
const OLD_IMAGES: Record<string, string[]> = {
  'base/jdk': ['1.8.0', '17.0.1'],
  'base/alpine': ['3.18'],
  'tools/builder': ['2.3.0', '2.4.0'],
  api: ['3.1.0', '3.2.0'],
  auth: ['1.4.2'],
  web: ['1.0'],
};

/** Who pushes what during the rehearsal: a new release of each produced image. */
const RELEASES: { repo: string; image: string; tag: string }[] = [
  { repo: 'acme/base-images', image: 'base/jdk', tag: '17.0.2' },
  { repo: 'acme/base-images', image: 'base/alpine', tag: '3.19' },
  { repo: 'acme/build-tools', image: 'tools/builder', tag: '2.5.0' },
  { repo: 'acme/auth', image: 'auth', tag: '1.5.0' },
  { repo: 'acme/api', image: 'api', tag: '3.3.0' },
  { repo: 'acme/web', image: 'web', tag: '1.1' },
];

/** The shipped rehearsal manifest, with the addresses of the registries this run started. */
function manifestText(oldHost: string, newHost: string): string {
  const shipped = readFileSync(path.join(ROOT, 'examples/rehearsal/cutover.yml'), 'utf8');
  return shipped.replace(`'127.0.0.1:5000'`, `'${oldHost}'`).replace(`'127.0.0.1:5001'`, `'${newHost}'`);
}

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const dim = (text: string) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);

function banner(day: string, title: string): void {
  process.stdout.write(`\n${bold(`━━ ${day} · ${title} ${'━'.repeat(Math.max(3, 70 - title.length))}`)}\n`);
}

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
}

/** The commands this build of cutover has, from its --help. */
async function availableCommands(): Promise<Set<string>> {
  const help = await cutover(['--help'], {}, false);
  const section = help.stdout.split('Commands:')[1]?.split('\n\n')[0] ?? '';
  return new Set(
    section
      .split('\n')
      .map((line) => line.trim().split(/\s+/)[0] ?? '')
      .filter(Boolean),
  );
}

/** Runs the CLI bundle as a team's workflow would, prints its log, and returns what it said. */
function cutover(args: string[], env: NodeJS.ProcessEnv, show = true, cwd = ROOT): Promise<Run> {
  const summaryDir = mkdtempSync(path.join(os.tmpdir(), 'cutover-demo-summary-'));
  const summaryFile = path.join(summaryDir, 'summary.md');
  writeFileSync(summaryFile, '');
  if (show) say(dim(`$ cutover ${args.join(' ')}`));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BUNDLE, ...args],
      {
        cwd,
        env: {
          PATH: process.env['PATH'],
          HOME: process.env['HOME'],
          GITHUB_STEP_SUMMARY: summaryFile,
          ...env,
        },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        const summary = readFileSync(summaryFile, 'utf8');
        rmSync(summaryDir, { recursive: true, force: true });
        if (show) {
          for (const line of stderr.trimEnd().split('\n').filter(Boolean)) say(`  │ ${line}`);
          say(`  └ exit ${code}${code === 0 ? '' : code === 1 ? ' (the check failed)' : ' (bad input)'}`);
        }
        resolve({ code, stdout, stderr, summary });
      },
    );
  });
}

/** The job summary as a terminal shows it: Mermaid charts become a one-line note. */
function showSummary(markdown: string, sections?: RegExp): void {
  const text = markdown.replace(/```mermaid\n([\s\S]*?)```/g, (_, chart: string) => {
    const nodes = chart.split('\n').filter((line) => /^\s+\w+\[/.test(line)).length;
    return `[Mermaid chart with ${nodes} nodes: rendered in the job summary on GitHub]`;
  });
  const parts = sections
    ? text.split(/\n(?=#### )/).filter((part, index) => index === 0 || sections.test(part))
    : [text];
  for (const line of parts.join('\n').trimEnd().split('\n')) say(`  ${line}`);
}

async function main(): Promise<void> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
  const commands = await availableCommands();
  const has = (name: string) => commands.has(name);
  const missing = ['plan', 'copy-tags', 'push', 'guard', 'status'].filter((name) => !has(name));
  say(bold('cutover rehearsal: a small organisation moves to a new container registry'));
  say(`bundle ${path.relative(process.cwd(), BUNDLE) || BUNDLE}: commands ${[...commands].join(', ')}`);
  if (missing.length > 0) say(`this build has no ${missing.join(', ')} command: those steps are skipped`);

  const work = mkdtempSync(path.join(os.tmpdir(), 'cutover-demo-'));
  const started: { stop(): Promise<void> }[] = [];
  let dockerd: TestDockerd | undefined;
  try {
    // The old registry logs its requests (JSON): the last check reads that log for what still pulls.
    const [old, next] = await Promise.all([startRegistry({ log: { formatter: 'json' } }), startRegistry()]);
    started.push(old, next);
    say(`old registry ${old.host}, new registry ${next.host} (docker-registry on loopback)`);
    if (has('push')) {
      dockerd = await startDockerd();
      started.push(dockerd);
      say(`Docker engine on ${dockerd.host} (for push)`);
    }
    const manifest = path.join(work, 'cutover.yml');
    writeFileSync(manifest, manifestText(old.host, next.host));
    let seeded = 0;
    for (const [image, tags] of Object.entries(OLD_IMAGES)) {
      for (const [index, tag] of tags.entries()) {
        await seedImageHttp(old, `${image}:${tag}`, {
          layers: [{ seed: `${image}:${tag}`, size: 64 * 1024 }],
          created: `2020-0${index + 1}-15T00:00:00Z`,
        });
        seeded++;
      }
    }
    say(`seeded the old registry with ${seeded} tags of ${Object.keys(OLD_IMAGES).length} images`);

    const env = (day: string): NodeJS.ProcessEnv => ({
      CUTOVER_NOW: day,
      ...(dockerd && { DOCKER_HOST: dockerd.host }),
    });
    const step = async (name: string, day: string, args: string[], extra: NodeJS.ProcessEnv = {}) => {
      if (!has(name)) {
        say(dim(`  ⏭ skipped: this build of cutover has no "${name}" command yet`));
        return undefined;
      }
      return cutover([name, '--manifest', manifest, ...args], { ...env(day), ...extra });
    };

    // A team repository that still names the old registry, for guard.
    const webRepo = path.join(work, 'acme-web');
    mkdirSync(path.join(webRepo, 'deploy'), { recursive: true });
    writeFileSync(path.join(webRepo, 'Dockerfile'), `FROM ${old.host}/api:3.1.0\nCOPY site /srv\n`);
    writeFileSync(
      path.join(webRepo, 'deploy', 'web.yaml'),
      `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ${old.host}/web:1.0\n`,
    );

    // The organisation's repositories on a GitHub stand-in, for the census of `status --scan-repos`.
    const repos = new Map<string, string | number>([['acme/web', webRepo]]);
    for (const name of ['acme/base-images', 'acme/build-tools', 'acme/api', 'acme/auth', 'acme/docs']) {
      const dir = path.join(work, name.replace('/', '-'));
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'README.md'), `# ${name}\n`);
      await commitAll(dir, 'initial');
      repos.set(name, dir);
    }
    await commitAll(webRepo, 'initial');
    const github = await startGitHubApi({ unchecked: 'without-spec' });
    started.push(github);
    serveRepositories(github, repos);
    say(`GitHub API stand-in on ${github.url}, serving ${repos.size} repositories (for status --scan-repos)`);
    const census = ['--newest', '1', '--scan-repos'];
    const censusEnv = {
      GITHUB_TOKEN: 'demo-token',
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.example',
    };

    banner(DAYS.before, 'before the new registry opens: the platform team plans');
    const plan = await step('plan', DAYS.before, []);
    if (plan) showSummary(plan.summary, /^#### (.*cycles?\b|Wave)/);
    await step('status', DAYS.before, ['--newest', '1']);

    banner(DAYS.opening, 'the new registry opens: copy-tags carries old tags across');
    await step('copy-tags', DAYS.opening, ['--dry-run']);
    await step('copy-tags', DAYS.opening, []);

    banner(DAYS.dual, 'dual push: every producing team releases, to both registries');
    for (const release of RELEASES) {
      if (!has('push') || !dockerd) {
        say(
          dim(
            `  ⏭ ${release.repo} would push ${release.image}:${release.tag} (no push command in this build)`,
          ),
        );
        continue;
      }
      say(`${release.repo} (${release.image}:${release.tag}):`);
      const local = await buildImage(dockerd, work, release.image, release.tag);
      await step('push', DAYS.dual, ['--image', local, '--repository', release.image, '--tag', release.tag]);
    }
    say('team-web checks its repository:');
    const refs = path.join(work, 'refs.json');
    await step('guard', DAYS.dual, ['--path', webRepo, '--export-refs', refs]);
    const status = await step('status', DAYS.dual, census, censusEnv);
    if (status) showSummary(status.summary, /^#### (Repositories|References)/);

    banner(DAYS.readOnly, 'the old registry is read-only: pushes go to the new one only');
    if (has('push') && dockerd) {
      const local = await buildImage(dockerd, work, 'web', '1.2');
      say('acme/web (web:1.2):');
      await step('push', DAYS.readOnly, ['--image', local, '--repository', 'web', '--tag', '1.2']);
    }
    await step('copy-tags', DAYS.readOnly, existsSync(refs) ? ['--refs', refs] : []);

    banner(DAYS.failFrom, 'references to the old registry now fail the build');
    say('team-web, before and after guard --fix:');
    const failing = await step('guard', DAYS.failFrom, ['--path', webRepo]);
    if (failing && failing.code !== 0) {
      await cutover(['guard', '--manifest', manifest, '--path', webRepo, '--fix'], env(DAYS.failFrom));
      await step('guard', DAYS.failFrom, ['--path', webRepo]);
      await commitAll(webRepo, 'cutover guard --fix');
      say('team-web pushes the fix to its default branch.');
    }

    banner(DAYS.lastCheck, 'the last check before shutdown: are the exit criteria met?');
    // What still pulls: the old registry's own log, and the production cluster's workloads, where the
    // data team's monthly CronJob still runs api:3.1.0 from the old registry.
    const pullLog = path.join(work, 'old-registry.log');
    const cluster = path.join(work, 'prod.json');
    writeFileSync(pullLog, readFileSync(old.logFile));
    writeFileSync(cluster, workloadList(`${old.host}/api:3.1.0`, `${next.host}/web:1.2`));
    const evidence = ['--evidence', pullLog, '--evidence', cluster];
    const eve = await step('status', DAYS.lastCheck, [...census, ...evidence], censusEnv);
    if (eve) showSummary(eve.summary, /^#### Still pulling/);
    say('the data team moves its CronJob to the new registry; the cluster is listed again:');
    writeFileSync(cluster, workloadList(`${next.host}/api:3.1.0`, `${next.host}/web:1.2`));
    const last = await step('status', DAYS.lastCheck, [...census, ...evidence], censusEnv);
    if (last) showSummary(last.summary, /^#### (Repositories|References|Left only)/);

    banner(DAYS.retired, 'the old registry is shut down');
    await old.stop();
    if (has('push') && dockerd) {
      const local = await buildImage(dockerd, work, 'api', '3.4.0');
      say('acme/api (api:3.4.0):');
      await step('push', DAYS.retired, ['--image', local, '--repository', 'api', '--tag', '3.4.0']);
    }
    await step('status', DAYS.retired, ['--newest', '1']);
    say(
      `\n${bold('rehearsal done.')} Steps exercised: ${['plan', 'copy-tags', 'push', 'guard', 'status'].filter(has).join(', ')}.`,
    );
  } finally {
    for (const server of started.reverse()) await server.stop().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * What `kubectl get pods,deployments,…,cronjobs -A -o json` prints for the rehearsal's production
 * cluster: the web Deployment and a monthly CronJob of the data team, on the images given.
 */
function workloadList(reportImage: string, webImage: string): string {
  const template = (name: string, image: string) => ({
    metadata: { labels: { app: name } },
    spec: { containers: [{ name, image, imagePullPolicy: 'IfNotPresent' }], restartPolicy: 'OnFailure' },
  });
  const items = [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop', uid: 'b1f0c2d4-0001-4a5b-9c6d-7e8f9a0b1c2d' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template('web', webImage) },
      status: { availableReplicas: 2, readyReplicas: 2, replicas: 2 },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'monthly-report', namespace: 'data', uid: 'b1f0c2d4-0002-4a5b-9c6d-7e8f9a0b1c2d' },
      spec: {
        schedule: '0 3 1 * *',
        suspend: false,
        jobTemplate: { spec: { template: template('report', reportImage) } },
      },
      status: { lastScheduleTime: '2030-04-01T03:00:00Z' },
    },
  ];
  return `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`;
}

/** Commits everything in `dir` (a git repository, made on the first call), as a team pushing to its default branch. */
async function commitAll(dir: string, message: string): Promise<void> {
  const git = (args: string[]) =>
    new Promise<void>((resolve, reject) =>
      execFile(
        'git',
        ['-C', dir, ...args],
        {
          env: {
            PATH: process.env['PATH'],
            HOME: process.env['HOME'],
            GIT_AUTHOR_NAME: 'demo',
            GIT_AUTHOR_EMAIL: 'demo@example.com',
            GIT_COMMITTER_NAME: 'demo',
            GIT_COMMITTER_EMAIL: 'demo@example.com',
          },
        },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
  if (!existsSync(path.join(dir, '.git'))) await git(['init', '-q', '-b', 'main']);
  await git(['add', '-A']);
  await git(['commit', '-q', '--allow-empty', '-m', message]);
}

/** A tiny image in the demo's Docker engine, made with `docker import` (no base image to pull). */
async function buildImage(dockerd: TestDockerd, work: string, image: string, tag: string): Promise<string> {
  const dir = mkdtempSync(path.join(work, 'image-'));
  writeFileSync(path.join(dir, 'release.txt'), `${image}:${tag}\n`);
  const tarball = path.join(work, `${image.replace(/\//g, '-')}-${tag}.tar`);
  await new Promise<void>((resolve, reject) =>
    execFile('tar', ['-cf', tarball, '-C', dir, '.'], (error) => (error ? reject(error) : resolve())),
  );
  const local = `demo/${image}:${tag}`;
  await dockerd.docker(['import', tarball, local]);
  return local;
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
