#!/bin/sh
# Runs in the broker container once it has started (postStart). Each file in broker-passwords is a service's broker
# password, named after its user (the volume maps <service>-rabbitmq's key password to coordination-<service>):
# each user is created, or gets its current password, then broker-definitions.json gives the vhost and what each
# user may do (docs/operations.md, "Broker users"). Safe to run on every start. Passwords go to rabbitmqctl on its
# standard input: never on a command line (where ps shows them), and a password that begins with "-" (base64url can)
# is not taken for an option. BROKER_PASSWORDS and BROKER_DEFINITIONS point elsewhere for a run outside the pod.
set -eu

passwords="${BROKER_PASSWORDS:-/etc/coordination/broker-passwords}"
definitions="${BROKER_DEFINITIONS:-/etc/coordination/broker/broker-definitions.json}"

tries=0
until rabbitmqctl -q await_startup --timeout 10 >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 30 ]; then
    echo "broker-users: the node did not start" >&2
    exit 1
  fi
  sleep 2
done

for file in "$passwords"/*; do
  user="$(basename "$file")"
  if rabbitmqctl -q list_users | cut -f1 | grep -qx "$user"; then
    printf '%s' "$(cat "$file")" | rabbitmqctl -q change_password "$user"
  else
    printf '%s' "$(cat "$file")" | rabbitmqctl -q add_user "$user"
  fi
done

rabbitmqctl -q import_definitions "$definitions"
