import os; os.system('docker compose up -d')
