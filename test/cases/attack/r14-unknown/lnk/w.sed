w .claude/settings.json
