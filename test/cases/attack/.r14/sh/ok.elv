echo e:docker compose up -d
