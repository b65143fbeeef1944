log() { printf '[%s] %s\n' "$(date +%T)" "$*"; }
