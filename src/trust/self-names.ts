// Words that name gitops-guard's own commands and its shell guard (rules/05-guard-self.yaml). The
// parser-free fast path (`hook`, `check`) must not let text with one of them through unread; a test
// keeps this list in step with the programs and paths of that pack.
export const SELF_NAMES = ['gitops-guard', '__gitops_guard', 'extdebug', 'accept-line', 'DEBUG'];
