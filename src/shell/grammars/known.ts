// Programs whose operands are data (files, patterns, text, package names), not commands: an
// argument of one of them that reads like `docker restart web` is text. An argument of a program
// known nowhere (not here, not in the runner table or the grammars) that starts like a managed
// command line is asked about (issue 10, 2.8). Shell builtins count as known.
export const DATA_PROGRAMS: readonly string[] = [
  // shell builtins and keywords
  'echo', 'printf', 'cd', 'pwd', 'export', 'unset', 'set', 'shopt', 'read', 'readonly', 'local', 'declare', 'typeset',
  'alias', 'unalias', 'type', 'hash', 'help', 'history', 'jobs', 'fg', 'bg', 'wait', 'kill', 'test', '[', '[[', 'true',
  'false', ':', 'return', 'exit', 'shift', 'getopts', 'umask', 'ulimit', 'pushd', 'popd', 'dirs', 'let', 'caller',
  'complete', 'compgen', 'compopt', 'bind', 'disown', 'suspend', 'logout', 'times', 'enable', 'mapfile', 'readarray',
  'break', 'continue', 'fc', 'which', 'whence', 'where', 'print', 'autoload', 'zmodload', 'setopt', 'unsetopt', 'rehash',
  // coreutils and text tools
  'cat', 'tac', 'head', 'tail', 'less', 'more', 'grep', 'egrep', 'fgrep', 'zgrep', 'rg', 'ag', 'ack', 'ls', 'dir', 'tree',
  'stat', 'wc', 'du', 'df', 'free', 'uptime', 'ps', 'pgrep', 'pkill', 'killall', 'top', 'htop', 'uname', 'hostname',
  'whoami', 'id', 'groups', 'date', 'cal', 'file', 'sha256sum', 'sha1sum', 'sha512sum', 'md5sum', 'cksum', 'b2sum',
  'base64', 'basename', 'dirname', 'realpath', 'readlink', 'mkdir', 'rmdir', 'rm', 'cp', 'mv', 'ln', 'touch', 'chmod',
  'chown', 'chgrp', 'install', 'mktemp', 'truncate', 'dd', 'sort', 'uniq', 'cut', 'paste', 'join', 'tr', 'fold', 'fmt',
  'nl', 'od', 'hexdump', 'xxd', 'strings', 'comm', 'diff', 'cmp', 'patch', 'column', 'expand', 'unexpand', 'rev',
  'shuf', 'seq', 'yes', 'sleep', 'tee', 'sponge', 'split', 'csplit', 'jq', 'yq', 'xq', 'gron', 'sed', 'awk', 'perl', 'iconv',
  'envsubst', 'gettext', 'numfmt', 'bc', 'dc', 'expr', 'factor', 'printenv', 'locale', 'tput', 'clear', 'reset', 'stty',
  'tty', 'lsof', 'ss', 'netstat', 'ip', 'ifconfig', 'ping', 'traceroute', 'dig', 'nslookup', 'host', 'whois', 'arp',
  'route', 'nmap', 'tcpdump', 'lsblk', 'blkid', 'mount', 'umount', 'findmnt', 'fdisk', 'lscpu', 'lspci', 'lsusb',
  'dmesg', 'journalctl', 'systemctl', 'service', 'loginctl', 'timedatectl', 'hostnamectl', 'vmstat', 'iostat', 'mpstat',
  'sar', 'pidof', 'nproc', 'getconf', 'w', 'who', 'last', 'finger', 'users', 'env', 'man', 'info', 'apropos', 'whatis',
  'zcat', 'gzip', 'gunzip', 'bzip2', 'bunzip2', 'xz', 'unxz', 'zstd', 'unzstd', 'lz4', 'zip', 'unzip', 'tar', '7z',
  'rar', 'unrar', 'cpio', 'ar', 'openssl', 'gpg', 'ssh-keygen', 'ssh-add', 'ssh-keyscan', 'ssh-copy-id', 'age',
  'curl', 'wget', 'http', 'httpie', 'aria2c', 'nc', 'socat', 'telnet', 'ftp', 'lynx', 'w3m',
  // editors and viewers
  'vim', 'vi', 'nvim', 'nano', 'emacs', 'code', 'subl', 'open', 'xdg-open', 'bat', 'glow', 'mdcat',
  // development tools
  'git', 'gh', 'glab', 'hub', 'tig', 'lazygit', 'delta', 'svn', 'hg', 'node', 'npm', 'npx', 'pnpm', 'yarn', 'bun', 'deno',
  'tsc', 'tsx', 'ts-node', 'esbuild', 'vite', 'webpack', 'rollup', 'parcel', 'turbo', 'nx', 'lerna', 'eslint',
  'prettier', 'biome', 'jest', 'vitest', 'mocha', 'ava', 'playwright', 'cypress', 'storybook', 'next', 'nuxt', 'astro',
  'python', 'python3', 'pip', 'pip3', 'pipx', 'poetry', 'pdm', 'uv', 'uvx', 'conda', 'mamba', 'pytest', 'tox', 'nox',
  'ruff', 'black', 'isort', 'flake8', 'pylint', 'mypy', 'pyright', 'django-admin', 'flask', 'uvicorn', 'gunicorn',
  'jupyter', 'ipython', 'ruby', 'gem', 'bundle', 'bundler', 'rails', 'rake', 'rspec', 'rubocop', 'go', 'gofmt',
  'golangci-lint', 'cargo', 'rustc', 'rustup', 'rustfmt', 'clippy-driver', 'java', 'javac', 'mvn', 'gradle', 'kotlin',
  'kotlinc', 'scala', 'sbt', 'dotnet', 'php', 'composer', 'lua', 'luarocks', 'make', 'cmake', 'ninja', 'meson', 'bazel',
  'gcc', 'g++', 'cc', 'clang', 'clang++', 'ld', 'gdb', 'lldb', 'valgrind', 'strace', 'ltrace', 'perf', 'objdump',
  'nm', 'readelf', 'strip', 'pkg-config', 'autoconf', 'automake', 'libtool', 'protoc', 'buf', 'swagger', 'openapi',
  'terraform', 'tofu', 'packer', 'vagrant', 'pulumi', 'aws', 'gcloud', 'az', 'doctl', 'flyctl', 'heroku', 'vercel',
  'netlify', 'wrangler', 'firebase', 'supabase', 'stripe', 'sqlite3', 'psql', 'mysql', 'mongosh', 'redis-cli',
  'pg_dump', 'pg_restore', 'createdb', 'dropdb', 'sqlcmd', 'duckdb', 'shellcheck', 'shfmt', 'hadolint', 'actionlint',
  'yamllint', 'markdownlint', 'codespell', 'cspell', 'typos', 'pre-commit', 'husky', 'lint-staged', 'commitlint',
  'gitleaks', 'trivy', 'grype', 'syft', 'cosign', 'semgrep', 'sonar-scanner', 'k6', 'ab', 'wrk', 'hey', 'vegeta',
  'ffmpeg', 'convert', 'magick', 'identify', 'pandoc', 'pdftotext', 'exiftool', 'gs', 'dot', 'mermaid', 'mmdc',
  'brew', 'apt', 'apt-get', 'apt-cache', 'dpkg', 'snap', 'flatpak', 'yum', 'dnf', 'rpm', 'pacman', 'apk', 'zypper',
  'port', 'choco', 'winget', 'scoop', 'asdf', 'nvm', 'fnm', 'volta', 'pyenv', 'rbenv', 'sdk', 'direnv', 'mise',
  'fzf', 'fd', 'find', 'locate', 'xargs', 'parallel', 'watch', 'entr', 'tmux', 'screen', 'crontab', 'at', 'say',
  'notify-send', 'osascript', 'pbcopy', 'pbpaste', 'xclip', 'xsel', 'wl-copy', 'wl-paste', 'tldr', 'cheat',
  'kubectl', 'helm', 'kustomize', 'k9s', 'kind', 'minikube', 'k3d', 'stern', 'kubectx', 'kubens', 'argocd', 'flux',
  'gitops-guard', 'getent', 'usermod', 'useradd', 'userdel', 'groupadd', 'groupdel', 'gpasswd', 'adduser', 'deluser',
  'addgroup', 'newgrp', 'passwd', 'chpasswd', 'visudo', 'update-alternatives', 'ufw', 'iptables', 'nft', 'firewall-cmd',
  'setfacl', 'getfacl', 'logger', 'wall', 'write', 'mail', 'sendmail', 'dpkg-query', 'apt-mark', 'debconf-set-selections',
  // greps under other names (GNU grep as Homebrew installs it, Debian's grep -r, the compressed-file wrappers),
  // ugrep and ripgrep-all (their command-running options are read in interpreters.ts), sd (its in-place
  // edits in writes.ts), and queries whose operands are package, file or process names
  'ggrep', 'gegrep', 'gfgrep', 'rgrep', 'xzgrep', 'xzegrep', 'xzfgrep', 'bzgrep', 'bzegrep', 'bzfgrep', 'lzgrep', 'zstdgrep',
  'zegrep', 'zfgrep', 'ugrep', 'rga', 'sd', 'whereis', 'apt-file', 'pipdeptree', 'nix-env', 'procs',
];
