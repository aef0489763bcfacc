#!/usr/bin/env bash
# Starts the JVM inside a Windows process under Wine and makes one call: the mingw test host (which exports
# MdCallBack12 as Excel does) loads gammaxl64.xll with gammaxl.cfg naming a 64-bit Windows Java, waits for the JVM
# and calls GX.DELTA once. Builds nothing: run after `mvn -B -q -pl addin -am package -DskipTests`. Prints
#   GX.DELTA("C",100,105,0.5,0.25,0.03,0.01) = <the value, 17 significant digits>
# and exits 0; on any failure it prints the host's output and the add-in's log, and exits 1.
#   addin/wine-jvm-smoke.sh [JAVA_HOME of a Windows Java]   (default: the runtime scripts/install-deps unpacks)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
native="$here/target/native"
runtime=${1:-${GAMMAXL_WINDOWS_RUNTIME:-$HOME/.cache/gammaxl/jre-win32-x64-1.1.8/jre}}
win() { printf '%s\n' "$1" | tr ':' '\n' | sed 's|^|Z:|' | tr '/' '\\' | paste -sd ';'; }
for f in "$native/win/gammaxl64.xll" "$native/win/gxhost.exe" "$native/gammaxl.meta" "$here/target/xll/lib/gammaxl.jar"; do
  [ -f "$f" ] || { echo "wine-jvm-smoke: $f is missing: build first (mvn -B -q -pl addin -am package -DskipTests)" >&2; exit 1; }
done
[ -f "$runtime/bin/server/jvm.dll" ] || { echo "wine-jvm-smoke: no bin/server/jvm.dll in $runtime (scripts/install-deps fetches one)" >&2; exit 1; }
dir="$here/target/wine-smoke"
rm -rf "$dir" && mkdir -p "$dir"
cp "$native/win/gammaxl64.xll" "$native/win/gxhost.exe" "$native/gammaxl.meta" "$dir/"
printf 'runtime = %s\nclasspath = %s\n' "$(win "$runtime")" "$(win "$here/target/xll/lib/gammaxl.jar")" > "$dir/gammaxl.cfg"
printf 'CALL\tGX.DELTA\t10\ts:C\tn:100\tn:105\tn:0.5\tn:0.25\tn:0.03\tn:0.01\tm\tm\tm\n' > "$dir/calls.txt"
export WINEPREFIX="$here/target/wine-prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY JAVA_HOME
[ -f "$WINEPREFIX/system.reg" ] || wineboot -i >/dev/null 2>&1
out=$(cd "$dir" && wine "$dir/gxhost.exe" "$(win "$dir/gammaxl64.xll")" calls "$(win "$dir/calls.txt")" 60 2>&1) || true
value=$(printf '%s\n' "$out" | tr -d '\r' | awk -F'\t' '$1 == "RES" && $2 == "0" && $3 ~ /^n:/ { print substr($3, 3) }')
if [ -z "$value" ]; then
  printf 'wine-jvm-smoke: no number from GX.DELTA\n%s\n--- gammaxl.log\n' "$out" >&2
  cat "$dir/gammaxl.log" >&2 2>/dev/null || true
  exit 1
fi
printf 'GX.DELTA("C",100,105,0.5,0.25,0.03,0.01) = %#.17g\n' "$value"
