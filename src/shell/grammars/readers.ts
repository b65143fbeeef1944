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
      'field=|F', 'fields|N', 'list-boots', 'disk-usage', 'verify', 'header', 'utc', 'no-hostname', 'case-sensitive=?'],
    permute: true, abbreviate: true,
  },
  systemctl: {
    short: 'afhlqrH:M:n:o:p:P:s:t:',
    long: ['host=|H', 'machine=|M', 'lines=|n', 'output=|o', 'property=|p', 'value', 'signal=|s', 'type=|t', 'state=', 'all|a',
      'full|l', 'no-pager', 'no-legend', 'quiet|q', 'user', 'system', 'global', 'now', 'force|f', 'runtime', 'root=', 'kill-whom=',
      'job-mode=', 'show-types', 'recursive|r', 'reverse', 'after', 'before', 'with-dependencies', 'plain', 'failed', 'wait', 'what=',
      'timestamp=', 'message=', 'preset-mode=', 'boot-loader-entry=', 'reboot-argument=', 'check-inhibitors='],
    permute: true, abbreviate: true,
  },
  curl: {
    short: 'aBfGgIiJjkLlNnOqRsSvVZ#023456:A:b:c:C:d:D:e:E:F:H:h:K:m:o:r:t:T:u:U:w:x:X:y:Y:z:Q:',
    long: ['output=|o', 'remote-name|O', 'remote-name-all', 'upload-file=|T', 'data=|d', 'data-raw=', 'data-binary=',
      'data-urlencode=', 'data-ascii=', 'form=|F', 'form-string=', 'json=', 'request=|X', 'config=|K', 'cookie-jar=|c',
      'dump-header=|D', 'trace=', 'trace-ascii=', 'stderr=', 'unix-socket=', 'abstract-unix-socket=', 'header=|H', 'user=|u',
      'url=', 'write-out=|w', 'proxy=|x', 'cookie=|b', 'location|L', 'silent|s', 'show-error|S', 'fail|f', 'include|i',
      'head|I', 'insecure|k', 'verbose|v', 'get|G', 'max-time=|m', 'connect-timeout=', 'retry=', 'output-dir=', 'create-dirs',
      'etag-save=', 'hsts=', 'alt-svc=', 'libcurl=', 'netrc-file=', 'quote=|Q', 'mail-rcpt=', 'ftp-create-dirs', 'range=|r',
      'user-agent=|A', 'referer=|e', 'cacert=', 'cert=|E', 'key=', 'resolve=', 'compressed', 'http2', 'no-buffer|N', 'help|h'],
    permute: true,
  },
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
  less: { short: 'abBcCdeEfFgGiIjJkKLmMnNopPqQrRsSuUVwWxXyz#:', long: ['lesskey-file=', 'log-file=|o', 'LOG-FILE=|O', 'pattern=|p', 'tag=|t'], permute: true },
  rg: { short: 'abcFHhiIlLnNopqsSuUvVwxz0A:B:C:e:f:g:m:t:T:r:E:j:M:', long: ['pre=', 'pre-glob=', 'search-zip|z', 'regexp=|e', 'file=|f', 'glob=|g', 'type=|t', 'max-count=|m', 'context=|C', 'after-context=|A', 'before-context=|B', 'max-depth=', 'replace=|r', 'encoding=|E', 'threads=|j', 'ignore-file='], permute: true },
};
