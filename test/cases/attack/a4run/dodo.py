def task_deploy():
    return {'actions': ['docker compose up -d']}
