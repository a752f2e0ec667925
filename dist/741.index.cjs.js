"use strict";
exports.id = 741;
exports.ids = [741];
exports.modules = {

/***/ 16741:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  status: () => (/* binding */ command_status)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/github/connect.js
var connect = __webpack_require__(83730);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
;// CONCATENATED MODULE: ./lib/src/github/dashboard.js

/** GitHub refuses issue bodies longer than this. */
const ISSUE_BODY_LIMIT = 65_536;
/** Marks the issues cutover keeps, so a person can tell it is generated. */
const DASHBOARD_MARKER = '<!-- cutover:dashboard — this body is rewritten by `cutover status --dashboard` -->';
/**
 * Parses `--dashboard`: `owner/repo#N`, `owner/repo:Title`, `#N` or a bare title (both in
 * GITHUB_REPOSITORY).
 * @throws UsageError naming what was expected
 */
function parseDashboardTarget(spec, env) {
    const text = spec.trim();
    const numbered = /^(?:([\w.-]+)\/([\w.-]+))?#(\d+)$/.exec(text);
    const titled = /^([\w.-]+)\/([\w.-]+):(.+)$/.exec(text);
    const here = () => {
        const repository = env['GITHUB_REPOSITORY'];
        const match = repository ? /^([\w.-]+)\/([\w.-]+)$/.exec(repository) : null;
        if (!match)
            throw new errors/* UsageError */.eb(`--dashboard ${JSON.stringify(spec)}: name the repository (owner/repo#N or owner/repo:Title); GITHUB_REPOSITORY is not set`);
        return { owner: match[1], repo: match[2] };
    };
    if (numbered) {
        const where = numbered[1] ? { owner: numbered[1], repo: numbered[2] } : here();
        return { ...where, number: Number(numbered[3]) };
    }
    if (titled)
        return { owner: titled[1], repo: titled[2], title: titled[3].trim() };
    if (!text)
        throw new errors/* UsageError */.eb('--dashboard: expected owner/repo#N, owner/repo:Title or a title');
    return { ...here(), title: text };
}
/** The body as it is written: the marker, the dashboard, cut to GitHub's limit if it must be. */
function dashboardBody(markdown) {
    const body = `${DASHBOARD_MARKER}\n\n${markdown}`;
    if (body.length <= ISSUE_BODY_LIMIT)
        return body;
    const note = '\n\n… (cut to GitHub’s issue size limit; the job summary has everything)';
    const budget = ISSUE_BODY_LIMIT - note.length;
    let room = budget;
    for (;;) {
        // Cut at a line's end (one within the last 4 kB), so no tag, table row or link is left half-written.
        let cut = body.slice(0, room);
        const lineEnd = cut.lastIndexOf('\n');
        if (lineEnd >= cut.length - 4096)
            cut = cut.slice(0, lineEnd + 1);
        // Never leave half a diagram (it would not render) or an open <details> (it would hide the note).
        const fence = cut.lastIndexOf('```mermaid');
        if (fence >= 0 && cut.indexOf('\n```', fence + 10) < 0)
            cut = cut.slice(0, fence);
        const open = (cut.match(/<details[ >]/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
        const closing = '\n\n</details>'.repeat(Math.max(0, open));
        if (cut.length + closing.length <= budget)
            return cut + closing + note;
        room = Math.min(room - 1, budget - closing.length);
    }
}
/**
 * Writes the dashboard into the issue: by number it updates that issue; by title it looks
 * through the open issues for that exact title first and creates the issue only when none has it.
 * An unchanged body is left alone, so watchers are not notified for nothing.
 */
async function updateDashboard(octokit, target, markdown) {
    const body = dashboardBody(markdown);
    const { owner, repo } = target;
    let existing;
    if ('number' in target) {
        existing = (await octokit.rest.issues.get({ owner, repo, issue_number: target.number })).data;
    }
    else {
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
            owner,
            repo,
            state: 'open',
            per_page: 100,
        })) {
            existing = page.data.find((issue) => issue.title === target.title && !issue.pull_request);
            if (existing)
                break;
        }
        if (!existing) {
            const created = await octokit.rest.issues.create({ owner, repo, title: target.title, body });
            return { number: created.data.number, url: created.data.html_url, action: 'created' };
        }
    }
    if (existing.body === body)
        return { number: existing.number, url: existing.html_url, action: 'unchanged' };
    const updated = await octokit.rest.issues.update({ owner, repo, issue_number: existing.number, body });
    return { number: updated.data.number, url: updated.data.html_url, action: 'updated' };
}

// EXTERNAL MODULE: ./lib/src/oci/client.js + 17 modules
var client = __webpack_require__(11024);
// EXTERNAL MODULE: ./lib/src/pulls/aggregate.js + 18 modules
var aggregate = __webpack_require__(65033);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./lib/src/manifest/load.js + 1 modules
var load = __webpack_require__(71554);
// EXTERNAL MODULE: ./lib/src/guard/policy.js
var policy = __webpack_require__(10620);
// EXTERNAL MODULE: ./lib/src/guard/scan.js + 14 modules
var guard_scan = __webpack_require__(80082);
// EXTERNAL MODULE: ./lib/src/guard/readers.js + 1 modules
var guard_readers = __webpack_require__(61358);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var shared_markdown = __webpack_require__(51477);
;// CONCATENATED MODULE: ./lib/src/github/tarball.js
/**
 * Reading a repository's default branch through the GitHub API: its head commit (one small
 * request) and its tarball (one request), unpacked into a directory for guard's scanner.
 */




/** The commit the default branch points at: one request, answered with the bare SHA. */
async function headCommit(octokit, repo) {
    const [owner, name] = splitRepo(repo);
    const response = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', {
        owner,
        repo: name,
        ref: 'HEAD',
        mediaType: { format: 'sha' },
    });
    const sha = String(response.data).trim();
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha))
        throw new Error(`GitHub answered the head commit of ${repo} with ${JSON.stringify(sha.slice(0, 80))}, not a SHA`);
    return sha;
}
/** The gzipped tarball of `repo` at `commit` (GitHub redirects to its archive host; fetch follows). */
async function downloadTarball(octokit, repo, commit) {
    const [owner, name] = splitRepo(repo);
    const response = await octokit.rest.repos.downloadTarballArchive({ owner, repo: name, ref: commit });
    const data = response.data;
    if (data instanceof ArrayBuffer)
        return Buffer.from(data);
    if (Buffer.isBuffer(data))
        return data;
    throw new Error(`GitHub answered the tarball of ${repo} with ${typeof data}, not an archive`);
}
/** The caps used unless the admin raises them (`status --census-limits`). */
const DEFAULT_UNPACK_LIMITS = {
    totalBytes: 2_000_000_000,
    files: 200_000,
    fileBytes: 500_000_000,
};
/** A tarball over one of the {@link UnpackLimits}; the message gives the figure and the cap. */
class TooLargeError extends Error {
    limit;
    constructor(limit, message) {
        super(message);
        this.limit = limit;
        this.name = 'TooLargeError';
    }
}
/** Metadata entries (pax headers, GNU long names) are small; a larger one is not a real archive. */
const META_LIMIT = 1 << 20;
/**
 * Unpacks a gzipped tar archive as GitHub makes them (`git archive`: ustar with pax headers, one
 * top directory `owner-repo-sha/`, which is dropped) into `dir`, streaming: memory holds one file
 * of at most `maxFileSize` at a time, whatever the archive unpacks to. Only plain files are
 * written; every path is checked to stay inside `dir` (no absolute paths, no `..`), links are never
 * made. Files larger than `maxFileSize` are counted and left out.
 * @throws TooLargeError past one of `limits` (nothing more is unpacked)
 * @throws Error when the archive is not a valid tar.gz
 */
async function unpackTarball(gzipped, dir, maxFileSize, limits = DEFAULT_UNPACK_LIMITS) {
    const result = { files: 0, tooLarge: 0, other: 0, paths: [] };
    const gunzip = (0,external_node_zlib_.createGunzip)();
    gunzip.end(gzipped);
    let header = Buffer.alloc(0);
    let padding = 0;
    let total = 0;
    let offset = 0;
    let ended = false;
    let longName;
    let paxSize;
    /** The entry whose content is streaming; `keep` collects it (a file to write or a metadata entry). */
    let entry;
    const finish = (done) => {
        const body = done.keep ? Buffer.concat(done.keep) : Buffer.alloc(0);
        if (done.type === 'x') {
            const records = paxRecords(body);
            longName = records['path'] ?? longName;
            if (records['size'] !== undefined)
                paxSize = Number(records['size']);
        }
        else if (done.type === 'L')
            longName = body.toString('utf8').replace(/\0.*$/s, '');
        else if (done.target) {
            (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(done.target), { recursive: true });
            (0,external_node_fs_.writeFileSync)(done.target, body);
            result.files++;
        }
    };
    const start = (block) => {
        checkChecksum(block, offset);
        const size = paxSize ?? parseOctal(block.subarray(124, 136), 'size');
        paxSize = undefined;
        if (!Number.isSafeInteger(size) || size < 0)
            throw new Error(`not a tar archive (size ${size} at byte ${offset})`);
        const type = String.fromCharCode(block[156]);
        const current = { type, name: '', remaining: size };
        padding = (512 - (size % 512)) % 512;
        if (type === 'x' || type === 'L') {
            if (size > META_LIMIT)
                throw new Error(`not a tar archive (a ${size}-byte header entry at byte ${offset})`);
            current.keep = [];
        }
        else if (type === '0' || type === '\0') {
            const name = longName ?? headerName(block);
            const relative = name.split('/').slice(1).join('/');
            if (relative) {
                const target = external_node_path_.resolve(dir, relative);
                if (external_node_path_.isAbsolute(relative) || !target.startsWith(external_node_path_.resolve(dir) + external_node_path_.sep))
                    throw new Error(`the archive names a path outside its directory: ${JSON.stringify(name)}`);
                if (result.paths.length >= limits.files)
                    throw new TooLargeError('files', `more than ${limits.files.toLocaleString('en-US')} files`);
                if (size > limits.fileBytes)
                    throw new TooLargeError('fileBytes', `${relative} is ${(0,shared_markdown/* formatBytes */.z3)(size)}, over the ${(0,shared_markdown/* formatBytes */.z3)(limits.fileBytes)} cap for one file`);
                result.paths.push(relative);
                if (size > maxFileSize)
                    result.tooLarge++;
                else {
                    current.keep = [];
                    current.target = target;
                }
            }
        }
        else if (type !== '5' && type !== 'g')
            result.other++;
        if (type !== 'x' && type !== 'L' && type !== 'g')
            longName = undefined;
        offset += 512 + size + padding;
        if (size === 0)
            finish(current);
        else
            entry = current;
    };
    try {
        for await (const chunk of gunzip) {
            total += chunk.length;
            if (total > limits.totalBytes)
                throw new TooLargeError('totalBytes', `more than ${(0,shared_markdown/* formatBytes */.z3)(limits.totalBytes)} unpacked`);
            let at = 0;
            while (at < chunk.length && !ended) {
                if (entry) {
                    const take = Math.min(entry.remaining, chunk.length - at);
                    entry.keep?.push(chunk.subarray(at, at + take));
                    entry.remaining -= take;
                    at += take;
                    if (entry.remaining === 0) {
                        const done = entry;
                        entry = undefined;
                        finish(done);
                    }
                }
                else if (padding > 0) {
                    const take = Math.min(padding, chunk.length - at);
                    padding -= take;
                    at += take;
                }
                else {
                    const take = Math.min(512 - header.length, chunk.length - at);
                    header = Buffer.concat([header, chunk.subarray(at, at + take)]);
                    at += take;
                    if (header.length < 512)
                        continue;
                    const block = header;
                    header = Buffer.alloc(0);
                    if (block.every((byte) => byte === 0))
                        ended = true;
                    else
                        start(block);
                }
            }
            if (ended)
                break;
        }
    }
    finally {
        gunzip.destroy();
    }
    if (entry || (!ended && header.length > 0))
        throw new Error(`the archive ends inside an entry at byte ${offset}`);
    return result;
}
function splitRepo(repo) {
    const [owner, name] = repo.split('/');
    return [owner, name];
}
function parseOctal(field, what) {
    const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
    if (!/^[0-7]*$/.test(text))
        throw new Error(`not a tar archive (${what} field ${JSON.stringify(text)})`);
    return text ? parseInt(text, 8) : 0;
}
function checkChecksum(header, offset) {
    const expected = parseOctal(header.subarray(148, 156), 'checksum');
    let sum = 0;
    for (let i = 0; i < 512; i++)
        sum += i >= 148 && i < 156 ? 32 : header[i];
    if (sum !== expected)
        throw new Error(`not a tar archive (bad header checksum at byte ${offset})`);
}
function headerName(header) {
    const field = (start, length) => header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const prefix = header.subarray(257, 262).toString('latin1') === 'ustar' ? field(345, 155) : '';
    const name = field(0, 100);
    return prefix ? `${prefix}/${name}` : name;
}
/** pax extended header records: `length key=value\n`. */
function paxRecords(body) {
    const records = {};
    let at = 0;
    while (at < body.length) {
        const space = body.indexOf(0x20, at);
        if (space < 0)
            break;
        const length = Number(body.subarray(at, space).toString('latin1'));
        if (!Number.isInteger(length) || length <= 0)
            break;
        const record = body.subarray(space + 1, at + length - 1).toString('utf8');
        const equals = record.indexOf('=');
        if (equals > 0)
            records[record.slice(0, equals)] = record.slice(equals + 1);
        at += length;
    }
    return records;
}

;// CONCATENATED MODULE: ./lib/src/github/tree.js
/** Every plain file of `repo` at `commit`: one request (`git/trees/{sha}?recursive=1`). */
async function treeFiles(octokit, repo, commit) {
    const [owner, name] = repo.split('/');
    const response = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
        owner,
        repo: name,
        tree_sha: commit,
        recursive: '1',
    });
    const data = response.data;
    if (!Array.isArray(data.tree) || typeof data.truncated !== 'boolean')
        throw new Error(`GitHub answered the tree of ${repo} with something that is not a tree`);
    const files = new Map();
    for (const item of data.tree) {
        // 120000 is a symbolic link, which the census never follows (as the tarball's unpacking).
        if (item.type !== 'blob' || item.mode === '120000')
            continue;
        if (typeof item.path !== 'string' || typeof item.sha !== 'string' || !/^[0-9a-f]{40,64}$/.test(item.sha))
            throw new Error(`GitHub answered the tree of ${repo} with an entry that is not a file: ${JSON.stringify(item).slice(0, 120)}`);
        files.set(item.path, { sha: item.sha, size: typeof item.size === 'number' ? item.size : 0 });
    }
    return { files, truncated: data.truncated };
}
/** The bytes of one blob (`git/blobs/{sha}`, base64 in JSON); checked against the size the tree gave. */
async function blobBytes(octokit, repo, file) {
    const [owner, name] = repo.split('/');
    const response = await octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
        owner,
        repo: name,
        file_sha: file.sha,
    });
    const { content, encoding } = response.data;
    if (typeof content !== 'string' || (encoding !== 'base64' && encoding !== 'utf-8'))
        throw new Error(`GitHub answered blob ${file.sha} of ${repo} with something that is not a blob`);
    const bytes = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8');
    if (bytes.length !== file.size)
        throw new Error(`GitHub answered blob ${file.sha} of ${repo} with ${bytes.length} bytes, not ${file.size}`);
    return bytes;
}

// EXTERNAL MODULE: ./lib/src/github/http-status.js
var http_status = __webpack_require__(14501);
// EXTERNAL MODULE: ./lib/src/shared/limiter.js
var limiter = __webpack_require__(17870);
;// CONCATENATED MODULE: ./lib/src/status/census.js
/**
 * The reference census: what every repository of the manifest still says about the old registry.
 * Each repository's default branch is read through the GitHub API (its head commit, then its
 * tarball), unpacked into a temporary directory and searched by guard's own scanner, so the census
 * finds exactly what `cutover guard` would find in that repository. A tarball is not the whole
 * tree (`export-ignore` in `.gitattributes` leaves files out of it), so the tree is listed too and
 * every file the tarball lacks is read by its blob. Results are kept by commit SHA: an unchanged
 * repository costs one request. A repository that cannot be read, or only in part, or unpacks past
 * the caps (`--census-limits`), is "unknown", never "clean".
 */












const TEN_MEGABYTES = 10 * 1000 * 1000;
/** Files a tarball lacks that are read one by one; past this the repository is only partly known. */
const MISSING_FILES_READ = 1000;
/** Takes the census of every repository in the manifest. */
async function takeCensus(options) {
    const started = performance.now();
    const { manifest } = options;
    const { old, new: next } = manifest.registries;
    const oldNames = [...new Set([old.host, ...old.aliases])];
    const fingerprint = JSON.stringify([oldNames, manifest.guard.allowFiles, manifest.guard.allowReferences]);
    const cache = readCache(options.cacheFile, fingerprint);
    let requests = 0;
    let done = 0;
    const counted = async (request) => {
        requests++;
        return request;
    };
    // One reader thread per repository scanned at a time, reused from one repository to the next:
    // booting a thread costs tens of milliseconds, a minute of CPU over 2,000 repositories.
    const idleReaders = [];
    const allReaders = [];
    const withReaders = async (use) => {
        let readers = idleReaders.pop();
        if (!readers)
            allReaders.push((readers = (0,guard_readers/* startReaders */.Z)(1)));
        try {
            return await use(readers);
        }
        finally {
            idleReaders.push(readers);
        }
    };
    const excluded = new Set(options.exclude ?? []);
    const read = manifest.repos.filter((repo) => !excluded.has(repo.name));
    const repos = await (0,limiter/* mapLimited */.bB)(read, options.concurrency, async ({ name: repo }) => {
        let result;
        let commit;
        try {
            const head = await counted(headCommit(options.github, repo));
            commit = head;
            const known = cache.repos[repo];
            if (known && known.commit === head && known.state !== 'unknown')
                result = { ...known, cached: true };
            else {
                const tarball = await counted(downloadTarball(options.github, repo, head));
                result = await withReaders((readers) => scanTarball(tarball, repo, head, options, readers, counted, {
                    old: old.host,
                    oldNames,
                    newHost: next.host,
                    paths: manifest.paths,
                }));
            }
        }
        catch (error) {
            result = {
                repo,
                state: 'unknown',
                ...(commit !== undefined && { commit }),
                references: [],
                ignored: 0,
                reason: error instanceof TooLargeError
                    ? `too large to census: ${error.message} (raise the cap with --census-limits, or leave the repository out with --census-exclude)`
                    : error instanceof PartialTree
                        ? `partial — unknown: ${error.message}`
                        : unreadable(error, commit === undefined ? 'reading its default branch' : 'reading its tarball'),
                cached: false,
            };
        }
        cache.repos[repo] = result;
        options.onProgress?.(++done, read.length, result);
        return result;
    }).finally(() => Promise.all(allReaders.map((readers) => readers.close())));
    if (options.cacheFile)
        (0,external_node_fs_.writeFileSync)(options.cacheFile, `${JSON.stringify(cache, null, 2)}\n`);
    return {
        repos,
        excluded: manifest.repos.filter((repo) => excluded.has(repo.name)).map((repo) => repo.name),
        requests,
        elapsedMs: performance.now() - started,
    };
}
/** A file's path for a URL in Markdown: each segment encoded, parentheses too (they would end a link). */
function urlPath(file) {
    return file
        .split('/')
        .map((part) => encodeURIComponent(part).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/');
}
/** The tree could be read only in part: the repository's references are not known. */
class PartialTree extends Error {
}
/**
 * Parses `--census-limits`: `total=2GB,files=200000,file=500MB` (any of the three; sizes in B, kB,
 * MB, GB, KiB, MiB, GiB), on top of {@link DEFAULT_UNPACK_LIMITS}.
 * @throws UsageError naming the part that is wrong and what was expected
 */
function parseUnpackLimits(text) {
    const limits = { ...DEFAULT_UNPACK_LIMITS };
    if (!text)
        return limits;
    const keys = { total: 'totalBytes', files: 'files', file: 'fileBytes' };
    for (const part of text
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [, key = '', value = ''] = /^([a-z]+)=(.*)$/.exec(part) ?? [];
        const field = keys[key];
        const number = /^(\d+(?:\.\d+)?)\s*(B|kB|KB|MB|GB|KiB|MiB|GiB)?$/i.exec(value);
        if (!field || !number)
            throw new errors/* UsageError */.eb(`--census-limits: "${part}" is not one of total=SIZE, files=COUNT, file=SIZE (e.g. total=4GB,files=300000,file=1GB)`);
        const units = {
            b: 1,
            kb: 1e3,
            mb: 1e6,
            gb: 1e9,
            kib: 1024,
            mib: 1024 ** 2,
            gib: 1024 ** 3,
        };
        const amount = Number(number[1]) * (field === 'files' ? 1 : units[(number[2] ?? 'b').toLowerCase()]);
        if (field === 'files' && number[2])
            throw new errors/* UsageError */.eb(`--census-limits: "${part}": files is a count, without a unit`);
        limits[field] = Math.floor(amount);
    }
    return limits;
}
async function scanTarball(tarball, repo, commit, options, readers, counted, hosts) {
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_.join(external_node_os_.tmpdir(), 'cutover-census-'));
    const limits = options.limits ?? DEFAULT_UNPACK_LIMITS;
    const maxFileSize = options.maxFileSize ?? TEN_MEGABYTES;
    try {
        if (tarball.length > limits.totalBytes)
            throw new TooLargeError('totalBytes', `a ${tarball.length}-byte archive, over the ${limits.totalBytes}-byte cap`);
        const unpacked = await unpackTarball(tarball, dir, maxFileSize, limits);
        const exportIgnored = await readMissing(repo, commit, new Set(unpacked.paths), dir, options, counted, limits);
        const scan = await (0,guard_scan/* scanTree */.w)({
            root: dir,
            hosts,
            maxFileSize: options.maxFileSize ?? TEN_MEGABYTES,
            // Each repository's own manifest names the old host by design.
            exclude: new Set(load/* DEFAULT_MANIFEST_PATHS */.$d),
            readers,
        });
        const { findings } = (0,policy/* applyPolicy */.V)(scan.findings, options.manifest, options.today);
        const open = findings.filter((finding) => !finding.ignored);
        return {
            repo,
            state: open.length > 0 ? 'references' : 'clean',
            commit,
            references: open.map((finding) => ({
                file: finding.file,
                line: finding.line,
                column: finding.column,
                kind: finding.kind,
                reference: finding.reference,
                dynamic: finding.partial,
                url: `${options.serverUrl}/${repo}/blob/${commit}/${urlPath(finding.file)}#L${finding.line}`,
            })),
            ignored: findings.length - open.length,
            ...(exportIgnored > 0 && { exportIgnored }),
            cached: false,
        };
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
/**
 * Lists the whole tree and reads every file the tarball lacks (export-ignore) by its blob into
 * `dir`; returns how many were read. Files the scanner would skip for their size are not read.
 * @throws PartialTree when the tree listing is cut or too many files are missing to read one by one
 */
async function readMissing(repo, commit, unpacked, dir, options, counted, limits) {
    const tree = await counted(treeFiles(options.github, repo, commit));
    if (tree.truncated)
        throw new PartialTree('GitHub cut the tree listing (over 100,000 entries), so files left out of the tarball cannot all be found');
    const maxFileSize = options.maxFileSize ?? TEN_MEGABYTES;
    const missing = [...tree.files].filter(([file, entry]) => !unpacked.has(file) && entry.size <= maxFileSize);
    if (unpacked.size + missing.length > limits.files)
        throw new TooLargeError('files', `more than ${limits.files.toLocaleString('en-US')} files`);
    if (missing.length > MISSING_FILES_READ)
        throw new PartialTree(`${missing.length} files are left out of its tarball (export-ignore in .gitattributes), more than the ${MISSING_FILES_READ} read one by one`);
    const root = external_node_path_.resolve(dir);
    for (const [file, entry] of missing) {
        const target = external_node_path_.resolve(root, file);
        if (!target.startsWith(root + external_node_path_.sep))
            throw new PartialTree(`the tree names a path outside the repository: ${JSON.stringify(file)}`);
        const bytes = await counted(blobBytes(options.github, repo, entry));
        (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(target), { recursive: true });
        (0,external_node_fs_.writeFileSync)(target, bytes);
    }
    return missing.length;
}
function unreadable(error, doing) {
    const status = (0,http_status/* httpStatus */.n)(error);
    const message = error.message.split('\n')[0];
    if (status === 404)
        return `${doing}: not found, or the token cannot read it (HTTP 404)`;
    return `${doing}: ${status ? `HTTP ${status}: ` : ''}${message}`;
}
function readCache(file, fingerprint) {
    const empty = { version: 1, fingerprint, repos: {} };
    if (!file)
        return empty;
    try {
        const cache = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        // A cache from other names or allow-lists says nothing about today's findings.
        return cache.version === 1 && cache.fingerprint === fingerprint && cache.repos ? cache : empty;
    }
    catch {
        return empty;
    }
}
/** Judges the references half of the exit criteria from the census, else from the refs files. */
function referenceEvidence(census, refsFiles) {
    if (census) {
        const reasons = [];
        for (const repo of census.repos) {
            if (repo.state === 'unknown')
                reasons.push(`${repo.repo} could not be read, so its references are unknown (${repo.reason})`);
            if (repo.state === 'references') {
                const first = repo.references.slice(0, 3).map((ref) => `${ref.file}:${ref.line}`);
                const more = repo.references.length - first.length;
                reasons.push(`${repo.repo} still references the old registry: ${repo.references.length} reference${repo.references.length === 1 ? '' : 's'} (${first.join(', ')}${more > 0 ? ` and ${more} more` : ''})`);
            }
        }
        return { source: 'census', reasons };
    }
    if (refsFiles.length > 0) {
        const reasons = refsFiles
            .filter((file) => file.refs.references.length > 0)
            .map((file) => `${file.file} lists ${file.refs.references.length} reference${file.refs.references.length === 1 ? '' : 's'} to the old registry still in code`);
        return { source: 'refs-files', reasons };
    }
    // Without evidence the references are unknown, and unknown is never clean: the registries alone
    // cannot tell whether a build still pulls from the old one.
    return {
        source: 'none',
        reasons: [
            "the repositories' references to the old registry were not checked: run with --scan-repos (or pass each repository's guard --export-refs file with --refs)",
        ],
    };
}

// EXTERNAL MODULE: ./lib/src/plan/diagram.js + 1 modules
var diagram = __webpack_require__(42437);
;// CONCATENATED MODULE: ./lib/src/status/pull-criteria.js

/** How to check the pull criteria, said wherever they were not checked. */
const HOW_TO_CHECK_PULLS = 'pass the old registry’s logs (or a hosted registry’s export) and each cluster’s `kubectl get pods,deployments,statefulsets,daemonsets,replicasets,jobs,cronjobs -A -o json` with --evidence (see docs/evidence-formats.md)';
/** The format name of Kubernetes workload lists (src/pulls/formats/kubernetes.ts). */
const CLUSTER_FORMAT = 'kubernetes';
/** What an unchecked half is, in a verdict. */
const UNCHECKED_WORDS = {
    pulls: 'what still pulls from it (no registry log or export given)',
    workloads: 'which workloads use its images (no cluster list given)',
};
/** Examples shown in a reason. */
const EXAMPLES = 3;
/** Judges the pull criteria from the evidence (undefined: not given). */
function pullCriteria(evidence, oldHost) {
    if (evidence === undefined)
        return { checked: false, unchecked: ['pulls', 'workloads'], reasons: [] };
    const unchecked = [];
    // A cluster list says what runs, not what pulls; a log or an export says what pulls.
    if (!evidence.sources.some((source) => source.format !== CLUSTER_FORMAT))
        unchecked.push('pulls');
    if (!evidence.sources.some((source) => source.format === CLUSTER_FORMAT))
        unchecked.push('workloads');
    const reasons = [];
    const days = evidence.window.days;
    if (evidence.pulls > 0) {
        const top = evidence.images
            .slice(0, EXAMPLES)
            .map((image) => `${imageName(image)} ×${image.pulls}`)
            .join(', ');
        reasons.push(`something other than cutover pulled from ${oldHost} in the last ${(0,shared_markdown/* plural */.LS)(days, 'day')}: ${(0,shared_markdown/* plural */.LS)(evidence.pulls, 'pull')} of ${(0,shared_markdown/* plural */.LS)(evidence.images.length, 'image')} by ${(0,shared_markdown/* plural */.LS)(evidence.clients.length, 'client')} (${top}${evidence.images.length > EXAMPLES ? ', …' : ''})`);
    }
    if (evidence.workloads.length > 0) {
        const running = evidence.workloads.filter((use) => use.running).length;
        const examples = evidence.workloads.slice(0, EXAMPLES).map(workloadName).join(', ');
        reasons.push(`${(0,shared_markdown/* plural */.LS)(evidence.workloads.length, 'workload container')} ${evidence.workloads.length === 1 ? 'runs or is' : 'run or are'} templated on an image of ${oldHost} (${running} running now): ${examples}${evidence.workloads.length > EXAMPLES ? ', …' : ''}`);
    }
    return { checked: unchecked.length === 0, unchecked, days, reasons };
}
/** `repository:tag` or `repository@digest`, as the tables and reasons show an image. */
function imageName(image) {
    if (image.tag !== undefined)
        return `${image.repository}:${image.tag}`;
    return image.digest !== undefined ? `${image.repository}@${image.digest.slice(0, 19)}…` : image.repository;
}
/** `cluster/namespace CronJob/name (container)`. */
function workloadName(use) {
    return `${use.cluster}/${use.namespace} ${use.kind}/${use.name} (${use.container})`;
}

;// CONCATENATED MODULE: ./lib/src/status/pulls-section.js


/** Rows of each table of the section. */
const TOP = 10;
function pulls_section_client(entry) {
    const parts = [entry.agent?.split(/\s+/)[0] ?? 'unknown agent', entry.identity, entry.address];
    return parts.filter(Boolean).join(' · ');
}
function when(iso) {
    return iso === undefined ? '—' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
function andMore(count, noun) {
    return count > 0 ? [`… and ${(0,shared_markdown/* plural */.LS)(count, noun)} more.`, ''] : [];
}
/**
 * The dashboard's "still pulling from the old registry" section: top images, clients, clusters and
 * namespaces, with the evidence's sources and window; without evidence, how to give it.
 */
function pullsSection(evidence, criteria, oldHost) {
    const title = `#### Still pulling from \`${oldHost}\``;
    if (evidence === undefined)
        return [title, '', `_Not checked: ${HOW_TO_CHECK_PULLS}._`, ''].join('\n');
    const { window } = evidence;
    const parts = [
        title,
        '',
        ...criteria.unchecked.map((half) => `_Not checked: ${UNCHECKED_WORDS[half]}._\n`),
        `${(0,shared_markdown/* plural */.LS)(evidence.pulls, 'pull')} of ${(0,shared_markdown/* plural */.LS)(evidence.images.length, 'image')} by ${(0,shared_markdown/* plural */.LS)(evidence.clients.length, 'client')} in the last ${(0,shared_markdown/* plural */.LS)(window.days, 'day')} (${window.from.slice(0, 10)} – ${window.to.slice(0, 10)}); ${(0,shared_markdown/* plural */.LS)(evidence.workloads.length, 'workload container')} on its images; cutover's own pulls, not counted: ${evidence.own.pulls}.`,
        '',
    ];
    if (evidence.images.length > 0) {
        parts.push((0,shared_markdown/* table */.tp)(['Image', 'Pulls', 'Last pull (UTC)', 'Top clients'], evidence.images.slice(0, TOP).map((image) => [
            `\`${imageName(image)}\``,
            image.pulls,
            when(image.last),
            image.clients
                .slice(0, 3)
                .map((entry) => `${pulls_section_client(entry)} (${entry.pulls})`)
                .join('<br>'),
        ])), '', ...andMore(evidence.images.length - TOP, 'image'), (0,shared_markdown/* table */.tp)(['Client (agent · identity · address)', 'Pulls', 'Last pull (UTC)'], evidence.clients.slice(0, TOP).map((entry) => [pulls_section_client(entry), entry.pulls, when(entry.last)])), '', ...andMore(evidence.clients.length - TOP, 'client'));
    }
    if (evidence.workloads.length > 0)
        parts.push(clustersTable(evidence), '');
    parts.push((0,shared_markdown/* details */.zH)(`Evidence: ${(0,shared_markdown/* plural */.LS)(evidence.sources.length, 'file')}`, (0,shared_markdown/* table */.tp)(['File', 'Format', 'Records', 'Pulls counted', 'Skipped'], evidence.sources.map((source) => [
        `\`${source.file}\``,
        source.format,
        source.records,
        source.pulls,
        source.skipped,
    ]))), '');
    return parts.join('\n');
}
/** Workloads by cluster and namespace: how many run, how many are only templated, and which. */
function clustersTable(evidence) {
    const groups = new Map();
    for (const use of evidence.workloads) {
        const key = `${use.cluster}\n${use.namespace}`;
        groups.set(key, [...(groups.get(key) ?? []), use]);
    }
    return (0,shared_markdown/* table */.tp)(['Cluster', 'Namespace', 'Running', 'Templated only', 'Workloads'], [...groups.entries()].map(([key, uses]) => {
        const [cluster, namespace] = key.split('\n');
        const names = uses.slice(0, 4).map((use) => {
            const name = workloadName(use).replace(`${use.cluster}/${use.namespace} `, '');
            return use.running
                ? `${name} \`${use.image}\``
                : `${name} \`${use.image}\` (${use.note ?? 'not running'})`;
        });
        return [
            cluster,
            namespace,
            uses.filter((use) => use.running).length,
            uses.filter((use) => !use.running).length,
            names.join('<br>') + (uses.length > 4 ? `<br>… and ${uses.length - 4} more` : ''),
        ];
    }));
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
// EXTERNAL MODULE: ./lib/src/manifest/paths.js
var paths = __webpack_require__(11742);
// EXTERNAL MODULE: ./lib/src/oci/errors.js
var oci_errors = __webpack_require__(29949);
// EXTERNAL MODULE: ./lib/src/copy/select.js + 1 modules
var copy_select = __webpack_require__(863);
;// CONCATENATED MODULE: ./lib/src/status/status.js





/**
 * Asks both registries what is true now: per image, are the newest old tags in the new registry
 * with identical digests; per repository, is everything it consumes there; which tags only the old
 * registry has; and so whether the exit criteria are met. Never writes to either registry.
 */
async function migrationStatus(options) {
    const { manifest, plan, old, next } = options;
    const target = (image) => (0,paths/* mapRepository */.T)(image, manifest.paths);
    let oldUnreachable;
    const fromOld = async (ask, fallback) => {
        if (oldUnreachable !== undefined)
            return fallback;
        try {
            return await ask();
        }
        catch (error) {
            if (!(0,oci_errors/* isConnectionFailure */.$B)(error))
                throw error;
            oldUnreachable = error.message;
            return fallback;
        }
    };
    // Images whose latest tags someone relies on: every produced image, and every image consumed unpinned.
    const images = new Set(manifest.repos.flatMap((repo) => repo.produces));
    for (const repo of manifest.repos)
        for (const consumed of repo.consumes)
            if (consumed.tag === undefined && consumed.digest === undefined)
                images.add(consumed.repository);
    const imageStatuses = await (0,limiter/* mapLimited */.bB)([...images].sort(), options.concurrency, async (image) => {
        const newPath = target(image);
        const oldTags = await fromOld(() => old.listTags(image), undefined);
        const newTags = await next.listTags(newPath);
        const producer = plan.graph.producerOf.get(image);
        const base = { image, target: newPath, ...(producer !== undefined && { producer }) };
        options.onProgress?.();
        if (oldTags === undefined)
            return {
                ...base,
                oldTags: 0,
                newTags: newTags.length,
                newest: [],
                oldOnlyTags: [],
                state: 'unknown',
            };
        const newest = await newestTags(old, image, oldTags, options.newest);
        const newSet = new Set(newTags);
        const checks = await (0,limiter/* mapLimited */.bB)(newest, 4, async (tag) => compare(old, next, image, newPath, tag, newSet.has(tag)));
        const state = oldTags.length === 0
            ? 'empty'
            : checks.some((c) => c.state === 'conflict')
                ? 'conflict'
                : checks.some((c) => c.state !== 'present')
                    ? 'behind'
                    : 'carried';
        const oldOnlyTags = oldTags.filter((tag) => !newSet.has(tag)).sort(compareTags);
        return { ...base, oldTags: oldTags.length, newTags: newTags.length, newest: checks, oldOnlyTags, state };
    });
    const imageByName = new Map(imageStatuses.map((status) => [status.image, status]));
    const pinnedKeys = new Map();
    for (const repo of manifest.repos) {
        for (const consumed of repo.consumes) {
            const reference = consumed.digest ?? consumed.tag;
            if (reference !== undefined)
                pinnedKeys.set(`${consumed.repository}\n${reference}`, { image: consumed.repository, reference });
        }
    }
    const pinned = await (0,limiter/* mapLimited */.bB)([...pinnedKeys.values()], options.concurrency, async (ref) => {
        const check = await compare(old, next, ref.image, target(ref.image), ref.reference, undefined);
        options.onProgress?.();
        return check;
    });
    const selection = await fromOld(() => (0,copy_select/* selectImages */.$g)({
        manifest,
        source: old,
        refsFiles: options.refsFiles ?? [],
        concurrency: options.concurrency,
        ...(options.pulls && { pulls: options.pulls }),
    }), undefined);
    const copyRules = await (0,limiter/* mapLimited */.bB)(selection?.images ?? [], options.concurrency, async (selected) => {
        const check = await compare(old, next, selected.sourceRepository, selected.targetRepository, selected.reference, undefined);
        options.onProgress?.();
        return { ...check, reasons: selected.reasons };
    });
    const pinnedByKey = new Map(pinned.map((check) => [`${check.image}\n${check.reference}`, check]));
    const repos = manifest.repos.map((repo) => {
        const consumes = repo.consumes.map((consumed) => {
            const reference = consumed.digest ?? consumed.tag;
            const text = `${consumed.repository}${consumed.tag ? `:${consumed.tag}` : ''}${consumed.digest ? `@${consumed.digest}` : ''}`;
            if (reference !== undefined) {
                const check = pinnedByKey.get(`${consumed.repository}\n${reference}`);
                return check.state === 'present'
                    ? { text, ready: true }
                    : { text, ready: false, note: tagNote(check) };
            }
            const image = imageByName.get(consumed.repository);
            if (image.state === 'carried')
                return { text, ready: true };
            // With nothing to compare against (no old tags, or the old registry gone), tags in the new one suffice.
            if ((image.state === 'empty' || image.state === 'unknown') && image.newTags > 0)
                return { text, ready: true };
            return { text, ready: false, note: imageNote(image) };
        });
        return {
            repo: repo.name,
            ...(repo.owner !== undefined && { owner: repo.owner }),
            wave: plan.repos.get(repo.name).wave,
            ready: consumes.every((c) => c.ready),
            consumes,
        };
    });
    const oldOnly = [
        ...imageStatuses.flatMap((image) => image.newest.filter((c) => c.state === 'missing' || c.state === 'conflict')),
        ...pinned.filter((c) => c.state === 'missing' || c.state === 'conflict'),
        ...copyRules
            .filter((c) => c.state === 'missing' || c.state === 'conflict')
            .map(({ reasons: _reasons, ...check }) => check),
    ];
    // One tag can be due for several reasons; list it once.
    const seen = new Set();
    const oldOnlyUnique = oldOnly.filter((check) => {
        const key = `${check.image}\n${check.reference}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    const reasons = [];
    const waiting = repos.filter((repo) => !repo.ready);
    if (waiting.length > 0)
        reasons.push(`${waiting.length} of ${repos.length} repositories cannot pull everything from the new registry yet`);
    if (oldOnlyUnique.length > 0)
        reasons.push(`${oldOnlyUnique.length} tags are only in the old registry (or differ in the new one)`);
    if (selection && selection.missing.length > 0)
        reasons.push(`${selection.missing.length} referenced tags are in neither registry (${selection.missing.map((m) => `${m.repository}:${m.reference}`).join(', ')})`);
    if (oldUnreachable !== undefined)
        reasons.push(`the old registry could not be asked, so nothing can be compared with it any more: ${oldUnreachable}`);
    return {
        images: imageStatuses,
        pinned,
        copyRules,
        copyMissing: selection?.missing ?? [],
        repos,
        oldOnly: oldOnlyUnique,
        ...(oldUnreachable !== undefined && { oldUnreachable }),
        exitCriteria: { met: reasons.length === 0, reasons },
    };
}
/** Compares one tag or digest; `inNew` skips the HEAD when the tag list already says it is absent. */
async function compare(old, next, image, target, reference, inNew) {
    const [oldHead, newHead] = await Promise.all([
        old.headManifest(image, reference).catch((error) => {
            if ((0,oci_errors/* isConnectionFailure */.$B)(error))
                return undefined;
            throw error;
        }),
        inNew === false ? undefined : next.headManifest(target, reference),
    ]);
    const state = !newHead
        ? oldHead
            ? 'missing'
            : 'absent'
        : oldHead && oldHead.digest !== newHead.digest
            ? 'conflict'
            : 'present';
    return {
        image,
        target,
        reference,
        ...(oldHead && { oldDigest: oldHead.digest }),
        ...(newHead && { newDigest: newHead.digest }),
        state,
    };
}
/** Why a tag check is not `present`, in words. */
function tagNote(check) {
    const ref = `${check.image}${check.reference.includes(':') ? '@' : ':'}${check.reference}`;
    switch (check.state) {
        case 'missing':
            return `${ref} is only in the old registry: copy-tags has not carried it yet`;
        case 'conflict':
            return `${ref} differs in the new registry (${status_short(check.newDigest)} instead of ${status_short(check.oldDigest)})`;
        case 'absent':
            return `${ref} is in neither registry`;
        case 'present':
            return `${ref} is in the new registry`;
    }
}
/** Why an image is not carried, in words. */
function imageNote(image) {
    switch (image.state) {
        case 'behind': {
            const missing = image.newest.filter((c) => c.state !== 'present').map((c) => c.reference);
            return `${image.image}: ${missing.join(', ')} not yet in the new registry${image.producer ? ` (is ${image.producer} dual-pushing?)` : ''}`;
        }
        case 'conflict':
            return `${image.image}: the new registry has different images under ${image.newest
                .filter((c) => c.state === 'conflict')
                .map((c) => c.reference)
                .join(', ')}`;
        case 'empty':
            return `${image.image}: no tags in either registry`;
        case 'unknown':
            return `${image.image}: the old registry could not be asked`;
        case 'carried':
            return `${image.image}: carried`;
    }
}
function status_short(digest) {
    return digest ? digest.slice(0, 19) : 'nothing';
}
/**
 * The `count` most recently built tags: the image config's `created` (an index: its first
 * platform's), ties broken by version (higher first) and name. Only reads configs when there are
 * more tags than asked for.
 */
async function newestTags(client, repository, tags, count) {
    if (tags.length <= count)
        return [...tags].sort(compareTags);
    const created = new Map();
    await (0,limiter/* mapLimited */.bB)(tags, 4, async (tag) => created.set(tag, await (0,copy_select/* createdOf */.YC)(client, repository, tag)));
    return [...tags].sort((a, b) => created.get(b) - created.get(a) || compareTags(a, b)).slice(0, count);
}
function compareTags(a, b) {
    const va = semver.valid(a, { loose: true });
    const vb = semver.valid(b, { loose: true });
    if (va && vb && va !== vb)
        return semver.rcompare(va, vb, true);
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./lib/src/status/render.js





const IMAGE_STATE = {
    carried: '✅ carried',
    behind: '⏳ behind',
    conflict: '❌ conflict',
    empty: '— no tags',
    unknown: '❔ old registry unreachable',
};
/** Rows of the copy-rules table; the JSON has them all. */
const COPY_ROWS = 100;
const TAG_STATE = {
    present: '✅ identical',
    missing: '⏳ old only',
    conflict: '❌ differs',
    absent: '❌ in neither',
};
/** Colours repositories by what the registries say: ready, waiting, or held by a conflict. */
function stateColouring(status) {
    const byRepo = new Map(status.repos.map((repo) => [repo.repo, repo]));
    const conflicted = (name) => byRepo.get(name).consumes.some((c) => !c.ready && /differs|neither/.test(c.note ?? ''));
    return {
        classes: {
            ready: 'fill:#c8f7c5,stroke:#2a7a2a,color:#000',
            waiting: 'fill:#fff2c2,stroke:#a67c00,color:#000',
            conflict: 'fill:#ffd6d6,stroke:#c00,stroke-width:3px,color:#000',
        },
        classOf: (repo) => byRepo.get(repo.repo).ready ? 'ready' : conflicted(repo.repo) ? 'conflict' : 'waiting',
        note: (repo) => `wave ${repo.wave} · ${byRepo.get(repo.repo).ready ? 'ready' : 'waiting'}`,
        waveNote: (repos) => {
            const ready = repos.filter((repo) => byRepo.get(repo.repo).ready).length;
            return `${ready} ready, ${repos.length - ready} waiting`;
        },
    };
}
function render_short(digest) {
    return digest ? `\`${digest.slice(7, 19)}\`` : '';
}
/** The dashboard: exit criteria, the coloured graph, and tables per repository, image and pinned tag. */
function statusMarkdown(status, plan, context) {
    const pulls = context.pulls ?? {
        criteria: { checked: false, unchecked: ['pulls', 'workloads'], reasons: [] },
    };
    const ready = status.repos.filter((repo) => repo.ready).length;
    const carried = status.images.filter((image) => image.state === 'carried').length;
    const copied = status.pinned.filter((check) => check.state === 'present').length;
    const parts = [
        `### cutover status: \`${context.source}\` on ${context.today} (phase ${context.phase})`,
        '',
        verdict(status, context, pulls.criteria),
        '',
        `_References to the old registry: ${EVIDENCE_TEXT[context.evidence?.source ?? 'none']}._`,
        '',
        `${ready} of ${status.repos.length} repositories ready to pull from the new registry · ${carried} of ${status.images.length} images carried (dual push) · ${copied} of ${status.pinned.length} pinned tags copied with identical digests.`,
        '',
        ...(context.census ? [censusSection(context.census, context.oldHost), ''] : []),
        pullsSection(pulls.evidence, pulls.criteria, context.oldHost),
        (0,diagram/* dependencyDiagram */.$b)(plan, stateColouring(status)),
        '',
        '#### Repositories',
        '',
        foldLong(status.repos.length, (0,shared_markdown/* table */.tp)(['Wave', 'Repository', 'Owner', 'Ready', 'Still missing'], status.repos
            .slice()
            .sort((a, b) => a.wave - b.wave || a.repo.localeCompare(b.repo))
            .map((repo) => [
            repo.wave,
            repo.repo,
            repo.owner ?? '',
            repo.ready ? '✅' : '⏳',
            repo.consumes
                .filter((c) => !c.ready)
                .map((c) => c.note ?? c.text)
                .join('; '),
        ]))),
        '',
        '#### Images (newest old tags in the new registry)',
        '',
        (0,shared_markdown/* table */.tp)([
            'Image',
            'New path',
            'Producer',
            'Old tags',
            'New tags',
            'Newest old tags',
            'State',
            'Old only (lost at shutdown)',
        ], status.images.map((image) => [
            image.image,
            image.target,
            image.producer ?? '(none in the manifest)',
            image.oldTags,
            image.newTags,
            image.newest.map((check) => `${check.reference} ${TAG_STATE[check.state].split(' ')[0]}`).join(', '),
            IMAGE_STATE[image.state],
            image.oldOnlyTags.length > 5
                ? `${image.oldOnlyTags.slice(0, 5).join(', ')} and ${image.oldOnlyTags.length - 5} more`
                : image.oldOnlyTags.join(', '),
        ])),
        '',
    ];
    if (status.pinned.length > 0) {
        parts.push('#### Pinned tags (copy rules: referenced)', '', (0,shared_markdown/* table */.tp)(['Reference', 'Old digest', 'New digest', 'State'], status.pinned.map((check) => [
            `${check.image}${check.reference.includes(':') ? '@' : ':'}${check.reference}`,
            render_short(check.oldDigest),
            render_short(check.newDigest),
            TAG_STATE[check.state],
        ])), '');
    }
    if (status.copyRules.length > 0) {
        const shown = status.copyRules.slice(0, COPY_ROWS);
        parts.push(`#### copy: rules (${status.copyRules.filter((c) => c.state === 'present').length} of ${status.copyRules.length} selected tags in the new registry)`, '', (0,shared_markdown/* table */.tp)(['Reference', 'Chosen by', 'Old digest', 'New digest', 'State'], shown.map((check) => [
            `${check.image}${check.reference.includes(':') ? '@' : ':'}${check.reference}`,
            check.reasons.join(', '),
            render_short(check.oldDigest),
            render_short(check.newDigest),
            TAG_STATE[check.state],
        ])), ...(status.copyRules.length > shown.length
            ? ['', `… and ${status.copyRules.length - shown.length} more (see --json).`]
            : []), '');
    }
    if (status.oldOnly.length > 0) {
        parts.push('#### Left only in the old registry', '', ...status.oldOnly.map((check) => `- ${tagNote(check)}`), '');
    }
    return parts.join('\n');
}
/**
 * The verdict. Met is a plain ✅ only when the pulls were checked too: without evidence of what still
 * pulls, the registries and repositories cannot tell whether a CronJob or another team still needs the
 * old registry, so the verdict says it was not checked and how to check it.
 */
function verdict(status, context, pulls) {
    if (!status.exitCriteria.met)
        return `**Exit criteria not met ❌**\n\n${status.exitCriteria.reasons.map((reason) => `- ${reason}`).join('\n')}`;
    const what = `every repository can pull from \`${context.newHost}\` and nothing that must survive is left only in \`${context.oldHost}\`${context.evidence && context.evidence.source !== 'none' ? `, and no repository references \`${context.oldHost}\` any more` : ''}`;
    if (!pulls.checked)
        return `**Exit criteria met on what was checked ⚠️ — not checked: ${pulls.unchecked.map((half) => UNCHECKED_WORDS[half]).join('; ')}**. Checked: ${what}. To check the rest, ${HOW_TO_CHECK_PULLS}.`;
    return `**Exit criteria met ✅**: ${what}; nothing but cutover pulled from it in the last ${(0,shared_markdown/* plural */.LS)(pulls.days ?? 0, 'day')}, and no workload runs or is templated on its images.`;
}
const EVIDENCE_TEXT = {
    census: 'read from every repository’s default branch (`--scan-repos`)',
    'refs-files': 'from the references files guard exported (`--refs`)',
    none: 'not checked — pass `--scan-repos` (or the `--refs` files guard exports) so the exit criteria include them',
};
const CENSUS_STATE = {
    clean: '✅ clean',
    references: '❌ references left',
    unknown: '❔ unknown',
};
/** Links to the first references of a repository. */
const LINKED_REFERENCES = 3;
/** Census rows shown open; more are folded. */
const OPEN_CENSUS_ROWS = 20;
/** Per repository: references to the old registry left on its default branch, with links to the first few. */
function censusSection(census, oldHost) {
    const left = census.repos.filter((repo) => repo.state === 'references');
    const unknown = census.repos.filter((repo) => repo.state === 'unknown');
    const rows = [...census.repos]
        .sort((a, b) => order(a) - order(b) || a.repo.localeCompare(b.repo))
        .map((repo) => [
        (0,shared_markdown/* escapeMarkdown */.FV)(repo.repo),
        CENSUS_STATE[repo.state],
        repo.state === 'unknown' ? '?' : repo.references.length,
        [...new Set(repo.references.map((ref) => ref.kind))].join(', '),
        // File names and reasons are data (from the repositories, from servers): text, never Markdown.
        repo.state === 'unknown'
            ? (0,shared_markdown/* escapeMarkdown */.FV)(repo.reason ?? '')
            : repo.references
                .slice(0, LINKED_REFERENCES)
                .map((ref) => `[${(0,shared_markdown/* escapeMarkdown */.FV)(ref.file)}:${ref.line}](${ref.url})${ref.dynamic ? ' (dynamic)' : ''}`)
                .join(', ') +
                (repo.references.length > LINKED_REFERENCES
                    ? ` and ${repo.references.length - LINKED_REFERENCES} more`
                    : ''),
        repo.commit ? `\`${repo.commit.slice(0, 7)}\`` : '',
    ]);
    const body = (0,shared_markdown/* table */.tp)(['Repository', 'State', 'References left', 'Kinds', 'First references', 'Commit'], rows);
    return [
        `#### References to \`${oldHost}\` left in the repositories`,
        '',
        `${(0,shared_markdown/* plural */.LS)(left.length, 'repository', 'repositories')} of ${census.repos.length} still ${left.length === 1 ? 'references' : 'reference'} the old registry (${(0,shared_markdown/* plural */.LS)(left.reduce((sum, repo) => sum + repo.references.length, 0), 'reference')}); ${(0,shared_markdown/* plural */.LS)(unknown.length, 'repository', 'repositories')} could not be read.`,
        '',
        rows.length > OPEN_CENSUS_ROWS
            ? (0,shared_markdown/* details */.zH)(`${(0,shared_markdown/* plural */.LS)(rows.length, 'repository', 'repositories')}`, body)
            : body,
    ].join('\n');
}
/** A table of `rows` rows, folded into a collapsible section past {@link OPEN_CENSUS_ROWS}. */
function foldLong(rows, markdown) {
    return rows > OPEN_CENSUS_ROWS ? (0,shared_markdown/* details */.zH)((0,shared_markdown/* plural */.LS)(rows, 'repository', 'repositories'), markdown) : markdown;
}
function order(repo) {
    return repo.state === 'references' ? 0 : repo.state === 'unknown' ? 1 : 2;
}
/** The status as JSON. */
function statusJson(status) {
    return {
        exitCriteria: status.exitCriteria,
        repos: status.repos,
        images: status.images,
        pinned: status.pinned,
        copyRules: status.copyRules,
        copyMissing: status.copyMissing,
        oldOnly: status.oldOnly,
        ...(status.oldUnreachable !== undefined && { oldUnreachable: status.oldUnreachable }),
    };
}

;// CONCATENATED MODULE: ./lib/src/status/present.js



const EVIDENCE_WORDS = {
    census: 'census of every repository',
    'refs-files': '--refs files',
    none: 'not checked (use --scan-repos): the exit criteria cannot be met',
};
/** The dashboard and job summary Markdown of a status report. */
function statusSummary(report) {
    return statusMarkdown(report.status, report.plan, {
        ...report,
        ...(report.census && { census: report.census }),
    });
}
/** Turns a status report into log lines, annotations, the job summary, `--json` and the action's outputs. */
function presentStatus(report, reporter, dashboard) {
    const { status: result, today, phase, newHost } = report;
    const ready = result.repos.filter((repo) => repo.ready).length;
    reporter.info(`on ${today} (phase ${phase}): ${ready}/${result.repos.length} repositories ready to pull from ${newHost}`);
    for (const image of result.images) {
        reporter.info(`image ${image.image} → ${newHost}/${image.target}: ${image.state} (${image.state === 'unknown'
            ? `old registry unreachable; ${image.newTags} tags in the new registry`
            : image.newest.map((c) => `${c.reference} ${c.state}`).join(', ') || 'no tags in the old registry'})`);
    }
    for (const check of result.pinned)
        reporter.info(`pinned ${check.image} ${check.reference}: ${check.state}`);
    for (const repo of result.repos.filter((r) => !r.ready)) {
        reporter.info(`waiting: ${repo.repo} (wave ${repo.wave}) — ${repo.consumes
            .filter((c) => !c.ready)
            .map((c) => c.note)
            .join('; ')}`);
    }
    const conflicts = result.oldOnly.filter((check) => check.state === 'conflict');
    for (const check of conflicts)
        reporter.annotate({
            severity: 'error',
            message: `${check.image}:${check.reference} differs in the new registry`,
        });
    for (const repo of report.census?.repos ?? []) {
        if (repo.state === 'references')
            reporter.info(`references: ${repo.repo} has ${repo.references.length} left (${repo.references
                .slice(0, 3)
                .map((ref) => `${ref.file}:${ref.line}`)
                .join(', ')}${repo.references.length > 3 ? ', …' : ''})`);
        if (repo.state === 'unknown')
            reporter.warning(`references: ${repo.repo} unknown — ${repo.reason}`);
    }
    pullLines(report, reporter);
    reporter.info((result.exitCriteria.met
        ? report.pulls.criteria.checked
            ? 'exit criteria met'
            : `exit criteria met on what was checked; not checked: ${report.pulls.criteria.unchecked.map((half) => UNCHECKED_WORDS[half]).join('; ')}`
        : `exit criteria not met: ${result.exitCriteria.reasons.join('; ')}`) +
        ` (references: ${EVIDENCE_WORDS[report.evidence.source]}; pulls: ${report.pulls.criteria.checked
            ? `evidence of the last ${(0,shared_markdown/* plural */.LS)(report.pulls.criteria.days ?? 0, 'day')}`
            : `not checked — ${HOW_TO_CHECK_PULLS}`})`);
    if (dashboard)
        reporter.info(`dashboard ${dashboard.action}: ${dashboard.url}`);
    reporter.summary(statusSummary(report));
    return {
        // A tag that differs between the registries is a failed check; being mid-migration is not.
        exitCode: conflicts.length > 0 ? 1 : 0,
        ...(conflicts.length > 0 && {
            failureMessage: `${conflicts.length} tags differ between the old and the new registry`,
        }),
        outputs: {
            'exit-criteria': String(result.exitCriteria.met),
            'pulls-checked': String(report.pulls.criteria.checked),
            ready: `${ready}/${result.repos.length}`,
            ...(dashboard && { 'dashboard-url': dashboard.url }),
        },
        json: {
            manifest: report.source,
            today,
            phase,
            ...statusJson(result),
            referenceEvidence: report.evidence.source,
            pulls: pullsJson(report),
            ...(report.census && { census: report.census }),
            ...(dashboard && { dashboard }),
        },
    };
}
/** The log lines about what still pulls: the top images, clients and workloads on old images. */
function pullLines(report, reporter) {
    const evidence = report.pulls.evidence;
    if (evidence === undefined)
        return;
    reporter.info(`pulls from ${report.oldHost} in the last ${(0,shared_markdown/* plural */.LS)(evidence.window.days, 'day')}: ${(0,shared_markdown/* plural */.LS)(evidence.pulls, 'pull')} of ${(0,shared_markdown/* plural */.LS)(evidence.images.length, 'image')} by ${(0,shared_markdown/* plural */.LS)(evidence.clients.length, 'client')} (cutover's own, not counted: ${evidence.own.pulls}), from ${(0,shared_markdown/* plural */.LS)(evidence.sources.length, 'evidence file')}`);
    for (const image of evidence.images.slice(0, 5))
        reporter.info(`  still pulled: ${imageName(image)} ×${image.pulls}, last ${image.last ?? 'at an unknown time'}`);
    for (const use of evidence.workloads.slice(0, 5))
        reporter.info(`  workload: ${workloadName(use)} ${use.image}${use.running ? '' : ` (not running: ${use.note ?? 'idle'})`}`);
    for (const source of evidence.sources)
        for (const problem of source.problems)
            reporter.warning(`${source.file}: skipped ${problem}`);
}
/** The pull part of `--json`: whether it was checked, the window, and the counts that judged it. */
function pullsJson(report) {
    const { evidence, criteria } = report.pulls;
    if (evidence === undefined)
        return { checked: false, unchecked: criteria.unchecked, how: HOW_TO_CHECK_PULLS };
    return {
        checked: criteria.checked,
        unchecked: criteria.unchecked,
        window: evidence.window,
        pulls: evidence.pulls,
        own: evidence.own,
        sources: evidence.sources.map(({ file, format, records, pulls, skipped }) => ({
            file,
            format,
            records,
            pulls,
            skipped,
        })),
        images: evidence.images,
        workloads: evidence.workloads,
        reasons: criteria.reasons,
    };
}

// EXTERNAL MODULE: ./lib/src/copy/refs-file.js
var refs_file = __webpack_require__(77381);
// EXTERNAL MODULE: ./lib/src/manifest/timeline.js
var timeline = __webpack_require__(16399);
// EXTERNAL MODULE: ./lib/src/plan/plan.js + 1 modules
var plan_plan = __webpack_require__(69772);
// EXTERNAL MODULE: ./lib/src/shared/progress.js
var shared_progress = __webpack_require__(34767);
;// CONCATENATED MODULE: ./lib/src/status/report.js









/**
 * Gathers the status: both registries against the plan, the census of references, the pull evidence,
 * and the exit criteria merged from all three. Domain code: it never prints; `log` receives its lines.
 */
async function gatherStatus(inputs) {
    const { manifest, log } = inputs;
    const refsFiles = await Promise.all(inputs.refs.map(async (file) => ({ file, refs: await (0,refs_file/* readRefsFile */.LB)(external_node_path_.resolve(inputs.cwd, file)) })));
    const plan = (0,plan_plan/* planMigration */.E)(manifest);
    // Read first: the pulled: copy rules choose from it.
    const pullEvidence = inputs.pulls
        ? await (0,aggregate/* collectPullEvidence */.tH)({
            files: inputs.pulls.files,
            days: inputs.pulls.days,
            now: inputs.pulls.now,
            registries: manifest.registries,
            cwd: inputs.cwd,
        })
        : undefined;
    let asked = 0;
    const progress = new shared_progress/* ProgressLine */.g(log, (seconds) => `status: ${asked} images and pinned references checked (${seconds.toFixed(0)} s)`);
    const result = await migrationStatus({
        manifest,
        plan,
        old: inputs.old,
        next: inputs.next,
        newest: inputs.newest,
        concurrency: inputs.concurrency,
        refsFiles,
        ...(pullEvidence && { pulls: pullEvidence }),
        onProgress: () => {
            asked++;
            progress.tick();
        },
    });
    progress.done();
    const census = inputs.census ? await censusOf(inputs, inputs.census) : undefined;
    const evidence = referenceEvidence(census, refsFiles);
    const criteria = pullCriteria(pullEvidence, manifest.registries.old.host);
    const reasons = [...result.exitCriteria.reasons, ...evidence.reasons, ...criteria.reasons];
    result.exitCriteria = { met: reasons.length === 0, reasons };
    return {
        evidence,
        ...(census && { census }),
        pulls: { ...(pullEvidence && { evidence: pullEvidence }), criteria },
        source: manifest.source,
        today: inputs.today,
        phase: (0,timeline/* phaseAt */.BA)(manifest.timeline, inputs.today),
        oldHost: manifest.registries.old.host,
        newHost: manifest.registries.new.host,
        plan,
        status: result,
    };
}
async function censusOf(inputs, how) {
    let read = 0;
    const total = inputs.manifest.repos.length;
    const progress = new shared_progress/* ProgressLine */.g(inputs.log, (seconds) => `census: ${read}/${total} repositories read (${seconds.toFixed(0)} s)`);
    const census = await takeCensus({
        manifest: inputs.manifest,
        github: how.github,
        today: inputs.today,
        concurrency: inputs.concurrency,
        serverUrl: how.serverUrl,
        ...(how.limits && { limits: how.limits }),
        ...(how.exclude && { exclude: how.exclude }),
        ...(how.cacheFile !== undefined && { cacheFile: how.cacheFile }),
        onProgress: (done) => {
            read = done;
            progress.tick();
        },
    });
    progress.done();
    inputs.log(`census: ${census.repos.length} repositories in ${(census.elapsedMs / 1000).toFixed(1)} s, ${census.requests} GitHub requests (${census.repos.filter((r) => r.cached).length} unchanged since the cache)`);
    return census;
}

// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(61346);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(61714);
;// CONCATENATED MODULE: ./lib/src/status/command.js











/** `cutover status`: what both registries say now, against the plan and the exit criteria. */
const command_status = (0,command/* defineCommand */.N)({
    name: 'status',
    summary: 'Ask both registries where the migration stands: dual push, repositories ready to pull, pinned tags copied, what still pulls from the old registry, exit criteria.',
    options: {
        newest: cli_option/* option */.uK.int({ min: 1, default: 3, expected: 'expected at least 1' }, 'How many of each image’s newest old tags must be in the new registry.'),
        concurrency: cli_option/* option */.uK.int({ min: 1, max: 64, default: 8 }, 'Registry queries in flight at once.'),
        refs: cli_option/* option */.uK.list('References files from guard --export-refs, for the referenced copy rules.'),
        'scan-repos': cli_option/* option */.uK.boolean('Read every repository’s default branch through the GitHub API and count its references to the old registry (guard’s scanner); the exit criteria then need zero. Needs GITHUB_TOKEN.'),
        'census-cache': cli_option/* option */.uK.string('Keep the census by commit in this JSON file between runs: an unchanged repository then costs one request.'),
        evidence: cli_option/* option */.uK.list('Pull evidence: the old registry’s logs or notifications, a hosted registry’s export, each cluster’s `kubectl get … -A -o json` list (plain or gzip; see docs/evidence-formats.md); repeat for several. The exit criteria then need no pull but cutover’s in the window and no workload on an old image.'),
        days: cli_option/* option */.uK.int({ min: 1, max: 3650, default: 30 }, 'The window of --evidence: pulls in the last N days, ending at --now (the end of that day) or now.'),
        'census-limits': cli_option/* option */.uK.string('Caps on what one repository’s tarball may unpack to before it is "too large to census" (unknown): total=SIZE,files=COUNT,file=SIZE; default total=2GB,files=200000,file=500MB.'),
        'census-exclude': cli_option/* option */.uK.list('Repositories the census does not read (e.g. one too large to census); they count neither as clean nor as unknown.'),
        summary: cli_option/* option */.uK.string('Also write the summary (Markdown with its diagram) to this file.', {
            cliOnly: true,
        }),
        dashboard: cli_option/* option */.uK.string('Keep an issue’s body up to date: owner/repo#N, or owner/repo:Title (found among open issues, else created once); #N or a bare title mean GITHUB_REPOSITORY. Needs GITHUB_TOKEN.'),
    },
    outputs: [
        {
            name: 'exit-criteria',
            description: 'true when every repository is ready, nothing is left only in the old registry, (with --scan-repos or --refs) no repository references it, and (with --evidence) nothing but cutover pulls from it and no workload uses its images.',
        },
        {
            name: 'pulls-checked',
            description: 'true when --evidence was given, so the exit criteria include what still pulls from the old registry.',
        },
        { name: 'ready', description: 'Repositories ready to pull from the new registry, as "ready/total".' },
        { name: 'dashboard-url', description: 'The dashboard issue’s URL, when --dashboard is given.' },
    ],
    async run({ manifest: load, options, reporter, env, today, cwd, secrets }) {
        // parse
        const manifest = await load();
        const dashboard = options.dashboard ? parseDashboardTarget(options.dashboard, env) : undefined;
        const limits = parseUnpackLimits(options['census-limits']);
        const github = dashboard || options['scan-repos']
            ? await (0,connect/* connectGitHub */.UY)(env, secrets, dashboard ? '--dashboard' : '--scan-repos', {
                onWait: (wait) => reporter.info((0,connect/* describeWait */.Ng)(wait)),
                onWaiting: (line) => reporter.info(line),
            })
            : undefined;
        // The old registry is only ever read; after its shutdown it may be gone, so few retries.
        const old = await client/* RegistryClient */.bP.forRegistry(manifest.registries.old, env, {
            secrets,
            readOnly: true,
            concurrency: options.concurrency,
            retry: { retries: 1 },
            onWaiting: (line) => reporter.info(line),
        });
        const next = await client/* RegistryClient */.bP.forRegistry(manifest.registries.new, env, {
            secrets,
            readOnly: true,
            concurrency: options.concurrency,
            onWaiting: (line) => reporter.info(line),
        });
        // do
        const report = await gatherStatus({
            manifest,
            old,
            next,
            today,
            cwd,
            newest: options.newest,
            concurrency: options.concurrency,
            refs: options.refs,
            ...(github &&
                options['scan-repos'] && {
                census: {
                    github,
                    serverUrl: env['GITHUB_SERVER_URL'] || 'https://github.com',
                    limits,
                    exclude: options['census-exclude'],
                    ...(options['census-cache'] && { cacheFile: external_node_path_.resolve(cwd, options['census-cache']) }),
                },
            }),
            ...(options.evidence.length > 0 && {
                pulls: { files: options.evidence, days: options.days, now: (0,aggregate/* windowEnd */.My)(options.now) },
            }),
            log: (line) => reporter.info(line),
        });
        const update = dashboard && github ? await updateDashboard(github, dashboard, statusSummary(report)) : undefined;
        // present
        const presented = presentStatus(report, reporter, update);
        if (options.summary)
            (0,shared_markdown/* writeSummaryFile */.o0)(cwd, options.summary, reporter.summaryText());
        return presented;
    },
});


/***/ })

};
;
//# sourceMappingURL=741.index.cjs.js.map
