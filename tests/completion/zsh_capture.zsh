#!/bin/zsh -f
# zsh_capture.zsh COMPDIR OUTFILE LINE: type LINE into an interactive zsh
# (in a pseudo-terminal) whose fpath has COMPDIR first, ask for completion,
# and append every candidate compadd receives to OUTFILE, then __DONE__.
# compadd is wrapped (calls that only compute arrays, -O/-A/-D, pass
# through); the key that completes also writes __DONE__, so we wait for the
# completion to finish instead of sleeping (zle skips completion when more
# input is already waiting).
zmodload zsh/zpty
local compdir=$1 out=$2 line=$3
zpty z zsh -f -i
zpty -w z "PROMPT='>' ; RPROMPT="
zpty -w z "fpath=($compdir \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z 'compadd () {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  typeset -a __hits; builtin compadd -A __hits "$@"; local r=$?
  print -rl -- $__hits >> '"$out"'
  return r
}'
zpty -w z '_cap_done() { zle complete-word; print -r -- __DONE__ >> '"$out"' }; zle -N _cap_done; bindkey "^T" _cap_done'
zpty -w -n z "$line"$'\C-t'
local i
for ((i = 0; i < 200; i++)); do
  [[ -f $out ]] && grep -q __DONE__ $out && break
  sleep 0.05
done
zpty -d z
