"use strict";
exports.id = 145;
exports.ids = [145];
exports.modules = {

/***/ 86145:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ authConfigFor),
/* harmony export */   DockerEngine: () => (/* binding */ DockerEngine)
/* harmony export */ });
/* unused harmony exports EnginePushError, engineOptions */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var dockerode__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(39040);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8835);





/** The engine refused or failed a push; `message` is the engine's own words. */
class EnginePushError extends Error {
    name = 'EnginePushError';
}
/**
 * Where the engine is: `DOCKER_HOST` (`unix://…`, `tcp://host:port`, `http(s)://…`), else the default
 * socket. Read from the environment the command was given, not from the process, so tests and
 * actions can point it at another engine.
 */
function engineOptions(env) {
    const host = env['DOCKER_HOST']?.trim();
    if (!host)
        return { socketPath: '/var/run/docker.sock' };
    if (host.startsWith('unix://'))
        return { socketPath: host.slice('unix://'.length) };
    const match = /^(tcp|http|https):\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?\/?$/.exec(host);
    if (!match) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`DOCKER_HOST: expected unix:///path/to/docker.sock or tcp://host:port, found ${JSON.stringify(host)}`);
    }
    const tls = match[1] === 'https' || Boolean(env['DOCKER_TLS_VERIFY']);
    const options = {
        host: match[2].replace(/^\[|\]$/g, ''),
        port: Number(match[3] ?? (tls ? 2376 : 2375)),
        protocol: tls ? 'https' : 'http',
    };
    if (!tls)
        return options;
    // As the docker CLI: client certificates from DOCKER_CERT_PATH, else ~/.docker.
    const certs = env['DOCKER_CERT_PATH'] || node_path__WEBPACK_IMPORTED_MODULE_2__.join(env['HOME'] || node_os__WEBPACK_IMPORTED_MODULE_1__.homedir(), '.docker');
    const read = (name) => {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(certs, name));
        }
        catch {
            return undefined;
        }
    };
    const [ca, cert, key] = [read('ca.pem'), read('cert.pem'), read('key.pem')];
    return { ...options, ...(ca && { ca }), ...(cert && { cert }), ...(key && { key }) };
}
/** The `X-Registry-Auth` document the engine expects for one registry. */
function authConfigFor(host, credentials) {
    if (!credentials)
        return undefined;
    if (credentials.kind === 'identity-token') {
        return { serveraddress: host, identitytoken: credentials.token };
    }
    return { serveraddress: host, username: credentials.username, password: credentials.password };
}
/** A small seam over dockerode: the few engine calls push makes, with errors in the engine's words. */
class DockerEngine {
    docker;
    /** Where the engine is, for messages. */
    address;
    constructor(env) {
        const options = engineOptions(env);
        this.docker = new dockerode__WEBPACK_IMPORTED_MODULE_3__(options);
        this.address = options.socketPath
            ? `unix://${String(options.socketPath)}`
            : `${String(options.protocol)}://${String(options.host)}:${String(options.port)}`;
    }
    /** Fails with a UsageError naming DOCKER_HOST when the engine does not answer. */
    async ping() {
        try {
            await this.docker.ping();
        }
        catch (error) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`cannot reach the Docker engine at ${this.address} (set DOCKER_HOST): ${error.message}`);
        }
    }
    /** The local image `reference` (name:tag or ID), or undefined when the engine has no such image. */
    async inspectImage(reference) {
        const image = this.docker.getImage(reference);
        let info;
        try {
            info = await image.inspect();
        }
        catch (error) {
            if (error.statusCode === 404)
                return undefined;
            throw error;
        }
        const history = (await image.history());
        return {
            id: info.Id,
            repoTags: info.RepoTags ?? [],
            labels: info.Config?.Labels ?? {},
            history: history.map((step) => step.CreatedBy ?? ''),
            size: info.Size,
        };
    }
    /** Names `imageId` as `repository:tag` in the engine (what `docker tag` does). */
    async tag(imageId, repository, tag) {
        await this.docker.getImage(imageId).tag({ repo: repository, tag });
    }
    /** Removes the name `reference` only; the image and its other names stay (`docker rmi --no-prune` on a tag). */
    async untag(reference) {
        await this.docker.getImage(reference).remove({ noprune: true });
    }
    /** The image as `docker save` writes it (a tar of its config and uncompressed layers). */
    async exportImage(imageId) {
        return this.docker.getImage(imageId).get();
    }
    /** The image ID a name points at, or undefined. */
    async imageIdOf(reference) {
        return (await this.inspectImage(reference))?.id;
    }
    /**
     * Pushes `repository:tag` (a name that includes the registry host) and returns the manifest
     * digest the engine reports. Every event goes to `onEvent`; an error event rejects with
     * EnginePushError carrying the engine's message.
     */
    async push(repository, tag, auth, onEvent) {
        const stream = await this.docker
            .getImage(repository)
            .push({ tag, ...(auth && { authconfig: auth }) })
            .catch((error) => {
            throw new EnginePushError(error.message);
        });
        return new Promise((resolve, reject) => {
            let result;
            let failure;
            this.docker.modem.followProgress(stream, (error) => {
                if (error)
                    reject(new EnginePushError(error.message));
                else if (failure)
                    reject(new EnginePushError(failure));
                else if (!result)
                    reject(new EnginePushError('the engine finished the push without reporting a digest'));
                else
                    resolve(result);
            }, (event) => {
                if (event.error || event.errorDetail)
                    failure ??= event.errorDetail?.message ?? event.error;
                if (event.aux?.Digest)
                    result = { digest: event.aux.Digest, size: event.aux.Size ?? 0 };
                onEvent(event);
            });
        });
    }
}


/***/ })

};
;
//# sourceMappingURL=145.index.cjs.js.map
