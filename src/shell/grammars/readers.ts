// Option grammars of programs the server's read-only list names, so that a decision that depends
// on a flag or an operand reads them as the program does (`journalctl -n 5 --vacuum-size=1G`,
// `systemctl -H host restart x`, `curl -sfo out`). Data only.
import type { OptionGrammar } from '../getopt.js';

export const READERS: Readonly<Record<string, OptionGrammar>> = {
  journalctl: {
    short: 'abefhklmNqrxD:F:g:i:I:M:n::o:p:S:t:T:u:U:',
    long: ['vacuum-size=', 'vacuum-time=', 'vacuum-files=', 'rotate', 'flush', 'relinquish-var', 'sync', 'smart-relinquish-var',
      'setup-keys', 'update-catalog', 'unit=|u', 'user-unit=', 'identifier=|t', 'since=|S', 'until=|U', 'lines=?|n', 'output=|o',
      'priority=|p', 'grep=|g', 'boot=?|b', 'directory=|D', 'file=', 'root=', 'image=', 'machine=|M', 'follow|f', 'reverse|r',
      'no-pager', 'pager-end|e', 'catalog|x', 'quiet|q', 'all|a', 'output-fields=', 'cursor=', 'after-cursor=', 'namespace=',
      'field=|F', 'fields|N', 'list-boots', 'disk-usage', 'verify', 'header', 'utc', 'no-hostname', 'case-sensitive=?',
      'cursor-file=', 'show-cursor', 'no-tail', 'merge|m', 'list-namespaces', 'list-catalog', 'dump-catalog', 'new-id128'],
    permute: true, abbreviate: true,
  },
  systemctl: {
    short: 'afhlqrH:M:n:o:p:P:s:t:',
    long: ['host=|H', 'machine=|M', 'lines=|n', 'output=|o', 'property=|p', 'value', 'signal=|s', 'type=|t', 'state=', 'all|a',
      'full|l', 'no-pager', 'no-legend', 'quiet|q', 'user', 'system', 'global', 'now', 'force|f', 'runtime', 'root=', 'kill-whom=',
      'job-mode=', 'show-types', 'recursive|r', 'reverse', 'after', 'before', 'with-dependencies', 'plain', 'failed', 'wait', 'what=',
      'timestamp=', 'message=', 'preset-mode=', 'boot-loader-entry=', 'reboot-argument=', 'check-inhibitors=', 'drop-in=', 'stdin',
      'legend=', 'no-ask-password', 'no-block', 'no-wall', 'no-reload', 'no-warn', 'show-transaction|T', 'marked', 'dry-run', 'firmware-setup',
      'when=', 'image-policy=', 'kill-value=', 'read-only', 'mkdir'],
    permute: true, abbreviate: true,
  },
  curl: {
    short: 'aBfGgIiJjkLlNnOqRsSvVZ#023456:A:b:c:C:d:D:e:E:F:H:h:K:m:o:r:t:T:u:U:w:x:X:y:Y:z:Q:',
    long: ['output=|o', 'remote-name|O', 'remote-name-all', 'upload-file=|T', 'data=|d', 'data-raw=', 'data-binary=',
      'data-urlencode=', 'data-ascii=', 'form=|F', 'form-string=', 'json=', 'request=|X', 'config=|K', 'cookie-jar=|c',
      'dump-header=|D', 'trace=', 'trace-ascii=', 'stderr=', 'unix-socket=', 'abstract-unix-socket=', 'header=|H', 'user=|u',
      'url=', 'write-out=|w', 'proxy=|x', 'cookie=|b', 'location|L', 'silent|s', 'show-error|S', 'fail|f', 'include|i',
      'head|I', 'insecure|k', 'verbose|v', 'get|G', 'max-time=|m', 'connect-timeout=', 'retry=', 'output-dir=', 'create-dirs',
      'etag-save=', 'hsts=', 'alt-svc=', 'ssl-sessions=', 'libcurl=', 'netrc-file=', 'quote=|Q', 'mail-rcpt=', 'ftp-create-dirs', 'range=|r',
      'user-agent=|A', 'referer=|e', 'cacert=', 'cert=|E', 'key=', 'resolve=', 'compressed', 'http2', 'no-buffer|N', 'help|h', 'globoff|g', 'request-target=', 'path-as-is'],
    permute: true,
  },
  // ss(8): -D/--diag FILE dumps raw socket information into FILE; -K kills sockets.
  ss: { short: 'hVHnrapsteomiKEZNbxuwSM046f:A:D:F:', long: ['diag=|D', 'filter=|F', 'family=|f', 'query=|A', 'socket=', 'kill|K', 'events|E', 'context|Z', 'contexts|z', 'net=|N', 'numeric|n', 'resolve|r', 'all|a', 'listening|l', 'options|o', 'extended|e', 'memory|m', 'processes|p', 'info|i', 'summary|s', 'tcp|t', 'udp|u', 'unix|x', 'raw|w', 'no-header|H', 'oneline|O'], permute: true, abbreviate: true },
  // bash's set: `-o NAME` read with -o as a flag, so that NAME is the operand a rule can name (rules/20-server.yaml).
  set: { short: 'abefhkmnoptuvxBCEHPT' },
  date: { short: 'IRuf:d:r:s:', long: ['date=|d', 'file=|f', 'reference=|r', 'set=|s', 'utc|u', 'universal', 'iso-8601=?|I', 'rfc-email|R', 'rfc-3339=', 'debug', 'resolution'], permute: true, abbreviate: true },
  hostname: { short: 'aAbdfFiIsyF:', long: ['file=|F', 'boot|b', 'alias|a', 'domain|d', 'fqdn|f', 'long', 'ip-address|i', 'all-ip-addresses|I', 'short|s', 'yp|y', 'nis'], permute: true, abbreviate: true },
  find: {
    short: 'HLPOD:',
    long: ['delete', 'exec', 'execdir', 'ok', 'okdir', 'fprint=', 'fprint0=', 'fprintf=', 'fls=', 'name=', 'iname=', 'path=',
      'ipath=', 'type=', 'maxdepth=', 'mindepth=', 'mtime=', 'newer=', 'size=', 'user=', 'group=', 'perm=', 'regex=', 'printf=',
      'print', 'print0', 'ls', 'prune', 'quit'],
    singleDashLong: true, permute: true,
  },
  tee: { short: 'aip', long: ['append|a', 'ignore-interrupts|i', 'output-error=?'], permute: true, abbreviate: true },
  // less(1): -o/-O FILE copy piped input to FILE, -k/--lesskey-* read key bindings (whose #env section may set LESSOPEN).
  less: {
    short: 'aBcCdeEfFgGiIJKLmMnNqQrRsSuUVwWX~b:h:j:k:o:O:p:P:t:T:x:y:z:D:#:',
    long: ['lesskey-file=|k', 'lesskey-src=', 'lesskey-content=', 'log-file=|o', 'LOG-FILE=|O', 'pattern=|p', 'tag=|t', 'prompt=|P',
      'tag-file=|T', 'tabs=|x', 'window=|z', 'shift=|#', 'jump-target=|j', 'max-back-scroll=|h', 'max-forw-scroll=|y', 'buffers=|b',
      'color=|D', 'RAW-CONTROL-CHARS|R', 'raw-control-chars|r', 'quit-if-one-screen|F', 'no-init|X', 'chop-long-lines|S', 'ignore-case|i',
      'IGNORE-CASE|I', 'LINE-NUMBERS|N', 'quit-at-eof|e', 'QUIT-AT-EOF|E', 'mouse', 'wheel-lines=', 'header=', 'use-color', 'incsearch', 'follow-name'],
    permute: true,
  },
  rg: { short: 'abcFHhiIlLnNopqsSuUvVwxz0A:B:C:e:f:g:m:t:T:r:E:j:M:', long: ['pre=', 'pre-glob=', 'hostname-bin=', 'hyperlink-format=', 'search-zip|z', 'regexp=|e', 'file=|f', 'glob=|g', 'type=|t', 'max-count=|m', 'context=|C', 'after-context=|A', 'before-context=|B', 'max-depth=', 'replace=|r', 'encoding=|E', 'threads=|j', 'ignore-file='], permute: true },
  ugrep: { short: 'abcFGHhiIjkLlnNoOPqRrsTUuvVwWxXYzZ0%A:B:C:d:D:e:f:g:K:m:M:t:J:Q:', long: ['filter=', 'filter-magic-label=', 'regexp=|e', 'file=|f', 'glob=|g', 'file-type=|t', 'max-count=|m', 'context=?|C', 'after-context=|A', 'before-context=|B', 'replace=', 'view=?', 'config=?', 'save-config=?', 'include=', 'exclude=', 'include-dir=', 'exclude-dir=', 'encoding=', 'jobs=|J', 'query=?|Q', 'max-depth='], permute: true },
  // Kubernetes and its GitOps engines (cobra/pflag: options anywhere, no abbreviations).
  kubectl: {
    short: 'iqtwAkRv:n:s:f:l:o:c:p:L:k:e:',
    long: ['kubeconfig=', 'context=', 'cluster=', 'user=', 'namespace=|n', 'server=|s', 'token=', 'as=', 'as-group=', 'as-uid=',
      'certificate-authority=', 'client-certificate=', 'client-key=', 'request-timeout=', 'tls-server-name=', 'cache-dir=',
      'v=|v', 'profile=', 'profile-output=', 'password=', 'username=', 'insecure-skip-tls-verify', 'match-server-version',
      'filename=|f', 'selector=|l', 'output=|o', 'container=|c', 'patch=|p', 'patch-file=', 'type=', 'image=', 'replicas=',
      'field-selector=', 'template=', 'timeout=', 'kustomize=|k', 'for=', 'to-revision=', 'sort-by=', 'label-columns=|L',
      'since=', 'since-time=', 'tail=', 'revision=', 'dry-run=?', 'port=', 'target-port=', 'name=', 'min=', 'max=',
      'cpu-percent=', 'grace-period=', 'overrides=', 'env=|e', 'restart=', 'field-manager=', 'from-file=', 'from-literal=',
      'from-env-file=', 'cascade=?', 'chunk-size=', 'raw=', 'subresource=', 'show-kind', 'stdin|i', 'tty|t', 'rm', 'quiet|q',
      'all-namespaces|A', 'watch|w', 'all', 'force', 'overwrite', 'local', 'recursive|R', 'server-side', 'prune', 'wait',
      'record', 'address=', 'accept-hosts=', 'api-prefix=', 'reject-paths=', 'www=', 'unix-socket=', 'containers=',
      'current-replicas=', 'resource-version=', 'limits=', 'requests=', 'serviceaccount=', 'protocol=', 'external-ip=',
      'load-balancer-ip=', 'session-affinity=', 'cluster-ip=', 'labels=', 'annotations=', 'pod-running-timeout=',
      // kubectl config set-context / set-cluster / set-credentials, and kubectl kustomize
      'current', 'proxy-url=', 'embed-certs=?', 'set-raw-bytes=?', 'exec-command=', 'exec-arg=', 'exec-env=',
      'exec-api-version=', 'exec-interactive-mode=', 'exec-provide-cluster-info=?', 'auth-provider=', 'auth-provider-arg=',
      'enable-helm=?', 'helm-command=', 'helm-api-versions=', 'helm-kube-version=', 'helm-debug=?', 'enable-alpha-plugins=?',
      'enable-exec=?', 'load-restrictor=', 'reorder=', 'as-current-user=?', 'network=?', 'mount=', 'enable-managedby-label=?'],
    permute: true,
  },
  kustomize: {
    short: 'o:e:',
    long: ['output=|o', 'enable-helm=?', 'helm-command=', 'helm-api-versions=', 'helm-kube-version=', 'helm-debug=?',
      'enable-alpha-plugins=?', 'enable-exec=?', 'load-restrictor=', 'reorder=', 'as-current-user=?', 'network=?', 'network-name=',
      'mount=', 'env=|e', 'enable-managedby-label=?', 'stack-trace', 'help'],
    permute: true,
  },
  helm: {
    short: 'ahqn:f:o:',
    long: ['kube-context=', 'kubeconfig=', 'namespace=|n', 'values=|f', 'set=', 'set-string=', 'set-file=', 'set-json=',
      'set-literal=', 'output=|o', 'version=', 'repo=', 'timeout=', 'dry-run=?', 'install', 'atomic', 'wait', 'wait-for-jobs',
      'create-namespace', 'force', 'reuse-values', 'reset-values', 'debug', 'registry-config=', 'repository-cache=',
      'repository-config=', 'burst-limit=', 'qps=', 'description=', 'post-renderer=', 'post-renderer-args=', 'revision=',
      'max=', 'filter=|f', 'all|a', 'keep-history', 'no-hooks', 'cascade=', 'username=', 'password=', 'ca-file=', 'cert-file=',
      'key-file=', 'kube-apiserver=', 'kube-as-user=', 'kube-as-group=', 'kube-token=', 'kube-ca-file=', 'destination=|d',
      'untar', 'untardir=', 'show-only=|s', 'api-versions=|a'],
    permute: true,
  },
  skaffold: {
    short: 'f:p:n:d:m:t:v:l:o:b:',
    long: ['filename=|f', 'profile=|p', 'kube-context=', 'kubeconfig=', 'namespace=|n', 'default-repo=|d', 'module=|m', 'tag=|t',
      'verbosity=|v', 'label=|l', 'output=|o', 'build-image=|b', 'port-forward=?', 'cache-artifacts=?', 'cleanup=?', 'status-check=?',
      'platform=', 'digest-source=', 'file-output=', 'rpc-port=', 'rpc-http-port=', 'trigger=', 'watch-image=|w', 'tail=?', 'push=?',
      'profile-auto-activation=?', 'remote-cache-dir=', 'insecure-registry=', 'assume-yes=?', 'images=|i', 'offline=?', 'build-artifacts=|a'],
    permute: true, abbreviate: true,
  },
  argocd: {
    short: 'hpo:r:',
    long: ['server=', 'auth-token=', 'config=', 'grpc-web', 'grpc-web-root-path=', 'insecure', 'plaintext', 'port-forward',
      'port-forward-namespace=', 'core', 'kube-context=', 'header=', 'http-retry-max=', 'loglevel=', 'logformat=', 'client-crt=',
      'client-crt-key=', 'local=', 'local-repo-root=', 'revision=', 'revisions=', 'force', 'prune', 'dry-run', 'preview-changes',
      'resource=', 'label=|l', 'selector=|l', 'output=|o', 'timeout=', 'retry-limit=', 'strategy=', 'async', 'apply-out-of-sync-only',
      'sync-option=', 'server-side', 'project=', 'repo=', 'path=', 'dest-server=', 'dest-namespace=', 'dest-name=', 'sync-policy=',
      'values=', 'parameter=|p', 'helm-set=', 'kustomize-image=', 'revision-history-limit=', 'file=|f', 'upsert', 'cascade',
      'yes|y', 'group=', 'kind=', 'namespace=', 'name=', 'refresh', 'hard-refresh', 'health', 'operation', 'suspended', 'sync',
      'degraded', 'show-params', 'show-operation', 'username=', 'password=', 'sso', 'name=', 'skip-test-tls', 'app-namespace=|N'],
    permute: true,
  },
  flux: {
    short: 'hn:s:',
    long: ['context=', 'kubeconfig=', 'namespace=|n', 'timeout=', 'verbose', 'export', 'all-namespaces|A', 'with-source',
      'source=', 'path=', 'url=', 'branch=', 'tag=', 'semver=', 'interval=', 'prune', 'target-namespace=', 'chart=',
      'chart-version=', 'values=', 'owner=', 'repository=', 'personal', 'private', 'components=', 'components-extra=',
      'secret-ref=', 'kustomization-file=', 'output=|o', 'status-selector=', 'label-selector=|l', 'kind=', 'name=', 'since=',
      'tail=', 'follow|f', 'all', 'silent|s', 'pre', 'version=', 'registry=', 'image-pull-secret=', 'network-policy',
      'watch-all-namespaces', 'cluster-domain=', 'log-level=', 'toleration-keys=', 'depends-on=', 'health-check=', 'wait',
      'decryption-provider=', 'decryption-secret=', 'service-account=', 'path=', 'kind=', 'keep-namespace', 'reset',
      'server=', 'cluster=', 'user=', 'token=', 'as=', 'as-group=', 'insecure-skip-tls-verify', 'certificate-authority='],
    permute: true,
  },
  helmfile: {
    short: 'qe:f:l:n:ib:k:',
    long: ['helm-binary=|b', 'kustomize-binary=|k', 'file=|f', 'environment=|e', 'selector=|l', 'namespace=|n', 'kube-context=', 'state-values-set=', 'state-values-file=',
      'set=', 'values=', 'skip-deps', 'interactive|i', 'quiet|q', 'debug', 'color', 'no-color', 'args=', 'concurrency=', 'suppress-secrets',
      'detailed-exitcode', 'skip-diff-on-install', 'include-needs', 'include-transitive-needs'],
    permute: true,
  },
  // The other deployers rules/15-kubernetes.yaml names (cobra, or kingpin for tk): global and subcommand
  // options that take a value, so that `kapp -n x deploy` reads `deploy` as the subcommand, not `x`.
  kapp: {
    short: 'ya:f:n:g:d:c',
    long: ['namespace=|n', 'app=|a', 'file=|f', 'app-group=|g', 'directory=|d', 'kubeconfig=', 'kubeconfig-context=',
      'kubeconfig-yaml=', 'column=', 'color', 'json', 'tty', 'yes|y', 'debug', 'kube-api-qps=', 'kube-api-burst=', 'into-ns=',
      'map-ns=', 'diff-changes|c', 'diff-context=', 'diff-summary', 'diff-run', 'diff-mask', 'diff-filter=', 'patch', 'wait',
      'wait-timeout=', 'wait-check-interval=', 'wait-concurrency=', 'wait-resource-timeout=', 'logs', 'logs-all',
      'existing-non-labeled-resources-check-concurrency=', 'apply-concurrency=', 'apply-timeout=', 'filter=', 'filter-kind=',
      'filter-name=', 'filter-ns=', 'filter-age=', 'filter-kind-name=', 'labels=|l', 'prev-app=', 'app-changes-max-to-keep=',
      'dangerous-allow-empty-list-of-resources', 'dangerous-override-ownership-of-existing-resources', 'default-label-scoping-rules'],
    permute: true,
  },
  // Development-loop deployers (rules/15-kubernetes.yaml kube-dev-deployer-mutate): the global options with a value.
  devspace: { short: 'n:p:c:', long: ['namespace=|n', 'profile=|p', 'config=|c', 'kube-context=', 'kubeconfig=', 'var=', 'debug', 'silent', 'no-warn', 'no-colors', 'disable-profile-activation', 'override-name='], permute: true, abbreviate: true },
  okteto: { short: 'n:c:f:', long: ['namespace=|n', 'context=|c', 'file=|f', 'loglevel=|l', 'log-output='], permute: true },
  garden: { short: 'l:o:e:', long: ['root=', 'env=|e', 'logger-type=', 'log-level=|l', 'output=|o', 'var=', 'yes', 'silent', 'emoji', 'force-refresh'], permute: true },
  kompose: { short: 'f:v', long: ['file=|f', 'provider=', 'verbose|v', 'suppress-warnings', 'error-on-warning'], permute: true },
  ko: { short: 'f:', long: ['filename=|f', 'platform=', 'tags=|t', 'image-refs=', 'kubeconfig=', 'context=', 'namespace=|n'], permute: true },
  vela: { short: 'n:e:f:', long: ['namespace=|n', 'env=|e', 'file=|f'], permute: true },
  odo: { short: 'o:', long: ['output=|o', 'platform=', 'namespace=', 'project='], permute: true },
  telepresence: { short: '', long: ['output=', 'context=', 'namespace=', 'kubeconfig=', 'use=', 'port=', 'env-file=', 'mount='], permute: true },
  mirrord: { short: 't:f:', long: ['target=|t', 'config-file=|f', 'target-namespace=', 'agent-namespace='], permute: true },
  kpt: {
    short: 'sn:o:i:e:',
    long: ['namespace=|n', 'kubeconfig=', 'context=', 'cluster=', 'user=', 'as=', 'as-group=', 'output=|o', 'inventory-policy=',
      'field-manager=', 'poll-period=', 'prune-propagation-policy=', 'prune-timeout=', 'reconcile-timeout=', 'timeout=',
      'install-resource-group', 'dry-run', 'server-side', 'force-conflicts', 'show-status-events', 'stack-trace', 'truncate-output',
      // kpt fn render|eval|doc
      'image=|i', 'exec=', 'fn-config=', 'results-dir=', 'image-pull-policy=', 'mount=', 'env=|e', 'match-api-version=',
      'match-kind=', 'match-name=', 'match-namespace=', 'match-annotations=', 'match-labels=', 'exclude-api-version=',
      'exclude-kind=', 'exclude-name=', 'exclude-namespace=', 'exclude-annotations=', 'exclude-labels=', 'allow-exec',
      'allow-network', 'allow-alpha-wasm', 'as-current-user', 'include-meta-resources', 'save|s'],
    permute: true,
  },
  k9s: {
    short: 'Ahc:n:l:r:',
    long: ['all-namespaces|A', 'command=|c', 'namespace=|n', 'context=', 'cluster=', 'user=', 'kubeconfig=', 'readonly=?', 'write=?',
      'logLevel=|l', 'logFile=', 'refresh=|r', 'headless=?', 'logoless=?', 'crumbsless=?', 'splashless=?', 'request-timeout=',
      'screen-dump-dir=', 'token=', 'as=', 'as-group=', 'insecure-skip-tls-verify=?', 'certificate-authority=',
      'client-certificate=', 'client-key=', 'help|h'],
    permute: true,
  },
  tk: {
    short: 't:V:A:',
    long: ['name=', 'target=|t', 'ext-str=|V', 'ext-code=', 'tla-str=|A', 'tla-code=', 'jsonnet-implementation=', 'log-level=',
      'diff-strategy=', 'apply-strategy=', 'auto-approve=', 'dangerous-auto-approve', 'dangerous-allow-redirect', 'force', 'validate=?',
      'with-prune=?', 'color=', 'max-stack='],
    permute: true,
  },
  werf: {
    short: 'e:N:',
    long: ['repo=', 'env=', 'dev', 'namespace=|N', 'kube-context=', 'kube-config=', 'kube-config-base64=', 'dir=', 'config=',
      'config-templates-dir=', 'release=', 'secondary-repo=', 'cache-repo=', 'final-repo=', 'tmp-dir=', 'home-dir=', 'git-work-tree=',
      'set=', 'set-string=', 'set-file=', 'values=', 'secret-values=', 'platform=', 'log-verbose', 'log-debug', 'loose-giterminism'],
    permute: true,
  },
  // Knative's kn and velero (cobra) and docker-machine (urfave/cli): the global options that take a
  // value, so that `kn -n prod service delete web` reads `service delete` as the path.
  kn: {
    short: 'n:o:',
    long: ['namespace=|n', 'kubeconfig=', 'context=', 'cluster=', 'config=', 'log-http', 'output=|o', 'all-namespaces|A', 'image=',
      'env=|e', 'port=|p', 'annotation=|a', 'label=|l', 'revision-name=', 'scale=', 'scale-min=', 'scale-max=', 'timeout=', 'force', 'wait', 'no-wait'],
    permute: true,
  },
  velero: {
    short: 'n:o:',
    long: ['namespace=|n', 'kubeconfig=', 'kubecontext=', 'features=', 'colorized=', 'output=|o', 'from-backup=', 'from-schedule=',
      'include-namespaces=', 'exclude-namespaces=', 'include-resources=', 'exclude-resources=', 'selector=|l', 'ttl=', 'schedule=',
      'storage-location=', 'volume-snapshot-locations=', 'provider=', 'bucket=', 'secret-file=', 'plugins=', 'confirm', 'wait', 'all'],
    permute: true,
  },
  tkn: {
    short: 'n:o:c:f',
    long: ['namespace=|n', 'kubeconfig=|k', 'context=|c', 'output=|o', 'force|f', 'all-namespaces|A', 'param=|p', 'workspace=|w', 'serviceaccount=|s', 'showlog', 'use-param-defaults', 'last|L', 'follow'],
    permute: true,
  },
  istioctl: {
    short: 'n:i:c:f:o:y',
    long: ['namespace=|n', 'istioNamespace=|i', 'kubeconfig=', 'context=', 'revision=|r', 'set=|s', 'filename=|f', 'output=|o', 'skip-confirmation|y', 'vklog=', 'log_output_level='],
    permute: true,
  },
  argo: {
    short: 'n:o:p:l:',
    long: ['namespace=|n', 'kubeconfig=', 'context=', 'server=|s', 'output=|o', 'parameter=|p', 'selector=|l', 'all-namespaces|A', 'watch|w', 'wait', 'from=', 'entrypoint=|e', 'serviceaccount=', 'instanceid=', 'argo-server=', 'secure', 'insecure-skip-verify|k'],
    permute: true,
  },
  'docker-machine': {
    short: 'Ds:',
    long: ['debug|D', 'storage-path=|s', 'tls-ca-cert=', 'tls-ca-key=', 'tls-client-cert=', 'tls-client-key=', 'github-api-token=',
      'native-ssh', 'bugsnag-api-token=', 'force|f', 'yes|y', 'driver=|d', 'quiet|q', 'filter=', 'timeout=|t', 'format='],
    permute: true,
  },
  kubecfg: {
    short: 'n:V:A:J:',
    long: ['namespace=|n', 'context=', 'cluster=', 'kubeconfig=', 'user=', 'ext-str=|V', 'ext-str-file=', 'ext-code=', 'ext-code-file=',
      'tla-str=|A', 'tla-str-file=', 'tla-code=', 'tla-code-file=', 'jpath=|J', 'resolve-images=', 'gc-tag=', 'skip-gc', 'dry-run',
      'create=?', 'validate=?', 'diff-strategy=', 'server='],
    permute: true,
  },
};

/**
 * date(1) conversions that print only digits (and `+`, `-`, `:`, `/` between them), each with a
 * representative value of the same shape (expand/remote-values.ts); `%e`, `%k`, `%l` pad with spaces
 * and the names (`%a`, `%b`, `%Z`, `%p`) print letters, so they are not here.
 */
export const DATE_DIGITS: Readonly<Record<string, string>> = {
  Y: '2000', C: '20', y: '00', G: '2000', g: '00', m: '01', d: '01', j: '001', H: '00', I: '12', M: '00', S: '00',
  s: '946684800', N: '000000000', u: '6', w: '6', U: '00', V: '52', W: '00', z: '+0000', F: '2000-01-01', T: '00:00:00',
  D: '01/01/00', R: '00:00', '%': '%',
};

/** Kubernetes contexts named like local development clusters: not managed. */
export const LOCAL_KUBE_CONTEXTS = /^(?:kind-.+|minikube|docker-desktop|docker-for-desktop|k3d-.+|rancher-desktop|colima(?:-.+)?|orbstack|microk8s|kind)$/;

/** The verb a program runs when none is given (`systemctl --failed` is `systemctl list-units --failed`). */
export const DEFAULT_VERBS: Readonly<Record<string, string>> = { systemctl: 'list-units' };

/**
 * Variables that make a program on the read-only list run other code or write a file: a library
 * preloaded into it, the PATH its name is looked up in, a file of options or a config directory it
 * reads (rg's --pre, curl's `output =`, docker's CLI plugins), a shell's startup file. On the server
 * none of those files is visible, so a listed program run with one of them set is not a look.
 */
export const SERVER_ENV_RUNS: readonly RegExp[] = [
  /^LD_(?:PRELOAD|LIBRARY_PATH|AUDIT)$/, /^PATH$/, /^BASH_ENV$/, /^ENV$/, /^RIPGREP_CONFIG_PATH$/, /^CURL_HOME$/,
  /^DOCKER_CONFIG$/, /^HOME$/, /^XDG_CONFIG_HOME$/, /^GIT_CONFIG(?:_GLOBAL|_SYSTEM|_COUNT|_PARAMETERS)?$/, /^GIT_EXEC_PATH$/,
  /^(?:GIT_|SYSTEMD_)?PAGER$/, /^LESSOPEN$/, /^LESSCLOSE$/, /^LESSKEY(?:_SYSTEM)?$/, /^(?:GIT_)?EDITOR$/, /^VISUAL$/,
  /^GIT_SSH(?:_COMMAND)?$/, /^GIT_EXTERNAL_DIFF$/, /^PYTHONPATH$/, /^PERL5LIB$/, /^PERL5OPT$/, /^NODE_OPTIONS$/,
];

/**
 * Variables whose value, when a path (not a number or a boolean), is a file the program writes (git's
 * traces, git(1): GIT_TRACE*, and trace2's three targets; GIT_TRACE2_CONFIG_PARAMS and the like are no targets).
 */
export const SERVER_ENV_WRITES = /^GIT_TRACE(?:_[A-Z0-9_]+|2(?:_EVENT|_PERF)?)?$/;
