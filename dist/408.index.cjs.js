"use strict";
exports.id = 408;
exports.ids = [408];
exports.modules = {

/***/ 61346:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ defineCommand)
/* harmony export */ });
/** Declares a command with its option types inferred from its option definitions. */
function defineCommand(command) {
    return command;
}


/***/ }),

/***/ 65033:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tH: () => (/* binding */ collectPullEvidence),
  My: () => (/* binding */ windowEnd)
});

// UNUSED EXPORTS: CLIENTS_KEPT, CLIENTS_PER_IMAGE, PullTally, registryNames

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/oci/reference.js
var oci_reference = __webpack_require__(92041);
;// CONCATENATED MODULE: ./lib/src/pulls/formats/distribution-request.js
const MANIFEST_PATH = /^\/v2\/(.+)\/manifests\/([^/?#]+)/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
/** A repository and the tag or digest of a manifest request URI, or undefined for any other URI. */
function manifestTarget(uri) {
    const match = MANIFEST_PATH.exec(uri);
    if (!match)
        return undefined;
    const repository = match[1];
    const reference = decodeURIComponent(match[2]);
    return DIGEST.test(reference) ? { repository, digest: reference } : { repository, tag: reference };
}
/**
 * A client address without its port: `10.0.0.7:51234` → `10.0.0.7`, `[::1]:5000` → `::1`; a bare
 * IPv6 address (more than one colon) is kept as it is. A list (`X-Forwarded-For`) keeps its first.
 */
function addressWithoutPort(text) {
    const first = text.split(',')[0].trim();
    if (first === '' || first === '-')
        return undefined;
    if (first.startsWith('[')) {
        const end = first.indexOf(']');
        return end > 0 ? first.slice(1, end) : first;
    }
    const colon = first.indexOf(':');
    return colon >= 0 && colon === first.lastIndexOf(':') ? first.slice(0, colon) : first;
}
/** The pull record of a request line, or undefined when the request is not a manifest GET or HEAD. */
function pullOfRequest(fields) {
    if (fields.method !== 'GET' && fields.method !== 'HEAD')
        return undefined;
    const target = manifestTarget(fields.uri);
    if (!target)
        return undefined;
    const record = {
        type: 'pull',
        time: fields.time,
        repository: fields.name || target.repository,
        method: fields.method,
    };
    if (target.tag !== undefined)
        record.tag = target.tag;
    if (target.digest !== undefined)
        record.digest = target.digest;
    if (fields.status !== undefined)
        record.status = fields.status;
    if (fields.agent)
        record.agent = fields.agent;
    if (fields.identity && fields.identity !== '-')
        record.identity = fields.identity;
    const address = fields.remote === undefined ? undefined : addressWithoutPort(fields.remote);
    if (address !== undefined)
        record.address = address;
    return record;
}
const MONTHS = {
    Jan: 0,
    Feb: 1,
    Mar: 2,
    Apr: 3,
    May: 4,
    Jun: 5,
    Jul: 6,
    Aug: 7,
    Sep: 8,
    Oct: 9,
    Nov: 10,
    Dec: 11,
};
/** An access log's time (`03/Dec/2026:19:23:40 +0000`), in milliseconds, or NaN. */
function parseCommonLogTime(text) {
    const match = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(text);
    const month = match ? MONTHS[match[2]] : undefined;
    if (!match || month === undefined)
        return Number.NaN;
    const offset = (Number(match[8]) * 60 + Number(match[9])) * 60_000 * (match[7] === '-' ? -1 : 1);
    return (Date.UTC(Number(match[3]), month, Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6])) - offset);
}
/** An RFC 3339 time (nanoseconds allowed), in milliseconds; throws for anything else. */
function parseTime(text, what) {
    const time = typeof text === 'string' ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(time))
        throw new Error(`${what}: expected an RFC 3339 time, found ${JSON.stringify(text)}`);
    return time;
}

;// CONCATENATED MODULE: ./lib/src/pulls/formats/distribution-log.js

/** `host ident user [time] "METHOD URI PROTO" status size "referer" "agent"` (referer and agent optional). */
const COMBINED = /^(\S+) \S+ (\S+) \[([^\]]+)\] "([A-Z]+) (\S+)[^"]*" (\d{3}) \S+(?: "(?:[^"\\]|\\.)*" "((?:[^"\\]|\\.)*)")?/;
const TEXT_START = /^time="[^"]*" level=\w+ msg=/;
/** Which kind of registry log line this is, or undefined. */
function kindOf(line) {
    if (line.startsWith('{'))
        return 'json';
    if (TEXT_START.test(line))
        return 'text';
    if (COMBINED.test(line))
        return 'access';
    return undefined;
}
function jsonFields(line) {
    const value = JSON.parse(line);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new Error('expected a JSON object');
    return value;
}
/** The fields {@link applicationRequest} reads, as their `"key":` in a JSON line. */
const JSON_KEYS = [
    'msg',
    'http.request.method',
    'http.request.uri',
    'http.response.status',
    'time',
    'http.request.useragent',
    'auth.user.name',
    'http.request.remoteaddr',
    'vars.name',
    'vars.reference',
].map((key) => [key, `"${key}":`]);
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/**
 * The few fields a pull needs, cut out of a plain JSON log line without parsing all of it (a month of
 * logs is millions of manifest lines; JSON.parse builds every field of each). Only for the lines
 * logrus writes: one flat object, no escapes, no blanks after a key's colon, values strings or numbers.
 * Any other line is undefined, and JSON.parse reads it (the same fields, the same errors).
 */
function plainJsonFields(line) {
    if (line.charCodeAt(line.length - 1) !== 0x7d /* } */ || line.includes('\\') || line.indexOf('{', 1) >= 0)
        return undefined;
    const fields = {};
    for (const [key, quoted] of JSON_KEYS) {
        // The last one, as JSON.parse keeps the last of repeated keys.
        const at = line.lastIndexOf(quoted);
        if (at < 0)
            continue;
        const start = at + quoted.length;
        if (line.charCodeAt(start) === 0x22 /* " */) {
            const end = line.indexOf('"', start + 1);
            if (end < 0)
                return undefined;
            fields[key] = line.slice(start + 1, end);
        }
        else {
            let end = start;
            while (end < line.length && line[end] !== ',' && line[end] !== '}')
                end++;
            const raw = line.slice(start, end);
            if (!NUMBER.test(raw))
                return undefined;
            fields[key] = Number(raw);
        }
    }
    return fields;
}
/** Go's `%q` quoting as logrus writes it: JSON's escapes, plus `\x..`, `\a`, `\v`, `\U........`. */
function unquoteGo(quoted) {
    try {
        return JSON.parse(quoted);
    }
    catch {
        return quoted
            .slice(1, -1)
            .replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, escape) => {
            if (/^[xuU]/.test(escape))
                return String.fromCodePoint(parseInt(escape.slice(1), 16));
            return ({ n: '\n', t: '\t', r: '\r', a: '\x07', v: '\x0b', b: '\b', f: '\f' }[escape] ?? escape);
        });
    }
}
/** logrus text: `key=value` pairs, values bare or Go-quoted. */
function textFields(line) {
    const fields = {};
    const pair = /([^\s=]+)=("(?:[^"\\]|\\.)*"|\S*)/g;
    for (let match = pair.exec(line); match; match = pair.exec(line)) {
        const raw = match[2];
        fields[match[1]] = raw.startsWith('"') ? unquoteGo(raw) : raw;
    }
    return fields;
}
function distribution_log_text(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** The request of an application log line, or undefined for a line that is not a completed request. */
function applicationRequest(fields) {
    const message = fields['msg'];
    if (typeof message !== 'string' || !message.startsWith('response completed'))
        return undefined;
    const method = distribution_log_text(fields['http.request.method']);
    const uri = distribution_log_text(fields['http.request.uri']);
    if (method === undefined || uri === undefined)
        throw new Error('a completed request without its method or URI');
    const status = Number(fields['http.response.status']);
    return {
        time: parseTime(fields['time'], 'time'),
        method,
        uri,
        status: Number.isInteger(status) ? status : undefined,
        agent: distribution_log_text(fields['http.request.useragent']),
        identity: distribution_log_text(fields['auth.user.name']),
        remote: distribution_log_text(fields['http.request.remoteaddr']),
        name: distribution_log_text(fields['vars.name']),
        reference: distribution_log_text(fields['vars.reference']),
    };
}
function accessRequest(line) {
    const match = COMBINED.exec(line);
    if (!match)
        throw new Error('not a combined-format access log line');
    const time = parseCommonLogTime(match[3]);
    if (Number.isNaN(time))
        throw new Error(`unreadable time [${match[3]}]`);
    const agent = match[7] === undefined ? undefined : unquoteGo(`"${match[7]}"`);
    return {
        time,
        method: match[4],
        uri: match[5],
        status: Number(match[6]),
        agent: agent === '' || agent === '-' ? undefined : agent,
        identity: match[2],
        remote: match[1],
    };
}
/**
 * How many requests one kind of line may wait for its twin from the other log (memory stays bounded);
 * while only one kind has been seen, a few (a log of one kind has no twins; a mixed one shows both soon).
 */
const PENDING_LIMIT = 4096;
const PENDING_ALONE = 16;
/**
 * A line parser for a registry log of any kind. A request the application log and the access log both
 * name (same address, method, URI and status, in either order) is one pull: the first line counts, its
 * twin is dropped. A log of one kind only never finds twins.
 */
function registryLogParser() {
    // For each kind of line, the requests still waiting for their twin from the other kind.
    const pending = { application: new Map(), access: new Map() };
    const seen = { application: false, access: false };
    const twinFound = (kind, pull) => {
        const key = `${pull.address ?? ''} ${pull.method ?? ''} ${pull.repository} ${pull.tag ?? pull.digest ?? ''} ${pull.status ?? ''}`;
        const other = pending[kind === 'application' ? 'access' : 'application'];
        const waiting = other.get(key);
        if (waiting !== undefined) {
            if (waiting > 1)
                other.set(key, waiting - 1);
            else
                other.delete(key);
            return true;
        }
        const mine = pending[kind];
        mine.set(key, (mine.get(key) ?? 0) + 1);
        seen[kind] = true;
        if (mine.size > (seen.application && seen.access ? PENDING_LIMIT : PENDING_ALONE))
            mine.delete(mine.keys().next().value);
        return false;
    };
    return (line) => {
        const kind = kindOf(line);
        if (kind === undefined)
            throw new Error('not a registry log line (JSON, logrus text or access log)');
        const request = kind === 'access'
            ? accessRequest(line)
            : applicationRequest(kind === 'json' ? (plainJsonFields(line) ?? jsonFields(line)) : textFields(line));
        const pull = request && pullOfRequest(request);
        if (!pull)
            return [];
        if (request.reference !== undefined && pull.tag === undefined && pull.digest === undefined)
            pull.tag = request.reference;
        return twinFound(kind === 'access' ? 'access' : 'application', pull) ? [] : [pull];
    };
}
/** True when `line` is a registry application log line (it names the registry's Go runtime or a request). */
function isApplicationLine(fields) {
    return (typeof fields['msg'] === 'string' &&
        typeof fields['level'] === 'string' &&
        ('go.version' in fields || 'http.request.method' in fields || 'instance.id' in fields));
}
/**
 * The kinds of the head's registry log lines; undefined when fewer than half of the head's lines are
 * (a damaged line or two among the first ones does not make a log something else).
 */
function headKinds(head) {
    const kinds = [];
    for (const line of head) {
        const kind = kindOf(line);
        if (kind === undefined)
            continue;
        if (kind !== 'access') {
            try {
                if (!isApplicationLine(kind === 'json' ? jsonFields(line) : textFields(line)))
                    continue;
            }
            catch {
                continue;
            }
        }
        kinds.push(kind);
    }
    return kinds.length > 0 && kinds.length * 2 >= head.length ? kinds : undefined;
}
/** Every line this format reads contains one of these: a pull is a request for a manifest. */
const NEEDLES = ['/manifests/'];
function registryLog(name, claims) {
    return {
        name,
        style: 'lines',
        needles: NEEDLES,
        sniff(head) {
            const kinds = headKinds(head);
            return kinds !== undefined && kinds.length > 0 && claims(kinds);
        },
        open: registryLogParser,
    };
}
/** The application log as JSON (`log.formatter: json`), perhaps mixed with the access log. */
const distributionJsonLog = registryLog('distribution registry log (JSON)', (kinds) => kinds.includes('json'));
/** The application log as logrus text (the default formatter), perhaps mixed with the access log. */
const distributionTextLog = registryLog('distribution registry log (text)', (kinds) => kinds.includes('text'));
/**
 * The access log alone (Apache combined format, as the registry, or a proxy in front of it, writes it):
 * claimed only when one of the head's requests is to the registry API (`/v2/`).
 */
const distributionAccessLog = {
    ...registryLog('distribution registry access log', (kinds) => kinds.every((kind) => kind === 'access')),
    sniff(head) {
        const kinds = headKinds(head);
        return (kinds !== undefined &&
            kinds.length > 0 &&
            kinds.every((kind) => kind === 'access') &&
            head.some((line) => / \/v2\//.test(line)));
    },
};

;// CONCATENATED MODULE: ./lib/src/pulls/formats/distribution-notifications.js

function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function distribution_notifications_text(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** True for an event as the registry sends it: an action and a target. */
function isEvent(value) {
    return isObject(value) && typeof value['action'] === 'string' && isObject(value['target']);
}
function isEnvelope(value) {
    return isObject(value) && Array.isArray(value['events']);
}
/** True when an event's target is a manifest (by its URL, its tag, or its media type), not a blob. */
function isManifestTarget(target) {
    const url = distribution_notifications_text(target['url']);
    if (url !== undefined)
        return url.includes('/manifests/');
    if (distribution_notifications_text(target['tag']) !== undefined)
        return true;
    const mediaType = distribution_notifications_text(target['mediaType']) ?? '';
    return /manifest|image\.index/.test(mediaType);
}
/** The pull record of one event, or undefined for another action or a blob; throws for a malformed event. */
function pullOfEvent(event, where) {
    if (!isEvent(event))
        throw new Error(`${where}: expected an event with "action" and "target"`);
    if (event['action'] !== 'pull')
        return undefined;
    const target = event['target'];
    if (!isManifestTarget(target))
        return undefined;
    const repository = distribution_notifications_text(target['repository']);
    if (repository === undefined)
        throw new Error(`${where}.target.repository: expected a repository name`);
    const record = {
        type: 'pull',
        time: parseTime(event['timestamp'], `${where}.timestamp`),
        repository,
    };
    const tag = distribution_notifications_text(target['tag']);
    const digest = distribution_notifications_text(target['digest']);
    if (tag !== undefined)
        record.tag = tag;
    if (digest !== undefined)
        record.digest = digest;
    const request = isObject(event['request']) ? event['request'] : {};
    const method = distribution_notifications_text(request['method']);
    if (method !== undefined)
        record.method = method;
    const agent = distribution_notifications_text(request['useragent']);
    if (agent !== undefined)
        record.agent = agent;
    const address = distribution_notifications_text(request['addr']);
    const bare = address === undefined ? undefined : addressWithoutPort(address);
    if (bare !== undefined)
        record.address = bare;
    const identity = isObject(event['actor']) ? distribution_notifications_text(event['actor']['name']) : undefined;
    if (identity !== undefined)
        record.identity = identity;
    return record;
}
/** The events of an envelope or a lone event. */
function eventsOf(value) {
    if (isEnvelope(value))
        return value.events;
    if (isEvent(value))
        return [value];
    throw new Error('expected an envelope {"events": […]} or an event');
}
/** One envelope (or one event) per line. */
const distributionNotificationLines = {
    name: 'distribution registry notifications',
    style: 'lines',
    // An envelope without a pull event has nothing to count.
    needles: ['"pull"'],
    sniff(head) {
        // At least half of the first lines (a damaged line or two does not make it something else).
        const readable = head.filter((line) => {
            try {
                const value = JSON.parse(line);
                return isEnvelope(value) ? value.events.length > 0 && isEvent(value.events[0]) : isEvent(value);
            }
            catch {
                return false;
            }
        });
        return readable.length > 0 && readable.length * 2 >= head.length;
    },
    open() {
        return (line) => {
            const records = [];
            eventsOf(JSON.parse(line)).forEach((event, index) => {
                const record = pullOfEvent(event, `events[${index}]`);
                if (record)
                    records.push(record);
            });
            return records;
        };
    },
};
/** One envelope, or an array of envelopes or events, as a JSON document. */
const distributionNotificationDocument = {
    name: 'distribution registry notifications',
    style: 'document',
    sniff(document) {
        if (isEnvelope(document))
            return document.events.length === 0 || isEvent(document.events[0]);
        return (Array.isArray(document) && document.length > 0 && (isEnvelope(document[0]) || isEvent(document[0])));
    },
    read(document) {
        const records = [];
        const problems = [];
        let skipped = 0;
        const visit = (event, where) => {
            try {
                const record = pullOfEvent(event, where);
                if (record)
                    records.push(record);
            }
            catch (error) {
                skipped++;
                if (problems.length < 5)
                    problems.push(error.message);
            }
        };
        if (isEnvelope(document))
            document.events.forEach((event, i) => visit(event, `events[${i}]`));
        else
            document.forEach((entry, i) => {
                if (isEnvelope(entry))
                    entry.events.forEach((event, j) => visit(event, `[${i}].events[${j}]`));
                else
                    visit(entry, `[${i}]`);
            });
        return { records, skipped, problems };
    },
};

;// CONCATENATED MODULE: ./lib/src/pulls/formats/fields.js


/** True for a plain JSON object (not an array, not null). */
function fields_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The value at `key` when it is a non-empty string. */
function optionalString(object, key) {
    const value = object[key];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
}
/** The string at `key`, or an error naming the key. */
function requiredString(object, key, where = key) {
    const value = object[key];
    if (typeof value !== 'string' || value.length === 0)
        throw new Error(`${where}: expected a string`);
    return value;
}
/** The object at `key`, or undefined when absent or null. */
function optionalObject(object, key) {
    const value = object[key];
    return fields_isObject(value) ? value : undefined;
}
/**
 * A time as vendors write it, in milliseconds since the epoch: ISO 8601 (`2020-09-30T10:12:44Z`, with
 * an offset or nanoseconds), RFC 2822 (`Tue, 18 Jun 2024 18:59:13 -0000`, Quay), Log Analytics' CSV
 * (`9/30/2020, 10:12:44.123 AM`), or a number of seconds (the AWS CLI v1) or milliseconds (Artifactory)
 * since the epoch. Throws on anything else: a pull at an unknown time cannot be placed in a window.
 */
function fields_parseTime(value, where) {
    if (typeof value === 'number' && Number.isFinite(value)) {
        // Seconds until 2286 are below 1e10; milliseconds since 1970-04 are above.
        return value < 1e10 ? Math.round(value * 1000) : value;
    }
    if (typeof value === 'string' && value.length > 0) {
        if (/^\d+(\.\d+)?$/.test(value))
            return fields_parseTime(Number(value), where);
        let text = value.replace(/(\.\d{3})\d+/, '$1');
        // A time without a zone is UTC here (Harbor's `2020-04-09 02:36:00`), never the machine's zone.
        if (/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(text))
            text = `${text.replace(' ', 'T')}Z`;
        const usual = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d\d):(\d\d)(\.\d+)? ([AP]M)$/.exec(text);
        if (usual !== null)
            return logAnalyticsTime(usual);
        const parsed = Date.parse(text);
        if (!Number.isNaN(parsed))
            return parsed;
    }
    throw new Error(`${where}: expected a time, found ${JSON.stringify(value)}`);
}
/** Log Analytics' CSV time (`9/30/2020, 10:12:44.123 AM`, always UTC: the column is `[UTC]`). */
function logAnalyticsTime(match) {
    const [, month, day, year, hour, minute, second, fraction, half] = match;
    const hour24 = (Number(hour) % 12) + (half === 'PM' ? 12 : 0);
    const millis = fraction === undefined ? 0 : Math.round(Number(fraction) * 1000);
    return Date.UTC(Number(year), Number(month) - 1, Number(day), hour24, Number(minute), Number(second), millis);
}
/** The reference of a pull split into tag or digest (`1.4.2` → tag, `sha256:…` → digest). */
function tagOrDigest(reference, where) {
    if ((0,oci_reference/* isValidDigest */.fH)(reference))
        return { digest: reference };
    if ((0,oci_reference/* isValidTag */.r_)(reference))
        return { tag: reference };
    throw new Error(`${where}: "${reference}" is neither a tag nor a digest`);
}
/** Checks a repository path (`team/api`) and returns it. */
function repositoryPath(path, where) {
    if (!(0,oci_reference/* isValidRepositoryPath */.M0)(path))
        throw new Error(`${where}: "${path}" is not a repository path`);
    return path;
}
/**
 * Splits `name[:tag][@digest]` (Harbor's `resource`, the generic form's repository) into its parts.
 * The name is a repository path; a host in front is returned apart when the first component looks like
 * one (has a `.` or a `:`, or is `localhost`), as Docker decides.
 */
function splitImageName(text, where) {
    let rest = text;
    let registry;
    const slash = rest.indexOf('/');
    if (slash > 0) {
        const first = rest.slice(0, slash);
        if (first.includes('.') || first.includes(':') || first === 'localhost') {
            if (!(0,oci_reference/* isValidHost */.HO)(first))
                throw new Error(`${where}: "${first}" is not a registry host`);
            registry = first.toLowerCase();
            rest = rest.slice(slash + 1);
        }
    }
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!(0,oci_reference/* isValidDigest */.fH)(digest))
            throw new Error(`${where}: "${digest}" is not a digest`);
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!(0,oci_reference/* isValidTag */.r_)(tag))
            throw new Error(`${where}: "${tag}" is not a tag`);
    }
    const result = {
        repository: repositoryPath(rest, where),
    };
    if (registry !== undefined)
        result.registry = registry;
    if (tag !== undefined)
        result.tag = tag;
    if (digest !== undefined)
        result.digest = digest;
    return result;
}
/**
 * The repository and reference of a manifest request path (`/v2/team/api/manifests/1.4.2`), or
 * undefined for any other path (blobs, tags lists, the catalogue). A query string is ignored.
 */
function manifestPath(uri) {
    const path = uri.split('?', 1)[0];
    const match = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(path);
    if (match === null)
        return undefined;
    return { repository: decodeURIComponent(match[1]), reference: decodeURIComponent(match[2]) };
}
/** A client address without its port (`10.2.0.7:51234` → `10.2.0.7`, `[::1]:5000` → `::1`). */
function fields_addressWithoutPort(address) {
    const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
    if (bracketed !== null)
        return bracketed[1];
    const parts = address.split(':');
    return parts.length === 2 && /^\d+$/.test(parts[1]) ? parts[0] : address;
}
/** The evidence file's name without its folder and extensions (`dumps/prod-eu.json.gz` → `prod-eu`). */
function baseName(fileName) {
    const name = (0,external_node_path_.basename)(fileName);
    const dot = name.indexOf('.');
    return dot > 0 ? name.slice(0, dot) : name;
}
/** Parses one line of JSON lines; undefined when the line is not a JSON object. */
function parseJsonObject(line) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{'))
        return undefined;
    try {
        const value = JSON.parse(trimmed);
        return fields_isObject(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** Parses one line of JSON lines, or throws the reason a bad line is skipped. */
function requireJsonObject(line) {
    const object = parseJsonObject(line);
    if (object === undefined)
        throw new Error('not a JSON object');
    return object;
}
/** How many problems a document format keeps to show (the rest are only counted). */
const SHOWN_PROBLEMS = 5;
/**
 * Reads each entry of a document's list with `read`: an entry it throws on is counted as skipped, and the
 * first few reasons are kept, located (`Records[3].requestParameters: expected an object`).
 */
function readEach(entries, where, read) {
    const records = [];
    const problems = [];
    let skipped = 0;
    entries.forEach((entry, index) => {
        try {
            records.push(...read(entry));
        }
        catch (error) {
            skipped += 1;
            if (problems.length < SHOWN_PROBLEMS)
                problems.push(`${where(index)}${error.message}`);
        }
    });
    return { records, skipped, problems };
}

;// CONCATENATED MODULE: ./lib/src/pulls/formats/artifactory.js

/**
 * JFrog Artifactory's download statistics of Docker manifests. Artifactory stores an image's tag as a
 * folder (`team/api/1.4.2/manifest.json`, `list.manifest.json` for a multi-platform index; a pull by
 * digest of a remote image as `team/api/sha256__<hex>/…`), and keeps per file the last download, who
 * made it and a count since ever. Two shapes:
 * - an AQL search (`POST /api/search/aql` with `items.find({"repo":"docker-local","name":{"$match":
 *   "*manifest.json"}}).include("repo","path","name","stat")`): `{results: [{repo, path, name, stats:
 *   [{downloaded, downloaded_by, downloads}]}], range}`;
 * - file statistics (`GET /api/storage/docker-local/team/api/1.4.2/manifest.json?stats`, one object, or
 *   several gathered into an array): `{uri, downloadCount, lastDownloaded, lastDownloadedBy}`.
 * Each manifest counts as pulled once, at its last download: Artifactory keeps no history. Records name
 * the image path inside the Docker repository (`team/api`), as clients of a repository-per-host
 * (subdomain or port) setup name it.
 */
const MANIFEST_NAMES = new Set(['manifest.json', 'list.manifest.json']);
/** `team/api/1.4.2` → `team/api` and the tag (or digest, from a `sha256__<hex>` folder). */
function imageOfFolder(path, where) {
    const slash = path.lastIndexOf('/');
    if (slash <= 0)
        throw new Error(`${where}: "${path}" is not an image folder (image/tag)`);
    const repository = repositoryPath(path.slice(0, slash), where);
    const folder = path.slice(slash + 1);
    const digest = /^sha256__([a-f0-9]{64})$/.exec(folder);
    return digest !== null ? { repository, digest: `sha256:${digest[1]}` } : { repository, tag: folder };
}
function aqlPulls(item) {
    if (!fields_isObject(item))
        throw new Error(': expected an object');
    const name = requiredString(item, 'name');
    if (!MANIFEST_NAMES.has(name))
        return []; // a layer, or another file
    const image = imageOfFolder(requiredString(item, 'path'), 'path');
    const stats = Array.isArray(item.stats) ? item.stats.filter(fields_isObject) : [];
    return stats
        .filter((stat) => stat.downloaded !== undefined && stat.downloaded !== null)
        .map((stat) => ({
        type: 'pull',
        time: fields_parseTime(stat.downloaded, 'stats.downloaded'),
        ...image,
        identity: optionalString(stat, 'downloaded_by'),
    }));
}
function statisticsPulls(entry) {
    if (!fields_isObject(entry))
        throw new Error(': expected an object');
    const uri = requiredString(entry, 'uri');
    const match = /\/api\/storage\/[^/]+\/(.+)\/([^/]+)$/.exec(new URL(uri).pathname);
    if (match === null)
        throw new Error(`uri: "${uri}" is not a storage path`);
    if (!MANIFEST_NAMES.has(match[2]))
        return [];
    if (entry.downloadCount === 0 || entry.lastDownloaded === 0 || entry.lastDownloaded === undefined)
        return [];
    return [
        {
            type: 'pull',
            time: fields_parseTime(entry.lastDownloaded, 'lastDownloaded'),
            ...imageOfFolder(decodeURIComponent(match[1]), 'uri'),
            identity: optionalString(entry, 'lastDownloadedBy'),
        },
    ];
}
function isStatistics(value) {
    return (fields_isObject(value) && typeof value.uri === 'string' && 'downloadCount' in value && 'lastDownloaded' in value);
}
/** An AQL search's result, or file statistics (one object or an array). */
const artifactoryFormat = {
    name: 'artifactory',
    style: 'document',
    sniff(document) {
        if (isStatistics(document))
            return true;
        if (Array.isArray(document))
            return document.length > 0 && document.every(isStatistics);
        return (fields_isObject(document) &&
            Array.isArray(document.results) &&
            fields_isObject(document.range) &&
            document.results.every((item) => fields_isObject(item) && 'repo' in item && 'path' in item && 'name' in item));
    },
    read(document) {
        if (isStatistics(document))
            return readEach([document], () => '', statisticsPulls);
        if (Array.isArray(document))
            return readEach(document, (index) => `[${index}].`, statisticsPulls);
        return readEach(document.results, (index) => `results[${index}].`, aqlPulls);
    },
};

;// CONCATENATED MODULE: ./lib/src/pulls/formats/csv.js
/**
 * CSV as spreadsheets and Log Analytics write it (RFC 4180): comma-separated, fields in double quotes
 * when they hold a comma or a quote, a quote doubled inside quotes. Records are read one line at a time
 * (evidence files are streamed), so a field may not hold a line break.
 */
/** Splits one CSV line into its fields; throws on an unterminated quoted field. */
function splitCsvLine(line) {
    const fields = [];
    let at = 0;
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    for (;;) {
        if (text[at] === '"') {
            let value = '';
            let cursor = at + 1;
            for (;;) {
                const quote = text.indexOf('"', cursor);
                if (quote < 0)
                    throw new Error(`unterminated quoted field at column ${at + 1}`);
                value += text.slice(cursor, quote);
                if (text[quote + 1] === '"') {
                    value += '"';
                    cursor = quote + 2;
                    continue;
                }
                cursor = quote + 1;
                break;
            }
            fields.push(value);
            if (cursor >= text.length)
                return fields;
            if (text[cursor] !== ',')
                throw new Error(`unexpected text after a quoted field at column ${cursor + 1}`);
            at = cursor + 1;
        }
        else {
            const comma = text.indexOf(',', at);
            if (comma < 0) {
                fields.push(text.slice(at));
                return fields;
            }
            fields.push(text.slice(at, comma));
            at = comma + 1;
        }
    }
}
/**
 * The columns of a header row, keyed by a normalised name (lower-case, a ` [UTC]` suffix and spaces or
 * underscores dropped: `TimeGenerated [UTC]` → `timegenerated`), each with its index.
 */
function headerColumns(header) {
    const columns = new Map();
    splitCsvLine(header.replace(/^\uFEFF/, '')).forEach((name, index) => {
        columns.set(normaliseColumn(name), index);
    });
    return columns;
}
/** A column name as {@link headerColumns} keys it. */
function normaliseColumn(name) {
    return name
        .trim()
        .replace(/\s*\[[^\]]*\]$/, '')
        .replace(/[\s_-]+/g, '')
        .toLowerCase();
}
/** Reads the fields of a data row by column name. */
class CsvRow {
    columns;
    fields;
    constructor(columns, fields) {
        this.columns = columns;
        this.fields = fields;
    }
    /** The field of `column` (a normalised name), or undefined when absent or empty. */
    get(column) {
        const index = this.columns.get(column);
        if (index === undefined)
            return undefined;
        const value = this.fields[index];
        return value === undefined || value.length === 0 ? undefined : value;
    }
}

;// CONCATENATED MODULE: ./lib/src/pulls/formats/azure.js


/**
 * Azure Container Registry's `ContainerRegistryRepositoryEvents` table (resource logs sent to a Log
 * Analytics workspace by a diagnostic setting): one row per push, pull, untag or delete, with
 * `TimeGenerated`, `OperationName`, `LoginServer`, `Repository`, `Tag`, `Digest`, `Identity`,
 * `CallerIpAddress`, `ResultDescription` (the HTTP status). Two shapes: the CSV the portal's
 * Logs → Export → CSV writes (`TimeGenerated [UTC]` in its header), and the JSON array of rows
 * `az monitor log-analytics query` prints. Rows other than `Pull` are passed over.
 */
/** Reads one row, its values fetched by normalised column name (`timegenerated`, `loginserver`, …). */
function rowPulls(get) {
    if (get('operationname')?.toLowerCase() !== 'pull')
        return [];
    const repository = get('repository');
    if (repository === undefined)
        throw new Error('Repository: expected a repository');
    const tag = get('tag');
    const digest = get('digest');
    const reference = tagOrDigest(tag ?? digest ?? '', tag === undefined ? 'Digest' : 'Tag');
    const status = get('resultdescription');
    const address = get('calleripaddress');
    return [
        {
            type: 'pull',
            time: fields_parseTime(get('timegenerated'), 'TimeGenerated'),
            registry: get('loginserver')?.toLowerCase(),
            repository: repositoryPath(repository, 'Repository'),
            ...reference,
            digest: reference.digest ?? (digest !== undefined ? tagOrDigest(digest, 'Digest').digest : undefined),
            status: status !== undefined && /^\d{3}$/.test(status) ? Number(status) : undefined,
            agent: get('useragent'),
            identity: get('identity'),
            address: address?.replace(/:\d+$/, ''),
        },
    ];
}
const REQUIRED = ['timegenerated', 'operationname', 'loginserver', 'repository'];
/** The portal's CSV export of the table (a header row, then one row per line). */
const azureCsvFormat = {
    name: 'azure-acr-csv',
    style: 'lines',
    sniff(head) {
        if (head.length === 0)
            return false;
        try {
            const columns = headerColumns(head[0]);
            return REQUIRED.every((column) => columns.has(column));
        }
        catch {
            return false;
        }
    },
    open() {
        let columns;
        return (line) => {
            if (columns === undefined) {
                columns = headerColumns(line);
                return [];
            }
            const row = new CsvRow(columns, splitCsvLine(line));
            return rowPulls((column) => row.get(column));
        };
    },
};
/** The rows `az monitor log-analytics query --analytics-query 'ContainerRegistryRepositoryEvents …'` prints. */
const azureJsonFormat = {
    name: 'azure-acr-json',
    style: 'document',
    sniff(document) {
        return (Array.isArray(document) &&
            document.length > 0 &&
            document.every((row) => {
                if (!fields_isObject(row))
                    return false;
                const keys = new Set(Object.keys(row).map(normaliseColumn));
                return REQUIRED.every((column) => keys.has(column));
            }));
    },
    read(document) {
        return readEach(document, (index) => `[${index}].`, (row) => {
            const values = new Map();
            for (const [key, value] of Object.entries(row)) {
                if (typeof value === 'string' && value.length > 0)
                    values.set(normaliseColumn(key), value);
                if (typeof value === 'number')
                    values.set(normaliseColumn(key), String(value));
            }
            return rowPulls((column) => values.get(column));
        });
    },
};

;// CONCATENATED MODULE: ./lib/src/pulls/formats/ecr.js

/**
 * AWS ECR's `aws ecr describe-images --repository-name NAME --output json`: `{imageDetails: [{registryId,
 * repositoryName, imageDigest, imageTags, imagePushedAt, lastRecordedPullTime, …}]}`. ECR keeps one
 * `lastRecordedPullTime` per image and no count, and may record a pull up to a day late: each tag of an
 * image pulled in the window counts as pulled once, at that time (an untagged image by its digest).
 * The region is not in the output, so the records do not name the registry host.
 */
const ecrImagesFormat = {
    name: 'ecr-describe-images',
    style: 'document',
    sniff(document) {
        return (fields_isObject(document) &&
            Array.isArray(document.imageDetails) &&
            document.imageDetails.every((image) => fields_isObject(image) && 'imageDigest' in image && 'repositoryName' in image));
    },
    read(document) {
        const images = document.imageDetails;
        return readEach(images, (index) => `imageDetails[${index}].`, (image) => {
            if (!fields_isObject(image) || image.lastRecordedPullTime === undefined)
                return []; // never pulled
            const repository = repositoryPath(requiredString(image, 'repositoryName'), 'repositoryName');
            const digest = tagOrDigest(requiredString(image, 'imageDigest'), 'imageDigest').digest;
            if (digest === undefined)
                throw new Error('imageDigest: expected a digest');
            const time = fields_parseTime(image.lastRecordedPullTime, 'lastRecordedPullTime');
            const tags = Array.isArray(image.imageTags)
                ? image.imageTags.filter((tag) => typeof tag === 'string')
                : [];
            if (tags.length === 0)
                return [{ type: 'pull', time, repository, digest }];
            return tags.map((tag) => ({ type: 'pull', time, repository, tag, digest }));
        });
    },
};
/** The registry host of an ECR account in a region. */
function ecrHost(registryId, region) {
    if (registryId === undefined || region === undefined)
        return undefined;
    if (!/^\d{12}$/.test(registryId) || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
        return undefined;
    return `${registryId}.dkr.ecr.${region}.amazonaws.com`;
}

;// CONCATENATED MODULE: ./lib/src/pulls/formats/cloudtrail.js


/**
 * AWS CloudTrail events of ECR image pulls (`eventSource: ecr.amazonaws.com`, `eventName: BatchGetImage`:
 * the manifest fetch of every `docker pull`, kubelet and containerd pull; `GetDownloadUrlForLayer` is a
 * layer, not an image). Three shapes: a CloudTrail log file as the trail writes it to S3
 * (`{"Records": [...]}`, gzip-compressed), `aws cloudtrail lookup-events` output (`{"Events": [{…,
 * "CloudTrailEvent": "<the event as a JSON string>"}]}`), and one event per line (CloudTrail Lake or a
 * log pipeline's export). Events of other services are passed over.
 */
/** The pull records of one CloudTrail event (none unless it is a successful ECR BatchGetImage). */
function cloudTrailPulls(event) {
    if (event.eventSource !== 'ecr.amazonaws.com' || event.eventName !== 'BatchGetImage')
        return [];
    if (optionalString(event, 'errorCode') !== undefined)
        return []; // denied or not found: nothing pulled
    const request = optionalObject(event, 'requestParameters');
    if (request === undefined)
        throw new Error('requestParameters: expected an object');
    const repository = repositoryPath(requiredString(request, 'repositoryName'), 'requestParameters.repositoryName');
    const time = fields_parseTime(event.eventTime, 'eventTime');
    const registry = ecrHost(optionalString(request, 'registryId') ?? optionalString(event, 'recipientAccountId'), optionalString(event, 'awsRegion'));
    const identity = optionalObject(event, 'userIdentity');
    const address = optionalString(event, 'sourceIPAddress');
    const common = {
        time,
        registry,
        repository,
        agent: optionalString(event, 'userAgent'),
        identity: identity === undefined
            ? undefined
            : (optionalString(identity, 'arn') ?? optionalString(identity, 'principalId')),
        // An AWS service acting for the caller is named, not addressed (`ecr.amazonaws.com`, `AWS Internal`).
        address: address !== undefined && /^[0-9a-fA-F.:]+$/.test(address) ? address : undefined,
    };
    const resolved = resolvedDigests(event);
    const failed = failedReferences(event);
    const ids = request.imageIds;
    if (!Array.isArray(ids))
        throw new Error('requestParameters.imageIds: expected a list');
    const records = [];
    ids.forEach((id, index) => {
        if (!fields_isObject(id))
            throw new Error(`requestParameters.imageIds[${index}]: expected an object`);
        const tag = optionalString(id, 'imageTag');
        const digest = optionalString(id, 'imageDigest');
        const reference = tagOrDigest(digest ?? tag ?? '', `requestParameters.imageIds[${index}]`);
        // BatchGetImage answers 200 and lists what it did not find: those were not pulled.
        if (failed.has(digest ?? tag ?? ''))
            return;
        const record = { type: 'pull', ...common, ...reference };
        const resolvedDigest = reference.tag === undefined ? undefined : resolved.get(reference.tag);
        if (resolvedDigest !== undefined)
            record.digest = resolvedDigest;
        records.push(record);
    });
    return records;
}
/** The tags and digests `responseElements.failures` lists (`ImageNotFound`, `ImageTagDoesNotMatchDigest`). */
function failedReferences(event) {
    const failed = new Set();
    const failures = optionalObject(event, 'responseElements')?.failures;
    if (!Array.isArray(failures))
        return failed;
    for (const failure of failures) {
        const id = fields_isObject(failure) ? optionalObject(failure, 'imageId') : undefined;
        if (id === undefined)
            continue;
        const reference = optionalString(id, 'imageDigest') ?? optionalString(id, 'imageTag');
        if (reference !== undefined)
            failed.add(reference);
    }
    return failed;
}
/** Tag → digest from `responseElements.images`, when the trail kept the response. */
function resolvedDigests(event) {
    const digests = new Map();
    const images = optionalObject(event, 'responseElements')?.images;
    if (!Array.isArray(images))
        return digests;
    for (const image of images) {
        const id = fields_isObject(image) ? optionalObject(image, 'imageId') : undefined;
        const tag = id === undefined ? undefined : optionalString(id, 'imageTag');
        const digest = id === undefined ? undefined : optionalString(id, 'imageDigest');
        if (tag !== undefined && digest !== undefined && /^sha256:[a-f0-9]{64}$/.test(digest))
            digests.set(tag, digest);
    }
    return digests;
}
function isCloudTrailEvent(value) {
    return fields_isObject(value) && typeof value.eventVersion === 'string' && typeof value.eventSource === 'string';
}
/** `{"Records": [...]}` (a trail's log file) or `{"Events": [...]}` (`aws cloudtrail lookup-events`). */
const cloudTrailFormat = {
    name: 'cloudtrail',
    style: 'document',
    sniff(document) {
        if (!fields_isObject(document))
            return false;
        if (Array.isArray(document.Records))
            return document.Records.every(isCloudTrailEvent);
        return (Array.isArray(document.Events) &&
            document.Events.length > 0 &&
            document.Events.every((entry) => fields_isObject(entry) && typeof entry.CloudTrailEvent === 'string'));
    },
    read(document) {
        const object = document;
        if (Array.isArray(object.Records)) {
            return readEach(object.Records, (index) => `Records[${index}].`, (entry) => cloudTrailPulls(entry));
        }
        return readEach(object.Events, (index) => `Events[${index}].`, (entry) => cloudTrailPulls(parseEmbedded(entry.CloudTrailEvent)));
    },
};
function parseEmbedded(text) {
    const event = typeof text === 'string' ? parseJsonObject(text) : undefined;
    if (event === undefined)
        throw new Error('CloudTrailEvent: expected an event as a JSON string');
    return event;
}
/** One CloudTrail event per line. */
const cloudTrailLinesFormat = {
    name: 'cloudtrail-lines',
    style: 'lines',
    needles: ['BatchGetImage'],
    sniff(head) {
        return head.length > 0 && isCloudTrailEvent(parseJsonObject(head[0]));
    },
    open() {
        return (line) => cloudTrailPulls(requireJsonObject(line));
    },
};

;// CONCATENATED MODULE: ./lib/src/pulls/formats/generic.js


/**
 * The generic form, for any registry or proxy cutover does not read natively (a CDN's or a load
 * balancer's access log turned into rows): one pull per row, as CSV with a header row naming the columns,
 * or as JSON lines with the same keys.
 *
 * | column | required | holds |
 * | --- | --- | --- |
 * | `time` | yes | ISO 8601 (`2026-11-30T08:15:02Z`; UTC when no offset) or seconds since the epoch |
 * | `repository` | yes | `team/api`, or with its host `registry.example.com/team/api` |
 * | `reference` | yes | a tag (`1.4.2`) or a digest (`sha256:…`) |
 * | `client` | no | the user agent, or any name of the client (`containerd/1.7.2`, `jenkins-eu`) |
 * | `digest` | no | the digest a tag resolved to |
 * | `identity`, `address`, `method`, `status` | no | who, from where, GET/HEAD, HTTP status |
 */
const generic_REQUIRED = ['time', 'repository', 'reference'];
function generic_rowPulls(get) {
    const repository = get('repository');
    const reference = get('reference');
    if (repository === undefined)
        throw new Error('repository: expected a repository');
    if (reference === undefined)
        throw new Error('reference: expected a tag or a digest');
    const image = splitImageName(repository, 'repository');
    const pulled = tagOrDigest(reference, 'reference');
    const resolved = get('digest');
    const status = get('status');
    if (status !== undefined && !/^\d{3}$/.test(status))
        throw new Error(`status: "${status}" is not an HTTP status`);
    return [
        {
            type: 'pull',
            time: fields_parseTime(get('time'), 'time'),
            registry: image.registry,
            repository: image.repository,
            ...pulled,
            digest: pulled.digest ?? (resolved === undefined ? undefined : tagOrDigest(resolved, 'digest').digest),
            method: get('method')?.toUpperCase(),
            status: status === undefined ? undefined : Number(status),
            agent: get('client') ?? get('agent') ?? get('useragent'),
            identity: get('identity'),
            address: get('address'),
        },
    ];
}
/** CSV with a header row naming at least `time`, `repository` and `reference`. */
const genericCsvFormat = {
    name: 'generic-csv',
    style: 'lines',
    sniff(head) {
        if (head.length === 0 || head[0].trimStart().startsWith('{'))
            return false;
        try {
            const columns = headerColumns(head[0]);
            return generic_REQUIRED.every((column) => columns.has(column));
        }
        catch {
            return false;
        }
    },
    open() {
        let columns;
        return (line) => {
            if (columns === undefined) {
                columns = headerColumns(line);
                return [];
            }
            const row = new CsvRow(columns, splitCsvLine(line));
            return generic_rowPulls((column) => row.get(column));
        };
    },
};
function field(object, key) {
    const value = object[key];
    if (typeof value === 'number')
        return String(value);
    return typeof value === 'string' && value.length > 0 ? value : undefined;
}
/** JSON lines with the keys `time`, `repository`, `reference` (and the optional ones). */
const genericJsonLinesFormat = {
    name: 'generic-json-lines',
    style: 'lines',
    sniff(head) {
        const first = head.length > 0 ? parseJsonObject(head[0]) : undefined;
        return first !== undefined && generic_REQUIRED.every((key) => key in first);
    },
    open() {
        return (line) => {
            const object = requireJsonObject(line);
            return generic_rowPulls((column) => field(object, column));
        };
    },
};

;// CONCATENATED MODULE: ./lib/src/pulls/formats/google-cloud.js

/**
 * Google Cloud audit log entries of Artifact Registry (Data Access logs, `DATA_READ` enabled):
 * `protoPayload.methodName` `Docker-GetManifest` or `Docker-HeadManifest`, the request path in
 * `protoPayload.request.requestUrl` (`/v2/PROJECT/REPOSITORY/IMAGE/manifests/REFERENCE`), the caller in
 * `authenticationInfo.principalEmail` and `requestMetadata.callerIp|callerSuppliedUserAgent`. Two shapes:
 * one LogEntry per line (a log sink's export to Cloud Storage), or the array `gcloud logging read
 * --format=json` prints. Entries of other methods and services are passed over.
 */
const PULL_METHODS = new Set(['Docker-GetManifest', 'Docker-HeadManifest']);
/** google.rpc.Code → the HTTP status a client saw. */
const RPC_STATUS = { 3: 400, 5: 404, 7: 403, 8: 429, 16: 401 };
/** The pull record of one LogEntry (none unless it is a manifest GET or HEAD of Artifact Registry). */
function auditLogPulls(entry) {
    const payload = optionalObject(entry, 'protoPayload');
    if (payload === undefined || payload.serviceName !== 'artifactregistry.googleapis.com')
        return [];
    const method = optionalString(payload, 'methodName');
    if (method === undefined || !PULL_METHODS.has(method))
        return []; // blobs, tags lists, pushes
    const request = optionalObject(payload, 'request');
    const url = request === undefined ? undefined : optionalString(request, 'requestUrl');
    if (url === undefined)
        throw new Error('protoPayload.request.requestUrl: expected a string');
    const path = manifestPath(url);
    if (path === undefined)
        throw new Error(`protoPayload.request.requestUrl: "${url}" is not a manifest path`);
    const code = optionalObject(payload, 'status')?.code;
    const status = typeof code === 'number' && code !== 0 ? (RPC_STATUS[code] ?? 500) : 200;
    const metadata = optionalObject(payload, 'requestMetadata') ?? {};
    const caller = optionalString(metadata, 'callerIp');
    return [
        {
            type: 'pull',
            time: fields_parseTime(entry.timestamp, 'timestamp'),
            registry: registryHost(payload),
            repository: repositoryPath(path.repository, 'protoPayload.request.requestUrl'),
            ...tagOrDigest(path.reference, 'protoPayload.request.requestUrl'),
            method: method === 'Docker-HeadManifest' ? 'HEAD' : 'GET',
            status,
            // Google's front end appends its own tag to the caller's agent.
            agent: optionalString(metadata, 'callerSuppliedUserAgent')?.replace(/,gzip\(gfe\)$/, ''),
            identity: optionalString(optionalObject(payload, 'authenticationInfo') ?? {}, 'principalEmail'),
            address: caller === 'gcp-internal-ip' ? undefined : caller,
        },
    ];
}
/**
 * The host clients pulled from: `LOCATION-docker.pkg.dev` from the resource name
 * (`projects/P/locations/L/repositories/R/…`); a gcr.io repository (`R` is `gcr.io`, `eu.gcr.io`, …) is
 * served under its own name.
 */
function registryHost(payload) {
    const name = optionalString(payload, 'resourceName') ?? '';
    const match = /^projects\/[^/]+\/locations\/([a-z0-9-]+)\/repositories\/([^/]+)/.exec(name);
    if (match === null)
        return undefined;
    const repository = decodeURIComponent(match[2]);
    if (/^(?:[a-z]+\.)?gcr\.io$/.test(repository))
        return repository;
    return `${match[1]}-docker.pkg.dev`;
}
function isAuditLogEntry(value) {
    if (!fields_isObject(value))
        return false;
    const payload = optionalObject(value, 'protoPayload');
    return (payload !== undefined &&
        typeof payload['@type'] === 'string' &&
        payload['@type'].endsWith('google.cloud.audit.AuditLog') &&
        typeof value.timestamp === 'string');
}
/** One LogEntry per line, as a log sink writes them to Cloud Storage. */
const googleAuditLinesFormat = {
    name: 'google-cloud-audit-lines',
    style: 'lines',
    needles: [...PULL_METHODS],
    sniff(head) {
        return head.length > 0 && isAuditLogEntry(parseJsonObject(head[0]));
    },
    open() {
        return (line) => auditLogPulls(requireJsonObject(line));
    },
};
/** The JSON array `gcloud logging read … --format=json` prints. */
const googleAuditFormat = {
    name: 'google-cloud-audit',
    style: 'document',
    sniff(document) {
        return Array.isArray(document) && document.length > 0 && document.every(isAuditLogEntry);
    },
    read(document) {
        return readEach(document, (index) => `[${index}].`, (entry) => auditLogPulls(entry));
    },
};

;// CONCATENATED MODULE: ./lib/src/pulls/formats/harbor.js

/**
 * Harbor's audit log, as its API returns it (`GET /api/v2.0/audit-logs?q=operation=pull`, a JSON array,
 * page after page; the console's Logs page shows the same entries): `{id, resource, resource_type,
 * operation, op_time, username}`, `resource` being `project/repository:tag` or `…@sha256:…`. Harbor
 * records who pulled, not from where nor with what client.
 */
const harborFormat = {
    name: 'harbor',
    style: 'document',
    sniff(document) {
        return (Array.isArray(document) &&
            document.length > 0 &&
            document.every((entry) => fields_isObject(entry) &&
                typeof entry.operation === 'string' &&
                typeof entry.resource_type === 'string' &&
                'op_time' in entry &&
                'resource' in entry));
    },
    read(document) {
        return readEach(document, (index) => `[${index}].`, (entry) => {
            if (!fields_isObject(entry) || entry.operation !== 'pull')
                return []; // pushes, deletions, logins
            // Harbor 2.13's extended log also says whether the operation succeeded.
            if (entry.operation_result === false)
                return [];
            const image = splitImageName(requiredString(entry, 'resource'), 'resource');
            return [
                {
                    type: 'pull',
                    time: fields_parseTime(entry.op_time, 'op_time'),
                    repository: image.repository,
                    tag: image.tag,
                    digest: image.digest,
                    identity: optionalString(entry, 'username'),
                },
            ];
        });
    },
};

;// CONCATENATED MODULE: ./lib/src/pulls/formats/kubernetes.js


/**
 * A cluster's workloads, as `kubectl get pods,deployments,statefulsets,daemonsets,replicasets,jobs,cronjobs
 * -A -o json` prints them: one `List` per cluster, the cluster named by the file name.
 *
 * Pods are folded into the object that owns them (ReplicaSet, StatefulSet, DaemonSet, Job): one record
 * per container of the object a person edits, not one per replica, and the digest its pods actually run
 * taken from their `status.*containerStatuses[].imageID`. When pods of one owner run different digests
 * (a tag moved between two pulls), one record per digest. A pod whose owner is not in the list (a bare
 * pod, a static pod, an owner of a kind not listed) is reported as a Pod.
 */
const KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']);
const CONTAINER_FIELDS = ['initContainers', 'containers', 'ephemeralContainers'];
const STATUS_FIELDS = ['initContainerStatuses', 'containerStatuses', 'ephemeralContainerStatuses'];
/** The format: a `v1` `List` whose items are pods and workloads. */
const kubernetesFormat = {
    name: 'kubernetes',
    style: 'document',
    sniff(document) {
        if (!fields_isObject(document) || document.kind !== 'List' || document.apiVersion !== 'v1')
            return false;
        const items = document.items;
        // Other kinds (`kubectl get all` adds Services) are passed over; an empty List is an empty cluster.
        return (Array.isArray(items) &&
            items.every((item) => fields_isObject(item) && typeof item.kind === 'string') &&
            (items.length === 0 || items.some((item) => KINDS.has(item.kind))));
    },
    read(document, fileName) {
        const reader = { cluster: baseName(fileName), records: [], problems: [], skipped: 0 };
        const items = document.items;
        const owners = new Set();
        for (const item of items) {
            if (!fields_isObject(item) || item.kind === 'Pod')
                continue;
            const metadata = optionalObject(item, 'metadata');
            const uid = metadata === undefined ? undefined : optionalString(metadata, 'uid');
            if (uid !== undefined)
                owners.add(uid);
        }
        const podsByOwner = groupPods(items, owners);
        items.forEach((item, index) => {
            try {
                readItem(reader, item, owners, podsByOwner);
            }
            catch (error) {
                reader.skipped += 1;
                if (reader.problems.length < 5)
                    reader.problems.push(`items[${index}]${error.message}`);
            }
        });
        return { records: reader.records, skipped: reader.skipped, problems: reader.problems };
    },
};
/** Pods by the uid of their controlling owner, for the owners present in the list. */
function groupPods(items, owners) {
    const byOwner = new Map();
    for (const item of items) {
        if (!fields_isObject(item) || item.kind !== 'Pod')
            continue;
        const owner = controllerUid(item);
        if (owner === undefined || !owners.has(owner))
            continue;
        const pods = byOwner.get(owner) ?? [];
        pods.push(item);
        byOwner.set(owner, pods);
    }
    return byOwner;
}
function controllerUid(item) {
    const references = optionalObject(item, 'metadata')?.ownerReferences;
    if (!Array.isArray(references))
        return undefined;
    const controller = references.find((reference) => fields_isObject(reference) && reference.controller === true);
    return fields_isObject(controller) ? optionalString(controller, 'uid') : undefined;
}
function readItem(reader, item, owners, podsByOwner) {
    const kind = item.kind;
    if (!KINDS.has(kind))
        return;
    const metadata = optionalObject(item, 'metadata');
    if (metadata === undefined)
        throw new Error('.metadata: expected an object');
    const name = optionalString(metadata, 'name');
    if (name === undefined)
        throw new Error('.metadata.name: expected a string');
    const namespace = optionalString(metadata, 'namespace') ?? 'default';
    const identity = { cluster: reader.cluster, namespace, kind, name };
    if (kind === 'Pod') {
        const owner = controllerUid(item);
        const spec = requireObject(item, 'spec', '.spec');
        const phase = optionalString(optionalObject(item, 'status') ?? {}, 'phase');
        const finished = phase === 'Succeeded' || phase === 'Failed';
        const state = finished
            ? { running: false, note: `pod ${phase}` }
            : { running: true };
        // A pod of an owner in the list is reported with its owner, except its ephemeral (debug) containers:
        // no template holds those.
        const owned = owner !== undefined && owners.has(owner);
        const containers = owned
            ? containersOf(spec, '.spec', ['ephemeralContainers'])
            : containersOf(spec, '.spec', CONTAINER_FIELDS);
        if (!owned && containers.length === 0)
            throw new Error('.spec.containers: expected at least one container');
        emit(reader, identity, containers, state, [item]);
        return;
    }
    const { template, where } = templateOf(item, kind);
    const pods = podsByOwner.get(optionalString(metadata, 'uid') ?? '') ?? [];
    const containers = containersOf(template, `${where}.spec`, CONTAINER_FIELDS);
    if (containers.length === 0)
        throw new Error(`${where}.spec.containers: expected at least one container`);
    emit(reader, identity, containers, runningState(item, kind), pods);
}
/** The pod template of a workload (a CronJob's is under `spec.jobTemplate.spec.template`). */
function templateOf(item, kind) {
    let spec = requireObject(item, 'spec', '.spec');
    let where = '.spec';
    if (kind === 'CronJob') {
        const jobTemplate = requireObject(spec, 'jobTemplate', `${where}.jobTemplate`);
        spec = requireObject(jobTemplate, 'spec', `${where}.jobTemplate.spec`);
        where = `${where}.jobTemplate.spec`;
    }
    const template = requireObject(spec, 'template', `${where}.template`);
    return { template: requireObject(template, 'spec', `${where}.template.spec`), where: `${where}.template` };
}
/**
 * Whether anything runs the template now. A ReplicaSet scaled to zero is kept for rollback, a suspended
 * CronJob and a finished Job run nothing: their images are still needed (a rollback, a resume), but no
 * pull happens until then.
 */
function runningState(item, kind) {
    const spec = optionalObject(item, 'spec') ?? {};
    const status = optionalObject(item, 'status') ?? {};
    switch (kind) {
        case 'Deployment':
        case 'StatefulSet':
        case 'ReplicaSet': {
            const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
            if (replicas > 0)
                return { running: true };
            return { running: false, note: kind === 'ReplicaSet' ? 'rollback target: scaled to 0' : 'scaled to 0' };
        }
        case 'DaemonSet':
            return status.desiredNumberScheduled === 0
                ? { running: false, note: 'scheduled on no node' }
                : { running: true };
        case 'Job': {
            if (typeof status.active === 'number' && status.active > 0)
                return { running: true };
            if (spec.suspend === true)
                return { running: false, note: 'suspended' };
            const done = Array.isArray(status.conditions)
                ? status.conditions.find((condition) => fields_isObject(condition) &&
                    (condition.type === 'Complete' || condition.type === 'Failed') &&
                    condition.status === 'True')
                : undefined;
            if (fields_isObject(done))
                return { running: false, note: `finished: ${String(done.type)}` };
            return { running: true };
        }
        case 'CronJob': {
            if (spec.suspend === true)
                return { running: false, note: 'suspended' };
            const schedule = optionalString(spec, 'schedule');
            return schedule === undefined ? { running: true } : { running: true, note: `schedule ${schedule}` };
        }
        default:
            return { running: true };
    }
}
function containersOf(podSpec, where, fields) {
    const containers = [];
    for (const field of fields) {
        const list = podSpec[field];
        if (list === undefined || list === null)
            continue;
        if (!Array.isArray(list))
            throw new Error(`${where}.${field}: expected a list`);
        list.forEach((container, index) => {
            const at = `${where}.${field}[${index}]`;
            if (!fields_isObject(container))
                throw new Error(`${at}: expected an object`);
            const name = optionalString(container, 'name');
            const image = optionalString(container, 'image');
            if (name === undefined)
                throw new Error(`${at}.name: expected a string`);
            if (image === undefined)
                throw new Error(`${at}.image: expected a string`);
            try {
                (0,oci_reference/* parseReference */.F2)(image); // host-less names are Docker Hub's: the aggregation resolves them
            }
            catch (error) {
                if (error instanceof oci_reference/* InvalidReferenceError */.x_) {
                    throw new Error(`${at}.image: ${error.message}`, { cause: error });
                }
                throw error;
            }
            containers.push({ name, image });
        });
    }
    return containers;
}
/** The digests the pods run for one container name (from `imageID`, when it names a repository digest). */
function runningDigests(pods, container) {
    const digests = new Set();
    for (const pod of pods) {
        const status = optionalObject(pod, 'status');
        if (status === undefined)
            continue;
        for (const field of STATUS_FIELDS) {
            const list = status[field];
            if (!Array.isArray(list))
                continue;
            for (const entry of list) {
                if (!fields_isObject(entry) || entry.name !== container)
                    continue;
                const digest = digestOfImageId(optionalString(entry, 'imageID'));
                if (digest !== undefined)
                    digests.add(digest);
            }
        }
    }
    return [...digests].sort();
}
/**
 * The manifest digest of a container status' `imageID`: `docker-pullable://repo@sha256:…` (dockershim,
 * cri-dockerd) or `repo@sha256:…` (containerd, CRI-O). A bare `sha256:…` is the local image id (the
 * config's digest), not what the registry served, so it is not used.
 */
function digestOfImageId(imageId) {
    if (imageId === undefined)
        return undefined;
    const match = /@(sha256:[a-f0-9]{64})$/.exec(imageId);
    return match === null ? undefined : match[1];
}
function emit(reader, identity, containers, state, pods) {
    for (const { name, image } of containers) {
        const digests = runningDigests(pods, name);
        const base = {
            type: 'workload',
            ...identity,
            container: name,
            image,
            running: state.running,
        };
        if (state.note !== undefined)
            base.note = state.note;
        if (digests.length === 0)
            reader.records.push(base);
        for (const digest of digests)
            reader.records.push({ ...base, runningDigest: digest });
    }
}
function requireObject(parent, key, where) {
    const value = parent[key];
    if (!fields_isObject(value))
        throw new Error(`${where}: expected an object`);
    return value;
}

;// CONCATENATED MODULE: ./lib/src/pulls/formats/quay.js

/**
 * Quay's usage logs, as its API returns them (`GET /api/v1/repository/NAMESPACE/NAME/logs` or
 * `/api/v1/organization/NAME/logs`, page after page with `next_page`): `{start_time, end_time, logs:
 * [{kind, metadata: {namespace, repo, tag | manifest_digest, user-agent, …}, ip, datetime, performer}]}`.
 * `pull_repo` entries are image pulls; the others (pushes, tag changes, logins) are passed over.
 */
const quayFormat = {
    name: 'quay',
    style: 'document',
    sniff(document) {
        return (fields_isObject(document) &&
            Array.isArray(document.logs) &&
            (typeof document.start_time === 'string' || typeof document.end_time === 'string') &&
            document.logs.every((entry) => fields_isObject(entry) && typeof entry.kind === 'string' && 'datetime' in entry));
    },
    read(document) {
        const logs = document.logs;
        return readEach(logs, (index) => `logs[${index}].`, (entry) => {
            if (!fields_isObject(entry) || entry.kind !== 'pull_repo')
                return [];
            const metadata = optionalObject(entry, 'metadata');
            if (metadata === undefined)
                throw new Error('metadata: expected an object');
            const namespace = optionalString(metadata, 'namespace');
            const repo = optionalString(metadata, 'repo');
            if (namespace === undefined || repo === undefined)
                throw new Error('metadata: expected namespace and repo');
            const tag = optionalString(metadata, 'tag');
            const digest = optionalString(metadata, 'manifest_digest');
            const reference = tag !== undefined || digest !== undefined
                ? tagOrDigest(tag ?? digest, tag !== undefined ? 'metadata.tag' : 'metadata.manifest_digest')
                : {};
            const performer = optionalObject(entry, 'performer');
            return [
                {
                    type: 'pull',
                    time: fields_parseTime(entry.datetime, 'datetime'),
                    repository: repositoryPath(`${namespace}/${repo}`, 'metadata.repo'),
                    ...reference,
                    digest: reference.digest ?? (digest !== undefined && tag !== undefined ? digest : undefined),
                    agent: optionalString(metadata, 'user-agent'),
                    identity: (performer === undefined ? undefined : optionalString(performer, 'name')) ??
                        optionalString(metadata, 'username'),
                    address: optionalString(entry, 'ip'),
                },
            ];
        });
    },
};

;// CONCATENATED MODULE: ./lib/src/pulls/formats/others.js









/**
 * The formats beside the distribution registry's own logs: Kubernetes workload lists, hosted registries'
 * exports and the generic CSV/JSON-lines form. Each is a file of its own in this folder, and each claims
 * only its own files (test/pulls/formats/sniff.test.ts), so their order does not matter.
 */
const OTHER_FORMATS = [
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

;// CONCATENATED MODULE: ./lib/src/pulls/formats/index.js



/**
 * Every evidence format, in the order they are tried: the first whose `sniff` claims a file reads it.
 * The distribution registry's own logs come first (their sniffs are the most specific), then the
 * Kubernetes lists, hosted registries' exports and the generic form.
 */
const EVIDENCE_FORMATS = [
    distributionJsonLog,
    distributionTextLog,
    distributionAccessLog,
    distributionNotificationLines,
    distributionNotificationDocument,
    ...OTHER_FORMATS,
];

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
;// CONCATENATED MODULE: ./lib/src/pulls/lines.js
/**
 * Cuts a byte stream into lines without holding more than one chunk (and one partial line) in memory,
 * and, given needles, hands over only the lines that contain one: the rest are never decoded. Line
 * numbers stay exact either way (newlines are counted on the bytes), so a bad line can be named.
 */
/** A line longer than this is skipped as unreadable (a log line is a few kB; this bounds memory). */
const MAX_LINE_BYTES = 8 << 20;
const NEWLINE = 0x0a;
/** Counts the newlines in `buffer[from, to)`. */
function countNewlines(buffer, from, to) {
    let count = 0;
    for (let at = buffer.indexOf(NEWLINE, from); at >= 0 && at < to; at = buffer.indexOf(NEWLINE, at + 1))
        count++;
    return count;
}
function decode(buffer, start, end) {
    // A CRLF line: the CR goes too.
    const last = end > start && buffer[end - 1] === 0x0d ? end - 1 : end;
    return buffer.toString('utf8', start, last);
}
/** The line splitter of one file. Feed it chunks, then call `end()`. */
class LineSplitter {
    onLine;
    onOverlong;
    /** Lines before the current position (complete lines handed over or skipped). */
    lines = 0;
    carry = [];
    carryBytes = 0;
    overlong = false;
    needles;
    searched;
    found;
    constructor(onLine, needles, 
    /** Told about a line longer than {@link MAX_LINE_BYTES}, which is skipped. */
    onOverlong) {
        this.onLine = onLine;
        this.onOverlong = onOverlong;
        this.needles = needles && needles.length > 0 ? needles.map((needle) => Buffer.from(needle)) : undefined;
        this.found = (this.needles ?? []).map(() => -2);
    }
    /** Lines seen so far. */
    get lineCount() {
        return this.lines;
    }
    /** Takes the next chunk of the file. */
    push(chunk) {
        let start = 0;
        if (this.carryBytes > 0 || this.overlong) {
            const first = chunk.indexOf(NEWLINE);
            if (first < 0) {
                this.keep(chunk);
                return;
            }
            this.keep(chunk.subarray(0, first + 1));
            this.flushCarry();
            start = first + 1;
        }
        const last = chunk.lastIndexOf(NEWLINE);
        if (last >= start) {
            this.region(chunk, start, last + 1);
            start = last + 1;
        }
        if (start < chunk.length)
            this.keep(chunk.subarray(start));
    }
    /** The file ended: its last line may have no line break. */
    end() {
        if (this.carryBytes > 0 || this.overlong)
            this.flushCarry();
    }
    keep(part) {
        if (this.overlong)
            return;
        this.carryBytes += part.length;
        if (this.carryBytes > MAX_LINE_BYTES) {
            this.overlong = true;
            this.carry = [];
            return;
        }
        // Copied: the chunk it came from may be reused by the stream.
        this.carry.push(Buffer.from(part));
    }
    flushCarry() {
        if (this.overlong) {
            this.onOverlong(this.lines + 1);
            this.lines++;
        }
        else {
            const line = this.carry.length === 1 ? this.carry[0] : Buffer.concat(this.carry);
            const end = line[line.length - 1] === NEWLINE ? line.length - 1 : line.length;
            if (end === line.length) {
                // The file's last line, without a line break: make it a whole line for region().
                this.region(Buffer.concat([line, Buffer.from('\n')]), 0, end + 1);
            }
            else
                this.region(line, 0, line.length);
        }
        this.carry = [];
        this.carryBytes = 0;
        this.overlong = false;
    }
    /** Hands over the lines of `buffer[start, end)`, which ends just after a newline. */
    region(buffer, start, end) {
        if (!this.needles) {
            let lineStart = start;
            for (let at = buffer.indexOf(NEWLINE, start); at >= 0 && at < end; at = buffer.indexOf(NEWLINE, at + 1)) {
                this.lines++;
                if (at > lineStart)
                    this.onLine(decode(buffer, lineStart, at), this.lines);
                lineStart = at + 1;
            }
            return;
        }
        let position = start;
        let counted = start;
        while (position < end) {
            const hit = this.nextHit(buffer, position, end);
            if (hit < 0)
                break;
            const before = buffer.lastIndexOf(NEWLINE, hit);
            const lineStart = before < position ? position : before + 1;
            const lineEnd = buffer.indexOf(NEWLINE, hit);
            this.lines += countNewlines(buffer, counted, lineStart) + 1;
            this.onLine(decode(buffer, lineStart, lineEnd), this.lines);
            position = counted = lineEnd + 1;
        }
        this.lines += countNewlines(buffer, counted, end);
    }
    /** The first position at or after `from` (and before `end`) where a needle starts, or -1. */
    nextHit(buffer, from, end) {
        // Each needle's next position in this buffer is remembered: a rare needle is not searched for
        // again to the end of the buffer after every hit of a frequent one.
        if (buffer !== this.searched) {
            this.searched = buffer;
            this.found.fill(-2);
        }
        let best = -1;
        this.needles.forEach((needle, index) => {
            let at = this.found[index];
            if (at === -1)
                return;
            if (at < from)
                at = this.found[index] = buffer.indexOf(needle, from);
            if (at >= 0 && at < end && (best < 0 || at < best))
                best = at;
        });
        return best;
    }
}

;// CONCATENATED MODULE: ./lib/src/pulls/read.js
/**
 * Reading one evidence file: plain or gzip (told by its first bytes, never by its name), its format told
 * by its content (the first lines offered to each line format, else the parsed JSON document to each
 * document format), then read as a stream with backpressure — a month of a registry's log is
 * gigabytes, and only one chunk and one partial line are held at a time.
 *
 * A file that is not evidence is a ConfigError naming the file and its first line. A bad line is
 * counted and skipped (the first few are kept to be shown); only a file where nothing could be read
 * is an error.
 */






/** Lines offered to the formats' `sniff`. */
const HEAD_LINES = 20;
/** Bytes looked at for the head at most (a line format's first lines are far shorter). */
const HEAD_BYTES = 1 << 20;
/** A JSON document is parsed whole; beyond this it is refused (V8's strings stop near 512 MiB). */
const MAX_DOCUMENT_BYTES = 400 << 20;
/** Bad lines kept to be shown, per file. */
const PROBLEMS_KEPT = 5;
const CHUNK_BYTES = 1 << 20;
/** The compression a file's first bytes announce, when cutover cannot read it. */
function unsupportedCompression(head) {
    if (head.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd])))
        return 'zstd';
    if (head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])))
        return 'xz';
    if (head.subarray(0, 3).toString('latin1') === 'BZh')
        return 'bzip2';
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
        return 'zip';
    return undefined;
}
/**
 * A plain file's chunks, read into two buffers in turn (no allocation per chunk: a month of logs is a
 * thousand of them). A chunk is valid until the next but one is read; whoever keeps one copies it.
 */
async function* plainChunks(path) {
    const handle = await (0,promises_.open)(path);
    try {
        const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
        for (let turn = 0;; turn ^= 1) {
            const buffer = buffers[turn];
            const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
            if (bytesRead === 0)
                return;
            yield buffer.subarray(0, bytesRead);
        }
    }
    finally {
        await handle.close();
    }
}
/** The file's bytes as chunks, decompressed when its first bytes are gzip's magic number. */
async function openBytes(path, file) {
    const magic = Buffer.alloc(6);
    try {
        const handle = await (0,promises_.open)(path);
        try {
            await handle.read(magic, 0, 6, 0);
        }
        finally {
            await handle.close();
        }
    }
    catch (error) {
        const { code, message } = error;
        throw new errors/* ConfigError */.xL([{ file, message: `cannot read the evidence file (${code ?? message})` }]);
    }
    const compression = unsupportedCompression(magic);
    if (compression)
        throw new errors/* ConfigError */.xL([
            {
                file,
                message: `compressed with ${compression}: cutover reads plain or gzip-compressed evidence; decompress it first`,
            },
        ]);
    if (magic[0] !== 0x1f || magic[1] !== 0x8b)
        return plainChunks(path);
    const stream = (0,external_node_fs_.createReadStream)(path, { highWaterMark: CHUNK_BYTES });
    const gunzip = (0,external_node_zlib_.createGunzip)({ chunkSize: CHUNK_BYTES });
    stream.on('error', (error) => gunzip.destroy(error));
    return stream.pipe(gunzip)[Symbol.asyncIterator]();
}
function preview(line) {
    const trimmed = line.trim();
    return JSON.stringify(trimmed.length > 80 ? `${trimmed.slice(0, 80)}…` : trimmed);
}
/** The first non-empty lines of the head bytes, with their numbers (the last one only if complete or at EOF). */
function headLines(head, complete) {
    const text = head.toString('utf8').replace(/^\uFEFF/, '');
    const parts = text.split('\n');
    if (!complete)
        parts.pop();
    const lines = [];
    for (let i = 0; i < parts.length && lines.length < HEAD_LINES; i++) {
        const line = parts[i].replace(/\r$/, '');
        if (line.trim() !== '')
            lines.push({ text: line, number: i + 1 });
    }
    return lines;
}
/** Where a JSON text stops being JSON, for the message (the yaml parser locates what JSON.parse does not). */
function jsonProblem(text, error) {
    const located = (0,dist/* parseDocument */.Tp)(text, { strict: true, uniqueKeys: false }).errors[0];
    const position = located?.linePos?.[0];
    return {
        ...(position && { line: position.line, column: position.col }),
        message: `not valid JSON: ${error.message.split('\n')[0]}`,
    };
}
/** The line parsed as JSON, when it is a JSON object or array on its own. */
function parsesAlone(line) {
    if (!/^\s*[[{]/.test(line))
        return undefined;
    try {
        return { value: JSON.parse(line) };
    }
    catch {
        return undefined;
    }
}
/** A JSON value in a few words: `an object with ct, body`, `an array of 3`. */
function describeJson(value) {
    if (Array.isArray(value))
        return `an array of ${value.length}`;
    if (typeof value === 'object' && value !== null)
        return `an object with ${Object.keys(value).slice(0, 6).join(', ') || 'no keys'}`;
    return typeof value;
}
function readDocument(file, bytes, formats, onRecord) {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    let document;
    try {
        document = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* ConfigError */.xL([{ file, ...jsonProblem(text, error) }]);
    }
    const format = formats.find((candidate) => candidate.style === 'document' && candidate.sniff(document, file));
    if (!format) {
        const shape = describeJson(document);
        throw new errors/* ConfigError */.xL([
            {
                file,
                line: 1,
                message: `not pull evidence cutover can read: a JSON document (${shape}) that no evidence format recognises (see docs/evidence-formats.md)`,
            },
        ]);
    }
    const { records, skipped, problems } = format.read(document, file);
    if (records.length === 0 && skipped > 0)
        throw new errors/* ConfigError */.xL([
            {
                file,
                message: `nothing could be read as ${format.name}: ${problems[0] ?? 'every entry was unreadable'}`,
            },
        ]);
    for (const record of records)
        onRecord(record);
    return { file, format: format.name, records: records.length, skipped, problems };
}
/**
 * Reads one evidence file, handing each record to `onRecord` as it is read (nothing is kept here).
 * @param path where to read it; `file` is how messages name it.
 * @throws ConfigError when the file cannot be opened, is compressed otherwise than with gzip, is empty,
 *   is no format's, or not one of its lines or entries could be read.
 */
async function readEvidenceFile(path, file, formats, onRecord) {
    const chunks = await openBytes(path, file);
    // The head: enough bytes for the first lines, kept to be read again by the chosen format.
    const head = [];
    let headSize = 0;
    let ended = false;
    for (;;) {
        const next = await chunks.next().catch((error) => {
            throw new errors/* ConfigError */.xL([{ file, message: `cannot read it: ${error.message}` }]);
        });
        if (next.done) {
            ended = true;
            break;
        }
        head.push(Buffer.from(next.value));
        headSize += next.value.length;
        const soFar = Buffer.concat(head);
        if (headSize >= HEAD_BYTES || headLines(soFar, false).length >= HEAD_LINES)
            break;
    }
    const headBytes = Buffer.concat(head);
    if (headBytes.subarray(0, HEAD_BYTES).includes(0))
        throw new errors/* ConfigError */.xL([{ file, message: 'not pull evidence: a binary file (it holds NUL bytes)' }]);
    const lines = headLines(headBytes.subarray(0, HEAD_BYTES), ended);
    if (lines.length === 0 && (ended || headBytes.toString('utf8').trim() === ''))
        throw new errors/* ConfigError */.xL([{ file, message: 'empty: no evidence in it' }]);
    const texts = lines.map((line) => line.text);
    const lineFormat = formats.find((candidate) => candidate.style === 'lines' && candidate.sniff(texts, file));
    if (!lineFormat) {
        const first = headBytes
            .toString('utf8', 0, 64)
            .replace(/^\uFEFF/, '')
            .trimStart();
        const line = lines[0];
        // Several lines, each JSON on its own: JSON lines no format claims, not a broken document.
        const jsonLine = line && lines.length > 1 ? parsesAlone(line.text) : undefined;
        if (jsonLine)
            throw new errors/* ConfigError */.xL([
                {
                    file,
                    line: line.number,
                    message: `not pull evidence cutover can read: JSON lines, but ${describeJson(jsonLine.value)} is no evidence format's line (see docs/pulls.md)`,
                },
            ]);
        if (first.startsWith('{') || first.startsWith('[')) {
            const all = [headBytes];
            let size = headBytes.length;
            for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
                size += next.value.length;
                if (size > MAX_DOCUMENT_BYTES)
                    throw new errors/* ConfigError */.xL([
                        {
                            file,
                            message: `a JSON document over ${MAX_DOCUMENT_BYTES >> 20} MiB: split it, or give it as JSON lines`,
                        },
                    ]);
                all.push(Buffer.from(next.value));
            }
            return readDocument(file, Buffer.concat(all), formats, onRecord);
        }
        throw new errors/* ConfigError */.xL([
            {
                file,
                ...(line && { line: line.number }),
                message: `not pull evidence cutover can read: ${line ? preview(line.text) : 'no complete line'} is no evidence format's line (registry logs, notifications, Kubernetes lists, hosted registries' exports: see docs/pulls.md)`,
            },
        ]);
    }
    return readLines(file, lineFormat, headBytes, chunks, onRecord);
}
async function readLines(file, format, headBytes, chunks, onRecord) {
    const parse = format.open(file);
    const reading = { file, format: format.name, records: 0, skipped: 0, problems: [] };
    let read = 0;
    let firstBad;
    const bad = (lineNumber, message) => {
        reading.skipped++;
        firstBad ??= { line: lineNumber, message };
        if (reading.problems.length < PROBLEMS_KEPT)
            reading.problems.push(`line ${lineNumber}: ${message}`);
    };
    const splitter = new LineSplitter((line, lineNumber) => {
        const text = lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line;
        if (text.trim() === '')
            return;
        let records;
        try {
            records = parse(text);
        }
        catch (error) {
            bad(lineNumber, `${error.message} — ${preview(text)}`);
            return;
        }
        read++;
        reading.records += records.length;
        for (const record of records)
            onRecord(record);
    }, format.needles, (lineNumber) => bad(lineNumber, `longer than ${MAX_LINE_BYTES >> 20} MiB`));
    splitter.push(headBytes);
    for (;;) {
        let next;
        try {
            next = await chunks.next();
        }
        catch (error) {
            // A truncated gzip file (a log being rotated): what came before still counts.
            bad(splitter.lineCount + 1, `the rest of the file cannot be read: ${error.message}`);
            break;
        }
        if (next.done)
            break;
        splitter.push(next.value);
    }
    splitter.end();
    if (read === 0 && firstBad)
        throw new errors/* ConfigError */.xL([
            { file, line: firstBad.line, message: `nothing could be read as ${format.name}: ${firstBad.message}` },
        ]);
    return reading;
}

;// CONCATENATED MODULE: ./lib/src/pulls/aggregate.js
/**
 * Pull evidence, aggregated: who still pulls what from the OLD registry in a window of days, and which
 * workloads run or are templated on its images. Records stream in from the files one at a time
 * ({@link PullTally.add}); only the per-image and per-client counts are kept.
 *
 * Which registry a record is about: a record that names a host (hosted registries' exports, workload
 * images) counts when that host is the old registry (its host, its aliases, or Docker Hub's names when
 * the old registry is Docker Hub). A record that names none — every line of a distribution registry's
 * own log — comes from the registry whose log it is, and logs are taken to be the OLD registry's: give
 * `pulls` the old registry's logs only. (Its Host header is not used: behind a proxy or a load balancer
 * it names an internal host, and a pull that still reaches the old registry must never be missed.)
 *
 * Domain code: never prints.
 */




const DAY_MS = 86_400_000;
/**
 * Clients kept by name per image, and over all images: memory stays bounded whatever the log's size
 * (CI runners with ephemeral addresses make new clients all month). Beyond them, pulls are still
 * counted (`unlistedPulls`), and `clientsCapped` says the client count is a lower bound.
 */
const CLIENTS_PER_IMAGE = 50;
const CLIENTS_KEPT = 50_000;
/** cutover's own user agent starts with this (see src/shared/version.ts). */
const OWN_AGENT = /^cutover\//i;
/**
 * The end of the window: the end of `--now`'s day (UTC) when given, else the current time.
 * @param day `YYYY-MM-DD` or undefined
 */
function windowEnd(day, clock = Date.now) {
    return day === undefined ? clock() : Date.parse(`${day}T00:00:00Z`) + DAY_MS - 1;
}
/** The names one registry is known by: its host and aliases; all of Docker Hub's names for Docker Hub. */
function registryNames(registry) {
    const names = new Set([registry.host, ...registry.aliases].map(oci_reference/* normalizeHost */.cS));
    if (names.has(oci_reference/* DOCKER_HUB */.Xb))
        for (const name of ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'])
            names.add(name);
    return names;
}
/**
 * The last pull's time while counting: a number always, this when the evidence gave none. A field that
 * only ever holds numbers is updated in place by V8; one that may hold `undefined` gets a new boxed
 * number on every pull, promoted to the old generation by the tally that holds it (≈ 100 MB of garbage
 * on a 1 GB log).
 */
const NO_TIME = -Infinity;
function isoOrUndefined(time) {
    return time === NO_TIME ? undefined : new Date(time).toISOString();
}
function later(a, b) {
    return b === undefined || b <= a ? a : b;
}
function clientOut(client) {
    return {
        agent: client.agent,
        identity: client.identity,
        address: client.address,
        pulls: client.pulls,
        last: isoOrUndefined(client.last),
    };
}
/**
 * A copy of `text` that holds nothing else: a string cut from a log line (a slice of it, as V8 makes
 * them) would keep the whole line alive for as long as the tally keeps the string.
 */
function detached(text) {
    return Buffer.from(text, 'utf8').toString('utf8');
}
/** One copy of each string kept (every image's clients name the same few thousand agents and addresses). */
class Interned {
    strings = new Map();
    of(text) {
        if (text === undefined)
            return undefined;
        const kept = this.strings.get(text);
        if (kept !== undefined)
            return kept;
        const copy = detached(text);
        this.strings.set(copy, copy);
        return copy;
    }
}
/** Counts a pull for its client in `clients`; false when the client is new and `clients` is full. */
function count(clients, key, record, limit, interned) {
    let client = clients.get(key);
    if (!client) {
        if (clients.size >= limit)
            return false;
        key = interned.of(key);
        client = {
            agent: interned.of(record.agent),
            identity: interned.of(record.identity),
            address: interned.of(record.address),
            pulls: 0,
            last: NO_TIME,
        };
        clients.set(key, client);
    }
    client.pulls++;
    client.last = later(client.last, record.time);
    return true;
}
const sortable = (time) => (time === NO_TIME ? 0 : time);
const byPulls = (a, b) => b.pulls - a.pulls || sortable(b.last) - sortable(a.last);
/**
 * The running tally: records in, {@link PullEvidence} out. Used by {@link collectPullEvidence}; exported
 * for callers that read records from elsewhere.
 */
class PullTally {
    options;
    names;
    from;
    images = new Map();
    clients = new Map();
    workloads = [];
    ownImages = new Set();
    interned = new Interned();
    own = { pulls: 0, last: NO_TIME };
    total = 0;
    clientsCapped = false;
    notCounted = { outsideWindow: 0, otherRegistry: 0, failed: 0 };
    constructor(options) {
        this.options = options;
        this.names = registryNames(options.registries.old);
        this.from = options.now - options.days * DAY_MS;
    }
    /** Counts one record; returns true when it is a pull that counts as still pulling from the old registry. */
    add(record) {
        if (record.type === 'workload') {
            this.addWorkload(record);
            return false;
        }
        return this.addPull(record);
    }
    addWorkload(record) {
        let registry;
        try {
            registry = (0,oci_reference/* parseReference */.F2)(record.image).registry;
        }
        catch {
            // An image the spec names in a way no runtime could pull is not a pull from the old registry.
            return;
        }
        if (!this.names.has(registry))
            return;
        const use = {
            cluster: record.cluster,
            namespace: record.namespace,
            kind: record.kind,
            name: record.name,
            container: record.container,
            image: record.image,
            running: record.running,
        };
        if (record.runningDigest !== undefined)
            use.runningDigest = record.runningDigest;
        if (record.note !== undefined)
            use.note = record.note;
        this.workloads.push(use);
    }
    addPull(record) {
        if (record.registry !== undefined && !this.names.has((0,oci_reference/* normalizeHost */.cS)(record.registry))) {
            this.notCounted.otherRegistry++;
            return false;
        }
        if (record.status !== undefined &&
            !((record.status >= 200 && record.status < 300) || record.status === 304)) {
            this.notCounted.failed++;
            return false;
        }
        // A record without a time is counted: it cannot be shown to be old.
        if (record.time !== undefined && (record.time < this.from || record.time > this.options.now)) {
            this.notCounted.outsideWindow++;
            return false;
        }
        const imageKey = `${record.repository}\n${record.tag ?? ''}\n${record.digest ?? ''}`;
        if (record.agent !== undefined && OWN_AGENT.test(record.agent)) {
            this.own.pulls++;
            this.own.last = later(this.own.last, record.time);
            this.ownImages.add(imageKey);
            return false;
        }
        this.total++;
        let image = this.images.get(imageKey);
        if (!image) {
            image = {
                repository: this.interned.of(record.repository),
                tag: record.tag === undefined ? undefined : detached(record.tag),
                digest: this.interned.of(record.digest),
                pulls: 0,
                last: NO_TIME,
                clients: new Map(),
                unlistedPulls: 0,
            };
            this.images.set(detached(imageKey), image);
        }
        image.pulls++;
        image.last = later(image.last, record.time);
        const clientKey = `${record.agent ?? ''}\n${record.identity ?? ''}\n${record.address ?? ''}`;
        if (!count(image.clients, clientKey, record, CLIENTS_PER_IMAGE, this.interned))
            image.unlistedPulls++;
        if (!count(this.clients, clientKey, record, CLIENTS_KEPT, this.interned))
            this.clientsCapped = true;
        return true;
    }
    /** The evidence so far, sorted for reading. */
    result(sources) {
        const images = [...this.images.values()].sort(byPulls).map((image) => ({
            repository: image.repository,
            tag: image.tag,
            digest: image.digest,
            pulls: image.pulls,
            last: isoOrUndefined(image.last),
            clients: [...image.clients.values()].sort(byPulls).map(clientOut),
            unlistedPulls: image.unlistedPulls,
        }));
        const workloads = [...this.workloads].sort((a, b) => Number(b.running) - Number(a.running) ||
            a.cluster.localeCompare(b.cluster) ||
            a.namespace.localeCompare(b.namespace) ||
            a.kind.localeCompare(b.kind) ||
            a.name.localeCompare(b.name) ||
            a.container.localeCompare(b.container));
        return {
            window: {
                days: this.options.days,
                from: new Date(this.from).toISOString(),
                to: new Date(this.options.now).toISOString(),
            },
            registry: [...this.names],
            sources,
            images,
            clients: [...this.clients.values()].sort(byPulls).map(clientOut),
            clientsCapped: this.clientsCapped,
            pulls: this.total,
            workloads,
            own: { pulls: this.own.pulls, images: this.ownImages.size, last: isoOrUndefined(this.own.last) },
            notCounted: { ...this.notCounted },
            warnings: doubleLogWarnings(sources),
        };
    }
}
/** Two kinds of record of the same requests (the log and the notifications) count each pull twice. */
function doubleLogWarnings(sources) {
    const logs = sources.filter((source) => /^distribution registry (log|access log)/.test(source.format));
    const notifications = sources.filter((source) => source.format === 'distribution registry notifications');
    if (logs.length === 0 || notifications.length === 0)
        return [];
    return [
        `both a registry log (${logs[0].file}) and its notifications (${notifications[0].file}) were given: if they are the same registry's, each pull is counted twice (the images and clients are right; give one of them for the counts)`,
    ];
}
/**
 * Reads every evidence file and aggregates it: pulls from the old registry in the window ending at
 * `now`, by image (repository, tag, digest) and by client; workloads on the old registry's images;
 * cutover's own pulls apart. Files are read one after the other, each as a stream.
 *
 * A pull counts when it addresses the old registry (or names no registry: a distribution log is taken
 * to be the old registry's), succeeded (2xx or 304; a record without a status is a success), falls in
 * `[now − days, now]` (a record without a time counts), and was not sent by cutover (user agent
 * `cutover/…`, counted in `own`). A HEAD of a manifest is a pull; a blob request is not.
 *
 * @throws ConfigError (exit 2) naming the file (and its first line when that is the trouble) when a file
 *   cannot be read, is not evidence, or not one of its lines could be read. Bad lines in a readable
 *   file are counted in its source's `skipped`, the first few described in its `problems`.
 */
async function collectPullEvidence(options) {
    const tally = new PullTally(options);
    const sources = [];
    for (const file of options.files) {
        let pulls = 0;
        const reading = await readEvidenceFile(external_node_path_.resolve(options.cwd ?? process.cwd(), file), file, options.formats ?? EVIDENCE_FORMATS, (record) => {
            if (tally.add(record))
                pulls++;
        });
        sources.push({ ...reading, pulls });
    }
    return tally.result(sources);
}


/***/ }),

/***/ 51477:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   mW: () => (/* binding */ fitSummary),
/* harmony export */   o0: () => (/* binding */ writeSummaryFile),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   z3: () => (/* binding */ formatBytes),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* unused harmony exports cell, SUMMARY_LIMIT_BYTES, SUMMARY_CUT_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8835);



/** Escapes text for a Markdown table cell. */
function cell(text) {
    return String(text ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
/**
 * Data (a file name, a server's message) as inline Markdown text that renders as itself: no link,
 * image, emphasis, HTML tag, entity or @-mention can be made from it. Markdown punctuation is
 * backslash-escaped, an `@` before a name gets a zero-width space (GitHub mentions a user or team
 * from the rendered text, where a backslash is already gone), and line breaks become spaces.
 * Pipes are left to {@link cell} in tables.
 */
function escapeMarkdown(text) {
    return String(text ?? '')
        .replace(/\r\n|\r|\n/g, ' ')
        .replace(/[\\`*_{}[\]()<>#!~&]/g, '\\$&')
        .replace(/@(?=[A-Za-z0-9])/g, '@\u200b');
}
/** Data as an inline code span: the fence is longer than any run of backticks inside (CommonMark). */
function code(text) {
    const value = String(text ?? '').replace(/\r\n|\r|\n/g, ' ');
    const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${value}${pad}${fence}`;
}
/** Data inside HTML (`<code>…</code>`, `<summary>`): the five characters HTML gives meaning to. */
function escapeHtml(text) {
    return String(text ?? '').replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]);
}
/** A fenced code block whose fence no line of `body` can close (longer than any backtick run in it). */
function fence(body, info = '') {
    const longest = Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((run) => run.length));
    const marks = '`'.repeat(longest + 1);
    return `${marks}${info}\n${body}\n${marks}`;
}
/** A GitHub-flavoured Markdown table. */
function table(headers, rows) {
    const head = `| ${headers.map(cell).join(' | ')} |`;
    const rule = `| ${headers.map(() => '---').join(' | ')} |`;
    return [head, rule, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}
/** A human byte count: 1.5 MB. */
function formatBytes(bytes) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
/** `1 repository`, `2 repositories`: a count with its noun in the right number. */
function plural(count, one, many = `${one}s`) {
    return `${groupThousands(count)} ${count === 1 ? one : many}`;
}
/**
 * `12,345`: what toLocaleString('en-US') writes for an integer, without starting ICU's number
 * formatting (its first call alone cost `plan` 5 % of its CPU at 2,000 repositories).
 */
function groupThousands(count) {
    if (!Number.isInteger(count))
        return count.toLocaleString('en-US');
    return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}
/** A collapsible section: GitHub shows `summary` and hides `body` until it is opened. */
function details(summary, body, open = false) {
    return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
/** GitHub refuses a job summary larger than 1 MiB per step. */
const SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** Past this, long tables are cut so the summary stays well under {@link SUMMARY_LIMIT_BYTES}. */
const SUMMARY_CUT_BYTES = 900 * 1000;
/**
 * Joins the parts of a summary; when they come to more than `budget` bytes, the cuttable parts are
 * replaced by their `cut` text, last parts first, until the whole fits (or nothing is left to cut).
 */
function fitSummary(parts, budget = SUMMARY_CUT_BYTES) {
    const texts = parts.map((part) => part.text);
    let size = texts.reduce((sum, text) => sum + Buffer.byteLength(text) + 1, 0);
    for (let index = parts.length - 1; index >= 0 && size > budget; index--) {
        const cut = parts[index].cut;
        if (cut === undefined)
            continue;
        size += Buffer.byteLength(cut) - Buffer.byteLength(texts[index]);
        texts[index] = cut;
    }
    return texts.join('\n');
}
/** Writes a summary's Markdown to a file the user named (`--summary FILE`), relative to `cwd`. */
function writeSummaryFile(cwd, file, markdown) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(cwd, file), markdown.endsWith('\n') ? markdown : `${markdown}\n`);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--summary ${file}: cannot write it (${error.code})`);
    }
}


/***/ })

};
;
//# sourceMappingURL=408.index.cjs.js.map
