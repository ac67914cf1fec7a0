#!/usr/bin/env bash
# The image's base, distroless-style, without a Docker daemon or a registry: the C library, zlib, CA certificates and
# time zones from Debian's packages (no shell, no package manager), a jlink'ed Java runtime holding only the modules the
# operator uses, a non-root user, a world-writable /tmp. Written as a docker-save tarball that Jib takes as its base
# (from.image = tar://...). Usage: build-base.sh OUTDIR   (OUTDIR/base.tar, OUTDIR/base-packages.txt)
set -euo pipefail
out=$(realpath -m "$1")
java_home=${JAVA_HOME:?JAVA_HOME must name the JDK whose jlink builds the runtime}
packages=(libc6 zlib1g ca-certificates tzdata)
# jdeps --print-module-deps --ignore-missing-deps --multi-release 25 bootstrap/target/metalkube.jar (2026-12-02), plus
# java.logging/java.management/java.xml named explicitly (logback, JUL bridge, JMX metrics) and jdk.zipfs (Micronaut reads
# META-INF/micronaut service entries through jar: file systems); ImageChrootIT proves it starts.
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.jfr,jdk.management,jdk.unsupported,jdk.zipfs
uid=10001

rm -rf "$out/rootfs" "$out/layer" && mkdir -p "$out/debs" "$out/rootfs" "$out/layer"
rootfs=$out/rootfs

# 1. Debian packages, unpacked (dpkg-deb -x: no maintainer scripts run, nothing of the build machine leaks in)
(cd "$out/debs" && for p in "${packages[@]}"; do ls "${p}"_*.deb >/dev/null 2>&1 || apt-get download "$p" >/dev/null 2>&1 \
  || { [ "$(id -u)" = 0 ] && apt-get update -qq && apt-get download "$p"; } \
  || { echo "bin/image: cannot download the Debian package $p (apt-get download; run apt-get update as root once)" >&2; exit 1; }; done)
: > "$out/base-packages.txt"
for deb in "$out"/debs/*.deb; do
  dpkg-deb -x "$deb" "$rootfs"
  echo "$(dpkg-deb -f "$deb" Package)=$(dpkg-deb -f "$deb" Version)" >> "$out/base-packages.txt"
done
rm -rf "$rootfs"/usr/share/doc "$rootfs"/usr/share/man "$rootfs"/usr/share/lintian "$rootfs"/usr/share/locale \
       "$rootfs"/usr/share/zoneinfo/right "$rootfs"/usr/sbin "$rootfs"/usr/bin "$rootfs"/sbin "$rootfs"/etc/ld.so.conf.d
# what update-ca-certificates would do at install time (it is a shell script; the image has no shell)
mkdir -p "$rootfs/etc/ssl/certs"
find "$rootfs/usr/share/ca-certificates" -name '*.crt' | LC_ALL=C sort | xargs cat > "$rootfs/etc/ssl/certs/ca-certificates.crt"
ln -sfn /usr/share/zoneinfo/Etc/UTC "$rootfs/etc/localtime"

# 2. the Java runtime
"$java_home/bin/jlink" --add-modules "$modules" --output "$rootfs/opt/java" --strip-debug --no-man-pages \
  --no-header-files --compress=zip-6
# the runtime's own default CDS archive (JDK classes), as the JDK ships one
"$rootfs/opt/java/bin/java" -Xshare:dump -XX:SharedArchiveFile="$rootfs/opt/java/lib/server/classes.jsa" >/dev/null

# 3. a non-root user, /tmp, /etc basics (read-only-root friendly: /tmp is the only place written, and the
#    Deployment mounts an emptyDir there)
printf 'root:x:0:0:root:/root:/sbin/nologin\nmetalkube:x:%d:%d:MetalKube operator:/nonexistent:/sbin/nologin\n' $uid $uid > "$rootfs/etc/passwd"
printf 'root:x:0:\nmetalkube:x:%d:\n' $uid > "$rootfs/etc/group"
printf 'hosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
mkdir -p "$rootfs/tmp" "$rootfs/app" && chmod 1777 "$rootfs/tmp"

# 4. one layer, as a docker-save tarball (manifest.json, config, layer)
tar --numeric-owner --owner=0 --group=0 --sort=name --mtime=@0 -C "$rootfs" -cf "$out/layer/layer.tar" .
diff_id=$(sha256sum "$out/layer/layer.tar" | cut -d' ' -f1)
labels=$(paste -sd, "$out/base-packages.txt")
cat > "$out/layer/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8","TZ=UTC","SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"],
  "User":"$uid:$uid","WorkingDir":"/app",
  "Labels":{"io.metalkube.base.debian-packages":"$labels","io.metalkube.base.java-modules":"$modules"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"bin/image: Debian packages ($labels) and a jlink runtime"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["metalkube-base:local"],"Layers":["layer.tar"]}]\n' > "$out/layer/manifest.json"
tar --numeric-owner --owner=0 --group=0 -C "$out/layer" -cf "$out/base.tar" manifest.json config.json layer.tar
rm -rf "$out/layer"
echo "base: $out/base.tar ($(du -h "$out/base.tar" | cut -f1); $(paste -sd' ' "$out/base-packages.txt"); Java modules $modules)"
