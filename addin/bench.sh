#!/bin/sh
# Times 1,000,000 GX.DELTA calls through the registered XLL stub (XLOPER12 in, XLOPER12 out) in the
# Linux test host, against the same Black-Scholes-Merton delta written in C inside the host, on one
# thread and on two, plus TEST.ADD (the bridge alone). Each case warms up for 2 s, then reports the
# median of 5 rounds: ns per call, the ratio to C, two-thread wall-time scaling, and thread CPU time
# per call on two threads against one (1.00 = no contention; unlike wall time it holds on a busy
# machine). Asserts nothing. The runtime is the JDK of `javac` on the PATH, or GAMMAXL_JDK: Java 22+
# crosses by the foreign-function upcall, Java 17-21 by JNI. Build first:
#   mvn -B -q -pl addin -am package -DskipTests && addin/bench.sh [calls]
#   GAMMAXL_JDK=/usr/lib/jvm/temurin-25-jdk-amd64 addin/bench.sh
# Under Wine, the same calls through gammaxl64.xll in the mingw host on a 64-bit Windows Java (default: the
# Temurin 17 runtime scripts/install-deps unpacks; Java 17 crosses by JNI):
#   addin/bench.sh --wine [calls]         (GAMMAXL_WINDOWS_RUNTIME=<Java home> for another one)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
native="$here/target/native"
wine=0
if [ "${1:-}" = "--wine" ]; then wine=1; shift; fi
n=${1:-1000000}
dir="$here/target/bench-host"
rm -rf "$dir" && mkdir -p "$dir"
cp "$native/gammaxl.meta" "$dir/"
if [ $wine = 1 ]; then
  # a path, or a ':'-separated list of them, as the Windows side sees it (Wine's Z: drive), ';'-separated
  win() { printf '%s\n' "$1" | tr ':' '\n' | sed 's|^|Z:|' | tr '/' '\\' | paste -sd ';'; }
  jdk=$(win "${GAMMAXL_WINDOWS_RUNTIME:-$HOME/.cache/gammaxl/jre-win32-x64-1.1.8/jre}")
  cp "$native/win/gammaxl64.xll" "$native/win/gxhost.exe" "$dir/"
  export WINEPREFIX="$here/target/wine-prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  unset DISPLAY JAVA_HOME
  [ -f "$WINEPREFIX/system.reg" ] || wineboot -i >/dev/null 2>&1
  host() { wine "$dir/gxhost.exe" "$(win "$dir/gammaxl64.xll")" "$@"; }
  classes=$(win "$here/target/classes"); test_classes=$(win "$here/target/test-classes")
  cp_deps=$(win "$(cat "$native/runtime.classpath")")
else
  cp "$native/linux/libgammaxl.so" "$dir/"
  host() { "$native/linux/gxhost" "$dir/libgammaxl.so" "$@"; }
  jdk=${GAMMAXL_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
  classes="$here/target/classes"; test_classes="$here/target/test-classes"
  cp_deps=$(tr ':' ';' < "$native/runtime.classpath")
fi
printf 'runtime = %s\nclasspath = %s;%s\noption = -Xmx256m\n' "$jdk" "$classes" "$cp_deps" > "$dir/gammaxl.cfg"
# GX.DELTA(type, spot, strike, years, vol, rate, yield, model, div_times, div_amounts): call, 100, 105, 0.5y, 25%,
# 3%, 1%, BSM, no dividends (Excel passes all ten arguments, the two ranges as missing)
# C formula arguments: S K T r q vol call
echo "== numeric fast path (type given as 1)"
host bench GX.DELTA "$n" 100 105 0.5 0.03 0.01 0.25 1 -- \
  n:1 n:100 n:105 n:0.5 n:0.25 n:0.03 n:0.01 m m m
echo "== numeric fast path, type given as \"C\" (read through the shim's per-thread text cache)"
host bench GX.DELTA "$n" 100 105 0.5 0.03 0.01 0.25 1 -- \
  s:C n:100 n:105 n:0.5 n:0.25 n:0.03 n:0.01 m m m
echo "== numeric fast path, type \"C\" and model \"BSM\" as text"
host bench GX.DELTA "$n" 100 105 0.5 0.03 0.01 0.25 1 -- \
  s:C n:100 n:105 n:0.5 n:0.25 n:0.03 n:0.01 s:BSM m m
# The general path: the same call with the type as "C" followed by 40 spaces. The catalogue ignores the
# spaces (same keyword, same value); the text is longer than the cache's 32-unit key, so the shim boxes the
# arguments into an Object[] and calls XllBridge.call, as it did for every text argument before the cache.
echo "== general path (type given as \"C\" + 40 spaces: too long for the text cache)"
host bench GX.DELTA "$n" 100 105 0.5 0.03 0.01 0.25 1 -- \
  "s:C                                        " n:100 n:105 n:0.5 n:0.25 n:0.03 n:0.01 m m m
# The bridge alone: TEST.ADD(1, 2) of the test functions (a trivial Java body on the numeric fast
# path), so the cost of the crossing itself shows apart from the delta's arithmetic. Its "C" column is
# the delta formula again, so only its ns per call through the stub is of interest.
echo "== bridge alone: TEST.ADD(1, 2), trivial Java body, numeric fast path"
cp "$native/testfunctions.meta" "$dir/gammaxl.meta"
printf 'runtime = %s\nclasspath = %s;%s;%s\noption = -Xmx256m\noption = -Dgammaxl.xll.functions=org.gammaxl.xll.TestFunctions\n' \
  "$jdk" "$classes" "$test_classes" "$cp_deps" > "$dir/gammaxl.cfg"
host bench TEST.ADD "$n" 100 105 0.5 0.03 0.01 0.25 1 -- n:1 n:2
