source "$(dirname "$0")/lib/common.sh"
