#!/usr/bin/env bash
# Runs the whole test suite against a private RabbitMQ and PostgreSQL bound to 127.0.0.1.
#
#   ./test.sh [extra dotnet test args...]
#
# Environment:
#   RABBITMQ_URI          use this broker instead of starting one (RABBITMQ_MANAGEMENT_URI is then left as given)
#   POSTGRES_CONNECTION   use this database instead of starting one (Npgsql connection string)
#   TEST_RABBITMQ_PORT    AMQP port of the private broker          (default 56720)
#   TEST_RABBITMQ_MGMT_PORT / TEST_RABBITMQ_DIST_PORT / TEST_EPMD_PORT  (defaults 15673 / 25673 / 43691)
#   TEST_POSTGRES_PORT    port of the private PostgreSQL            (default 55432)
#   TEST_SOLUTION         solution to test                         (default Coordination.sln)
#   BUF                   buf to run the contract guard with (default: on PATH, else installed from npm into
#                         ${XDG_CACHE_HOME:-~/.cache}/coordination-tools, or COORDINATION_TOOLS)
#
# Prints progress on stderr and, as the last stdout line, "N passed, N failed[, N skipped]".
# Exits non-zero when any test failed or dotnet test itself failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

SOLUTION=${TEST_SOLUTION:-Coordination.sln}
RMQ_PORT=${TEST_RABBITMQ_PORT:-56720}
RMQ_MGMT_PORT=${TEST_RABBITMQ_MGMT_PORT:-15673}
RMQ_DIST_PORT=${TEST_RABBITMQ_DIST_PORT:-25673}
RMQ_EPMD_PORT=${TEST_EPMD_PORT:-43691}
PG_PORT=${TEST_POSTGRES_PORT:-55432}
RMQ_BIN=/usr/lib/rabbitmq/bin
BUF_VERSION=1.75.0   # @bufbuild/buf from npm, for the contract guard

export DOTNET_CLI_TELEMETRY_OPTOUT=${DOTNET_CLI_TELEMETRY_OPTOUT:-1}
export DOTNET_NOLOGO=${DOTNET_NOLOGO:-1}
export MSBUILDDISABLENODEREUSE=${MSBUILDDISABLENODEREUSE:-1}   # no MSBuild nodes left behind

log() { printf '[test.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }
now() { echo "${EPOCHREALTIME/[.,]/}"; }                 # microseconds
since() { local d=$(( $(now) - $1 )); printf '%d.%01ds' $((d / 1000000)) $((d % 1000000 / 100000)); }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() {   # port timeout-seconds
  local i
  for ((i = 0; i < $2 * 5; i++)); do port_in_use "$1" && return 0; sleep 0.2; done
  return 1
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/coordtest.XXXXXX")
chmod 755 "$WORK"
RESULTS="$WORK/results"

STARTED_RMQ=0 STARTED_PG=0 EPMD_PID="" DOTNET_PID="" PG_BIN="" PG_DIR="" PG_DIR_EXTRA="" POLICY_RC_CREATED=0
CLEANED=0

cleanup() {
  [[ $CLEANED == 1 ]] && return 0
  CLEANED=1
  set +e
  local t
  t=$(now)
  if [[ -n $DOTNET_PID ]]; then kill "$DOTNET_PID" 2>/dev/null; wait "$DOTNET_PID" 2>/dev/null; fi
  if [[ $POLICY_RC_CREATED == 1 ]]; then rm -f /usr/sbin/policy-rc.d; fi
  if [[ $STARTED_RMQ == 1 ]]; then
    log "stopping RabbitMQ"
    if ! timeout 60 "$RMQ_BIN/rabbitmqctl" stop "$RABBITMQ_PID_FILE" >"$WORK/rabbitmqctl-stop.log" 2>&1; then
      local bp
      bp=$(cat "$RABBITMQ_PID_FILE" 2>/dev/null)
      if [[ -n $bp ]] && kill -0 "$bp" 2>/dev/null; then
        log "rabbitmqctl stop failed; killing beam pid $bp"
        kill -KILL "$bp" 2>/dev/null
      fi
    fi
  fi
  if [[ -n $EPMD_PID ]]; then
    kill "$EPMD_PID" 2>/dev/null
    wait "$EPMD_PID" 2>/dev/null
  fi
  if [[ $STARTED_PG == 1 ]]; then
    log "stopping PostgreSQL"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 ||
      { local pp; pp=$(head -n1 "$PG_DIR/data/postmaster.pid" 2>/dev/null); [[ -n $pp ]] && kill -QUIT "$pp" 2>/dev/null; }
  fi
  [[ $STARTED_RMQ == 1 || $STARTED_PG == 1 ]] && log "servers stopped in $(since "$t")"
  rm -rf "$WORK" ${PG_DIR_EXTRA:+"$PG_DIR_EXTRA"}
}
trap 'cleanup' EXIT
trap 'cleanup; trap - INT; kill -INT $$' INT
trap 'cleanup; exit 143' TERM

# ---------------------------------------------------------------- install
need_pkgs=()
if [[ -z ${RABBITMQ_URI:-} && ! -x $RMQ_BIN/rabbitmq-server ]]; then need_pkgs+=(rabbitmq-server); fi
if [[ -z ${POSTGRES_CONNECTION:-} ]] && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  need_pkgs+=(postgresql)
fi
if ((${#need_pkgs[@]})); then
  t=$(now)
  log "installing ${need_pkgs[*]} via apt"
  # Forbid the packages from starting their services (they would bind all interfaces).
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    POLICY_RC_CREATED=1
  fi
  service_pids() { pgrep -x beam.smp; pgrep -x epmd; pgrep -x postgres; true; }
  before=" $(service_pids | tr '\n' ' ') "
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >&2
  if [[ $POLICY_RC_CREATED == 1 ]]; then rm -f /usr/sbin/policy-rc.d; POLICY_RC_CREATED=0; fi
  # Belt and braces: stop anything the packages started anyway (only processes that are new).
  for p in $(service_pids); do
    owner=$(ps -o user= -p "$p" 2>/dev/null || true)
    if [[ $before != *" $p "* && ( $owner == rabbitmq || $owner == postgres ) ]]; then
      log "stopping service process $p ($owner) started by the package"
      kill "$p" 2>/dev/null || true
    fi
  done
  log "install took $(since "$t")"
fi

# ---------------------------------------------------------------- kubectl (renders deploy/k8s in the deployment tests)
if ! command -v kubectl >/dev/null 2>&1; then
  log "kubectl not found: trying apt (package kubectl); the deployment tests fail with a clear message without it"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends kubectl >&2 2>/dev/null ||
    log "kubectl could not be installed from the configured apt sources"
fi

# ---------------------------------------------------------------- buf (the contract guard: buf lint, buf breaking)
if [[ -z ${BUF:-} ]] && ! command -v buf >/dev/null 2>&1; then
  BUF_HOME=${COORDINATION_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/coordination-tools}
  if [[ ! -x $BUF_HOME/node_modules/.bin/buf ]]; then
    t=$(now)
    if command -v npm >/dev/null 2>&1; then
      log "installing @bufbuild/buf $BUF_VERSION from npm into $BUF_HOME"
      npm install --silent --no-audit --no-fund --prefix "$BUF_HOME" "@bufbuild/buf@$BUF_VERSION" >&2 ||
        log "buf could not be installed; the contract guard tests fail with a clear message"
      log "buf install took $(since "$t")"
    else
      log "npm not found: buf cannot be installed; the contract guard tests fail with a clear message"
    fi
  fi
  [[ -x $BUF_HOME/node_modules/.bin/buf ]] && export BUF="$BUF_HOME/node_modules/.bin/buf"
fi
log "buf for the contract guard: ${BUF:-$(command -v buf || echo 'not found')}"

# ---------------------------------------------------------------- start RabbitMQ
if [[ -z ${RABBITMQ_URI:-} ]]; then
  t=$(now)
  for p in "$RMQ_PORT" "$RMQ_MGMT_PORT" "$RMQ_DIST_PORT" "$RMQ_EPMD_PORT"; do
    port_in_use "$p" && die "port 127.0.0.1:$p is already in use (set TEST_RABBITMQ_PORT etc. or RABBITMQ_URI)"
  done
  R="$WORK/rabbitmq"
  mkdir -p "$R/home" "$R/mnesia" "$R/log"
  cat >"$R/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$RMQ_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RMQ_MGMT_PORT
loopback_users.guest = true
EOF
  echo '[rabbitmq_management].' >"$R/enabled_plugins"
  : >"$R/rabbitmq-env.conf"
  export HOME="$R/home" RABBITMQ_NODENAME=coordtest@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT=$RMQ_PORT RABBITMQ_DIST_PORT=$RMQ_DIST_PORT
  export ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT=$RMQ_EPMD_PORT
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CONF_ENV_FILE="$R/rabbitmq-env.conf" RABBITMQ_CONFIG_FILE="$R/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$R/advanced.config" RABBITMQ_ENABLED_PLUGINS_FILE="$R/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$R/mnesia" RABBITMQ_LOG_BASE="$R/log" RABBITMQ_PID_FILE="$R/rabbit.pid"
  # Our own epmd, in the foreground of a background job, so we know its pid and can end it.
  EPMD=$(command -v epmd || ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | head -n1) || true
  [[ -x ${EPMD:-} ]] || die "epmd not found (is erlang-base installed?)"
  "$EPMD" -port "$RMQ_EPMD_PORT" -address 127.0.0.1 >"$R/log/epmd.log" 2>&1 </dev/null &
  EPMD_PID=$!
  wait_port "$RMQ_EPMD_PORT" 10 || die "epmd did not start"
  log "starting RabbitMQ on 127.0.0.1:$RMQ_PORT (management $RMQ_MGMT_PORT)"
  STARTED_RMQ=1
  "$RMQ_BIN/rabbitmq-server" -detached >"$R/log/detached.log" 2>&1 </dev/null
  if ! "$RMQ_BIN/rabbitmqctl" wait --timeout 120 "$RABBITMQ_PID_FILE" >"$R/log/wait.log" 2>&1 ||
    ! wait_port "$RMQ_MGMT_PORT" 30; then
    cat "$R/log/wait.log" "$R/log"/*.log >&2 2>/dev/null || true
    die "RabbitMQ did not start"
  fi
  export RABBITMQ_URI="amqp://guest:guest@127.0.0.1:$RMQ_PORT/"
  export RABBITMQ_MANAGEMENT_URI="http://guest:guest@127.0.0.1:$RMQ_MGMT_PORT/"
  log "RabbitMQ started in $(since "$t")"
fi

# ---------------------------------------------------------------- start PostgreSQL
if [[ -z ${POSTGRES_CONNECTION:-} ]]; then
  t=$(now)
  port_in_use "$PG_PORT" && die "port 127.0.0.1:$PG_PORT is already in use (set TEST_POSTGRES_PORT or POSTGRES_CONNECTION)"
  PG_BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)")
  PG_DIR="$WORK/pg"
  mkdir "$PG_DIR"
  chown postgres: "$PG_DIR"
  if ! runuser -u postgres -- test -w "$PG_DIR"; then   # e.g. TMPDIR under /root
    PG_DIR=$(mktemp -d /tmp/coordtest-pg.XXXXXX)
    PG_DIR_EXTRA=$PG_DIR
    chown postgres: "$PG_DIR"
  fi
  log "starting PostgreSQL $(basename "$(dirname "$PG_BIN")") on 127.0.0.1:$PG_PORT"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync -E UTF8 \
    --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
  cat >>"$PG_DIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
EOF
  STARTED_PG=1
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/pg.log" -w -t 60 start >/dev/null ||
    { cat "$PG_DIR/pg.log" >&2; die "PostgreSQL did not start"; }
  export POSTGRES_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=postgres"
  log "PostgreSQL started in $(since "$t")"
fi

# ---------------------------------------------------------------- test
log "RABBITMQ_URI=${RABBITMQ_URI:-} RABBITMQ_MANAGEMENT_URI=${RABBITMQ_MANAGEMENT_URI:-}"
log "POSTGRES_CONNECTION=${POSTGRES_CONNECTION:-}"
log "running dotnet test $SOLUTION $*"
t=$(now)
rc=0
mkdir -p "$RESULTS"
# In the background + wait, so that INT/TERM run the trap at once instead of after dotnet ends.
dotnet test "$SOLUTION" --logger "trx;LogFilePrefix=results" --results-directory "$RESULTS" "$@" </dev/null &
DOTNET_PID=$!
wait "$DOTNET_PID" || rc=$?
DOTNET_PID=""
log "dotnet test exited $rc after $(since "$t")"

# ---------------------------------------------------------------- summary
counter() {   # attribute name -> sum over all Counters elements of all trx files
  find "$RESULTS" -name '*.trx' -exec cat {} + 2>/dev/null |
    { grep -o '<Counters [^>]*' || true; } |
    { grep -o " $1=\"[0-9]*\"" || true; } |
    awk -F'"' '{ s += $2 } END { print s + 0 }'
}
passed=$(counter passed)
failed=$(($(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted)))
# xunit skips are counted in total but neither in executed nor in notExecuted: take the larger.
skipped=$(($(counter total) - $(counter executed)))
notexec=$(counter notExecuted)
((notexec > skipped)) && skipped=$notexec
trx_count=$(find "$RESULTS" -name '*.trx' 2>/dev/null | wc -l)
log "read $trx_count trx file(s)"
if ((rc != 0 && failed == 0)); then failed=1; fi

summary="$passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"
echo "$summary"

if ((failed > 0 || rc != 0)); then exit 1; fi
exit 0
