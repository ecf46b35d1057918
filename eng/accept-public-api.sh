#!/usr/bin/env bash
# Accepts the public API changes a build reports (RS0016 added, RS0017 removed) into a project's
# PublicAPI.Unshipped.txt: run it after a deliberate API change, then read the diff before committing.
#   eng/accept-public-api.sh src/Sessions.Runtime
set -euo pipefail
project_dir="${1:?usage: eng/accept-public-api.sh <project folder>}"
file="$project_dir/PublicAPI.Unshipped.txt"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet build "$project_dir" -c Release -p:UseSharedCompilation=false >"$log" 2>&1 || true
python3 - "$file" "$log" <<'PY'
import os, re, sys
path, log = sys.argv[1], sys.argv[2]
lines = [l.rstrip("\n") for l in open(path, encoding="utf-8")]
header = [l for l in lines if l.startswith("#")]
body = set(l for l in lines if l and not l.startswith("#"))
project = os.path.basename(os.path.dirname(os.path.abspath(path))) + ".csproj"
# A build also builds the project's references: keep only the lines this project reported (they end with [.../X.csproj]).
text = "\n".join(l for l in open(log, encoding="utf-8", errors="replace") if re.search(re.escape(os.sep + project) + r"(::[^\]]*)?\]\s*$", l))
added = set(re.findall(r"RS0016: Symbol '(.+?)' is not part of the declared public API", text))
removed = set(re.findall(r"RS0017: Symbol '(.+?)' is part of the declared API, but is either not public or could not be found", text))
body = (body | added) - removed
with open(path, "w", encoding="utf-8") as f:
    f.write("\n".join(header + sorted(body, key=lambda s: s.replace("~", ""))) + "\n")
print(f"{path}: +{len(added)} -{len(removed)}")
PY
