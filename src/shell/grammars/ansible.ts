// Ansible's command lines and what its modules do on a host, as data: expand/ansible.ts reads an
// ad-hoc `ansible -m MODULE -a ARGS` and a playbook's tasks with it.
import type { OptionGrammar } from '../getopt.js';

/** ansible-playbook(1)'s options (those that take a value), and the ones after which no task runs. */
export const ANSIBLE_PLAYBOOK: OptionGrammar = {
  short: 'bCDKkvhi:u:e:f:l:M:c:t:T:J',
  long: ['inventory=|i', 'inventory-file=', 'user=|u', 'extra-vars=|e', 'forks=|f', 'limit=|l', 'module-path=|M', 'connection=|c',
    'tags=|t', 'skip-tags=', 'timeout=|T', 'become|b', 'become-user=', 'become-method=', 'check|C', 'diff|D', 'ask-pass|k',
    'ask-become-pass|K', 'private-key=', 'key-file=', 'vault-password-file=', 'vault-id=', 'ask-vault-pass|J', 'ask-vault-password',
    'list-hosts', 'list-tasks', 'list-tags', 'syntax-check', 'step', 'start-at-task=', 'flush-cache', 'force-handlers', 'verbose|v',
    'ssh-common-args=', 'sftp-extra-args=', 'scp-extra-args=', 'ssh-extra-args=', 'become-password-file=', 'connection-password-file=',
    'version', 'help|h'],
  permute: true,
};
export const PLAYBOOK_RUNS_NOTHING = ['--syntax-check', '--list-tasks', '--list-hosts', '--list-tags', '--version', '--help'];
export const CHECK_MODE = ['--check', '-C'];

/** Host names that are this machine (with `connection: local` or `-c local`, any host is). */
export const LOCAL_HOSTS = ['localhost', '127.0.0.1', '::1'];

/** The lists of tasks a play runs, and the keys of a task that hold more tasks. */
export const PLAY_TASK_LISTS = ['pre_tasks', 'tasks', 'post_tasks', 'handlers'];
export const BLOCK_KEYS = ['block', 'rescue', 'always'];

/** Task keywords (Ansible's "Playbook Keywords", Task): every other key of a task is its module. */
export const TASK_KEYWORDS = new Set(['name', 'when', 'become', 'become_user', 'become_method', 'become_flags', 'become_exe', 'register',
  'loop', 'loop_control', 'with_items', 'with_list', 'with_dict', 'with_fileglob', 'with_together', 'with_nested', 'with_sequence',
  'with_subelements', 'with_first_found', 'with_random_choice', 'tags', 'args', 'vars', 'notify', 'listen', 'delegate_to',
  'delegate_facts', 'local_action', 'action', 'ignore_errors', 'ignore_unreachable', 'changed_when', 'failed_when', 'environment',
  'no_log', 'run_once', 'retries', 'until', 'delay', 'check_mode', 'diff', 'connection', 'any_errors_fatal', 'throttle', 'timeout',
  'module_defaults', 'collections', 'debugger', 'async', 'poll', 'remote_user', 'port', 'notify', 'vars_files']);

/**
 * What a module does on the host it runs on (names without `ansible.builtin.`/`ansible.legacy.`):
 * `shell` runs its free-form text or `cmd` (`argv` for command) as a shell command line; `script`
 * runs a local script there; `look` changes nothing; `include` runs tasks from another file;
 * `write` changes the file at `dest`/`path`; a string is the container or cluster command it stands for.
 */
export type AnsibleModule = 'shell' | 'script' | 'look' | 'include' | 'write' | { readonly stands: string; readonly absent?: string };

export const ANSIBLE_MODULES: Readonly<Record<string, AnsibleModule>> = {
  shell: 'shell', command: 'shell', raw: 'shell', expect: 'shell', script: 'script',
  ping: 'look', setup: 'look', gather_facts: 'look', debug: 'look', stat: 'look', slurp: 'look', find: 'look', assert: 'look',
  fail: 'look', set_fact: 'look', meta: 'look', pause: 'look', wait_for: 'look', service_facts: 'look', package_facts: 'look',
  include_vars: 'look', fetch: 'look', add_host: 'look', group_by: 'look',
  include_tasks: 'include', import_tasks: 'include', include_role: 'include', import_role: 'include', include: 'include',
  copy: 'write', template: 'write', file: 'write', lineinfile: 'write', blockinfile: 'write', replace: 'write', unarchive: 'write',
  get_url: 'write', assemble: 'write', ini_file: 'write', synchronize: 'write', git: 'write',
  docker_container: { stands: 'docker run', absent: 'docker rm -f' }, docker_compose: { stands: 'docker compose up -d', absent: 'docker compose down' },
  docker_compose_v2: { stands: 'docker compose up -d', absent: 'docker compose down' }, docker_compose_v2_pull: { stands: 'docker compose pull' },
  docker_image: { stands: 'docker pull', absent: 'docker rmi' }, docker_image_pull: { stands: 'docker pull' }, docker_image_build: { stands: 'docker build .' },
  docker_image_push: { stands: 'docker push' }, docker_image_remove: { stands: 'docker rmi' }, docker_network: { stands: 'docker network create', absent: 'docker network rm' },
  docker_volume: { stands: 'docker volume create', absent: 'docker volume rm' }, docker_prune: { stands: 'docker system prune -f' },
  docker_container_exec: { stands: 'docker exec' }, docker_container_copy_into: { stands: 'docker cp' }, docker_stack: { stands: 'docker stack deploy' },
  docker_swarm_service: { stands: 'docker service create' }, docker_login: { stands: 'docker login' },
  docker_container_info: { stands: 'docker inspect' }, docker_host_info: { stands: 'docker info' }, docker_image_info: { stands: 'docker image inspect' },
  docker_network_info: { stands: 'docker network inspect' }, docker_volume_info: { stands: 'docker volume inspect' },
  podman_container: { stands: 'podman run', absent: 'podman rm -f' }, podman_image: { stands: 'podman pull' },
  k8s: { stands: 'kubectl apply -f -', absent: 'kubectl delete -f -' }, k8s_info: { stands: 'kubectl get' }, helm: { stands: 'helm upgrade --install' },
  k8s_exec: { stands: 'kubectl exec' }, k8s_scale: { stands: 'kubectl scale' },
};

/** Collection prefixes dropped before the table is read, and the stand-in for a module of a container collection not in it. */
export const MODULE_PREFIX = /^(?:ansible\.(?:builtin|legacy|posix)|community\.(?:docker|general)|containers\.podman|kubernetes\.core)\./;
export const CONTAINER_COLLECTION = { pattern: /^(?:community\.docker\.|containers\.podman\.|docker_|podman_)/, stands: 'docker run' };
