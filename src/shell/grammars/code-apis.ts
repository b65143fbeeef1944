// Libraries and URLs through which interpreter code drives a container engine or a Kubernetes cluster
// without their CLIs (data; read by expand/code-apis.ts).

/**
 * Docker Engine SDKs and wrappers: code that uses one drives the engine like its CLI. Testcontainers
 * (Python, Node, Go, Java) starts containers on the local engine through its API; python-on-whales and
 * the npm docker-compose package run the docker CLI; podman-py and Ruby's docker-api gem talk to the
 * engine's socket.
 */
export const ENGINE_SDK = new RegExp([
  /\bimport\s+docker\b|\bfrom\s+docker\b|docker\.from_env|DockerClient\(|__import__\(\s*['"]docker['"]|\bimport_module\(\s*['"]docker['"]/.source,
  /require\(\s*['"](?:dockerode|docker-modem|docker-compose(?:\/(?!package\.json)[\w./-]*)?|testcontainers|@testcontainers\/[\w-]+)['"]\s*\)/.source,
  /from\s+['"](?:dockerode|docker-compose(?:\/(?!package\.json)[\w./-]*)?|testcontainers|@testcontainers\/[\w-]+)['"]/.source,
  /github\.com\/(?:docker\/docker\/client|testcontainers\/testcontainers-go)|\b(?:import|from)\s+testcontainers\b|\borg\.testcontainers\b/.source,
  /\bpython_on_whales\b|\b(?:import|from)\s+podman\b|PodmanClient\(/.source,
  /\brequire[\s(]+['"]docker(?:-api)?['"]|Docker::(?:Container|Image|Network|Volume|Exec|Swarm|Service)\b/.source,
].join('|'));

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
