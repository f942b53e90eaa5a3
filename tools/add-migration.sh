#!/usr/bin/env bash
# Adds (or, with --replace, regenerates the newest) migration for both providers: tools/add-migration.sh NAME [--replace]
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
    project=src/Tsunagari.Migrations.$provider
    if [ "${2:-}" = "--replace" ]; then
        dotnet ef migrations remove --force --project "$project" --startup-project "$project"
    fi
    dotnet ef migrations add "$name" --project "$project" --startup-project "$project"
done
