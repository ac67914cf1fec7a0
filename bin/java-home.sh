# Sourced by bin/* and .ci/run: points JAVA_HOME at a JDK 21 or newer (Temurin 25 is on our machines).
metalkube_java_ok() { [ -x "$1/bin/javac" ] && "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2,v,"."); exit !(v[1]+0 >= 21)}'; }
if [ -z "${JAVA_HOME:-}" ] || ! metalkube_java_ok "$JAVA_HOME"; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]-openjdk-* /usr/lib/jvm/*; do
    if metalkube_java_ok "$candidate"; then export JAVA_HOME="$candidate"; break; fi
  done
fi
if ! metalkube_java_ok "${JAVA_HOME:-/nonexistent}"; then
  echo "MetalKube needs a JDK 21 or newer; set JAVA_HOME to one (found none under /usr/lib/jvm)." >&2
  return 1 2>/dev/null || exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
