#!/usr/bin/env bash
# Assembles the gateway image's runtime into a directory, with no container engine and no base image:
#   <out>/opt/java        a jlinked Java runtime (the modules below), with the build JDK's CA certificates
#   <out>/lib, /lib64     the glibc and zlib shared libraries that runtime loads, taken from Debian packages
#   <out>/opt/skysocket/runtime-sources.txt   which JDK and which package versions went in, with checksums
# Usage: assemble-runtime.sh <java.home of the build JDK> <out dir> <package cache dir>
# Linux x86_64 with dpkg only (the task definition's RuntimePlatform is LINUX/X86_64).
set -euo pipefail

java_home=$1
out=$2
cache=$3

# jdeps --ignore-missing-deps --print-module-deps --multi-release 17 --class-path 'lib/*' skysocket-gateway.jar
# gives java.base, java.compiler, java.desktop, java.management, java.naming, java.security.jgss, java.sql and
# jdk.unsupported. Added: jdk.crypto.ec (TLS key exchange with AWS endpoints; a service jdeps cannot see) and
# jdk.zipfs (the JDK's own zip file system provider, loaded by name).
modules=java.base,java.compiler,java.desktop,java.management,java.naming,java.security.jgss,java.sql
modules=$modules,jdk.unsupported,jdk.crypto.ec,jdk.zipfs

[ "$(uname -m)" = x86_64 ] || { echo "the image runtime is assembled on Linux x86_64 only" >&2; exit 1; }
command -v dpkg-query >/dev/null || { echo "the image runtime needs dpkg (Debian's libraries)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/opt/skysocket" "$cache"
"$java_home/bin/jlink" --add-modules "$modules" --output "$out/opt/java" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive
# --generate-cds-archive: the runtime's own classes come mapped from a shared archive (lib/server/classes.jsa) at
# every start instead of being parsed and verified, which the JVM uses by default (-Xshare:auto).
# java.desktop is there for java.beans only: its graphics and sound libraries are never loaded by a headless
# server, and they would need X11, font and image libraries.
rm -f "$out"/opt/java/lib/lib{awt,awt_headless,awt_xawt,fontmanager,javajpeg,jawt,jsound,lcms,mlib_image,splashscreen}.so
# Debian's JDK keeps its CA certificates outside the JDK (a symlink into /etc/ssl); the image needs the file.
cp -L "$java_home/lib/security/cacerts" "$out/opt/java/lib/security/cacerts"

sources=$out/opt/skysocket/runtime-sources.txt
{
  echo "# The runtime in this image, assembled by META-INF/skysocket/image/assemble-runtime.sh of skysocket-gateway"
  echo "java: $("$out/opt/java/bin/java" -version 2>&1 | sed -n 2p)"
  echo "java modules: $modules"
} >"$sources"

# The shared libraries the runtime's executables and libraries load, outside the runtime itself.
needed=$(find "$out/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -exec sh -c \
  '[ "$(head -c 4 "$1" | tail -c 3)" = ELF ] && ldd "$1"' _ {} \; 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | grep -v "^$out"
  echo /lib64/ld-linux-x86-64.so.2)
needed=$(echo "$needed" | sort -u)

packages=""
for lib in $needed; do
  pkg=$( (dpkg-query -S "$lib" 2>/dev/null || dpkg-query -S "$(readlink -f "$lib")" 2>/dev/null || true) \
    | sed -n '1s/: .*//p')
  [ -n "$pkg" ] || { echo "no Debian package owns $lib" >&2; exit 1; }
  packages="$packages $pkg"
done
packages=$(echo "$packages" | tr ' ' '\n' | sed '/^$/d' | sort -u)

for pkg in $packages; do
  name=${pkg%%:*}
  version=$(dpkg-query -W -f='${Version}' "$pkg")
  tree=$cache/$name-${version//:/_}
  origin="package $name=$version"
  if [ ! -d "$tree" ]; then
    # The same version the build machine has installed, so both routes give the same files.
    if (cd "$cache" && apt-get download -qq "$name=$version" >/dev/null 2>&1); then
      deb=$(ls "$cache"/${name}_*.deb | head -1)
      dpkg-deb -x "$deb" "$tree.tmp" && mv "$tree.tmp" "$tree"
      echo "$origin $(sha256sum "$deb" | cut -d' ' -f1)" >"$tree.origin"
      rm -f "$deb"
    fi
  fi
  if [ -d "$tree" ]; then
    origin=$(cat "$tree.origin")
  else
    # No package index here (apt-get update not run, or no network): the installed package's files.
    tree=/
    origin="$origin, copied from the build machine (apt-get download failed)"
  fi
  echo "$origin" >>"$sources"
  for lib in $needed; do
    owner=$(dpkg-query -S "$lib" 2>/dev/null || dpkg-query -S "$(readlink -f "$lib")" 2>/dev/null || true)
    case "$owner" in "$pkg:"*|"$name:"*) ;; *) continue ;; esac
    # Where the package puts it, under the name the loader asks for (the soname, not the versioned file).
    path=${owner#*: }
    dest=$(dirname "$path")/$(basename "$lib")
    mkdir -p "$out$(dirname "$dest")"
    cp -L "$tree$path" "$out$dest"
    echo "  $dest $(sha256sum "$out$dest" | cut -d' ' -f1)" >>"$sources"
  done
done
# The ELF interpreter path the executables name: one copy, since a layer carries no symlink target outside it.
if [ ! -e "$out/lib64/ld-linux-x86-64.so.2" ]; then
  mkdir -p "$out/lib64"
  cp -L "$out/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" "$out/lib64/ld-linux-x86-64.so.2"
fi
mkdir -p "$out/tmp"
cp -R "$(dirname "$0")/root/." "$out/"
echo "image runtime in $out:"
sed 's/^/  /' "$sources"
