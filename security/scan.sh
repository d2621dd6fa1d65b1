#!/usr/bin/env bash
# Scans a local Haven with sqlmap and wapiti (the Debian packages `sqlmap` and `wapiti`; this
# script installs nothing). It starts a Haven with demo data on a fresh data dir, signs in as the
# demo client (and the demo operator, for the console's searches), runs both scanners with bounded
# time, and writes a summary. Record what it finds in security/FINDINGS.md.
#
#   npm run security:scan                     # everything, about 15 minutes
#   HAVEN_SCAN_MINUTES=3 npm run security:scan  # a quicker pass (per scanner run)
#
# The rate limits are raised for the scan: with them, nearly every probe would get a 429, and the
# scan would measure the limits rather than the code behind them.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
for tool in sqlmap wapiti curl node; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "security/scan.sh needs $tool. On Debian 12: apt-get install -y sqlmap wapiti curl" >&2
    exit 2
  fi
done

port="${HAVEN_SCAN_PORT:-3917}"
minutes="${HAVEN_SCAN_MINUTES:-6}"
base="http://127.0.0.1:${port}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="${HAVEN_SCAN_OUT:-${TMPDIR:-/tmp}/haven-scan-${stamp}}"
data="$(mktemp -d "${TMPDIR:-/tmp}/haven-scan-data-XXXXXX")"
mkdir -p "$out/sqlmap"

server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

cd "$root"
[ -f apps/web/dist/index.html ] || npm run build --silent >"$out/build.log" 2>&1

echo "Starting Haven with demo data on ${base} (data in ${data})…"
unlimited=1000000
HAVEN_ENV=development HAVEN_DEMO=on HAVEN_DATA_DIR="$data" PORT="$port" HAVEN_PUBLIC_URL="$base" LOG_LEVEL=warn \
  RATE_LIMIT_AUTH_PER_MINUTE=$unlimited RATE_LIMIT_MESSAGES_PER_MINUTE=$unlimited RATE_LIMIT_UPLOADS_PER_MINUTE=$unlimited \
  RATE_LIMIT_INVITES_PER_MINUTE=$unlimited RATE_LIMIT_SIGN_IN_SESSIONS_PER_MINUTE=$unlimited \
  RATE_LIMIT_LIVE_CONNECTIONS_PER_MINUTE=$unlimited \
  node --import tsx apps/server/src/main.ts start >"$out/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do
  curl -fsS "$base/api/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "Haven did not start; see $out/server.log" >&2; exit 1; }
  sleep 1
done
curl -fsS "$base/api/health" >/dev/null

sign_in() { # role → the haven_session cookie of that demo account
  local body
  body="$(node -e '
    const accounts = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const a = accounts.find((x) => x.role === process.argv[2]);
    process.stdout.write(JSON.stringify({ email: a.email, password: a.password }));' "$data/demo-accounts.json" "$1")"
  curl -fsS -o /dev/null -D - -H 'content-type: application/json' -d "$body" "$base/api/auth/sign-in" |
    sed -n 's/^[Ss]et-[Cc]ookie: \(haven_session=[^;]*\).*/\1/p' | head -1
}
client_cookie="$(sign_in client)"
admin_cookie="$(sign_in admin)"
[ -n "$client_cookie" ] && [ -n "$admin_cookie" ] || { echo "Could not sign in as the demo accounts" >&2; exit 1; }
echo "Signed in as the demo client and the demo operator."

some_id="$(node -e 'console.log(require("crypto").randomUUID())')"
week_from="$(date -u -d '+1 day' +%Y-%m-%dT00:00:00Z)"
week_to="$(date -u -d '+8 days' +%Y-%m-%dT00:00:00Z)"

# sqlmap: every free-text and search input of the API, as the person who may use it. `*` marks
# where a path is injected; JSON bodies are injected field by field.
sqlmap_run() { # name cookie method url [json-body]
  local name="$1" cookie="$2" method="$3" url="$4" body="${5:-}"
  local args=(-u "$url" --method "$method" --batch --flush-session --dbms=PostgreSQL --level=3 --risk=2
    --technique=BEUST --time-sec=2 --threads=2 --timeout=10 --retries=1 --random-agent
    --ignore-code=400,401,403,404,409,410,415,422 --output-dir="$out/sqlmap/$name"
    -H "origin: $base")
  [ -n "$cookie" ] && args+=(--cookie "$cookie")
  [ -n "$body" ] && args+=(--data "$body" -H 'content-type: application/json')
  echo "sqlmap: $name"
  timeout "$((minutes * 60))" sqlmap "${args[@]}" >"$out/sqlmap/$name.log" 2>&1 || true
}
sqlmap_run sign-in "" POST "$base/api/auth/sign-in" '{"email":"client@demo.haven.test","password":"wrong password here"}'
sqlmap_run password-reset "" POST "$base/api/auth/password-reset" '{"email":"client@demo.haven.test"}'
sqlmap_run account-details "$client_cookie" PUT "$base/api/account/details" '{"preferredName":"Alex","timeZone":"America/Chicago"}'
sqlmap_run request-provider "$client_cookie" POST "$base/api/care/request-provider" '{"name":"Rivera"}'
sqlmap_run session-options "$client_cookie" GET "$base/api/sessions/options?from=${week_from}&to=${week_to}&length=50"
sqlmap_run room-messages "$client_cookie" GET "$base/api/rooms/${some_id}*/messages?before=10&after=1&limit=20"
sqlmap_run admin-clients "$admin_cookie" GET "$base/api/admin/clients?q=Alex"
sqlmap_run admin-providers "$admin_cookie" GET "$base/api/admin/providers?q=Rivera&state=TX&language=en&status=active&page=1"
sqlmap_run admin-audit "$admin_cookie" GET "$base/api/admin/audit?actor=Operations&action=room.read&outcome=allowed&from=2020-01-01T00:00:00Z"

# wapiti: the web app and the API's GET routes, crawled and attacked with its default modules.
# (No -x: wapiti 3.0.4's exclusion patterns fail on Python 3.11. Signing out is a POST, never crawled.)
echo "wapiti: ${base}"
timeout "$((minutes * 60 + 60))" wapiti -u "$base/" --scope folder --flush-session -d 3 --max-links-per-page 50 \
  --max-scan-time "$((minutes * 60))" --max-attack-time 60 -H "Cookie: $client_cookie" \
  -s "$base/api/me" -s "$base/api/care" -s "$base/api/coverage/options" -s "$base/api/rooms" \
  -s "$base/api/sessions/options?from=${week_from}&to=${week_to}" -s "$base/api/rooms/${some_id}/messages?limit=5" \
  -f json -o "$out/wapiti.json" >"$out/wapiti.log" 2>&1 || true

# The summary: what each scanner reported, by severity.
{
  echo "# Haven scan ${stamp}"
  echo
  echo "- sqlmap $(sqlmap --version 2>/dev/null | head -1), wapiti $(wapiti --version 2>/dev/null | tail -1 | sed 's/^Wapiti //')"
  echo "- target: ${base} (demo data), ${minutes} min per scanner run"
  echo
  echo "## sqlmap"
  for log in "$out"/sqlmap/*.log; do
    name="$(basename "$log" .log)"
    if grep -qiE "is vulnerable|appears to be injectable|sqlmap identified the following injection" "$log"; then
      echo "- ${name}: **INJECTABLE** — see ${log}"
    elif grep -qiE "all tested parameters do not appear to be injectable|does not seem to be injectable" "$log"; then
      echo "- ${name}: not injectable"
    else
      echo "- ${name}: inconclusive ($(grep -iE 'critical|error' "$log" | tail -1 | cut -c1-160))"
    fi
  done
  echo
  echo "## wapiti"
  if [ -f "$out/wapiti.json" ]; then
    node -e '
      const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const levels = { 1: "low", 2: "medium", 3: "high", 4: "critical" };
      for (const section of ["vulnerabilities", "anomalies", "additionals"]) {
        const found = Object.entries(report[section] ?? {}).filter(([, list]) => list.length);
        console.log(`- ${section}: ${found.length ? "" : "none"}`);
        for (const [category, list] of found)
          for (const item of list)
            console.log(`  - [${levels[item.level] ?? item.level}] ${category}: ${item.method} ${item.path} ${item.parameter ?? ""} — ${String(item.info).slice(0, 160)}`);
      }
    ' "$out/wapiti.json"
    grep -E "Wapiti found [0-9]+ URLs" "$out/wapiti.log" | sed 's/^\[\*\] /- /' || true
  else
    echo "- no report: see $out/wapiti.log"
  fi
  echo
  echo "Logs and reports: ${out}"
} | tee "$out/summary.md"
