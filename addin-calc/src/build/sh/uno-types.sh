#!/usr/bin/env bash
# Compiles the generated IDL into the extension's type library and the Java interface classes,
# with the LibreOffice SDK tools (Debian: libreoffice-dev). They need absolute paths.
# Usage: uno-types.sh UNO_DIR CLASSES_DIR [LO_PROGRAM_DIR] [LO_SDK_DIR]
set -euo pipefail
uno=$(cd "$1" && pwd); classes=$(mkdir -p "$2" && cd "$2" && pwd)
program=${3:-/usr/lib/libreoffice/program}; sdk=${4:-/usr/lib/libreoffice/sdk}
for tool in "$sdk/bin/unoidl-write" "$sdk/bin/javamaker"; do
  [ -x "$tool" ] || { echo "uno-types: $tool not found: install the LibreOffice SDK (scripts/install-deps installs libreoffice-dev)" >&2; exit 1; }
done
types=("$program/types.rdb" "$program/types/offapi.rdb")
for t in "${types[@]}"; do [ -f "$t" ] || { echo "uno-types: $t not found (LibreOffice not installed?)" >&2; exit 1; }; done
"$sdk/bin/unoidl-write" "${types[@]}" "$sdk/idl" "$uno/gammaxl.idl" "$uno/oxt/gammaxl.rdb"
"$sdk/bin/javamaker" -nD -O "$classes" -Torg.gammaxl.calc.generated.* "$uno/oxt/gammaxl.rdb" -X"${types[0]}" -X"${types[1]}"
echo "uno-types: $(wc -l < "$uno/interfaces.txt") interfaces into $classes"
