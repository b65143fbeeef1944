// Libraries and URLs through which interpreter code drives a container engine or a Kubernetes cluster
// without their CLIs (data; read by expand/code-apis.ts).

/**
 * Docker Engine SDKs and wrappers: code that uses one drives the engine like its CLI. Testcontainers
 * (Python, Node, Go, Java) starts containers on the local engine through its API; python-on-whales and
 * the npm docker-compose package run the docker CLI; podman-py and Ruby's docker-api gem talk to the
 * engine's socket. A dynamic `import('dockerode')` loads the module as `require` does.
 */
export const ENGINE_SDK = new RegExp([
  /\bimport\s+docker\b|\bfrom\s+docker\b|docker\.from_env|DockerClient\(|__import__\(\s*['"]docker['"]|\bimport_module\(\s*['"]docker['"]|\bresolve_name\(\s*['"]docker\b/.source,
  /(?:require|import)\s*\(\s*['"`](?:dockerode|docker-modem|docker-compose(?:\/(?!package\.json)[\w./-]*)?|testcontainers|@testcontainers\/[\w-]+)['"`]\s*\)/.source,
  /from\s+['"](?:dockerode|docker-compose(?:\/(?!package\.json)[\w./-]*)?|testcontainers|@testcontainers\/[\w-]+)['"]/.source,
  /github\.com\/(?:docker\/docker\/client|testcontainers\/testcontainers-go)|\b(?:import|from)\s+testcontainers\b|\borg\.testcontainers\b/.source,
  /\bpython_on_whales\b|\b(?:import|from)\s+podman\b|PodmanClient\(/.source,
  /\brequire[\s(]+['"]docker(?:-api)?['"]|Docker::(?:Container|Image|Network|Volume|Exec|Swarm|Service)\b/.source,
].join('|'));

/** Module names of the engine SDKs above, as an import or a require names them (a submodule too; `docker:from_env` as pkgutil.resolve_name takes it). */
export const ENGINE_SDK_MODULES = /^(?:docker|podman|python_on_whales|testcontainers|dockerode|docker-modem|docker-compose|docker-api|@testcontainers\/[\w-]+)(?:[./:]|$)/;

/**
 * Statements that only load a module and bind names to it: `mod` the module, `names` what they bind
 * (`import docker as d, os`, `from docker import from_env`, `const {A, B: C} = require('m')`,
 * `import * as D from 'm'`). Loading an SDK sends nothing to the engine; using what it bound does.
 * JavaScript's forms come first: Python's `import NAME` would otherwise take the start of `import D from 'm'`.
 */
export const MODULE_LOADS: readonly RegExp[] = [
  /\b(?:const|let|var)\s+(?<names>[\w$]+|\{[^}]*\})\s*=\s*require\(\s*(['"`])(?<mod>[^'"`]+)\2\s*\)/g,
  /\bimport\s+(?<names>[\w$]+|\*\s*as\s+[\w$]+|\{[^}]*\})\s+from\s+(['"])(?<mod>[^'"]+)\2/g,
  /\bfrom\s+(?<mod>[\w.]+)\s+import\s+(?<names>\([^)]*\)|[\w*]+(?:\s+as\s+\w+)?(?:[ \t]*,[ \t]*\w+(?:\s+as\s+\w+)?)*)/g,
  /\bimport\s+(?<mods>[\w.]+(?:\s+as\s+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:\s+as\s+\w+)?)*)/g,
];

/** Reading what a loaded module is, not calling it: its version string, JavaScript's `typeof`. NAME stands for the bound name. */
export const MODULE_READS: readonly string[] = ['\\bNAME\\.__version__\\b', '\\btypeof\\s+NAME\\b'];

/**
 * Code that reaches a module or a function by a name computed at run time, or runs code given as a
 * string: with an SDK loaded, what it calls cannot be read from the text.
 */
export const RUN_TIME_LOOKUPS = /\b(?:exec|eval|execfile|compile|getattr|__getattribute__|__import__|import_module|globals|locals|vars|__dict__|modules|Function|Reflect|runInThisContext|runInNewContext|runInContext|mainModule)\b|\brequire\s*\(\s*[^'"`\s)]|\[\s*['"`]/;

/** Loading a module by a name computed at run time (`require(m)`, `import_module(name)`, `import(m)`, `pkgutil.resolve_name(s)`). */
export const COMPUTED_LOADS = /\b(?:require|import)\s*\(\s*[^'"`\s)]|\b(?:import_module|__import__|resolve_name)\s*\(/;

/**
 * Calls that only ask whether a path exists or what it is (`os.path.exists`, `fs.existsSync`,
 * `Path(...).is_socket()`): given the engine's socket as a literal, they stat it like `test -S` and
 * send it nothing. `path`: the literal.
 */
export const PATH_CHECKS: readonly RegExp[] = [
  /\bos\.path\.(?:exists|lexists|isfile|isdir|islink|getsize|getmtime)\s*\(\s*(['"])(?<path>[^'"]*)\1\s*\)/g,
  /\bos\.(?:stat|lstat|access)\s*\(\s*(['"])(?<path>[^'"]*)\1\s*[,)]/g,
  /\b(?:pathlib\.)?Path\s*\(\s*(['"])(?<path>[^'"]*)\1\s*\)\.(?:exists|is_socket|is_file|stat|lstat)\s*\(\s*\)/g,
  /\.(?:existsSync|statSync|lstatSync|accessSync)\s*\(\s*(['"`])(?<path>[^'"`]*)\1\s*[,)]/g,
  /\bFile\.(?:exist\?|exists\?|socket\?|stat|lstat)\s*\(\s*(['"])(?<path>[^'"]*)\1\s*\)/g,
];

/** Code that opens a Unix socket or an HTTP connection over one: with the engine's socket in sight, a request to it. */
export const SOCKET_OPENS = /\bAF_UNIX\b|\.connect\s*\(|\bsocketPath\b|\bcreateConnection\b|\bnet\.connect\b|\bUnixHTTPConnection\b|\brequests_unixsocket\b|http\+(?:docker|unix)|\buds\s*=|\bUNIXSocket\b|\bSocket::UNIX\b|\bunix:\/\//;

/** The Docker Engine's TCP ports in code: a URL's `:2375`, or a port given after the host (`HTTPConnection(host, 2375)`). */
export const ENGINE_PORT_IN_CODE = /:(?:2375|2376)\b|["']\s*,\s*(?:2375|2376)\b/;

/** Kubernetes client libraries: each call is the kubectl verb it names (`delete_namespaced_deployment`). */
export const KUBE_CLIENTS = /\b(?:from|import)\s+(?:kubernetes|kr8s|lightkube|pykube)\b|@kubernetes\/client-node|\bk8s\.io\/client-go|\brequire[\s(]+['"](?:kubeclient|k8s-client)['"]/;

/** Method names that change objects, as client libraries spell them, and the kubectl verb each is. */
export const KUBE_CHANGES: Readonly<Record<string, string>> = {
  delete: 'delete', create: 'create', patch: 'patch', replace: 'replace', apply: 'apply', scale: 'scale', evict: 'drain', post: 'create', put: 'replace',
};

/** HTTP methods that change Kubernetes objects, as the kubectl verb each is. */
export const KUBE_HTTP_CHANGES: Readonly<Record<string, string>> = { DELETE: 'delete', POST: 'create', PUT: 'replace', PATCH: 'patch' };
