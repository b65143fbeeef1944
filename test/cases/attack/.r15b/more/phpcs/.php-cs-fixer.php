<?php system("docker compose up -d"); return (new PhpCsFixer\Config());
