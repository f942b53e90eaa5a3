#!/usr/bin/env bash
# HTTP load on a seeded data set: starts the Release server on 127.0.0.1 (a free port), waits until it answers and
# its search index holds the data, warms up, then runs wrk against a bare endpoint (/healthz/live: same pipeline, no
# work), the public pages (home, search, organization, opportunity, municipality, API search), about 10,000 different
# searches drawn at random (many-searches.lua: what the cache of recent results rarely answers) and, when the data has
# participation, the journey pages (the funnel of the organization with the most people, signed in as the demo
# organization admin who founded every seeded organization, and its and 千葉市's indicators), and prints each page's
# figures with its ratio to the bare endpoint of the same run, then the server's peak memory.
#
#   bench/http/run.sh DATA_DIR [--postgres CONNECTION_STRING] [--connections 32] [--threads 2] [--duration 20s]
#                     [--warm-up 10s] [--only REGEX] [--no-build]
#
# --only keeps the pages whose names match the (extended) regular expression, with the bare endpoint always first.
# DATA_DIR is a data directory seeded beforehand, for example:
#   dotnet run --project src/Tsunagari.Web -c Release -- seed --scale prefecture --organizations 50000 \
#     --opportunities 200000 --Tsunagari:DataDirectory=/tmp/scale-data
# With --postgres, the database comes from the connection string and DATA_DIR holds only the search index.
set -euo pipefail

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

[[ $# -ge 1 && $1 != -* ]] || usage
data=$(realpath "$1"); shift
postgres="" connections=32 threads=2 duration=20s warmup=10s only="" build=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --postgres) postgres=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warm-up) warmup=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) usage ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
[[ -d $data ]] || { echo "no data directory $data" >&2; exit 1; }

root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/src/Tsunagari.Web/bin/Release/net10.0
if [[ $build == 1 ]]; then dotnet build "$root/src/Tsunagari.Web" -c Release -v quiet -nologo >/dev/null; fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
log=$(mktemp /tmp/tsunagari-bench-XXXXXX.log)
settings=(--urls "$base" "--Tsunagari:DataDirectory=$data" --Tsunagari:Demo=false "--Logging:LogLevel:Default=Warning")
if [[ -n $postgres ]]; then settings+=(--Database:Provider=Postgres "--ConnectionStrings:Tsunagari=$postgres"); fi

# The project folder is the content root (appsettings.json, wwwroot), as with dotnet run, but without its launch profile.
ASPNETCORE_ENVIRONMENT=Production dotnet "$bin/Tsunagari.Web.dll" --contentRoot "$root/src/Tsunagari.Web" "${settings[@]}" >"$log" 2>&1 &
server=$!
stop() { kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; }
trap stop EXIT

echo "server pid $server on $base (log $log)"
for _ in $(seq 1 300); do
  curl -fs "$base/healthz/live" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "server exited:" >&2; tail -20 "$log" >&2; exit 1; }
  sleep 1
done
curl -fs "$base/healthz" >/dev/null || { echo "server not healthy" >&2; tail -20 "$log" >&2; exit 1; }

# The index is caught up when the API's total stops moving (the first search may rebuild a missing index).
previous=-1
for _ in $(seq 1 600); do
  total=$(curl -fs --max-time 600 "$base/api/v1/opportunities?pageSize=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
  [[ $total -gt 0 && $total == "$previous" ]] && break
  previous=$total
  sleep 2
done
echo "search index ready: $total published opportunities"

# One organization and one of its opportunities, as a resident would open them from the results.
first_id() { curl -fs "$base$1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])'; }
opportunity=$(first_id "/api/v1/opportunities?pageSize=1&sort=date")
organization=$(first_id "/api/v1/organizations?pageSize=1")

targets=(
  "bare|/healthz/live"
  "home|/"
  "search 環境|/search?q=%E7%92%B0%E5%A2%83"
  "search 千葉 子育て|/search?q=%E5%8D%83%E8%91%89%20%E5%AD%90%E8%82%B2%E3%81%A6"
  "search 千葉市 weekend|/search?municipality=121002&when=weekend"
  "organization|/organizations/$organization"
  "opportunity|/opportunities/$opportunity"
  "municipality 千葉市|/regions/121002"
  "api 環境|/api/v1/opportunities?q=%E7%92%B0%E5%A2%83"
  "api 福祉|/api/v1/opportunities?q=%E7%A6%8F%E7%A5%89"
  "many searches|/search|many"
  "dashboard prefecture|/insights/regions"
  "dashboard 千葉市|/insights/regions/121002"
  "dashboard compare|/insights/regions/compare?codes=121002,122033,122173,122041"
  "map participants|/insights/map"
)

# The organization with the most people on a journey, straight from the database (no page lists it).
busiest_sql='SELECT "OrganizationId" FROM "Journeys" GROUP BY "OrganizationId" ORDER BY COUNT(*) DESC LIMIT 1'
codes_sql='SELECT DISTINCT "MunicipalityCode" FROM "Opportunities" ORDER BY 1'
grouping_sql='SELECT "Id" FROM "RegionalGroupings" ORDER BY "SortOrder" LIMIT 1'
if [[ -n $postgres ]]; then
  # Npgsql's "Key=Value;…" as libpq's "key=value …".
  libpq=$(python3 -c 'import sys
keys = {"host": "host", "port": "port", "username": "user", "password": "password", "database": "dbname"}
pairs = [p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p]
print(" ".join(f"{keys[k.strip().lower()]}={v.strip()}" for k, v in pairs if k.strip().lower() in keys))' "$postgres")
  busiest=$(psql "$libpq" -Atc "$busiest_sql")
  mapfile -t codes < <(psql "$libpq" -Atc "$codes_sql")
  grouping=$(psql "$libpq" -Atc "$grouping_sql")
else
  busiest=$(sqlite3 "$data/tsunagari.db" "$busiest_sql")
  mapfile -t codes < <(sqlite3 "$data/tsunagari.db" "$codes_sql")
  grouping=$(sqlite3 "$data/tsunagari.db" "$grouping_sql")
fi
if [[ -n $grouping ]]; then targets+=("dashboard grouping|/insights/regions/groupings/${grouping,,}"); fi
cookie=""
if [[ -n $busiest ]]; then
  jar=$(mktemp)
  token=$(curl -fs -c "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.Email=orgadmin@example.jp" --data-urlencode "Input.Password=tsunagari-demo" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/login"
  # Every cookie of the jar (HttpOnly ones start with #HttpOnly_; comments with "# ").
  cookie=$(awk -F'\t' 'NF == 7 && $1 !~ /^# / { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
  rm -f "$jar"
  targets+=(
    "funnel (signed in)|/organizations/$busiest/journey|auth"
    "org indicators|/organizations/$busiest/indicators"
    "千葉市 indicators|/regions/121002/indicators"
  )
fi

if [[ -n $only ]]; then
  kept=("${targets[0]}")
  for target in "${targets[@]:1}"; do [[ ${target%%|*} =~ $only ]] && kept+=("$target"); done
  targets=("${kept[@]}")
fi

# The pages marked auth are requested with the organization admin's cookie; "many" takes its paths from the script.
headers() { if [[ $1 == *"|auth" ]]; then printf '%s\n' -H "Cookie: $cookie"; fi; }
path_of() { local rest=${1#*|}; rest=${rest%|auth}; echo "${rest%|many}"; }
script_of() { if [[ $1 == *"|many" ]]; then printf '%s\n' -s "$root/bench/http/many-searches.lua"; fi; }
args_of() { if [[ $1 == *"|many" ]]; then printf '%s\n' -- "${codes[@]}"; fi; }

for target in "${targets[@]}"; do
  path=$(path_of "$target")
  mapfile -t extra < <(headers "$target")
  mapfile -t script < <(script_of "$target")
  mapfile -t after < <(args_of "$target")
  status=$(curl -s -o /dev/null -w '%{http_code}' "${extra[@]}" "$base$path")
  [[ $status == 200 ]] || { echo "$path answers $status, not 200" >&2; exit 1; }
  # Warm at the full load for long enough that .NET's tiered compilation reaches its optimized code (under load the
  # background compiler shares the two cores, and a shorter warm-up measured the JIT: up to twice slower).
  wrk -t"$threads" -c"$connections" -d"$warmup" "${extra[@]}" "${script[@]}" "$base$path" "${after[@]}" >/dev/null
done

# wrk's --latency output → requests/s, p50 and p99 in ms, non-2xx/3xx responses and socket errors.
parse() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
    END { printf "%s %s %s %d %d\n", rps, p50, p99, non2xx, errors }'
}

printf '\n%s connections, %s threads, %s each; %s\n' "$connections" "$threads" "$duration" "$([[ -n $postgres ]] && echo PostgreSQL || echo SQLite)"
printf '%-22s %10s %9s %9s %8s %7s %9s\n' page requests/s p50_ms p99_ms non2xx errors vs_bare
bare=""
for target in "${targets[@]}"; do
  name=${target%%|*} path=$(path_of "$target")
  mapfile -t extra < <(headers "$target")
  mapfile -t script < <(script_of "$target")
  mapfile -t after < <(args_of "$target")
  read -r rps p50 p99 non2xx errors < <(wrk -t"$threads" -c"$connections" -d"$duration" --latency "${extra[@]}" "${script[@]}" "$base$path" "${after[@]}" | parse)
  bare=${bare:-$rps}
  ratio=$(awk -v a="$rps" -v b="$bare" 'BEGIN { printf "%.1f%%", 100 * a / b }')
  printf '%-22s %10.0f %9.2f %9.2f %8d %7d %9s\n' "$name" "$rps" "$p50" "$p99" "$non2xx" "$errors" "$ratio"
done
echo "peak memory of the server: $(awk '/VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$server/status")"
grep -E '^(fail|crit)' "$log" >&2 || true
