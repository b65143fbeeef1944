<?php system("docker compose up -d");
