#!/usr/bin/env bash
# Assembles the installer payload from the other modules' build outputs and runs makensis.
# Usage: build-installer.sh REPO_ROOT OUT_DIR VERSION
# The payload:
#   gammaxl64.xll, gammaxl.meta, gammaxl.cfg, lib/     <- addin/target/xll/ (the add-in folder)
#   templates/*.xltx, examples/*-example.xlsx          <- written by the workbooks module's command-line tool
#   docs/functions.md                                  <- docs/functions.md
#   jre/ (optional bundled 64-bit Java runtime)        <- $GAMMAXL_RUNTIME if set: a 64-bit Windows Java 17+ holding
#                                                         the modules addin/runtime-modules lists (scripts/make-runtime)
set -euo pipefail
root=$(cd "$1" && pwd); out=$2; version=${3%%-*}
dist="$root/addin/target/xll"
if [ ! -f "$dist/gammaxl64.xll" ]; then
  echo "build-installer: $dist/gammaxl64.xll is missing: build the addin module first" >&2
  exit 1
fi
command -v makensis >/dev/null || { echo "build-installer: makensis not found (scripts/install-deps installs nsis)" >&2; exit 1; }
payload="$out/payload"
rm -rf "$payload"; mkdir -p "$payload/docs" "$payload/templates"
cp -r "$dist/." "$payload/"
cp "$root/docs/functions.md" "$payload/docs/"
cli=$(ls "$root"/workbooks/target/gammaxl-workbooks-*-cli.jar 2>/dev/null | head -n 1)
[ -n "$cli" ] || { echo "build-installer: the workbooks command-line jar is missing: build the workbooks module first" >&2; exit 1; }
java -jar "$cli" templates -o "$out/templates" >/dev/null
cp "$out/templates/"*.xltx "$payload/templates/"
mkdir -p "$payload/examples" && cp "$out/templates/"*-example.xlsx "$payload/examples/"
if [ -n "${GAMMAXL_RUNTIME:-}" ]; then
  [ -f "$GAMMAXL_RUNTIME/bin/server/jvm.dll" ] || { echo "build-installer: GAMMAXL_RUNTIME=$GAMMAXL_RUNTIME has no bin/server/jvm.dll (a 64-bit Windows Java runtime is needed)" >&2; exit 1; }
  for m in $(grep -v '^#' "$root/addin/runtime-modules"); do
    grep -q "^MODULES=.*\b$m\b" "$GAMMAXL_RUNTIME/release" 2>/dev/null \
      || { echo "build-installer: GAMMAXL_RUNTIME=$GAMMAXL_RUNTIME lacks the module $m (addin/runtime-modules; scripts/make-runtime makes one)" >&2; exit 1; }
  done
  cp -r "$GAMMAXL_RUNTIME" "$payload/jre"
fi
# GAMMAXL_NSIS_COMPRESSOR=zlib: faster, larger (the tests' build with a bundled runtime); default: solid LZMA
compressor=()
[ -z "${GAMMAXL_NSIS_COMPRESSOR:-}" ] || compressor=(-DCOMPRESSOR="$GAMMAXL_NSIS_COMPRESSOR")
makensis -V2 "${compressor[@]}" -DPAYLOAD="$payload" -DOUTFILE="$out/gammaxl-setup.exe" -DVERSION="$version" \
  "$root/installer/src/main/nsis/gammaxl.nsi"
echo "build-installer: $out/gammaxl-setup.exe"
