#!/bin/sh
# Runs in the broker container once it has started (postStart). Each file in broker-passwords is a service's broker
# password, named after its user (the volume maps <service>-rabbitmq's key password to coordination-<service>):
# each user is created, or gets its current password, then broker-definitions.json gives the vhost and what each
# user may do (docs/operations.md, "Broker users"). Safe to run on every start.
set -eu

tries=0
until rabbitmqctl -q await_startup --timeout 10 >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 30 ]; then
    echo "broker-users: the node did not start" >&2
    exit 1
  fi
  sleep 2
done

for file in /etc/coordination/broker-passwords/*; do
  user="$(basename "$file")"
  password="$(cat "$file")"
  if rabbitmqctl -q list_users | cut -f1 | grep -qx "$user"; then
    rabbitmqctl -q change_password "$user" "$password"
  else
    rabbitmqctl -q add_user "$user" "$password"
  fi
done

rabbitmqctl -q import_definitions /etc/coordination/broker/broker-definitions.json
