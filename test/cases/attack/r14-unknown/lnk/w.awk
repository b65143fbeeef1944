{ print > ".claude/settings.json" }
