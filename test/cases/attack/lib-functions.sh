# A library of functions that call one another (like nvm.sh): sourcing it runs none of them.
nvm_fn0() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn1 "$@";; esac
}
nvm_fn1() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn2 "$@";; esac
}
nvm_fn2() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn3 "$@";; esac
}
nvm_fn3() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn4 "$@";; esac
}
nvm_fn4() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn5 "$@";; esac
}
nvm_fn5() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn6 "$@";; esac
}
nvm_fn6() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn7 "$@";; esac
}
nvm_fn7() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn8 "$@";; esac
}
nvm_fn8() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn9 "$@";; esac
}
nvm_fn9() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn10 "$@";; esac
}
nvm_fn10() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn11 "$@";; esac
}
nvm_fn11() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn12 "$@";; esac
}
nvm_fn12() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn13 "$@";; esac
}
nvm_fn13() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn14 "$@";; esac
}
nvm_fn14() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn15 "$@";; esac
}
nvm_fn15() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn16 "$@";; esac
}
nvm_fn16() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn17 "$@";; esac
}
nvm_fn17() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn18 "$@";; esac
}
nvm_fn18() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn19 "$@";; esac
}
nvm_fn19() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn20 "$@";; esac
}
nvm_fn20() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn21 "$@";; esac
}
nvm_fn21() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn22 "$@";; esac
}
nvm_fn22() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn23 "$@";; esac
}
nvm_fn23() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn24 "$@";; esac
}
nvm_fn24() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn25 "$@";; esac
}
nvm_fn25() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn26 "$@";; esac
}
nvm_fn26() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn27 "$@";; esac
}
nvm_fn27() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn28 "$@";; esac
}
nvm_fn28() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn29 "$@";; esac
}
nvm_fn29() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn30 "$@";; esac
}
nvm_fn30() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn31 "$@";; esac
}
nvm_fn31() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn32 "$@";; esac
}
nvm_fn32() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn33 "$@";; esac
}
nvm_fn33() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn34 "$@";; esac
}
nvm_fn34() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn35 "$@";; esac
}
nvm_fn35() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn36 "$@";; esac
}
nvm_fn36() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn37 "$@";; esac
}
nvm_fn37() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn38 "$@";; esac
}
nvm_fn38() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn39 "$@";; esac
}
nvm_fn39() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn40 "$@";; esac
}
nvm_fn40() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn41 "$@";; esac
}
nvm_fn41() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn42 "$@";; esac
}
nvm_fn42() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn43 "$@";; esac
}
nvm_fn43() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn44 "$@";; esac
}
nvm_fn44() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn45 "$@";; esac
}
nvm_fn45() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn46 "$@";; esac
}
nvm_fn46() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn47 "$@";; esac
}
nvm_fn47() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn48 "$@";; esac
}
nvm_fn48() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn49 "$@";; esac
}
nvm_fn49() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn50 "$@";; esac
}
nvm_fn50() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn51 "$@";; esac
}
nvm_fn51() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn52 "$@";; esac
}
nvm_fn52() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn53 "$@";; esac
}
nvm_fn53() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn54 "$@";; esac
}
nvm_fn54() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn55 "$@";; esac
}
nvm_fn55() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn56 "$@";; esac
}
nvm_fn56() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn57 "$@";; esac
}
nvm_fn57() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn58 "$@";; esac
}
nvm_fn58() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn59 "$@";; esac
}
nvm_fn59() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn60 "$@";; esac
}
nvm_fn60() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn61 "$@";; esac
}
nvm_fn61() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn62 "$@";; esac
}
nvm_fn62() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn63 "$@";; esac
}
nvm_fn63() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn64 "$@";; esac
}
nvm_fn64() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn65 "$@";; esac
}
nvm_fn65() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn66 "$@";; esac
}
nvm_fn66() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn67 "$@";; esac
}
nvm_fn67() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn68 "$@";; esac
}
nvm_fn68() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn69 "$@";; esac
}
nvm_fn69() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn70 "$@";; esac
}
nvm_fn70() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn71 "$@";; esac
}
nvm_fn71() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn72 "$@";; esac
}
nvm_fn72() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn73 "$@";; esac
}
nvm_fn73() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn74 "$@";; esac
}
nvm_fn74() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn75 "$@";; esac
}
nvm_fn75() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn76 "$@";; esac
}
nvm_fn76() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn77 "$@";; esac
}
nvm_fn77() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn78 "$@";; esac
}
nvm_fn78() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn79 "$@";; esac
}
nvm_fn79() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn80 "$@";; esac
}
nvm_fn80() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn81 "$@";; esac
}
nvm_fn81() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn82 "$@";; esac
}
nvm_fn82() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn83 "$@";; esac
}
nvm_fn83() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn84 "$@";; esac
}
nvm_fn84() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn85 "$@";; esac
}
nvm_fn85() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn86 "$@";; esac
}
nvm_fn86() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn87 "$@";; esac
}
nvm_fn87() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn88 "$@";; esac
}
nvm_fn88() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn89 "$@";; esac
}
nvm_fn89() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn90 "$@";; esac
}
nvm_fn90() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn91 "$@";; esac
}
nvm_fn91() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn92 "$@";; esac
}
nvm_fn92() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn93 "$@";; esac
}
nvm_fn93() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn94 "$@";; esac
}
nvm_fn94() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn95 "$@";; esac
}
nvm_fn95() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn96 "$@";; esac
}
nvm_fn96() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn97 "$@";; esac
}
nvm_fn97() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn98 "$@";; esac
}
nvm_fn98() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn99 "$@";; esac
}
nvm_fn99() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn100 "$@";; esac
}
nvm_fn100() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn101 "$@";; esac
}
nvm_fn101() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn102 "$@";; esac
}
nvm_fn102() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn103 "$@";; esac
}
nvm_fn103() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn104 "$@";; esac
}
nvm_fn104() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn105 "$@";; esac
}
nvm_fn105() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn106 "$@";; esac
}
nvm_fn106() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn107 "$@";; esac
}
nvm_fn107() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn108 "$@";; esac
}
nvm_fn108() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn109 "$@";; esac
}
nvm_fn109() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn110 "$@";; esac
}
nvm_fn110() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn111 "$@";; esac
}
nvm_fn111() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn112 "$@";; esac
}
nvm_fn112() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn113 "$@";; esac
}
nvm_fn113() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn114 "$@";; esac
}
nvm_fn114() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn115 "$@";; esac
}
nvm_fn115() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn116 "$@";; esac
}
nvm_fn116() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn117 "$@";; esac
}
nvm_fn117() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn118 "$@";; esac
}
nvm_fn118() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn119 "$@";; esac
}
nvm_fn119() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn120 "$@";; esac
}
nvm_fn120() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn121 "$@";; esac
}
nvm_fn121() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn122 "$@";; esac
}
nvm_fn122() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn123 "$@";; esac
}
nvm_fn123() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn124 "$@";; esac
}
nvm_fn124() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn125 "$@";; esac
}
nvm_fn125() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn126 "$@";; esac
}
nvm_fn126() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn127 "$@";; esac
}
nvm_fn127() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn128 "$@";; esac
}
nvm_fn128() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn129 "$@";; esac
}
nvm_fn129() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn130 "$@";; esac
}
nvm_fn130() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn131 "$@";; esac
}
nvm_fn131() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn132 "$@";; esac
}
nvm_fn132() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn133 "$@";; esac
}
nvm_fn133() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn134 "$@";; esac
}
nvm_fn134() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn135 "$@";; esac
}
nvm_fn135() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn136 "$@";; esac
}
nvm_fn136() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn137 "$@";; esac
}
nvm_fn137() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn138 "$@";; esac
}
nvm_fn138() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn139 "$@";; esac
}
nvm_fn139() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn140 "$@";; esac
}
nvm_fn140() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn141 "$@";; esac
}
nvm_fn141() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn142 "$@";; esac
}
nvm_fn142() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn143 "$@";; esac
}
nvm_fn143() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn144 "$@";; esac
}
nvm_fn144() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn145 "$@";; esac
}
nvm_fn145() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn146 "$@";; esac
}
nvm_fn146() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn147 "$@";; esac
}
nvm_fn147() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn148 "$@";; esac
}
nvm_fn148() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn149 "$@";; esac
}
nvm_fn149() {
  local x="$1"
  if [ -n "$x" ]; then echo "$x" | grep -q foo && command -v node >/dev/null; fi
  case "$x" in a) return 0;; b) nvm_fn0 "$@";; esac
}
