#!/usr/bin/env bash
# SupportDesk benchmarks: every figure is a ratio against a baseline measured in the same run
# (absolute times vary too much on shared machines). Needs a build (./x build) and curl.
#   tests/bench/run.sh [BUILD_DIR]        -> a Markdown table on stdout
set -euo pipefail
B=$(cd "${1:-build}" && pwd)
SANDBOX=$B/app/sandbox/supportdesk-sandbox
CTL=$B/app/cli/supportctl
N=${BENCH_SESSIONS:-2000}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# The audit trail of the benchmark's changes goes here, not into the user's.
export SUPPORTDESK_AUDIT_LOG=$work/audit.log

now() { date +%s.%N; }
secs() { LC_ALL=C printf '%.2f' "$(echo "$2 - $1" | bc -l)"; }
ratio() { LC_ALL=C printf '%.3f' "$(echo "scale=6; $1 / $2" | bc -l)"; }

# IDs as the sandbox seeds them: every 17th has slashes (percent-encoded for curl's URLs).
for ((i = 0; i < N; i++)); do
    n=$((100001 + i))
    if ((i % 17 == 16)); then echo "ORD/2026/$n"; else echo "ORD-$n"; fi
done >"$work/ids"

start_sandbox() { # $1 latency
    "$SANDBOX" --seed "$N" --quiet --latency "$1" >"$work/url" &
    SANDBOX_PID=$!
    for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.05; done
    URL=$(head -n1 "$work/url")
    sed 's|/|%2F|g' "$work/ids" | sed "s|^|url = \"${URL}support/|; s|\$|\"\noutput = \"/dev/null\"|" >"$work/curl-get"
}
stop_sandbox() { kill "$SANDBOX_PID"; wait "$SANDBOX_PID" 2>/dev/null || true; }

# Runs a command, prints "wall-seconds cpu-seconds" (user + system, from GNU time).
measure() {
    local t0 t1
    t0=$(now)
    /usr/bin/time -o "$work/time" -f "%U %S" "$@" >/dev/null 2>&1 || true
    t1=$(now)
    echo "$(secs "$t0" "$t1") $(awk '{print $1 + $2}' "$work/time")"
}
measure_cmd() { measure bash -c "$1"; }

echo "| benchmark | SupportDesk | baseline | ratio | goal |"
echo "|---|---|---|---|---|"

# 1a. Bulk fetch, latency-bound.
start_sandbox 20
read -r ours_w ours_c < <(measure "$CTL" --server "$URL" --concurrency 6 fetch --from "$work/ids")
read -r curl_w curl_c < <(measure curl -s -Z --parallel-max 6 -K "$work/curl-get")
echo "| fetch $N, sandbox --latency 20 (wall s) | $ours_w | curl -Z 6: $curl_w | $(ratio "$ours_w" "$curl_w") | ≤ 1.05 |"
stop_sandbox

# 1b. Bulk fetch, CPU-bound; is the sandbox the limit?
start_sandbox 0
read -r ours_w ours_c < <(measure "$CTL" --server "$URL" --concurrency 6 fetch --from "$work/ids")
read -r curl_w curl_c < <(measure curl -s -Z --parallel-max 6 -K "$work/curl-get")
read -r c50_w _ < <(measure curl -s -Z --parallel-max 50 -K "$work/curl-get")
read -r qnam_w qnam_c < <(measure "$B/tests/bench/bench_qnam" "$URL" "$work/ids" 6)
echo "| fetch $N, no latency (wall s) | $ours_w | curl -Z 6: $curl_w | $(ratio "$ours_w" "$curl_w") | as close as the design allows |"
echo "| fetch $N, no latency, against a bare QNetworkAccessManager (wall s) | $ours_w | bare QNAM, 6 in flight: $qnam_w | $(ratio "$ours_w" "$qnam_w") | little above 1 |"
echo "| fetch $N, client CPU per request (ms) | $(echo "scale=3; $ours_c * 1000 / $N" | bc -l) | curl: $(echo "scale=3; $curl_c * 1000 / $N" | bc -l); bare QNAM: $(echo "scale=3; $qnam_c * 1000 / $N" | bc -l) | $(ratio "$ours_c" "$curl_c") | |"
echo "| sandbox headroom: curl 50 in flight vs 6 (wall s) | | $c50_w vs $curl_w | $(ratio "$c50_w" "$curl_w") | < 1: the server is not the limit |"

# 2. Bulk reassignment: what the audit trail costs (against a fetch of the same sessions,
#    just before), and against the shell loop a supervisor would write today.
#    Median of three, taken in turns (a shared machine drifts).
for round in 1 2 3; do
    read -r w _ < <(measure "$CTL" --server "$URL" --concurrency 6 fetch --from "$work/ids"); echo "$w" >>"$work/fetch-times"
    read -r w _ < <(measure "$CTL" --server "$URL" --concurrency 6 reassign "agent-bench-$round" --from "$work/ids"); echo "$w" >>"$work/reassign-times"
done
mid() { sort -n "$1" | sed -n 2p; }
fetch_w=$(mid "$work/fetch-times")
ours_w=$(mid "$work/reassign-times")
echo "| reassign $N, audit trail on ($(($(wc -l <"$work/audit.log") / 3)) entries a run), against fetch $N (wall s, median of 3) | $ours_w | fetch: $fetch_w | $(ratio "$ours_w" "$fetch_w") | ≤ 1.3 |"
loop="while read -r id; do curl -s -o /dev/null -X PUT -H 'Content-Type: application/json' \
  -d \"{\\\"agent\\\":{\\\"id\\\":\\\"agent-loop\\\"}}\" \"${URL}support/\${id//\\//%2F}/agent\"; done < $work/ids"
read -r loop_w _ < <(measure_cmd "$loop")
echo "| reassign $N (wall s) | $ours_w | curl -X PUT loop: $loop_w | $(ratio "$ours_w" "$loop_w") | < 1 |"
stop_sandbox

# 3. The session list at 100k and 1M rows (store load, sort, filter per keystroke, memory),
#    against a naive model of five strings per row behind a QSortFilterProxyModel.
for rows in ${BENCH_ROWS:-100000 1000000}; do
    "$B/tests/bench/bench_model" "$rows" >"$work/model" 2>/dev/null || true
    get() { awk -v k="$1" '$1 == k {print $2}' "$work/model"; }
    big=$([ "$rows" = 1000000 ] && echo 1 || echo 0)
    echo "| list $rows: read the workspace store (ms) | $(get load_store_ms) | naive: $(get naive_load_store_ms) | $(ratio "$(get load_store_ms)" "$(get naive_load_store_ms)") | |"
    echo "| list $rows: slowest column sort (ms) | $(get sort_worst_ms) | naive: $(get naive_sort_worst_ms) | $(ratio "$(get sort_worst_ms)" "$(get naive_sort_worst_ms)") | $([ $big = 1 ] && echo '≤ 1500 ms' || echo '≤ 150 ms') |"
    echo "| list $rows: slowest filter keystroke (ms) | $(get filter_keystroke_worst_ms) | naive: $(get naive_filter_keystroke_worst_ms) | $(ratio "$(get filter_keystroke_worst_ms)" "$(get naive_filter_keystroke_worst_ms)") | $([ $big = 1 ] && echo '≤ 300 ms' || echo '≤ 50 ms') |"
    echo "| list $rows: median filter keystroke (ms) | $(get filter_keystroke_median_ms) | naive: $(get naive_filter_keystroke_median_ms) | $(ratio "$(get filter_keystroke_median_ms)" "$(get naive_filter_keystroke_median_ms)") | |"
    echo "| list $rows: peak memory (MB) | $(get peak_rss_mb) | naive: $(get naive_peak_rss_mb) | $(ratio "$(get peak_rss_mb)" "$(get naive_peak_rss_mb)") | $([ $big = 1 ] && echo '< 300 MB' || echo '') |"
done

# 4. Start-up to first paint against a bare QMainWindow, offscreen, median of 5.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
first_paint() { # env... command
    for _ in 1 2 3 4 5; do env QT_QPA_PLATFORM=offscreen "$@" 2>/dev/null | awk '$1 == "first_paint_ms" {print $2}'; done | median
}
home=$work/home
mkdir -p "$home"
bare=$(first_paint "$B/tests/bench/bench_window")
text=$(first_paint "$B/tests/bench/bench_window" text)
empty=$(first_paint HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/cfg" SUPPORTDESK_BENCH_FIRST_PAINT=1 \
        DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent "$B/app/supportdesk")
"$B/tests/bench/bench_model" write "$home/data/SupportDesk/supportdesk/workspaces/local.sqlite" 100000 >/dev/null
big=$(first_paint HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/cfg" SUPPORTDESK_BENCH_FIRST_PAINT=1 \
      DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent "$B/app/supportdesk")
echo "| first paint, empty workspace (ms) | $empty | bare QMainWindow: $bare | $(ratio "$empty" "$bare") | ≤ 3 |"
echo "| first paint, empty workspace (ms) | $empty | QMainWindow with a line edit and a status message: $text | $(ratio "$empty" "$text") | ≤ 2.5 |"
echo "| first paint, 100k sessions (ms) | $big | bare QMainWindow: $bare | $(ratio "$big" "$bare") | ≤ 250 ms |"

# 5. JSON through the typed models against plain nlohmann.
"$B/tests/bench/bench_json" 20000 >"$work/json"
jget() { awk -v k="$1" '$1 == k {print $2}' "$work/json"; }
echo "| JSON parse+serialize 20k sessions (ms) | $(jget json_typed_ms) | nlohmann: $(jget json_plain_ms) | $(jget json_ratio) | ≤ 2 |"

# 6. A session's history (detail pane) against reading the whole audit log.
"$B/tests/bench/bench_audit" 100000 >"$work/audit-bench"
aget() { awk -v k="$1" '$1 == k {print $2}' "$work/audit-bench"; }
echo "| history of one session, 100k-entry audit log: first query, indexing (ms) | $(aget first_query_ms) | read whole log: $(aget read_all_ms) | $(ratio "$(aget first_query_ms)" "$(aget read_all_ms)") | < 0.2 |"
echo "| history of one session, 100k-entry audit log: later query (ms) | $(aget later_query_ms) | read whole log: $(aget read_all_ms) | $(ratio "$(aget later_query_ms)" "$(aget read_all_ms)") | < 0.01 |"

# 7. Balancing (issue 13). In core: the plan for 100k sessions over 200 agents against sorting
#    the same sessions; the Team view's counts for 1M sessions against a naive count, and one
#    change at 10k and at 1M sessions (O(1): the same cost).
"$B/tests/bench/bench_balance" >"$work/balance-bench"
bget() { awk -v k="$1" '$1 == k {print $2}' "$work/balance-bench"; }
echo "| balance plan, 100k sessions over 200 agents, $(bget plan_moves) moves (ms) | $(bget plan_ms) | std::sort of the sessions: $(bget sort_ms) | $(ratio "$(bget plan_ms)" "$(bget sort_ms)") | ≤ 50 ms |"
echo "| balance plan, round robin, same (ms) | $(bget plan_round_robin_ms) | std::sort of the sessions: $(bget sort_ms) | $(ratio "$(bget plan_round_robin_ms)" "$(bget sort_ms)") | ≤ 50 ms |"
echo "| team counts, 1M sessions after load (ms) | $(bget teamload_ms) | QString per row into a QHash: $(bget naive_count_ms) | $(ratio "$(bget teamload_ms)" "$(bget naive_count_ms)") | ≤ 100 ms |"
echo "| team counts, one change at 1M sessions (ns) | $(bget change_ns_1m) | at 10k sessions: $(bget change_ns_10k) | $(ratio "$(bget change_ns_1m)" "$(bget change_ns_10k)") | ≈ 1 (O(1)) |"
#    supportctl balance of N sessions (fetch, plan, reassign every one: 10 new agents each round)
#    against supportctl fetch then supportctl reassign of the same sessions, median of 3 in turns.
start_sandbox 20
rm -f "$work/fr-times" "$work/balance-times"
for round in 1 2 3; do
    read -r w _ < <(measure_cmd "'$CTL' --server '$URL' --concurrency 6 fetch --from '$work/ids' && '$CTL' --server '$URL' --concurrency 6 reassign 'agent-fr-$round' --from '$work/ids'")
    echo "$w" >>"$work/fr-times"
    agents=$(seq -s, -f "agent-bal-$round-%g" 0 9)
    read -r w _ < <(measure "$CTL" --server "$URL" --concurrency 6 balance --agents "$agents" --from "$work/ids")
    echo "$w" >>"$work/balance-times"
done
fr_w=$(mid "$work/fr-times")
bal_w=$(mid "$work/balance-times")
echo "| supportctl balance $N over 10 agents, --latency 20 (wall s, median of 3) | $bal_w | fetch + reassign: $fr_w | $(ratio "$bal_w" "$fr_w") | ≤ 1.1 |"

# 8. The sandbox answers in parallel: four requests with --latency 300, all in flight at once,
#    against one request alone (tst_sandbox checks that the four are in progress at once; this
#    is how long they take). One after the other would be about 4.
start_sandbox 300
head -n 8 "$work/curl-get" >"$work/curl-get-4" # two lines per URL
head -n 2 "$work/curl-get" >"$work/curl-get-1"
read -r four_w _ < <(measure curl -s -Z --parallel-immediate --parallel-max 4 -K "$work/curl-get-4")
read -r one_w _ < <(measure curl -s -K "$work/curl-get-1")
echo "| sandbox --latency 300: 4 requests at once (wall s) | $four_w | one request: $one_w | $(ratio "$four_w" "$one_w") | < 1.5 |"
stop_sandbox
