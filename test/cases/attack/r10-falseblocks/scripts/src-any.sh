. "$(dirname "$BASH_SOURCE")/lib/common.sh"
log hi
