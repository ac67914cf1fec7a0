#!/usr/bin/env bash
# Installs the real peers the adapter tests run against (Debian packages, needs root):
#   openipmi (ipmi_sim, the BMC simulator), ipmitool (the reference client), ironic-common (all-in-one Ironic),
#   the Python modules the Redfish emulators need (sushy-tools, DMTF's mockup server: flask, requests, tenacity,
#   bcrypt, webob, pbr) and redfishtool (DMTF's reference Redfish client).
# Does nothing when they are already there. See ../shared/reference/real-peers.md and redfish.md for why these and
# how they run. The emulators themselves come from ../shared/peers (METALKUBE_PEERS); without that folder,
# sushy-tools is tried from the Python package index, and what is still missing is said plainly.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/peers-home.sh >/dev/null   # METALKUBE_PEERS, when run on its own rather than from bin/test
need=()
command -v ipmi_sim >/dev/null 2>&1 || need+=(openipmi)
command -v ipmitool >/dev/null 2>&1 || need+=(ipmitool)
command -v ironic >/dev/null 2>&1 && command -v ironic-dbsync >/dev/null 2>&1 || need+=(ironic-common)
# Debian's interpreter: the PATH python3 may be a pyenv shim that cannot import Debian's modules.
for module in flask:python3-flask requests:python3-requests tenacity:python3-tenacity bcrypt:python3-bcrypt \
              webob:python3-webob pbr:python3-pbr; do
  /usr/bin/python3 -c "import ${module%%:*}" >/dev/null 2>&1 || need+=("${module##*:}")
done
command -v redfishtool >/dev/null 2>&1 || need+=(redfishtool)
redfish_emulator() {
  [ -n "${METALKUBE_PEERS:-}" ] && [ -d "${METALKUBE_PEERS}/sushy-tools" ] && return 0
  /usr/bin/python3 -c "import sushy_tools.emulator.main" >/dev/null 2>&1
}
if [ ${#need[@]} -eq 0 ]; then
  echo "peers: ipmi_sim, ipmitool, ironic, the Redfish emulators' Python modules and redfishtool are installed"
else
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
fi
if ! redfish_emulator; then
  echo "peers: no ../shared/peers/sushy-tools; trying sushy-tools from the Python package index"
  if /usr/bin/python3 -m pip install --quiet --break-system-packages sushy-tools >/dev/null 2>&1 && redfish_emulator; then
    echo "peers: sushy-tools installed from the Python package index"
  else
    echo "peers: sushy-tools is missing (no ../shared/peers and the Python package index is unreachable or pip is absent);" \
         "the Redfish emulator tests will be skipped and say so. DMTF's mockup server has no package: get" \
         "DMTF/Redfish-Mockup-Server and point METALKUBE_PEERS at a folder holding it as redfish-mockup-server/." >&2
  fi
fi
