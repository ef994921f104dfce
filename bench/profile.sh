#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Profiles one running BackCare service with async-profiler (CPU, Java and kernel frames) while you load it, e.g.
# with bench/run.sh's wrk scripts. Fetches async-profiler from Maven Central once, attaches through jcmd.
#   bench/profile.sh SERVICE SECONDS [OUT]   e.g. bench/profile.sh tracking-service 20 /tmp/checkin
# writes OUT.collapsed (one line per stack, for flame graph tools) and prints the share of samples in frames that
# matter here (token verification, Hibernate, JDBC, Jackson, the kernel, the JIT).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../deploy/lib/common.sh
source "$BENCH_DIR/../deploy/lib/common.sh"

svc=${1:?usage: bench/profile.sh SERVICE SECONDS [OUT]}
secs=${2:?usage: bench/profile.sh SERVICE SECONDS [OUT]}
out=${3:-$BENCH_DIR/.work/profile-$svc}
version=4.1
dir=$BENCH_DIR/.work/async-profiler-$version
lib=$dir/linux-x64/libasyncProfiler.so
pid=$(pid_of "$svc") || die "$svc is not running (deploy/up.sh starts it)"
if [[ ! -f $lib ]]; then
  mkdir -p "$dir"
  curl -sfL -o "$dir/ap.jar" "https://repo1.maven.org/maven2/tools/profiler/async-profiler/$version/async-profiler-$version-linux-x64.jar" ||
    die "could not download async-profiler $version from Maven Central"
  (cd "$dir" && unzip -q -o ap.jar 'linux-x64/*')
fi
# jcmd splits its arguments at '=': the agent's options go as one quoted string.
jcmd "$pid" JVMTI.agent_load "$lib" "\"start,event=cpu,interval=1ms,file=$out.collapsed\"" >/dev/null
sleep "$secs"
jcmd "$pid" JVMTI.agent_load "$lib" "\"stop,file=$out.collapsed\"" >/dev/null
[[ -s $out.collapsed ]] || die "no profile written (see deploy/.data/logs/$svc.log)"
awk '{ n = $NF; total += n; s = $0
       for (i = 1; i <= k; i++) if (index(s, pat[i])) hit[i] += n }
     BEGIN { k = split("OidcIdentityProvider|jose4j|org/hibernate|org/postgresql|com/fasterxml/jackson|_[k]|C2Compiler|org/backcare", pat, "|") }
     END { printf "%d samples (1 ms each) in %s\n", total, FILENAME
           for (i = 1; i <= k; i++) printf "  %5.1f %%  %s\n", 100 * hit[i] / total, pat[i] }' "$out.collapsed"
