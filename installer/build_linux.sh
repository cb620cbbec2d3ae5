#!/usr/bin/env bash
# make dist-linux: the frozen one-folder program, a .tar.gz and a .deb, in dist/.
# Runs on Debian/Ubuntu (amd64 or arm64) with python3, python3-venv, binutils (strip) and dpkg-deb.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
BUILD=build/dist-linux
VENV=$BUILD/venv
mkdir -p "$BUILD" dist

# 1. The wheel, installed into a clean venv with PyInstaller: the frozen program holds exactly the
#    wheel and its runtime dependencies (no test tools, no checkout folders).
rm -f "$BUILD"/huurdersgroep_app-*.whl
$PYTHON -m pip wheel --quiet --no-deps -w "$BUILD" .
[ -x "$VENV/bin/python" ] || $PYTHON -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$BUILD"/huurdersgroep_app-*.whl
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$BUILD"/huurdersgroep_app-*.whl "pyinstaller>=6.10"
VERSION=$("$VENV/bin/python" -c "from importlib.metadata import version; print(version('huurdersgroep_app'))")
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
DATE=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)  # AppStream's release date: the commit's

# 2. Icons from the SVG, then the frozen folder.
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" installer/make_icons.py "$BUILD/icons"
ICONS_DIR="$BUILD/icons" "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$BUILD/frozen" --workpath "$BUILD/work" installer/huurdersgroep.spec
FROZEN="$BUILD/frozen/huurdersgroep"

# 3. The .tar.gz: the folder plus the desktop identity, and an install script for one user.
STAGE="$BUILD/huurdersgroep-$VERSION"
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -a "$FROZEN" "$STAGE/huurdersgroep"
cp installer/linux/huurdersgroep.desktop "$STAGE/"
sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$DATE/" installer/linux/be.huurdersgroep.App.metainfo.xml > "$STAGE/be.huurdersgroep.App.metainfo.xml"
cp -a "$BUILD/icons/hicolor" "$STAGE/icons"
cp installer/linux/install-user.sh "$STAGE/"
tar -C "$BUILD" -czf "dist/huurdersgroep-$VERSION-linux-$ARCH.tar.gz" "huurdersgroep-$VERSION"

# 4. The .deb, with Debian's own dpkg-deb: /opt/huurdersgroep, a menu entry, the icons, AppStream.
DEB="$BUILD/deb"
rm -rf "$DEB" && mkdir -p "$DEB/DEBIAN" "$DEB/opt" "$DEB/usr/bin" "$DEB/usr/share/applications" \
  "$DEB/usr/share/metainfo" "$DEB/usr/share/icons"
cp -a "$FROZEN" "$DEB/opt/huurdersgroep"
ln -s /opt/huurdersgroep/huurdersgroep "$DEB/usr/bin/huurdersgroep"
cp installer/linux/huurdersgroep.desktop "$DEB/usr/share/applications/be.huurdersgroep.App.desktop"
sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$DATE/" installer/linux/be.huurdersgroep.App.metainfo.xml > "$DEB/usr/share/metainfo/be.huurdersgroep.App.metainfo.xml"
cp -a "$BUILD/icons/hicolor" "$DEB/usr/share/icons/"
SIZE=$(du -sk "$DEB" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE/" installer/linux/control.in > "$DEB/DEBIAN/control"
install -m 755 installer/linux/postinst installer/linux/postrm "$DEB/DEBIAN/"
# --root-owner-group: the files belong to root in the package, without fakeroot (dpkg >= 1.19).
dpkg-deb --root-owner-group --build -Zxz "$DEB" "dist/huurdersgroep_${VERSION}_${ARCH}.deb" >/dev/null
ls -l dist/
