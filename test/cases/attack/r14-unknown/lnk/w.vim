w! .claude/settings.json
q
