#!/usr/bin/env bash
# Runs the whole Reflexes test suite. It sets up what the tests need by itself:
#  - on a Debian-like machine, installs PostgreSQL and Chromium from the distribution if missing;
#  - starts a throwaway PostgreSQL on 127.0.0.1 (a fresh cluster in a temporary folder) and stops it at the end;
#  - checks code style with `dotnet format --verify-no-changes`;
#  - runs `dotnet test` on the solution and prints a summary with the PostgreSQL and browser test counts.
# Elsewhere it runs what it can: PostgreSQL and browser tests are then reported as skipped.
# With CI=true (as in .ci/run) those tests are required: a skip is a failure.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '\n== %s\n' "$*"; }
REQUIRE_ALL=0
if [ "${CI:-}" = "true" ]; then REQUIRE_ALL=1; fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"; else return 1; fi; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# 1. What the tests need from the system.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "$(pg_bin)" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null && as_root true; then
    say "Installing ${missing[*]} from the distribution's packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "Cannot install ${missing[*]} here (no apt-get or no root): those tests will be skipped"
  fi
fi

# 2. A throwaway PostgreSQL on 127.0.0.1.
PGTMP=""
stop_postgres() {
  if [ -n "$PGTMP" ] && [ -d "$PGTMP/data" ]; then
    run_pg "$(pg_bin)/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGTMP"
  fi
}
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
trap stop_postgres EXIT
unset REFLEXES_TEST_POSTGRES || true
if [ -n "$(pg_bin)" ]; then
  PGTMP=$(mktemp -d /tmp/reflexes-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$PGTMP"
  PGPORT=$(( 20000 + RANDOM % 20000 ))
  say "Starting a throwaway PostgreSQL on 127.0.0.1:$PGPORT"
  run_pg "$(pg_bin)/initdb" -D "$PGTMP/data" -U reflexes -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  run_pg "$(pg_bin)/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGTMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
  export REFLEXES_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=reflexes;Database=postgres;Pooling=true"
fi
if [ -x /usr/bin/chromium ]; then export REFLEXES_TEST_CHROMIUM=/usr/bin/chromium; fi
export REFLEXES_TEST_REQUIRE_ALL=$REQUIRE_ALL

# 3. Code style, then the tests.
status=0
say "Checking code style (dotnet format --verify-no-changes)"
if ! dotnet format Reflexes.slnx --verify-no-changes; then
  echo "Code style: run 'dotnet format Reflexes.slnx' and commit the result."; status=1
fi
say "Running the tests"
rm -rf TestResults
dotnet test Reflexes.slnx --configuration Release --logger "trx" --results-directory TestResults "$@" || status=$?

# 4. The summary: totals, and how many PostgreSQL and browser tests actually ran.
count() { # $1 = attribute, over every TRX file
  local total=0 n
  for f in TestResults/*.trx; do
    [ -e "$f" ] || continue
    n=$(grep -o "<Counters [^>]*" "$f" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0)
    total=$(( total + ${n:-0} ))
  done
  echo "$total"
}
ran() { # tests whose name matches $1 and that passed
  cat TestResults/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*' | grep -E "$1" | grep -c 'outcome="Passed"' || true
}
total=$(count total); passed=$(count passed); failed=$(count failed); executed=$(count executed)
skipped=$(( total - executed ))
pg=$(ran 'PostgreSql'); browser=$(ran 'testName="Reflexes\.Browser\.Tests')
say "Summary"
echo "PostgreSQL tests passed: $pg"
echo "Browser tests passed: $browser"
if [ "$REQUIRE_ALL" = 1 ]; then
  if [ "$skipped" -gt 0 ]; then echo "CI requires every test to run, but $skipped were skipped."; status=1; fi
  if [ "$pg" -eq 0 ] || [ "$browser" -eq 0 ]; then echo "CI requires PostgreSQL and browser tests to run."; status=1; fi
fi
echo "Total: $passed passed, $failed failed, $skipped skipped"
exit $status
