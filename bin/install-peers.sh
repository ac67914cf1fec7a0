#!/usr/bin/env bash
# Installs the real peers the adapter tests run against (Debian packages, needs root):
#   openipmi (ipmi_sim, the BMC simulator), ipmitool (the reference client), ironic-common (all-in-one Ironic).
# Does nothing when they are already there. See ../shared/reference/real-peers.md for why these and how they run.
set -euo pipefail
need=()
command -v ipmi_sim >/dev/null 2>&1 || need+=(openipmi)
command -v ipmitool >/dev/null 2>&1 || need+=(ipmitool)
command -v ironic >/dev/null 2>&1 && command -v ironic-dbsync >/dev/null 2>&1 || need+=(ironic-common)
if [ ${#need[@]} -eq 0 ]; then
  echo "peers: ipmi_sim, ipmitool and ironic are installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "peers: missing ${need[*]}; run this script as root (it uses apt-get)" >&2
  exit 1
fi
echo "peers: installing ${need[*]} (about 40 s on a cold machine)"
export DEBIAN_FRONTEND=noninteractive
# Keep ironic's postinst from configuring a database, RabbitMQ, keystone or obsolete drivers (real-peers.md §2).
debconf-set-selections <<'SEED'
ironic-common ironic/configure_db boolean false
ironic-common ironic/configure_rabbit boolean false
ironic-common ironic/configure_ksat boolean false
ironic-common ironic/enabled_drivers multiselect
SEED
apt-get update -qq
# --no-upgrade: leave already-installed packages alone (real-peers.md pitfall 16).
apt-get install -y -qq --no-install-recommends --no-upgrade "${need[@]}" >/dev/null
echo "peers: installed ${need[*]}"
