# Sourced by bin/test (and so by .ci/run): finds the shared test peers that no Debian package ships
# (sushy-tools, DMTF's Redfish mockup server, kube-lite) and exports METALKUBE_PEERS for the tests.
# Looks, in order, at METALKUBE_PEERS if already set, ../shared/peers beside the project, then /work/shared/peers.
# Tests that need a peer and find none skip with a printed reason (or fall back as their own docs say).
if [ -z "${METALKUBE_PEERS:-}" ] || [ ! -d "${METALKUBE_PEERS}" ]; then
  unset METALKUBE_PEERS
  for metalkube_candidate in "$(pwd)/../shared/peers" /work/shared/peers; do
    if [ -d "$metalkube_candidate" ]; then
      METALKUBE_PEERS="$(cd "$metalkube_candidate" && pwd)"
      export METALKUBE_PEERS
      break
    fi
  done
  unset metalkube_candidate
fi
if [ -n "${METALKUBE_PEERS:-}" ]; then
  echo "peers: shared test peers at $METALKUBE_PEERS"
else
  echo "peers: no shared test peers folder (../shared/peers); tests that need one fall back or skip and say why"
fi
